//!native
/** Linear systems: solve, inverse, determinant, least squares, and the ridge system. */
import { Matrix } from "../types";
import { assertMatrix, describeShape } from "../validate";
import { luDecompose, luSolve } from "./lu";
import { cholesky, solveCholesky } from "./cholesky";
import { gram, transposeMatmul } from "../product";

/** x with a·x = b (LU with partial pivoting); b is n×k. */
export function solve(a: Matrix, b: Matrix): Matrix {
	assertMatrix(a, "a", "Matrix.solve");
	assertMatrix(b, "b", "Matrix.solve");
	if (a.size() !== a[0].size()) error(`[Hivemind] Matrix.solve: a must be square, got ${describeShape(a)}`, 2);
	if (b.size() !== a.size()) error(`[Hivemind] Matrix.solve: b must have ${a.size()} rows, got ${describeShape(b)}`, 2);
	return luSolve(luDecompose(a), b, "Matrix.solve");
}

/** The inverse of a square non-singular matrix. */
export function inverse(a: Matrix): Matrix {
	assertMatrix(a, "a", "Matrix.inverse");
	const n = a.size();
	if (a[0].size() !== n) error(`[Hivemind] Matrix.inverse: a must be square, got ${describeShape(a)}`, 2);
	const eye = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) {
		eye[i] = table.create<number>(n, 0);
		eye[i][i] = 1;
	}
	return luSolve(luDecompose(a), eye, "Matrix.inverse");
}

/** The determinant of a square matrix (LU with exact-zero pivots only, so tiny but nonzero determinants survive). */
export function determinant(a: Matrix): number {
	assertMatrix(a, "a", "Matrix.determinant");
	if (a.size() !== a[0].size()) error(`[Hivemind] Matrix.determinant: a must be square, got ${describeShape(a)}`, 2);
	const d = luDecompose(a, 0);
	if (d.singular) return 0;
	let det = d.sign;
	for (const i of $range(0, a.size() - 1)) det *= d.lu[i][i];
	return det;
}

/** (xtx + λ·I')·w = xty for solveRidge and leastSquares; `where` names the public caller. */
function ridge(xtx: Matrix, xty: Matrix, lambda: number, unpenalized: Array<number>, where: string): Matrix {
	const p = xtx.size();
	const system = table.create<Array<number>>(p);
	for (const i of $range(0, p - 1)) system[i] = table.clone(xtx[i]);
	if (lambda !== 0) {
		for (const i of $range(0, p - 1)) if (!unpenalized.includes(i)) system[i][i] += lambda;
	}
	const [ok, factor] = pcall(cholesky, system);
	if (ok) return solveCholesky(factor as Matrix, xty);
	const d = luDecompose(system);
	if (d.singular) {
		error(
			`[Hivemind] ${where}: the system is singular (pivot 0 at column ${d.singularColumn}); add regularization (lambda > 0) or remove duplicate features`,
			3,
		);
	}
	return luSolve(d, xty, where);
}

/**
 * Solves (xtx + λ·I')·w = xty, where I' is the identity with zeros at the `unpenalized`
 * diagonal indices (0-based; typically the bias). Cholesky first, LU as the fallback.
 */
export function solveRidge(xtx: Matrix, xty: Matrix, lambda: number, unpenalized: Array<number> = []): Matrix {
	const where = "Matrix.solveRidge";
	assertMatrix(xtx, "xtx", where);
	assertMatrix(xty, "xty", where);
	const p = xtx.size();
	if (xtx[0].size() !== p) error(`[Hivemind] ${where}: xtx must be square, got ${describeShape(xtx)}`, 2);
	if (xty.size() !== p) error(`[Hivemind] ${where}: xty must have ${p} rows like xtx, got ${describeShape(xty)}`, 2);
	if (!typeIs(lambda, "number") || !(lambda >= 0) || lambda === math.huge) {
		error(`[Hivemind] ${where}: lambda must be a finite number ≥ 0, got ${tostring(lambda)}`, 2);
	}
	if (!typeIs(unpenalized, "table")) error(`[Hivemind] ${where}: unpenalized must be an array of indices, got ${typeOf(unpenalized)}`, 2);
	for (const k of $range(0, unpenalized.size() - 1)) {
		const index = unpenalized[k];
		if (!typeIs(index, "number") || index !== math.floor(index) || index < 0 || index >= p) {
			error(`[Hivemind] ${where}: unpenalized[${k + 1}] must be an index in [0, ${p - 1}], got ${tostring(index)}`, 2);
		}
	}
	return ridge(xtx, xty, lambda, unpenalized, where);
}

/** The least-squares solution w of x·w ≈ y (normal equations; x must have full column rank). */
export function leastSquares(x: Matrix, y: Matrix): Matrix {
	assertMatrix(x, "x", "Matrix.leastSquares");
	assertMatrix(y, "y", "Matrix.leastSquares");
	if (x.size() !== y.size()) {
		error(`[Hivemind] Matrix.leastSquares: x and y must have the same number of rows, got ${describeShape(x)} and ${describeShape(y)}`, 2);
	}
	return ridge(gram(x), transposeMatmul(x, y), 0, [], "Matrix.leastSquares");
}
