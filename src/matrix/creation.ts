//!native
/** Creating matrices: constants, identity, copies of nested arrays, seeded random fills. */
import { Matrix, Vector } from "./types";
import { assertInteger, assertMatrix, assertMatrixShape, assertNumber, assertVector } from "./validate";
import { RandomGenerator } from "./random";

/** Checks rows and cols at a public entry point and returns a rows×cols matrix of `value`. */
function checkedFill(rows: number, cols: number, value: number, where: string): Matrix {
	assertInteger(rows, "rows", where, 1);
	assertInteger(cols, "cols", where, 1);
	const out = table.create<Array<number>>(rows);
	for (const i of $range(1, rows)) out[i - 1] = table.create<number>(cols, value);
	return out;
}

/** A rows×cols matrix filled with `value`. */
export function filled(rows: number, cols: number, value: number): Matrix {
	assertNumber(value, "value", "Matrix.filled", true);
	return checkedFill(rows, cols, value, "Matrix.filled");
}

/** A rows×cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
	return checkedFill(rows, cols, 0, "Matrix.zeros");
}

/** A rows×cols matrix of ones. */
export function ones(rows: number, cols: number): Matrix {
	return checkedFill(rows, cols, 1, "Matrix.ones");
}

/** The n×n identity matrix. */
export function identity(n: number): Matrix {
	const out = checkedFill(n, n, 0, "Matrix.identity");
	for (const i of $range(0, n - 1)) out[i][i] = 1;
	return out;
}

/** A deep copy of `m` (shape checked in O(1); entries are not inspected, so it suits hot paths). */
export function copy(m: Matrix): Matrix {
	assertMatrixShape(m, "m", "Matrix.copy");
	const r = m.size();
	const out = table.create<Array<number>>(r);
	for (const i of $range(1, r)) out[i - 1] = table.clone(m[i - 1]);
	return out;
}

/** Validates nested arrays (rectangular, finite, non-empty) and returns a deep copy. */
export function fromArray(data: Array<Array<number>>): Matrix {
	assertMatrix(data, "data", "Matrix.fromArray");
	return copy(data);
}

/** A deep copy of `m` as plain nested arrays. */
export function toArray(m: Matrix): Array<Array<number>> {
	assertMatrix(m, "m", "Matrix.toArray");
	return copy(m);
}

/** An n×1 column matrix from a vector. */
export function columnOf(values: Vector): Matrix {
	assertVector(values, "values", "Matrix.columnOf");
	const n = values.size();
	const out = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) out[i] = [values[i]];
	return out;
}

/** A 1×n row matrix from a vector. */
export function rowOf(values: Vector): Matrix {
	assertVector(values, "values", "Matrix.rowOf");
	return [table.clone(values)];
}

/** A rows×cols matrix of uniform draws in [low, high) from `rng`. */
export function randomUniform(rows: number, cols: number, rng: RandomGenerator, low = 0, high = 1): Matrix {
	const out = checkedFill(rows, cols, 0, "Matrix.randomUniform");
	if (!(rng instanceof RandomGenerator)) error(`[Hivemind] Matrix.randomUniform: rng must be a RandomGenerator, got ${typeOf(rng)}`, 2);
	assertNumber(low, "low", "Matrix.randomUniform");
	assertNumber(high, "high", "Matrix.randomUniform");
	if (high < low) error(`[Hivemind] Matrix.randomUniform: high must be ≥ low (${low}), got ${high}`, 2);
	for (const i of $range(1, rows)) {
		const row = out[i - 1];
		for (const j of $range(1, cols)) row[j - 1] = rng.uniform(low, high);
	}
	return out;
}

/** A rows×cols matrix of normal draws N(mean, std²) from `rng`. */
export function randomNormal(rows: number, cols: number, rng: RandomGenerator, mean = 0, std = 1): Matrix {
	const out = checkedFill(rows, cols, 0, "Matrix.randomNormal");
	if (!(rng instanceof RandomGenerator)) error(`[Hivemind] Matrix.randomNormal: rng must be a RandomGenerator, got ${typeOf(rng)}`, 2);
	assertNumber(mean, "mean", "Matrix.randomNormal");
	assertNumber(std, "std", "Matrix.randomNormal");
	if (std < 0) error(`[Hivemind] Matrix.randomNormal: std must be ≥ 0, got ${std}`, 2);
	for (const i of $range(1, rows)) {
		const row = out[i - 1];
		for (const j of $range(1, cols)) row[j - 1] = rng.normal(mean, std);
	}
	return out;
}
