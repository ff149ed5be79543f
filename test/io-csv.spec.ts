import { describe, expect, it } from "./support/jest-globals.d";
import { expectError } from "./support/numeric";
import { formatCsv, parseCsv, parseNumber, tableToDataset } from "../src/io";

describe("parseCsv", () => {
	it("reads a header, quoted fields, doubled quotes, embedded commas and newlines", () => {
		const parsed = parseCsv('a,b,c\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\n\n');
		expect(parsed.header).toEqual(["a", "b", "c"]);
		expect(parsed.rows).toEqual([
			["1", "x, y", 'say "hi"'],
			["2", "two\nlines", "z"],
		]);
	});
	it("names the file and row for a short row, an open quote, and a duplicate column", () => {
		expectError(() => parseCsv("a,b\n1,2\n3\n", "data.csv"), "data.csv: row 3", "expected 2 fields");
		expectError(() => parseCsv('a,b\n1,"2\n', "data.csv"), "data.csv: row 2", "quoted field is not closed");
		expectError(() => parseCsv("a,a\n1,2\n", "data.csv"), 'names column "a" twice');
		expectError(() => parseCsv("", "data.csv"), "data.csv: row 1, column 1: the file is empty");
	});
	it("round-trips through formatCsv", () => {
		const text = formatCsv(
			["name", "score"],
			[
				["a,b", 1.5],
				['q"t', 2],
			],
		);
		expect(text).toBe('name,score\n"a,b",1.5\n"q""t",2\n');
		expect(parseCsv(text).rows).toEqual([
			["a,b", "1.5"],
			['q"t', "2"],
		]);
	});
});

describe("parseNumber: the strict decimal grammar", () => {
	it("reads decimals with optional sign, fraction and exponent", () => {
		const good: Array<[string, number]> = [
			["12", 12],
			["-0.5", -0.5],
			[".5", 0.5],
			["1e-3", 0.001],
			["1E+3", 1000],
			["+2", 2],
			[" 7 ", 7],
			["3.", 3],
		];
		for (const [text, value] of good) expect(parseNumber(text)).toBe(value);
	});
	it("refuses hexadecimal, inf, nan, decimal commas and broken forms", () => {
		for (const text of ["0x10", "inf", "-inf", "nan", "NaN", "1e", "1,5", "1.2.3", "--1", "1-", "", "1 2", "e5", "."]) {
			expect(parseNumber(text)).toBeUndefined();
		}
	});
});

describe("parseCsv: decisions and delimiters", () => {
	it("lists a removed byte-order mark, a sniffed delimiter, trimmed fields and skipped blank lines", () => {
		const parsed = parseCsv('\xEF\xBB\xBFa;b\n 1 ; "x y" \n\n2;z\n', "d.csv");
		expect(parsed.header).toEqual(["a", "b"]);
		expect(parsed.rows).toEqual([
			["1", "x y"],
			["2", "z"],
		]);
		expect(parsed.rowNumbers).toEqual([2, 4]);
		expect(parsed.decisions).toEqual([
			"byte-order mark (UTF-8) removed from the start of the file",
			'delimiter: ";" (sniffed from the header: 0 ",", 1 ";", 0 tab; --delimiter chooses another)',
			"spaces around 1 unquoted field trimmed",
			"blank lines skipped: row 3",
		]);
		expect(parseCsv("a\tb\n1\t2\n", "t.csv", { delimiter: "tab" }).rows).toEqual([["1", "2"]]);
	});
	it("names row and column for text after a closing quote, a stray quote, a delimiter tie and bad UTF-8", () => {
		expectError(() => parseCsv('a,b\n"x"y,2\n', "q.csv"), "q.csv: row 2, column 1: text after the closing quote");
		expectError(() => parseCsv('a,b\n1,x"y\n', "q.csv"), "q.csv: row 2, column 2: stray quote inside an unquoted field");
		expectError(
			() => parseCsv("a,b;c\n1,2;3\n", "q.csv"),
			'q.csv: row 1, column 1: the header holds 1 of both "," and ";"; give the delimiter with --delimiter',
		);
		expectError(() => parseCsv(`a,b\n1,${string.char(255)}\n`, "q.csv"), "q.csv: row 2, column 2: not UTF-8 text (byte 0xFF)");
		expectError(() => parseCsv("a,b\n1,2,3\n", "q.csv"), "q.csv: row 2, column 3: expected 2 fields (as in the header), got 3");
	});
});

describe("tableToDataset", () => {
	const sample = parseCsv("size,color,label\n1.5,red,yes\n2,blue,no\n3,red,yes\n");
	it("one-hot encodes categorical columns with sorted categories and keeps labels", () => {
		const data = tableToDataset(sample, { target: "label", targetKind: "label", source: "t.csv" });
		expect(data.featureNames).toEqual(["size", "color=blue", "color=red"]);
		expect(data.X).toEqual([
			[1.5, 0, 1],
			[2, 1, 0],
			[3, 0, 1],
		]);
		expect(data.y).toEqual(["yes", "no", "yes"]);
	});
	it("names file, row and column for missing and non-numeric values", () => {
		const bad = parseCsv("x,y\n1,2\n,3\n");
		expectError(() => tableToDataset(bad, { target: "y", source: "f.csv" }), 'f.csv: row 3, column "x": missing value');
		const word = parseCsv("x,y\n1,2\nabc,3\n");
		expectError(() => tableToDataset(word, { target: "y", source: "f.csv" }), 'f.csv: row 3, column "x": expected a number, got "abc"');
		const badTarget = parseCsv("x,y\n1,2\n2,no\n");
		expectError(() => tableToDataset(badTarget, { target: "y", source: "f.csv" }), 'row 3, column "y": expected a number, got "no"');
		expectError(() => tableToDataset(sample, { target: "missing", source: "f.csv" }), 'f.csv: row 1: no column "missing"');
	});
	it("applies a saved encoding and rejects unknown categories", () => {
		const fit = tableToDataset(sample, { target: "label", targetKind: "label" });
		const fresh = parseCsv("size,color\n4,blue\n");
		expect(tableToDataset(fresh, { encoding: fit.encoding }).X).toEqual([[4, 1, 0]]);
		const unknown = parseCsv("size,color\n4,green\n");
		expectError(() => tableToDataset(unknown, { encoding: fit.encoding, source: "p.csv" }), 'unknown category "green"');
	});
});
