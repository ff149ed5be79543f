//!native
/** The Cholesky kernel (internal: not re-exported by `matrix/index.ts`). */
import { Matrix } from "../types";

/**
 * The lower-triangular L with A = L·Lᵀ of a square A (not checked; its lower triangle is read),
 * or, when a pivot is not above `relativeTolerance` × its diagonal entry (or is NaN), undefined
 * with that pivot's 0-based row and value: the kernel of `cholesky` (which errors) and of the
 * mixture densities (where a failed factor marks a degenerate component).
 */
export function choleskyFactor(a: Matrix, relativeTolerance: number): LuaTuple<[Matrix | undefined, number, number]> {
	const n = a.size();
	const l = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) l[i] = table.create<number>(n, 0);
	for (const i of $range(0, n - 1)) {
		const li = l[i];
		for (const j of $range(0, i)) {
			const lj = l[j];
			let s = a[i][j];
			for (const k of $range(0, j - 1)) s -= li[k] * lj[k];
			if (i === j) {
				if (!(s > relativeTolerance * math.abs(a[i][i]))) return $tuple(undefined, i, s);
				li[i] = math.sqrt(s);
			} else {
				li[j] = s / lj[j];
			}
		}
	}
	return $tuple(l, -1, 0);
}
