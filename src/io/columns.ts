//!native
/**
 * Reading one CSV column without silent guesses: missing-value markers, the column's type decided
 * from every value (numbers by the strict decimal grammar, else categories), and what to do with
 * missing cells (an error naming them, imputation, or dropping the rows).
 */
import { parseNumber, summarizeRows } from "./csv";

/** What to do with missing cells: refuse (default), fill with the column's mean / median (most frequent category for categorical columns), or drop the rows. */
export type MissingPolicy = "error" | "mean" | "median" | "drop";

/** The policies {@link MissingPolicy} names. */
export const MISSING_POLICIES: Array<MissingPolicy> = ["error", "mean", "median", "drop"];

/** Texts read as a missing value (compared after trimming, ignoring case). */
export const DEFAULT_MISSING_MARKERS = ["", "NA", "N/A", "NaN", "null"];

/** The lower-cased markers of each markers list seen, and their lengths (weak keys: lists come and go with their options). */
const loweredMarkers = new WeakMap<Array<string>, [Set<string>, Set<number>]>();

/** The lower-cased markers and their lengths, made once per markers list. */
function markerSets(markers: Array<string>): [Set<string>, Set<number>] {
	let lowered = loweredMarkers.get(markers);
	if (lowered === undefined) {
		lowered = [new Set(markers.map((m) => m.lower())), new Set(markers.map((m) => m.size()))];
		loweredMarkers.set(markers, lowered);
	}
	return lowered;
}

/** True when `text` is one of `markers` (ignoring case). */
export function isMissingText(text: string, markers: Array<string>): boolean {
	const [lowered, sizes] = markerSets(markers);
	return sizes.has(text.size()) && lowered.has(text.lower());
}

/** How a column was read. */
export interface ColumnReading {
	/** "numeric" or "categorical". */
	kind: "numeric" | "categorical";
	/** Indices (0-based data rows) of missing cells. */
	missing: Array<number>;
	/** The numbers of the non-missing cells (numeric columns). */
	present: Array<number>;
	/** Sorted categories (categorical columns). */
	categories: Array<string>;
}

/** Where a column's errors point: the source, the column name and the file's row of each data row. */
export interface ColumnPlace {
	source: string;
	name: string;
	rowNumbers: Array<number>;
}

function fail(place: ColumnPlace, row: number, message: string): never {
	error(`[Hivemind] ${place.source}: row ${place.rowNumbers[row]}, column "${place.name}": ${message}`, 4);
}

/**
 * Reads a column's values: its type from every value (all numbers: numeric; no numbers:
 * categorical; both: an error naming the first odd value), `forceCategorical` reads it as
 * categories whatever the values.
 */
export function readColumn(values: Array<string>, markers: Array<string>, place: ColumnPlace, forceCategorical: boolean): ColumnReading {
	const missing = new Array<number>();
	const present = new Array<number>();
	const textRows = new Array<number>();
	const numberRows = new Array<number>();
	const [lowered, sizes] = markerSets(markers);
	for (const i of $range(0, values.size() - 1)) {
		const text = values[i];
		if (sizes.has(text.size()) && lowered.has(text.lower())) {
			missing.push(i);
			continue;
		}
		const value = forceCategorical ? undefined : parseNumber(text);
		if (value === undefined) textRows.push(i);
		else {
			numberRows.push(i);
			present.push(value);
		}
	}
	if (missing.size() === values.size()) {
		error(`[Hivemind] ${place.source}: column "${place.name}": every value is missing (${summarizeRows(place.rowNumbers)})`, 3);
	}
	if (textRows.size() > 0 && numberRows.size() > 0) {
		const hint = `; give --categorical ${place.name} to read the column as categories`;
		if (numberRows.size() >= textRows.size()) {
			const row = textRows[0];
			fail(
				place,
				row,
				`expected a number, got "${values[row]}" (${numberRows.size()} other values of the column are numbers; missing values are written ${markers.map((m) => `"${m}"`).join(", ")}${hint})`,
			);
		}
		const row = numberRows[0];
		fail(place, row, `"${values[row]}" is a number but ${textRows.size()} other values of the column are text${hint}`);
	}
	if (textRows.size() > 0 && !forceCategorical) {
		const first = values[textRows[0]];
		if (textRows.every((i) => values[i].find("^[+-]?%d*,%d+$")[0] !== undefined)) {
			fail(place, textRows[0], `"${first}" has a decimal comma; numbers must use a decimal point (or give --categorical ${place.name})`);
		}
	}
	const categories = new Array<string>();
	if (textRows.size() > 0) {
		const seen = new Set<string>();
		for (const i of textRows) {
			if (!seen.has(values[i])) {
				seen.add(values[i]);
				categories.push(values[i]);
			}
		}
		categories.sort();
	}
	return { kind: textRows.size() > 0 ? "categorical" : "numeric", missing, present, categories };
}

/** The value `policy` fills a column's missing cells with: the mean or median of its numbers, or its most frequent category. */
export function fillValue(reading: ColumnReading, values: Array<string>, policy: "mean" | "median"): number | string {
	if (reading.kind === "categorical") {
		const counts = new Map<string, number>();
		for (const i of $range(0, values.size() - 1)) if (!reading.missing.includes(i)) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
		let best = reading.categories[0];
		for (const c of reading.categories) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
		return best;
	}
	const present = table.clone(reading.present);
	if (policy === "mean") {
		let total = 0;
		for (const v of present) total += v;
		return total / present.size();
	}
	present.sort();
	const n = present.size();
	return n % 2 === 1 ? present[(n - 1) / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
}

/** The error for a column's first missing cell under the "error" policy, listing them all. */
export function missingError(place: ColumnPlace, values: Array<string>, missing: Array<number>, isTarget: boolean): never {
	const rows = summarizeRows(missing.map((i) => place.rowNumbers[i]));
	const choice = isTarget ? "give --missing drop to drop those rows (target values are never imputed)" : "give --missing mean, median or drop";
	fail(place, missing[0], `missing value "${values[missing[0]]}" (${missing.size()} missing in the column: ${rows}; ${choice})`);
}
