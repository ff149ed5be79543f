//!native
/**
 * Coordinate-wise combinations of same-shaped matrices (one entry of every child's parameters):
 * weighted sums, medians, trimmed means, and the exact least-squares combination. Callers check
 * shapes and weights; these kernels trust them. Every result is a new matrix; summation runs in
 * child order, so results are deterministic.
 */
import { Matrix } from "../../matrix/types";
import { zeros } from "../../matrix/creation";
import { solve } from "../../matrix/linalg/solve";

/** Σ weights[k] · matrices[k]. */
export function weightedSum(matrices: Array<Matrix>, weights: Array<number>): Matrix {
	const rows = matrices[0].size();
	const cols = matrices[0][0].size();
	const out = zeros(rows, cols);
	for (const k of $range(0, matrices.size() - 1)) {
		const m = matrices[k];
		const w = weights[k];
		if (w === 0) continue;
		for (const i of $range(0, rows - 1)) {
			const oi = out[i];
			const mi = m[i];
			for (const j of $range(0, cols - 1)) oi[j] += w * mi[j];
		}
	}
	return out;
}

/** Per coordinate: gathers the children's values, sorts them ascending and reduces them with `reduce`. */
function sortedCoordinateWise(matrices: Array<Matrix>, reduce: (sorted: Array<number>) => number): Matrix {
	const rows = matrices[0].size();
	const cols = matrices[0][0].size();
	const count = matrices.size();
	const out = zeros(rows, cols);
	const values = table.create<number>(count, 0);
	for (const i of $range(0, rows - 1)) {
		const oi = out[i];
		for (const j of $range(0, cols - 1)) {
			for (const k of $range(0, count - 1)) values[k] = matrices[k][i][j];
			values.sort();
			oi[j] = reduce(values);
		}
	}
	return out;
}

/**
 * Per coordinate: sorts the children's values and averages those left after dropping `trim`
 * values from each end (`trim = 0` is the mean).
 */
export function coordinateTrimmedMean(matrices: Array<Matrix>, trim: number): Matrix {
	const last = matrices.size() - trim - 1;
	const kept = matrices.size() - 2 * trim;
	return sortedCoordinateWise(matrices, (sorted) => {
		let total = 0;
		for (const k of $range(trim, last)) total += sorted[k];
		return total / kept;
	});
}

/** Per coordinate: the median of the children's values (the mean of the two middle ones for an even count). */
export function coordinateMedian(matrices: Array<Matrix>): Matrix {
	const count = matrices.size();
	const half = math.floor(count / 2);
	return sortedCoordinateWise(matrices, (sorted) => (count % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2));
}

/**
 * The exact least-squares combination (Σ Gₖ)⁻¹ Σ Gₖ θₖ of the children's solutions θₖ (d×o)
 * given their Gram matrices Gₖ = XₖᵀXₖ (d×d): the solution on the union of their data.
 */
export function regressionMean(thetas: Array<Matrix>, grams: Array<Matrix>): Matrix {
	const d = thetas[0].size();
	const o = thetas[0][0].size();
	const gramSum = zeros(d, d);
	const rhs = zeros(d, o);
	for (const k of $range(0, thetas.size() - 1)) {
		const g = grams[k];
		const theta = thetas[k];
		for (const i of $range(0, d - 1)) {
			const gi = g[i];
			const si = gramSum[i];
			const ri = rhs[i];
			for (const l of $range(0, d - 1)) {
				const gil = gi[l];
				si[l] += gil;
				const tl = theta[l];
				for (const j of $range(0, o - 1)) ri[j] += gil * tl[j];
			}
		}
	}
	return solve(gramSum, rhs);
}
