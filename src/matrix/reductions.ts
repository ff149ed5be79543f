//!native
/**
 * Reductions over all entries (a number) or along an axis (a matrix): axis 0 reduces down
 * the rows and gives 1×c, axis 1 reduces across the columns and gives r×1.
 */
import { Axis, Matrix, Vector } from "./types";
import { assertMatrixShape } from "./validate";

function checkAxis(axis: unknown, where: string) {
	if (axis !== 0 && axis !== 1) error(`[Hivemind] ${where}: axis must be 0 (down rows) or 1 (across columns), got ${tostring(axis)}`, 3);
}

/** Sum of all entries, or per column (axis 0, 1×c) / per row (axis 1, r×1). */
export function sum(m: Matrix): number;
export function sum(m: Matrix, axis: Axis): Matrix;
export function sum(m: Matrix, axis?: Axis): number | Matrix {
	assertMatrixShape(m, "m", "Matrix.sum");
	const r = m.size();
	const c = m[0].size();
	if (axis === undefined) {
		let s = 0;
		for (const i of $range(0, r - 1)) {
			const mi = m[i];
			for (const j of $range(0, c - 1)) s += mi[j];
		}
		return s;
	}
	checkAxis(axis, "Matrix.sum");
	if (axis === 0) {
		const out = table.create<number>(c, 0);
		for (const i of $range(0, r - 1)) {
			const mi = m[i];
			for (const j of $range(0, c - 1)) out[j] += mi[j];
		}
		return [out];
	}
	const out = table.create<Array<number>>(r);
	for (const i of $range(0, r - 1)) {
		const mi = m[i];
		let s = 0;
		for (const j of $range(0, c - 1)) s += mi[j];
		out[i] = [s];
	}
	return out;
}

/** Mean of all entries, or per column (axis 0) / per row (axis 1). */
export function mean(m: Matrix): number;
export function mean(m: Matrix, axis: Axis): Matrix;
export function mean(m: Matrix, axis?: Axis): number | Matrix {
	assertMatrixShape(m, "m", "Matrix.mean");
	const r = m.size();
	const c = m[0].size();
	if (axis === undefined) return sum(m) / (r * c);
	checkAxis(axis, "Matrix.mean");
	const s = sum(m, axis);
	const count = axis === 0 ? r : c;
	for (const row of s) for (const j of $range(0, row.size() - 1)) row[j] /= count;
	return s;
}

/** Variance (divisor count − ddof) of all entries, or per column (axis 0) / per row (axis 1). */
export function variance(m: Matrix): number;
export function variance(m: Matrix, axis: Axis | undefined, ddof?: number): number | Matrix;
export function variance(m: Matrix, axis: Axis, ddof?: number): Matrix;
export function variance(m: Matrix, axis?: Axis, ddof = 0): number | Matrix {
	assertMatrixShape(m, "m", "Matrix.variance");
	const r = m.size();
	const c = m[0].size();
	if (!typeIs(ddof, "number") || ddof < 0) error(`[Hivemind] Matrix.variance: ddof must be a number ≥ 0, got ${tostring(ddof)}`, 2);
	if (axis === undefined) {
		const count = r * c;
		if (count - ddof <= 0) error(`[Hivemind] Matrix.variance: ddof ${ddof} leaves no degrees of freedom for ${count} entries`, 2);
		const mu = sum(m) / count;
		let s = 0;
		for (const i of $range(0, r - 1)) {
			const mi = m[i];
			for (const j of $range(0, c - 1)) {
				const d = mi[j] - mu;
				s += d * d;
			}
		}
		return s / (count - ddof);
	}
	checkAxis(axis, "Matrix.variance");
	const count = axis === 0 ? r : c;
	if (count - ddof <= 0) error(`[Hivemind] Matrix.variance: ddof ${ddof} leaves no degrees of freedom for ${count} entries`, 2);
	const mu = mean(m, axis);
	if (axis === 0) {
		const out = table.create<number>(c, 0);
		const mu0 = mu[0];
		for (const i of $range(0, r - 1)) {
			const mi = m[i];
			for (const j of $range(0, c - 1)) {
				const d = mi[j] - mu0[j];
				out[j] += d * d;
			}
		}
		for (const j of $range(0, c - 1)) out[j] /= count - ddof;
		return [out];
	}
	const out = table.create<Array<number>>(r);
	for (const i of $range(0, r - 1)) {
		const mi = m[i];
		const mui = mu[i][0];
		let s = 0;
		for (const j of $range(0, c - 1)) {
			const d = mi[j] - mui;
			s += d * d;
		}
		out[i] = [s / (count - ddof)];
	}
	return out;
}

