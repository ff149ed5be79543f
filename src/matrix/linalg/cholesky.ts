//!native
/** Cholesky factorization A = L·Lᵀ of a symmetric positive-definite matrix, and solving with it. */
import { Matrix } from "../types";
import { describeShape } from "../validate";

/** The lower-triangular L with A = L·Lᵀ; errors when A is not square or not positive definite. */
export function cholesky(a: Matrix): Matrix {
	const n = a.size();
	if (a[0].size() !== n) error(`[Hivemind] Matrix.cholesky: matrix must be square, got ${describeShape(a)}`, 2);
	const l = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) l[i] = table.create<number>(n, 0);
	for (const i of $range(0, n - 1)) {
		const li = l[i];
		for (const j of $range(0, i)) {
			const lj = l[j];
			let s = a[i][j];
			for (const k of $range(0, j - 1)) s -= li[k] * lj[k];
			if (i === j) {
				if (s <= 0 || s !== s) {
					error(`[Hivemind] Matrix.cholesky: matrix is not positive definite (pivot ${s} at row ${i + 1})`, 2);
				}
				li[i] = math.sqrt(s);
			} else {
				li[j] = s / lj[j];
			}
		}
	}
	return l;
}

/** Solves (L·Lᵀ)·x = b for x given the Cholesky factor L (b: n×k). */
export function solveCholesky(l: Matrix, b: Matrix): Matrix {
	const n = l.size();
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
