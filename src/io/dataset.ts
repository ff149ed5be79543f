//!native
/**
 * Turns a parsed CSV table into a numeric dataset: numeric columns as they are, categorical
 * columns one-hot encoded (categories sorted), and the target column as numbers (regression)
 * or labels of any text (classification). A column's type is decided from all its values;
 * missing cells are an error unless a policy fills or drops them; every decision is listed.
 * The encoding is plain data, saved with a model so raw rows are encoded the same way in the
 * game as on the command line.
 */
import { CsvTable, formatNumber, parseNumber, summarizeRows, trimField } from "./csv";
import { ColumnPlace, DEFAULT_MISSING_MARKERS, fillValue, isMissingText, missingError, MissingPolicy, readColumn } from "./columns";

/** How one raw column becomes features. */
export type ColumnEncoding = { name: string; kind: "numeric" } | { name: string; kind: "categorical"; categories: Array<string> };

/** How raw feature columns become the model's input columns (plain data). */
export interface FeatureEncoding {
	/** Raw columns in input order. */
	columns: Array<ColumnEncoding>;
}

/** A dataset ready for a model. */
export interface Dataset {
	/** Feature matrix, one row per kept CSV row. */
	X: Array<Array<number>>;
	/** Several numeric targets (`options.targets`): one row of numbers per kept row. */
	Y?: Array<Array<number>>;
	/** Target values: numbers for regression, labels for classification (absent without a target). */
	y?: Array<number | string>;
	/** Names of the encoded feature columns (`color=red` for one-hot columns). */
	featureNames: Array<string>;
	/** The encoding that produced X. */
	encoding: FeatureEncoding;
	/** Every decision the reader made (the CSV's, then the columns'), one line each. */
	decisions: Array<string>;
	/** The file's row of each kept data row. */
	rowNumbers: Array<number>;
}

/** Options of {@link tableToDataset}. */
export interface DatasetOptions {
	/** Target column name; omit for prediction data. */
	target?: string;
	/** Several numeric target columns (multi-output regression); `y` then holds the first, `Y` all. */
	targets?: Array<string>;
	/** "numeric" (regression) or "label" (classification). Default "numeric". */
	targetKind?: "numeric" | "label";
	/** An existing encoding to apply (prediction); omit to infer one from the data. */
	encoding?: FeatureEncoding;
	/** Name of the data in error messages (the file name). */
	source?: string;
	/** Missing cells: "error" (default), "mean", "median" (numeric; most frequent category for categorical columns) or "drop" (the rows). */
	missing?: MissingPolicy;
	/** Texts read as missing (default `DEFAULT_MISSING_MARKERS`, compared ignoring case). */
	missingMarkers?: Array<string>;
	/** Columns read as categories even when their values are numbers. */
	categorical?: Array<string>;
}

