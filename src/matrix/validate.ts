/** Shape descriptions and boundary checks shared by the matrix functions. */
import { describeValue } from "../core/describe";
import { Matrix, Vector } from "./types";

/** "3×2" for a matrix, or a short description of a non-matrix value. */
export function describeShape(value: unknown): string {
	if (!typeIs(value, "table")) return typeOf(value);
	const rows = value as Array<unknown>;
	const first = rows[0];
	if (rows.size() === 0) return "an empty table";
	if (!typeIs(first, "table")) return `a ${rows.size()}-element table of ${typeOf(first)}`;
	return `${rows.size()}×${(first as Array<unknown>).size()}`;
}

/**
 * True when `value` is a table whose only keys are the positions 1…size (no holes, no other
 * keys): what `.size()` sees is all there is. O(size).
 */
export function isDenseArray(value: unknown): value is Array<unknown> {
	if (!typeIs(value, "table")) return false;
	let count = 0;
	for (const [key] of pairs(value)) {
		if (!typeIs(key, "number")) return false;
		count += 1;
	}
	return count === (value as Array<unknown>).size();
}

/** Throws unless `value` is a dense array (see {@link isDenseArray}); `expected` describes what it must hold. */
export function assertDenseArray(value: unknown, argName: string, expected: string, where: string): asserts value is Array<unknown> {
	if (!isDenseArray(value)) {
		const given = typeIs(value, "table") ? "a table with holes or non-position keys" : typeOf(value);
		error(`[Hivemind] ${where}: ${argName} must be ${expected} (a dense array: positions 1…n, no holes), got ${given}`, 3);
	}
}

/** True when `value` is a non-empty rectangular table of tables of finite numbers. */
export function isMatrix(value: unknown): value is Matrix {
	if (!typeIs(value, "table")) return false;
	const rows = value as Array<unknown>;
	const r = rows.size();
	if (r === 0 || !isDenseArray(rows)) return false;
	const first = rows[0];
	if (!typeIs(first, "table") || !isDenseArray(first)) return false;
	const c = (first as Array<unknown>).size();
	if (c === 0) return false;
	for (const i of $range(0, r - 1)) {
		const row = rows[i];
		if (!typeIs(row, "table") || (row as Array<unknown>).size() !== c) return false;
		for (const j of $range(0, c - 1)) {
			const v = (row as Array<unknown>)[j];
			if (!typeIs(v, "number") || v !== v || v === math.huge || v === -math.huge) return false;
		}
	}
	return true;
}

/**
 * Throws unless `value` is a non-empty rectangular matrix of finite numbers; the message names
 * `where`, `argName`, and the first offending row or entry.
 */
export function assertMatrix(value: unknown, argName: string, where: string): asserts value is Matrix {
	if (!typeIs(value, "table")) {
		error(`[Hivemind] ${where}: ${argName} must be a matrix (array of rows), got ${typeOf(value)}`, 3);
	}
	const rows = value as Array<unknown>;
	const r = rows.size();
	if (r === 0) error(`[Hivemind] ${where}: ${argName} must have at least one row, got an empty table`, 3);
	if (!isDenseArray(rows))
		error(
			`[Hivemind] ${where}: ${argName} must be a dense array of rows (positions 1…n, no holes), got a table with holes or non-position keys`,
			3,
		);
	const first = rows[0];
	if (!typeIs(first, "table")) {
		error(`[Hivemind] ${where}: ${argName} must be a matrix (array of rows), got an array whose row 1 is a ${typeOf(first)}`, 3);
	}
	if (!isDenseArray(first))
		error(`[Hivemind] ${where}: ${argName} row 1 must be a dense array of numbers (no holes), got a table with holes or non-position keys`, 3);
	const c = (first as Array<unknown>).size();
	if (c === 0) error(`[Hivemind] ${where}: ${argName} must have at least one column, got an empty row 1`, 3);
	for (const i of $range(0, r - 1)) {
		const row = rows[i];
		if (!typeIs(row, "table")) {
			error(`[Hivemind] ${where}: ${argName} row ${i + 1} must be an array of numbers, got ${typeOf(row)}`, 3);
		}
		const size = (row as Array<unknown>).size();
		if (size !== c) {
			error(`[Hivemind] ${where}: ${argName} must be rectangular, but row ${i + 1} has ${size} columns and row 1 has ${c}`, 3);
		}
		for (const j of $range(0, c - 1)) {
			const v = (row as Array<unknown>)[j];
			if (!typeIs(v, "number")) {
				error(`[Hivemind] ${where}: ${argName}[${i + 1}][${j + 1}] must be a number, got ${typeOf(v)}`, 3);
			}
			if (v !== v || v === math.huge || v === -math.huge) {
				error(`[Hivemind] ${where}: ${argName}[${i + 1}][${j + 1}] must be finite, got ${describeValue(v)}`, 3);
			}
		}
	}
}

/** Throws unless `value` is a non-empty array of finite numbers. */
export function assertVector(value: unknown, argName: string, where: string): asserts value is Vector {
	if (!typeIs(value, "table") || (value as Array<unknown>).size() === 0) {
		error(`[Hivemind] ${where}: ${argName} must be a non-empty array of numbers, got ${describeShape(value)}`, 3);
	}
	const values = value as Array<unknown>;
	for (const i of $range(0, values.size() - 1)) {
		const v = values[i];
		if (!typeIs(v, "number") || v !== v || v === math.huge || v === -math.huge) {
			error(`[Hivemind] ${where}: ${argName}[${i + 1}] must be a finite number, got ${describeValue(v)}`, 3);
		}
	}
}

/**
 * O(1) boundary check for hot functions: throws unless `value` is a table whose first row is a
 * non-empty table. Entries and the other rows are trusted (use {@link assertMatrix} for data).
 */
export function assertMatrixShape(value: unknown, argName: string, where: string): asserts value is Matrix {
	if (!typeIs(value, "table")) error(`[Hivemind] ${where}: ${argName} must be a matrix (array of rows), got ${typeOf(value)}`, 3);
	const first = (value as Array<unknown>)[0];
	if (!typeIs(first, "table") || (first as Array<unknown>).size() === 0) {
		error(`[Hivemind] ${where}: ${argName} must be a matrix (array of rows), got ${describeShape(value)}`, 3);
	}
}

/** Throws unless `a` and `b` have the same shape; the message names the operation and both shapes. */
export function assertSameShape(a: Matrix, b: Matrix, where: string) {
	if (a.size() !== b.size() || a[0].size() !== b[0].size()) {
		error(`[Hivemind] ${where}: shapes ${describeShape(a)} and ${describeShape(b)} must match`, 3);
	}
}

/** Throws unless `value` is a number (finite unless `allowInfinite`). */
export function assertNumber(value: unknown, argName: string, where: string, allowInfinite = false): asserts value is number {
	if (!typeIs(value, "number") || value !== value || (!allowInfinite && (value === math.huge || value === -math.huge))) {
		error(`[Hivemind] ${where}: ${argName} must be a finite number, got ${describeValue(value)}`, 3);
	}
}

/** Throws unless `value` is an integer within [low, high]. */
export function assertInteger(value: unknown, argName: string, where: string, low = -math.huge, high = math.huge): asserts value is number {
	if (!typeIs(value, "number") || value !== math.floor(value) || value < low || value > high) {
		const range = high === math.huge ? `an integer ≥ ${low}` : `an integer in [${low}, ${high}]`;
		error(`[Hivemind] ${where}: ${argName} must be ${range}, got ${describeValue(value)}`, 3);
	}
}
