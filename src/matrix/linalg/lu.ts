//!native
/** LU decomposition with partial pivoting (P·A = L·U, stored compactly) and solving with it. */
import { Matrix } from "../types";
import { assertMatrixShape, describeShape } from "../validate";

/** A compact LU factorization: `lu` holds L (unit diagonal, below) and U (on and above). */
export interface LuDecomposition {
	/** L below the diagonal (unit diagonal implied) and U on and above it. */
	lu: Matrix;
	/** Row i of P·A is row pivots[i] of A (0-based). */
	pivots: Array<number>;
	/** +1 or −1: the sign of the permutation (for determinants). */
	sign: number;
	/** True when a pivot was exactly zero (the matrix is singular). */
	singular: boolean;
	/** 1-based column of the first zero pivot, or 0. */
	singularColumn: number;
}

/**
 * Factorizes a square matrix; singularity is reported in the result, not thrown. A pivot whose
 * magnitude is at most `tolerance` times the largest entry of `a` counts as zero (0: exact zeros only).
 */
export function luDecompose(a: Matrix, tolerance = 1e-14): LuDecomposition {
	assertMatrixShape(a, "a", "Matrix.luDecompose");
	const n = a.size();
	if (a[0].size() !== n) error(`[Hivemind] Matrix.luDecompose: matrix must be square, got ${describeShape(a)}`, 2);
	const lu = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) lu[i] = table.clone(a[i]);
	const pivots = table.create<number>(n, 0);
	for (const i of $range(0, n - 1)) pivots[i] = i;
	let sign = 1;
	let singularColumn = 0;
	let largest = 0;
	for (const row of lu) for (const v of row) largest = math.max(largest, math.abs(v));
	for (const k of $range(0, n - 1)) {
		let p = k;
		let best = math.abs(lu[k][k]);
		for (const i of $range(k + 1, n - 1)) {
			const v = math.abs(lu[i][k]);
			if (v > best) {
				best = v;
				p = i;
			}
		}
		if (best <= tolerance * largest || best === 0) {
			if (singularColumn === 0) singularColumn = k + 1;
			continue;
		}
		if (p !== k) {
			const tmp = lu[p];
			lu[p] = lu[k];
			lu[k] = tmp;
			const tp = pivots[p];
			pivots[p] = pivots[k];
			pivots[k] = tp;
			sign = -sign;
		}
		const lk = lu[k];
		const pivot = lk[k];
		for (const i of $range(k + 1, n - 1)) {
			const li = lu[i];
			const f = li[k] / pivot;
			li[k] = f;
			if (f !== 0) for (const j of $range(k + 2, n)) li[j - 1] -= f * lk[j - 1];
		}
	}
	return { lu, pivots, sign, singular: singularColumn !== 0, singularColumn };
}

/** Solves A·x = b from a decomposition (b: n×k); errors when A was singular. */
export function luSolve(decomposition: LuDecomposition, b: Matrix, where = "Matrix.luSolve"): Matrix {
	if (!typeIs(decomposition, "table") || !typeIs(decomposition.lu, "table") || !typeIs(decomposition.pivots, "table")) {
		error(`[Hivemind] ${where}: decomposition must come from luDecompose, got ${typeOf(decomposition)}`, 3);
	}
	assertMatrixShape(b, "b", where);
	const { lu, pivots } = decomposition;
	const n = lu.size();
	if (decomposition.singular) {
		error(`[Hivemind] ${where}: matrix is singular (pivot 0 at column ${decomposition.singularColumn})`, 3);
	}
	if (b.size() !== n) error(`[Hivemind] ${where}: right-hand side must have ${n} rows, got ${describeShape(b)}`, 3);
	const k = b[0].size();
	const x = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) {
		const row = table.clone(b[pivots[i]]);
		const li = lu[i];
		for (const p of $range(0, i - 1)) {
			const f = li[p];
			if (f !== 0) {
				const xp = x[p];
				for (const c of $range(1, k)) row[c - 1] -= f * xp[c - 1];
			}
		}
		x[i] = row;
	}
	for (const i of $range(n - 1, 0, -1)) {
		const row = x[i];
		const li = lu[i];
		for (const p of $range(i + 1, n - 1)) {
			const f = li[p];
			if (f !== 0) {
				const xp = x[p];
				for (const c of $range(1, k)) row[c - 1] -= f * xp[c - 1];
			}
		}
		const d = li[i];
		for (const c of $range(1, k)) row[c - 1] /= d;
	}
	return x;
}
