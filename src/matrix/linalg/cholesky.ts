//!native
/** Cholesky factorization A = L·Lᵀ of a symmetric positive-definite matrix, and solving with it. */
import { Matrix } from "../types";
import { assertMatrixShape, describeShape } from "../validate";
import { choleskyFactor } from "./choleskyFactor";

/** Relative size below which a pivot counts as zero (rounding noise of a singular matrix). */
const PIVOT_TOLERANCE = 1e-15;

/** Throws unless the square matrix `a` is symmetric to within rounding (relative to its largest entry). */
export function assertSymmetric(a: Matrix, where: string) {
	const n = a.size();
	let largest = 0;
	for (const row of a) for (const v of row) largest = math.max(largest, math.abs(v));
	const limit = 1e-10 * largest;
	for (const i of $range(1, n)) {
		const ai = a[i - 1];
		for (const j of $range(i + 1, n)) {
			if (!(math.abs(ai[j - 1] - a[j - 1][i - 1]) <= limit)) {
				error(`[Hivemind] ${where}: matrix must be symmetric, got a[${i}][${j}] = ${ai[j - 1]} and a[${j}][${i}] = ${a[j - 1][i - 1]}`, 3);
			}
		}
	}
}

/**
 * The lower-triangular L with A = L·Lᵀ; errors when A is not square, not symmetric, or not
 * positive definite (a pivot ≤ n·1e-15 times its diagonal entry counts as zero).
 */
export function cholesky(a: Matrix): Matrix {
	assertMatrixShape(a, "a", "Matrix.cholesky");
	const n = a.size();
	if (a[0].size() !== n) error(`[Hivemind] Matrix.cholesky: matrix must be square, got ${describeShape(a)}`, 2);
	assertSymmetric(a, "Matrix.cholesky");
	const [l, row, pivot] = choleskyFactor(a, n * PIVOT_TOLERANCE);
	if (l === undefined) error(`[Hivemind] Matrix.cholesky: matrix is not positive definite (pivot ${pivot} at row ${row + 1})`, 2);
	return l;
}

/** Solves (L·Lᵀ)·x = b for x given the Cholesky factor L (b: n×k). */
export function solveCholesky(l: Matrix, b: Matrix): Matrix {
	assertMatrixShape(l, "l", "Matrix.solveCholesky");
	assertMatrixShape(b, "b", "Matrix.solveCholesky");
	const n = l.size();
	if (l[0].size() !== n) error(`[Hivemind] Matrix.solveCholesky: l must be square, got ${describeShape(l)}`, 2);
	if (b.size() !== n) {
		error(`[Hivemind] Matrix.solveCholesky: right-hand side must have ${n} rows, got ${describeShape(b)}`, 2);
	}
	const k = b[0].size();
	const y = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) {
		const li = l[i];
		const row = table.clone(b[i]);
		for (const p of $range(0, i - 1)) {
			const f = li[p];
			const yp = y[p];
			for (const c of $range(0, k - 1)) row[c] -= f * yp[c];
		}
		const d = li[i];
		for (const c of $range(0, k - 1)) row[c] /= d;
		y[i] = row;
	}
	const x = table.create<Array<number>>(n);
	for (const i of $range(n - 1, 0, -1)) {
		const row = y[i];
		for (const p of $range(i + 1, n - 1)) {
			const f = l[p][i];
			const xp = x[p];
			for (const c of $range(0, k - 1)) row[c] -= f * xp[c];
		}
		const d = l[i][i];
		for (const c of $range(0, k - 1)) row[c] /= d;
		x[i] = row;
	}
	return x;
}