/** Standard deviation: the square root of {@link variance}. */
export function standardDeviation(m: Matrix): number;
export function standardDeviation(m: Matrix, axis: Axis, ddof?: number): Matrix;
export function standardDeviation(m: Matrix, axis?: Axis, ddof = 0): number | Matrix {
	if (axis !== undefined) checkAxis(axis, "Matrix.standardDeviation");
	const v = variance(m, axis, ddof);
	if (typeIs(v, "number")) return math.sqrt(v);
	for (const row of v) for (const j of $range(0, row.size() - 1)) row[j] = math.sqrt(row[j]);
	return v;
}

type Better = (candidate: number, best: number) => boolean;
const isLess: Better = (x, y) => x < y;
const isGreater: Better = (x, y) => x > y;

/** Index of the best entry per column (axis 0) or per row (axis 1), first on ties; or [i, j] overall. */
function argBest(m: Matrix, better: Better, axis: Axis | undefined, where: string): Vector | [number, number] {
	assertMatrixShape(m, "m", where);
	const r = m.size();
	const c = m[0].size();
	if (axis === undefined) {
		let bi = 0;
		let bj = 0;
		let best = m[0][0];
		for (const i of $range(0, r - 1)) {
			const mi = m[i];
			for (const j of $range(0, c - 1)) {
				if (better(mi[j], best)) {
					best = mi[j];
					bi = i;
					bj = j;
				}
			}
		}
		return [bi, bj];
	}
	checkAxis(axis, where);
	if (axis === 0) {
		const out = table.create<number>(c, 0);
		for (const j of $range(0, c - 1)) {
			let best = m[0][j];
			for (const i of $range(1, r - 1)) {
				if (better(m[i][j], best)) {
					best = m[i][j];
					out[j] = i;
				}
			}
		}
		return out;
	}
	const out = table.create<number>(r, 0);
	for (const i of $range(0, r - 1)) {
		const mi = m[i];
		let best = mi[0];
		for (const j of $range(1, c - 1)) {
			if (better(mi[j], best)) {
				best = mi[j];
				out[i] = j;
			}
		}
	}
	return out;
}

/** 0-based index of the largest entry: [i, j] overall, or a vector per column (axis 0) / row (axis 1). */
export function argmax(m: Matrix): [number, number];
export function argmax(m: Matrix, axis: Axis): Vector;
export function argmax(m: Matrix, axis?: Axis): Vector | [number, number] {
	return argBest(m, isGreater, axis, "Matrix.argmax");
}

/** 0-based index of the smallest entry: [i, j] overall, or a vector per column (axis 0) / row (axis 1). */
export function argmin(m: Matrix): [number, number];
export function argmin(m: Matrix, axis: Axis): Vector;
export function argmin(m: Matrix, axis?: Axis): Vector | [number, number] {
	return argBest(m, isLess, axis, "Matrix.argmin");
}

function extreme(m: Matrix, better: Better, axis: Axis | undefined, where: string): number | Matrix {
	const index = argBest(m, better, axis, where);
	if (axis === undefined) {
		const [i, j] = index as [number, number];
		return m[i][j];
	}
	const idx = index as Vector;
	if (axis === 0) return [idx.map((i, j) => m[i][j])];
	return idx.map((j, i) => [m[i][j]]);
}

/** Smallest entry, or per column (axis 0, 1×c) / per row (axis 1, r×1). */
export function min(m: Matrix): number;
export function min(m: Matrix, axis: Axis): Matrix;
export function min(m: Matrix, axis?: Axis): number | Matrix {
	return extreme(m, isLess, axis, "Matrix.min");
}

/** Largest entry, or per column (axis 0, 1×c) / per row (axis 1, r×1). */
export function max(m: Matrix): number;
export function max(m: Matrix, axis: Axis): Matrix;
export function max(m: Matrix, axis?: Axis): number | Matrix {
	return extreme(m, isGreater, axis, "Matrix.max");
}
