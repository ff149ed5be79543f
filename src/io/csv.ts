/**
 * CSV reading: RFC 4180 fields (quoted fields, doubled quotes, embedded commas and newlines),
 * a header row, and conversion to a numeric dataset (categorical features one-hot encoded,
 * class labels of any text). Errors name the source, row and column.
 */

/** A parsed CSV table: the header and the rows of raw text fields. */
export interface CsvTable {
	/** Column names from the header row. */
	header: Array<string>;
	/** Data rows, each with exactly `header.size()` fields. */
	rows: Array<Array<string>>;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * Parses CSV text with a header row. `source` names the file in error messages.
 * Blank lines are skipped; every data row must have as many fields as the header.
 */
export function parseCsv(text: string, source = "CSV"): CsvTable {
	if (!typeIs(text, "string")) {
		error(`[Hivemind] parseCsv: text must be a string, got ${typeOf(text)}`, 2);
	}
	const records = new Array<Array<string>>();
	const recordLines = new Array<number>();
	let field = new Array<string>();
	let record = new Array<string>();
	let inQuotes = false;
	let line = 1;
	let recordStartLine = 1;
	let fieldStarted = false;
	const length = text.size();
	let i = 1;
	const pushField = () => {
		record.push(field.join(""));
		field = [];
		fieldStarted = false;
	};
	const pushRecord = () => {
		pushField();
		const blank = record.size() === 1 && record[0] === "";
		if (!blank) {
			records.push(record);
			recordLines.push(recordStartLine);
		}
		record = [];
	};
	while (i <= length) {
		const [c] = string.byte(text, i);
		if (inQuotes) {
			if (c === QUOTE) {
				const [nextChar] = string.byte(text, i + 1);
				if (nextChar === QUOTE) {
					field.push('"');
					i += 1;
				} else {
					inQuotes = false;
				}
			} else {
				if (c === LF) line += 1;
				field.push(string.char(c));
			}
		} else if (c === QUOTE) {
			if (fieldStarted) {
				error(`[Hivemind] ${source}: row ${line}: stray quote inside an unquoted field`, 2);
			}
			inQuotes = true;
			fieldStarted = true;
		} else if (c === COMMA) {
			pushField();
		} else if (c === CR || c === LF) {
			if (c === CR) {
				const [nextChar] = string.byte(text, i + 1);
				if (nextChar === LF) i += 1;
			}
			pushRecord();
			line += 1;
			recordStartLine = line;
		} else {
			field.push(string.char(c));
			fieldStarted = true;
		}
		i += 1;
	}
	if (inQuotes) {
		error(`[Hivemind] ${source}: row ${recordStartLine}: quoted field is not closed`, 2);
	}
	if (field.size() > 0 || record.size() > 0) pushRecord();
	if (records.size() === 0) {
		error(`[Hivemind] ${source}: the file is empty (expected a header row)`, 2);
	}
	const header = records[0].map((name) => trim(name));
	const seen = new Set<string>();
	for (const name of header) {
		if (name === "") error(`[Hivemind] ${source}: row 1: the header has an empty column name`, 2);
		if (seen.has(name)) error(`[Hivemind] ${source}: row 1: the header names column "${name}" twice`, 2);
		seen.add(name);
	}
	const rows = new Array<Array<string>>();
	for (const r of $range(1, records.size() - 1)) {
		const fields = records[r];
		if (fields.size() !== header.size()) {
			error(
				`[Hivemind] ${source}: row ${recordLines[r]}: expected ${header.size()} fields (as in the header), got ${fields.size()}`,
				2,
			);
		}
		rows.push(fields);
	}
	return { header, rows };
}

function trim(s: string): string {
	const [result] = s.gsub("^%s+", "");
	const [trimmed] = result.gsub("%s+$", "");
	return trimmed;
}

/** Parses a numeric CSV field, or undefined when it is not a finite number. */
export function parseNumber(field: string): number | undefined {
	const text = trim(field);
	if (text === "") return undefined;
	const value = tonumber(text);
	if (value === undefined || value !== value || value === math.huge || value === -math.huge) return undefined;
	return value;
}

/** Quotes a field for CSV output when it holds a comma, quote or newline. */
export function quoteCsvField(value: string | number): string {
	const text = typeIs(value, "number") ? formatNumber(value) : value;
	if (text.find('[,"\r\n]')[0] !== undefined) {
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