function columnIndex(csv: CsvTable, name: string, source: string): number {
	const index = csv.header.indexOf(name);
	if (index < 0) {
		const hint = csv.header.size() === 1 ? "; the header is one column: is the delimiter right? (--delimiter)" : "";
		error(`[Hivemind] ${source}: row 1: no column "${name}" (columns: ${csv.header.join(", ")})${hint}`, 3);
	}
	return index;
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
export function encodeFields(
	valueOf: (column: string) => unknown,
	encoding: FeatureEncoding,
	where: string,
	markers = DEFAULT_MISSING_MARKERS,
): Array<number> {
	const out = new Array<number>();
	for (const column of encoding.columns) {
		const raw = valueOf(column.name);
		if (raw === undefined) error(`[Hivemind] ${where}: no column "${column.name}"`, 3);
		if (typeIs(raw, "string") && isMissingText(trimField(raw), markers)) {
			error(`[Hivemind] ${where}, column "${column.name}": missing value "${raw}"`, 3);
		}
		if (column.kind === "numeric") {
			let value: number | undefined;
			if (typeIs(raw, "number")) {
				value = raw === raw && raw !== math.huge && raw !== -math.huge ? raw : undefined;
			} else if (typeIs(raw, "string")) {
				value = parseNumber(raw);
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

function columnValues(csv: CsvTable, index: number): Array<string> {
	return csv.rows.map((row) => row[index]);
}

/**
 * Infers the encoding of `featureColumns` from every value, fills missing cells by `policy`
 * ("mean" / "median") in `cells` (the table's fields, copied), records rows to drop in `drop`,
 * and lists its decisions.
 */
function inferColumns(
	csv: CsvTable,
	cells: Array<Array<string>>,
	featureColumns: Array<string>,
	options: DatasetOptions,
	rowNumbers: Array<number>,
	drop: Set<number>,
	decisions: Array<string>,
	parsed: Map<string, Array<number>>,
): FeatureEncoding {
	const source = options.source ?? "CSV";
	const markers = options.missingMarkers ?? DEFAULT_MISSING_MARKERS;
	const policy = options.missing ?? "error";
	const forced = options.categorical ?? [];
	for (const name of forced) columnIndex(csv, name, source);
	const columns = new Array<ColumnEncoding>();
	for (const name of featureColumns) {
		const index = columnIndex(csv, name, source);
		const values = columnValues(csv, index);
		const place: ColumnPlace = { source, name, rowNumbers };
		const reading = readColumn(values, markers, place, forced.includes(name));
		if (reading.kind === "numeric") {
			columns.push({ name, kind: "numeric" });
			decisions.push(`column "${name}": numeric`);
		} else {
			columns.push({ name, kind: "categorical", categories: reading.categories });
			const why = forced.includes(name) ? " (--categorical)" : "";
			decisions.push(
				`column "${name}": categorical${why}, one-hot encoded into ${reading.categories.size()} column${reading.categories.size() === 1 ? "" : "s"} (${reading.categories.join(", ")})`,
			);
		}
		if (reading.missing.size() === 0) {
			if (reading.kind === "numeric") parsed.set(name, reading.present);
			continue;
		}
		const rows = summarizeRows(reading.missing.map((i) => rowNumbers[i]));
		if (policy === "error") missingError(place, values, reading.missing, false);
		if (policy === "drop") {
			for (const i of reading.missing) drop.add(i);
			decisions.push(`column "${name}": ${reading.missing.size()} missing (${rows}): rows dropped (--missing drop)`);
		} else {
			const fill = fillValue(reading, values, policy);
			const what =
				reading.kind === "categorical"
					? `the most frequent category "${fill}"`
					: `the ${policy} ${formatNumber(fill as number)} of its ${values.size() - reading.missing.size()} values`;
			for (const i of reading.missing) {
				if (cells[i] === csv.rows[i]) cells[i] = table.clone(csv.rows[i]);
				cells[i][index] = typeIs(fill, "number") ? formatNumber(fill) : fill;
			}
			decisions.push(`column "${name}": ${reading.missing.size()} missing (${rows}) filled with ${what} (--missing ${policy})`);
		}
	}
	return { columns };
}

const SPACE = 32;
const TAB = 9;

/**
 * {@link encodeFields} for a table row that it would accept, without its per-row lookups:
 * numbers already parsed (`columnNumbers`, per column), categories by `positions`. Undefined
 * when a cell is missing, not a number or an unknown category: `encodeFields` then says why.
 */
function encodeTableRow(
	row: Array<string>,
	r: number,
	encoding: FeatureEncoding,
	columnAt: Array<number>,
	columnNumbers: Array<Array<number> | undefined>,
	positions: Array<Map<string, number>>,
	markers: Array<string>,
	width: number,
): Array<number> | undefined {
	const out = table.create<number>(width);
	for (const k of $range(0, encoding.columns.size() - 1)) {
		const raw = row[columnAt[k]];
		if (raw === undefined) return undefined;
		const column = encoding.columns[k];
		const known = columnNumbers[k];
		// A cell the inference read (untrimmed) as a number is not a missing marker unless trimming changes it.
		const [first] = string.byte(raw, 1);
		const [last] = string.byte(raw, -1);
		const edged = first === SPACE || first === TAB || last === SPACE || last === TAB;
		if ((known === undefined || edged) && isMissingText(trimField(raw), markers)) return undefined;
		if (column.kind === "numeric") {
			const value = known !== undefined ? known[r] : parseNumber(raw);
			if (value === undefined) return undefined;
			out.push(value);
		} else {
			const position = positions[k].get(raw);
			if (position === undefined) return undefined;
			for (const i of $range(0, column.categories.size() - 1)) out.push(i === position ? 1 : 0);
		}
	}
	return out;
}

/** Converts a parsed CSV table into a dataset (see {@link DatasetOptions}). */
export function tableToDataset(csv: CsvTable, options: DatasetOptions = {}): Dataset {
	const source = options.source ?? "CSV";
	if (csv.rows.size() === 0) error(`[Hivemind] ${source}: row 2, column 1: no data rows after the header`, 2);
	const targets = options.targets ?? (options.target !== undefined ? [options.target] : []);
	const target = targets[0];
	const targetIndices = targets.map((name) => columnIndex(csv, name, source));
	const targetIndex = target !== undefined ? targetIndices[0] : -1;
	const featureColumns = csv.header.filter((name) => !targets.includes(name));
	if (featureColumns.size() === 0) error(`[Hivemind] ${source}: row 1: no feature columns besides the target "${targets.join(", ")}"`, 2);
	if (targets.size() > 1 && options.targetKind === "label")
		error(`[Hivemind] ${source}: several targets (${targets.join(", ")}) must be numeric (multi-output regression)`, 2);
	const markers = options.missingMarkers ?? DEFAULT_MISSING_MARKERS;
	const policy = options.missing ?? "error";
	const rowNumbers = csv.rowNumbers ?? csv.rows.map((_, r) => r + 2);
	const decisions = [...(csv.decisions ?? [])];
	const drop = new Set<number>();
	// Rows are copied only where missing cells are filled; numbers read while inferring are not parsed again.
	const cells = table.clone(csv.rows);
	const parsed = new Map<string, Array<number>>();
	if (options.encoding === undefined)
		decisions.push(`missing values: ${markers.map((m) => `"${m}"`).join(", ")} (ignoring case); --missing ${policy}`);
	const encoding = options.encoding ?? inferColumns(csv, cells, featureColumns, options, rowNumbers, drop, decisions, parsed);
	const targetKind = options.targetKind ?? "numeric";
	for (const t of $range(0, targets.size() - 1)) {
		const values = columnValues(csv, targetIndices[t]);
		const place: ColumnPlace = { source, name: targets[t], rowNumbers };
		const missing = new Array<number>();
		for (const i of $range(0, values.size() - 1)) if (isMissingText(values[i], markers)) missing.push(i);
		if (missing.size() > 0) {
			if (policy !== "drop") missingError(place, values, missing, true);
			for (const i of missing) drop.add(i);
			decisions.push(
				`target "${targets[t]}": ${missing.size()} missing (${summarizeRows(missing.map((i) => rowNumbers[i]))}): rows dropped (--missing drop)`,
			);
		}
	}
	const X = new Array<Array<number>>();
	const y = new Array<number | string>();
	const Y = new Array<Array<number>>();
	const kept = new Array<number>();
	const width = encodedFeatureNames(encoding).size();
	const columnAt = encoding.columns.map((column) => csv.header.indexOf(column.name));
	const columnNumbers = encoding.columns.map((column) => parsed.get(column.name));
	const positions = encoding.columns.map((column) => {
		const at = new Map<string, number>();
		if (column.kind === "categorical") for (const k of $range(column.categories.size() - 1, 0, -1)) at.set(column.categories[k], k);
		return at;
	});
	for (const r of $range(0, cells.size() - 1)) {
		if (drop.has(r)) continue;
		const row = cells[r];
		const encoded = encodeTableRow(row, r, encoding, columnAt, columnNumbers, positions, markers, width);
		X.push(encoded ?? encodeFields((column) => row[csv.header.indexOf(column)], encoding, `${source}: row ${rowNumbers[r]}`, markers));
		kept.push(rowNumbers[r]);
		const numbers = new Array<number>();
		for (const t of $range(0, targets.size() - 1)) {
			const raw = row[targetIndices[t]];
			if (targetKind === "numeric") {
				const value = parseNumber(raw);
				if (value === undefined)
					error(
						`[Hivemind] ${source}: row ${rowNumbers[r]}, column "${targets[t]}": expected a number, got "${raw}" (a regression target holds numbers; class labels need a classifier)`,
						2,
					);
				numbers.push(value);
				if (t === 0) y.push(value);
			} else {
				y.push(parseNumber(raw) ?? raw);
			}
		}
		if (targets.size() > 1) Y.push(numbers);
	}
	for (const name of targets)
		decisions.push(`target "${name}": ${targetKind === "numeric" ? "numbers" : `class labels (${new Set(y).size()} distinct)`}`);
	if (drop.size() > 0) decisions.push(`rows kept: ${kept.size()} of ${cells.size()} (${drop.size()} dropped)`);
	if (X.size() === 0) {
		const column = csv.header.find((_, c) => isMissingText(csv.rows[0][c], markers)) ?? csv.header[0];
		error(
			`[Hivemind] ${source}: row ${rowNumbers[0]}, column "${column}": missing value, and every row has one (${summarizeRows(rowNumbers)}): --missing drop leaves no rows; give --missing mean or median`,
			2,
		);
	}
	return {
		X,
		y: targetIndex >= 0 ? y : undefined,
		Y: targets.size() > 1 ? Y : undefined,
		featureNames: encodedFeatureNames(encoding),
		encoding,
		decisions,
		rowNumbers: kept,
	};
}
