//!native
/** Cholesky factorization A = L·Lᵀ of a symmetric positive-definite matrix, and solving with it. */
import { Matrix } from "../types";
import { assertMatrixShape, describeShape } from "../validate";
import { choleskyFactor, choleskyFactorInto, choleskySubstituteInto, PIVOT_TOLERANCE } from "./choleskyFactor";

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

/** Throws unless `a` is a square matrix, symmetric to within rounding (errors name `where`). */
function assertSquareSymmetric(a: Matrix, where: string) {
	const n = a.size();
	if (a[0].size() !== n) error(`[Hivemind] ${where}: matrix must be square, got ${describeShape(a)}`, 3);
	assertSymmetric(a, where);
}

/**
 * The lower-triangular L with A = L·Lᵀ; errors when A is not square, not symmetric, or not
 * positive definite (a pivot ≤ n·1e-15 times its diagonal entry counts as zero).
 */
export function cholesky(a: Matrix): Matrix {
	assertMatrixShape(a, "a", "Matrix.cholesky");
	assertSquareSymmetric(a, "Matrix.cholesky");
	const [l, row, pivot] = choleskyFactor(a, a.size() * PIVOT_TOLERANCE);
	if (l === undefined) error(`[Hivemind] Matrix.cholesky: matrix is not positive definite (pivot ${pivot} at row ${row + 1})`, 2);
	return l;
}

/** `cholesky(a)` written into `out` (n×n, not `a`), allocating nothing; returns `out`. Errors as `cholesky` (`out` then partly written). */
export function choleskyInto(out: Matrix, a: Matrix): Matrix {
	assertMatrixShape(out, "out", "Matrix.choleskyInto");
	assertMatrixShape(a, "a", "Matrix.choleskyInto");
	assertSquareSymmetric(a, "Matrix.choleskyInto");
	const n = a.size();
	if (out.size() !== n || out[0].size() !== n) error(`[Hivemind] Matrix.choleskyInto: out must be ${n}×${n} like a, got ${describeShape(out)}`, 2);
	if (out === a) error("[Hivemind] Matrix.choleskyInto: out must not be a", 2);
	const [ok, row, pivot] = choleskyFactorInto(out, a, n * PIVOT_TOLERANCE);
	if (!ok) error(`[Hivemind] Matrix.choleskyInto: matrix is not positive definite (pivot ${pivot} at row ${row + 1})`, 2);
	return out;
}

/** Throws unless `l` is square and `b` has as many rows (errors name `where`). */
function assertSolveShapes(l: Matrix, b: Matrix, where: string) {
	assertMatrixShape(l, "l", where);
	assertMatrixShape(b, "b", where);
	const n = l.size();
	if (l[0].size() !== n) error(`[Hivemind] ${where}: l must be square, got ${describeShape(l)}`, 3);
	if (b.size() !== n) error(`[Hivemind] ${where}: right-hand side must have ${n} rows, got ${describeShape(b)}`, 3);
}

/** Solves (L·Lᵀ)·x = b for x given the Cholesky factor L (b: n×k). */
export function solveCholesky(l: Matrix, b: Matrix): Matrix {
	assertSolveShapes(l, b, "Matrix.solveCholesky");
	const n = l.size();
	const x = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) x[i] = table.create<number>(b[0].size(), 0);
	choleskySubstituteInto(x, l, b);
	return x;
}

/** `solveCholesky(l, b)` written into `out` (n×k like b; may be b itself), allocating nothing; returns `out`. */
export function solveCholeskyInto(out: Matrix, l: Matrix, b: Matrix): Matrix {
	assertMatrixShape(out, "out", "Matrix.solveCholeskyInto");
	assertSolveShapes(l, b, "Matrix.solveCholeskyInto");
	if (out.size() !== b.size() || out[0].size() !== b[0].size())
		error(`[Hivemind] Matrix.solveCholeskyInto: out must be ${describeShape(b)} like b, got ${describeShape(out)}`, 2);
	choleskySubstituteInto(out, l, b);
	return out;
}
