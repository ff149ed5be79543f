/**
 * Turns a parsed CSV table into a numeric dataset: numeric columns as they are, categorical
 * columns one-hot encoded (categories sorted), and the target column as numbers (regression)
 * or labels of any text (classification). The encoding is plain data, saved with a model so
 * raw rows are encoded the same way in the game as on the command line.
 */
import { CsvTable, formatNumber, parseNumber } from "./csv";

/** How one raw column becomes features. */
export type ColumnEncoding =
	| { name: string; kind: "numeric" }
	| { name: string; kind: "categorical"; categories: Array<string> };

/** How raw feature columns become the model's input columns (plain data). */
export interface FeatureEncoding {
	/** Raw columns in input order. */
	columns: Array<ColumnEncoding>;
}

/** A dataset ready for a model. */
export interface Dataset {
	/** Feature matrix, one row per CSV row. */
	X: Array<Array<number>>;
	/** Target values: numbers for regression, labels for classification (absent without a target). */
	y?: Array<number | string>;
	/** Names of the encoded feature columns (`color=red` for one-hot columns). */
	featureNames: Array<string>;
	/** The encoding that produced X. */
	encoding: FeatureEncoding;
}

/** Options of {@link tableToDataset}. */
export interface DatasetOptions {
	/** Target column name; omit for prediction data. */
	target?: string;
	/** "numeric" (regression) or "label" (classification). Default "numeric". */
	targetKind?: "numeric" | "label";
	/** An existing encoding to apply (prediction); omit to infer one from the data. */
	encoding?: FeatureEncoding;
	/** Name of the data in error messages (the file name). */
	source?: string;
}

function columnIndex(csv: CsvTable, name: string, source: string): number {
	const index = csv.header.indexOf(name);
	if (index < 0) {
		error(`[Hivemind] ${source}: no column "${name}" (columns: ${csv.header.join(", ")})`, 3);
	}
	return index;
}

/** Infers an encoding: a column is categorical when its first value is not a number. */
export function inferEncoding(csv: CsvTable, featureColumns: Array<string>, source = "CSV"): FeatureEncoding {
	const columns = new Array<ColumnEncoding>();
	for (const name of featureColumns) {
		const index = columnIndex(csv, name, source);
		const first = csv.rows.size() > 0 ? csv.rows[0][index] : "0";
		if (parseNumber(first) !== undefined || first === "") {
			columns.push({ name, kind: "numeric" });
		} else {
			const seen = new Set<string>();
			for (const row of csv.rows) seen.add(row[index]);
			const categories = new Array<string>();
			for (const category of seen) categories.push(category);
			categories.sort();
			columns.push({ name, kind: "categorical", categories });
		}
	}
	return { columns };
}

/** Names of the encoded feature columns, in order. */
export function encodedFeatureNames(encoding: FeatureEncoding): Array<string> {
	const names = new Array<string>();
	for (const column of encoding.columns) {
		if (column.kind === "numeric") names.push(column.name);
		else for (const category of column.categories) names.push(`${column.name}=${category}`);
	}
	return names;
}

/**
 * Encodes one raw row with `encoding`: `valueOf(column)` gives the row's value for a raw column
 * (a text as read from CSV, or a number / string as a game holds it; undefined when absent).
 * Numeric columns accept numbers and numeric texts; categorical ones a known category (a number
 * is matched by its text, `3` as `"3"`). `where` prefixes errors (`data.csv: row 4`).
 */
export function encodeFields(valueOf: (column: string) => unknown, encoding: FeatureEncoding, where: string): Array<number> {
	const out = new Array<number>();
	for (const column of encoding.columns) {
		const raw = valueOf(column.name);
		if (raw === undefined) error(`[Hivemind] ${where}: no column "${column.name}"`, 3);
		if (column.kind === "numeric") {
			let value: number | undefined;
			if (typeIs(raw, "number")) {
				value = raw === raw && raw !== math.huge && raw !== -math.huge ? raw : undefined;
			} else if (typeIs(raw, "string")) {
				value = parseNumber(raw);
				if (value === undefined && raw.gsub("%s", "")[0] === "") error(`[Hivemind] ${where}, column "${column.name}": missing value`, 3);
			}
			if (value === undefined) {
				const shown = typeIs(raw, "string") ? `"${raw}"` : typeIs(raw, "number") ? tostring(raw) : typeOf(raw);
				error(`[Hivemind] ${where}, column "${column.name}": expected a number, got ${shown}`, 3);
			}
			out.push(value);
		} else {
			const text = typeIs(raw, "number") ? formatNumber(raw) : typeIs(raw, "string") ? raw : undefined;
			const position = text === undefined ? -1 : column.categories.indexOf(text);
			if (position < 0) {
				const shown = text !== undefined ? `"${text}"` : typeOf(raw);
				error(`[Hivemind] ${where}, column "${column.name}": unknown category ${shown} (known: ${column.categories.join(", ")})`, 3);
			}
			for (const i of $range(0, column.categories.size() - 1)) out.push(i === position ? 1 : 0);
		}
	}
	return out;
}

/** Encodes one raw row (field texts by column name) with `encoding`; `where` prefixes errors. */
export function encodeRow(fields: Map<string, string>, encoding: FeatureEncoding, where: string): Array<number> {
	return encodeFields((column) => fields.get(column), encoding, where);
}

/** Converts a parsed CSV csv into a dataset (see {@link DatasetOptions}). */
export function tableToDataset(csv: CsvTable, options: DatasetOptions = {}): Dataset {
	const source = options.source ?? "CSV";
	if (csv.rows.size() === 0) error(`[Hivemind] ${source}: no data rows after the header`, 2);
	const target = options.target;
	const targetIndex = target !== undefined ? columnIndex(csv, target, source) : -1;
	const featureColumns = csv.header.filter((name) => name !== target);
	if (featureColumns.size() === 0) error(`[Hivemind] ${source}: no feature columns besides the target "${target}"`, 2);
	const encoding = options.encoding ?? inferEncoding(csv, featureColumns, source);
	const X = new Array<Array<number>>();
	const y = new Array<number | string>();
	const targetKind = options.targetKind ?? "numeric";
	for (const r of $range(0, csv.rows.size() - 1)) {
		const row = csv.rows[r];
		const where = `${source}: row ${r + 2}`;
		const fields = new Map<string, string>();
		for (const c of $range(0, csv.header.size() - 1)) fields.set(csv.header[c], row[c]);
		X.push(encodeRow(fields, encoding, where));
		if (targetIndex >= 0) {
			const raw = row[targetIndex];
			if (raw.gsub("%s", "")[0] === "") error(`[Hivemind] ${where}, column "${target}": missing value`, 2);
			if (targetKind === "numeric") {
				const value = parseNumber(raw);
				if (value === undefined) error(`[Hivemind] ${where}, column "${target}": expected a number, got "${raw}"`, 2);
				y.push(value);
			} else {
				y.push(parseNumber(raw) ?? raw);
			}
		}
	}
	return { X, y: targetIndex >= 0 ? y : undefined, featureNames: encodedFeatureNames(encoding), encoding };
}
