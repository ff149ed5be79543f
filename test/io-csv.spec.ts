import { describe, expect, it } from "./support/jest-globals.d";
import { expectError } from "./support/numeric";
import { formatCsv, parseCsv, tableToDataset } from "../src/io";

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
		expectError(() => parseCsv("", "data.csv"), "data.csv: the file is empty");
	});
	it("round-trips through formatCsv", () => {
		const text = formatCsv(["name", "score"], [["a,b", 1.5], ['q"t', 2]]);
		expect(text).toBe('name,score\n"a,b",1.5\n"q""t",2\n');
		expect(parseCsv(text).rows).toEqual([
			["a,b", "1.5"],
			['q"t', "2"],
		]);
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
		expectError(() => tableToDataset(sample, { target: "missing", source: "f.csv" }), 'f.csv: no column "missing"');
	});
	it("applies a saved encoding and rejects unknown categories", () => {
		const fit = tableToDataset(sample, { target: "label", targetKind: "label" });
		const fresh = parseCsv("size,color\n4,blue\n");
		expect(tableToDataset(fresh, { encoding: fit.encoding }).X).toEqual([[4, 1, 0]]);
		const unknown = parseCsv("size,color\n4,green\n");
		expectError(() => tableToDataset(unknown, { encoding: fit.encoding, source: "p.csv" }), 'unknown category "green"');
	});
});
