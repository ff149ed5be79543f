//!native
/**
 * CSV reading: RFC 4180 fields (quoted fields, doubled quotes, embedded delimiters and newlines)
 * and a header row, without silent guesses: a UTF-8 byte-order mark is removed, the delimiter is
 * given or sniffed from the header (comma, semicolon, tab), unquoted fields are trimmed, text that
 * is not UTF-8 is refused, and every such decision is listed in `decisions`. Errors name the
 * source, row (the file's line where the record starts) and column.
 */

/** A parsed CSV table: the header and the rows of raw text fields. */
export interface CsvTable {
	/** Column names from the header row. */
	header: Array<string>;
	/** Data rows, each with exactly `header.size()` fields. */
	rows: Array<Array<string>>;
	/** The file's row (1-based line where the record starts; the header is row 1) of each data row. */
	rowNumbers?: Array<number>;
	/** What the reader decided (byte-order mark, delimiter, trimmed fields, blank lines), one line each. */
	decisions?: Array<string>;
}

/** Options of {@link parseCsv}. */
export interface CsvOptions {
	/** The delimiter: ",", ";", "\t" (or "tab") or "|"; sniffed from the header when absent. */
	delimiter?: string;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const SNIFFED = [",", ";", "\t"];

/** How a delimiter is shown in messages. */
function delimiterName(d: string): string {
	return d === "\t" ? "tab" : `"${d}"`;
}

/** Reads `--delimiter` style text ("," ";" "tab" "\t" "|"), or undefined when it is not one. */
export function delimiterFromText(text: string): string | undefined {
	if (text === "tab" || text === "\\t" || text === "\t") return "\t";
	if (text === "," || text === ";" || text === "|") return text;
	return undefined;
}

/** Counts each candidate delimiter outside quotes in the first record; picks the most frequent. */
function sniffDelimiter(text: string, start: number, fail: (message: string) => never, decisions: Array<string>): string {
	const counts = new Map<string, number>();
	let inQuotes = false;
	let i = start;
	while (i <= text.size()) {
		const [c] = string.byte(text, i);
		if (c === QUOTE) inQuotes = !inQuotes;
		else if (!inQuotes && (c === LF || c === CR)) break;
		else if (!inQuotes) {
			const ch = string.char(c);
			if (SNIFFED.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
		}
		i += 1;
	}
	let best = ",";
	let bestCount = 0;
	for (const d of SNIFFED) {
		const n = counts.get(d) ?? 0;
		if (n > bestCount) {
			best = d;
			bestCount = n;
		} else if (n > 0 && n === bestCount) {
			fail(
				`row 1, column 1: the header holds ${n} of both ${delimiterName(best)} and ${delimiterName(d)}; give the delimiter with --delimiter`,
			);
		}
	}
	const tally = SNIFFED.map((d) => `${counts.get(d) ?? 0} ${delimiterName(d)}`).join(", ");
	if (bestCount === 0) decisions.push(`delimiter: none found in the header (${tally}): one column`);
	else decisions.push(`delimiter: ${delimiterName(best)} (sniffed from the header: ${tally}; --delimiter chooses another)`);
	return best;
}

function isBlank(c: number): boolean {
	return c === SPACE || c === TAB;
}

/** Trims spaces and tabs from both ends. */
export function trimField(s: string): string {
	const [first] = string.byte(s, 1);
	const [last] = string.byte(s, -1);
	if (first === undefined || (!isBlank(first) && !isBlank(last as number))) return s;
	const [a] = s.gsub("^[ \t]+", "");
	const [b] = a.gsub("[ \t]+$", "");
	return b;
}

/**
 * Parses CSV text with a header row. `source` names the file in error messages.
 * Blank lines are skipped (and listed in `decisions`); every data row must have as many fields
 * as the header.
 */
export function parseCsv(text: string, source = "CSV", options: CsvOptions = {}): CsvTable {
	if (!typeIs(text, "string")) {
		error(`[Hivemind] parseCsv: text must be a string, got ${typeOf(text)}`, 2);
	}
	const fail = (message: string): never => error(`[Hivemind] ${source}: ${message}`, 3);
	const decisions = new Array<string>();
	let start = 1;
	if (text.sub(1, 3) === "\xEF\xBB\xBF") {
		start = 4;
		decisions.push("byte-order mark (UTF-8) removed from the start of the file");
	} else if (text.sub(1, 2) === "\xFF\xFE" || text.sub(1, 2) === "\xFE\xFF") {
		fail("row 1, column 1: the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8 CSV");
	}
	let delimiter: number;
	if (options.delimiter !== undefined) {
		const d = delimiterFromText(options.delimiter);
		if (d === undefined) error(`[Hivemind] parseCsv: options.delimiter must be ",", ";", "tab" or "|", got "${options.delimiter}"`, 2);
		delimiter = string.byte(d)[0];
		decisions.push(`delimiter: ${delimiterName(d)} (given)`);
	} else {
		delimiter = string.byte(sniffDelimiter(text, start, fail, decisions))[0];
	}
	const ordinaryRun = `^[^${string.char(delimiter)}\r\n"]+`;
	const records = new Array<Array<string>>();
	const recordLines = new Array<number>();
	const blankLines = new Array<number>();
	let trimmed = 0;
	let field = new Array<string>();
	let record = new Array<string>();
	let quoted = false;
	let inQuotes = false;
	let afterQuote = false;
	let line = 1;
	let recordStartLine = 1;
	const length = text.size();
	const pushField = () => {
		const raw = field.join("");
		let value = raw;
		if (!quoted) {
			value = trimField(raw);
			if (value !== raw) trimmed += 1;
		}
		const [valid, bad] = utf8.len(value);
		if (valid === undefined) {
			const [byte] = string.byte(value, bad as number);
			fail(
				`row ${recordStartLine}, column ${record.size() + 1}: not UTF-8 text (byte 0x${string.format("%02X", byte)}); save the file as UTF-8`,
			);
		}
		record.push(value);
		field = [];
		quoted = false;
		afterQuote = false;
	};
	const pushRecord = () => {
		const blank = record.size() === 0 && !quoted && trimField(field.join("")) === "";
		pushField();
		if (blank) {
			blankLines.push(recordStartLine);
		} else {
			records.push(record);
			recordLines.push(recordStartLine);
		}
		record = [];
	};
	const delimiterText = string.char(delimiter);
	let nextSpecial = 0;
	let nextBlank = 0;
	let i = start;
	while (i <= length) {
		if (field.size() === 0 && record.size() === 0 && !quoted && !inQuotes) {
			// Fast path: a whole line without quotes, carriage returns (but a CRLF ending) or non-ASCII
			// bytes that is not blank splits at the delimiter exactly as the character loop below reads
			// it. The next such byte and the next space or tab are searched once, not per line.
			const [lf] = string.find(text, "\n", i, true);
			const lineEnd = lf === undefined ? length : lf - 1;
			if (nextSpecial < i) nextSpecial = string.find(text, '["\r\x80-\xFF]', i)[0] ?? length + 1;
			let lineStop = lineEnd;
			let clean = nextSpecial > lineEnd;
			if (!clean && nextSpecial === lineEnd && lf !== undefined && string.byte(text, lineEnd)[0] === CR) {
				lineStop = lineEnd - 1;
				nextSpecial = string.find(text, '["\r\x80-\xFF]', lf)[0] ?? length + 1;
				clean = true;
			}
			if (nextBlank < i) nextBlank = string.find(text, "[ \t]", i)[0] ?? length + 1;
			const blanks = nextBlank <= lineStop;
			if (clean && lineStop >= i) {
				const lineText = text.sub(i, lineStop);
				if (!blanks || lineText.find("^[ \t]*$")[0] === undefined) {
					const fields = lineText.split(delimiterText);
					if (blanks) {
						for (const f of $range(0, fields.size() - 1)) {
							const value = trimField(fields[f]);
							if (value !== fields[f]) {
								trimmed += 1;
								fields[f] = value;
							}
						}
					}
					records.push(fields);
					recordLines.push(recordStartLine);
					line += 1;
					recordStartLine = line;
					i = lineEnd + 2;
					continue;
				}
			}
		}
		const [c] = string.byte(text, i);
		if (inQuotes) {
			if (c === QUOTE) {
				const [nextChar] = string.byte(text, i + 1);
				if (nextChar === QUOTE) {
					field.push('"');
					i += 1;
				} else {
					inQuotes = false;
					afterQuote = true;
				}
			} else {
				if (c === LF) line += 1;
				field.push(string.char(c));
			}
		} else if (c === delimiter) {
			pushField();
		} else if (c === CR || c === LF) {
			if (c === CR) {
				const [nextChar] = string.byte(text, i + 1);
				if (nextChar === LF) i += 1;
			}
			pushRecord();
			line += 1;
			recordStartLine = line;
		} else if (afterQuote) {
			if (!isBlank(c)) fail(`row ${line}, column ${record.size() + 1}: text after the closing quote of a quoted field`);
		} else if (c === QUOTE) {
			if (trimField(field.join("")) !== "") {
				fail(`row ${line}, column ${record.size() + 1}: stray quote inside an unquoted field (quote the whole field and double the quote)`);
			}
			field = [];
			inQuotes = true;
			quoted = true;
		} else {
			// A run of ordinary characters at once: up to the next delimiter, quote or line end.
			const [, last] = text.find(ordinaryRun, i);
			field.push(text.sub(i, last));
			i = last as number;
		}
		i += 1;
	}
	if (inQuotes) fail(`row ${recordStartLine}, column ${record.size() + 1}: quoted field is not closed`);
	if (field.size() > 0 || record.size() > 0 || quoted) pushRecord();
	if (records.size() === 0) fail("row 1, column 1: the file is empty (expected a header row)");
	const header = records[0];
	const seen = new Set<string>();
	for (const c of $range(0, header.size() - 1)) {
		const name = header[c];
		if (name === "") fail(`row ${recordLines[0]}, column ${c + 1}: the header has an empty column name`);
		if (seen.has(name)) fail(`row ${recordLines[0]}, column ${c + 1}: the header names column "${name}" twice`);
		seen.add(name);
	}
	const rows = new Array<Array<string>>();
	const rowNumbers = new Array<number>();
	for (const r of $range(1, records.size() - 1)) {
		const fields = records[r];
		const n = fields.size();
		if (n > header.size()) {
			fail(
				`row ${recordLines[r]}, column ${header.size() + 1}: expected ${header.size()} fields (as in the header), got ${n}${n > 1 && header.size() === 1 ? "; is the delimiter right? (--delimiter)" : ""}`,
			);
		} else if (n < header.size()) {
			fail(`row ${recordLines[r]}, column "${header[n]}": expected ${header.size()} fields (as in the header), got ${n}`);
		}
		rows.push(fields);
		rowNumbers.push(recordLines[r]);
	}
	if (trimmed > 0) decisions.push(`spaces around ${trimmed} unquoted field${trimmed === 1 ? "" : "s"} trimmed`);
	if (blankLines.size() > 0) decisions.push(`blank lines skipped: ${summarizeRows(blankLines)}`);
	return { header, rows, rowNumbers, decisions };
}

/** "rows 4, 9 and 12" style list of row numbers, at most 10 shown. */
export function summarizeRows(rows: Array<number>): string {
	const shown = rows.filter((_, i) => i < 10).map((r) => tostring(r));
	const more = rows.size() > 10 ? ` and ${rows.size() - 10} more` : "";
	return `${rows.size() === 1 ? "row" : "rows"} ${shown.join(", ")}${more}`;
}

/** The strict decimal grammar: optional sign, digits with an optional fraction, optional exponent. */
const DECIMAL = "^[+-]?%d+%.?%d*[eE]?[+-]?%d*$";
const PLAIN_DECIMAL = "^[+-]?%d+%.?%d*$";

/**
 * Parses a numeric CSV field by the strict decimal grammar (`12`, `-0.5`, `.5`, `1e-3`), or
 * undefined: hexadecimal (`0x10`), `inf`, `nan` and text around the number are not numbers.
 */
export function parseNumber(field: string): number | undefined {
	// Fast path for the common plain form (digits, an optional point and digits): the grammar below accepts it as it is.
	if (field.find(PLAIN_DECIMAL)[0] !== undefined) {
		const plain = tonumber(field);
		return plain !== undefined && plain !== math.huge && plain !== -math.huge ? plain : undefined;
	}
	const text = trimField(field);
	if (text === "") return undefined;
	const [ok] = text.find(DECIMAL);
	const [fraction] = text.find("^[+-]?%.%d+[eE]?[+-]?%d*$");
	if (ok === undefined && fraction === undefined) return undefined;
	const [exponent] = text.find("[eE]");
	if (exponent !== undefined && text.find("[eE][+-]?%d+$")[0] === undefined) return undefined;
	if (exponent === undefined && text.find("[+-]", 2)[0] !== undefined) return undefined;
	const value = tonumber(text);
	if (value === undefined || value !== value || value === math.huge || value === -math.huge) return undefined;
	return value;
}

/** Quotes a field for CSV output when it holds a comma, quote or newline. */
export function quoteCsvField(value: string | number): string {
	const text = typeIs(value, "number") ? formatNumber(value) : value;
	if (text.find('[,;\t"\r\n]')[0] !== undefined || text !== trimField(text)) {
		const [escaped] = text.gsub('"', '""');
		return `"${escaped}"`;
	}
	return text;
}

/** Formats a number for CSV: integers without a decimal point, others with 17 significant digits. */
export function formatNumber(value: number): string {
	if (value === math.floor(value) && math.abs(value) < 1e15) return string.format("%d", value);
	return string.format("%.17g", value);
}

/** Writes a CSV document from a header and rows of strings or numbers. */
export function formatCsv(header: Array<string>, rows: Array<Array<string | number>>): string {
	const lines = [header.map((h) => quoteCsvField(h)).join(",")];
	for (const row of rows) lines.push(row.map((v) => quoteCsvField(v)).join(","));
	return lines.join("\n") + "\n";
}
