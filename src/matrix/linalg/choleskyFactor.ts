//!native
/** The Cholesky kernels (internal: not re-exported by `matrix/index.ts`). */
import { Matrix } from "../types";

/** Relative size below which a pivot of an n×n matrix counts as zero, per row (`cholesky` uses n × this). */
export const PIVOT_TOLERANCE = 1e-15;

/**
 * Writes the lower-triangular L with A = L·Lᵀ of a square n×n A (not checked; its lower triangle
 * is read) into `l` (n×n, its upper triangle zeroed; may not be `a`), allocating nothing. Returns
 * (true, -1, 0), or, when a pivot is not above `relativeTolerance` × its diagonal entry (or is
 * NaN), false with that pivot's 0-based row and value (`l` then partly written): the kernel of
 * `cholesky`, `choleskyInto`, the second-order solvers and the mixture densities.
 */
export function choleskyFactorInto(l: Matrix, a: Matrix, relativeTolerance: number): LuaTuple<[boolean, number, number]> {
	const n = a.size();
	for (const i of $range(0, n - 1)) {
		const li = l[i];
		for (const j of $range(0, i)) {
			const lj = l[j];
			let s = a[i][j];
			for (const k of $range(0, j - 1)) s -= li[k] * lj[k];
			if (i === j) {
				if (!(s > relativeTolerance * math.abs(a[i][i]))) return $tuple(false, i, s);
				li[i] = math.sqrt(s);
			} else {
				li[j] = s / lj[j];
			}
		}
		for (const j of $range(i + 1, n - 1)) li[j] = 0;
	}
	return $tuple(true, -1, 0);
}

/** `choleskyFactorInto` into a new matrix: L, or undefined with the failing pivot's row and value. */
export function choleskyFactor(a: Matrix, relativeTolerance: number): LuaTuple<[Matrix | undefined, number, number]> {
	const n = a.size();
	const l = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) l[i] = table.create<number>(n, 0);
	const [ok, row, pivot] = choleskyFactorInto(l, a, relativeTolerance);
	return $tuple(ok ? l : undefined, row, pivot);
}

/**
 * Solves (L·Lᵀ)·X = B into `out` (n×k, may be `b`) by forward then back substitution, given the
 * lower-triangular factor L (n×n) and B (n×k); nothing checked, nothing allocated.
 */
export function choleskySubstituteInto(out: Matrix, l: Matrix, b: Matrix) {
	const n = l.size();
	const k = b[0].size();
	for (const i of $range(0, n - 1)) {
		const li = l[i];
		const row = out[i];
		const bi = b[i];
		for (const c of $range(0, k - 1)) row[c] = bi[c];
		for (const p of $range(0, i - 1)) {
			const f = li[p];
			const yp = out[p];
			for (const c of $range(0, k - 1)) row[c] -= f * yp[c];
		}
		const d = li[i];
		for (const c of $range(0, k - 1)) row[c] /= d;
	}
	for (const i of $range(n - 1, 0, -1)) {
		const row = out[i];
		for (const p of $range(i + 1, n - 1)) {
			const f = l[p][i];
			const xp = out[p];
			for (const c of $range(0, k - 1)) row[c] -= f * xp[c];
		}
		const d = l[i][i];
		for (const c of $range(0, k - 1)) row[c] /= d;
	}
}
