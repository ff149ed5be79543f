//!native
/**
 * Covariance and PCA from mergeable statistics. A partial holds n, the column means and the
 * co-moment matrix C = Σ(x − mean)(x − mean)ᵀ (the centred form of n, Σx, Σxxᵀ: the same
 * information without the cancellation of Σxxᵀ − n·mean·meanᵀ). Merging is exact:
 * δ = mean_b − mean_a, C = C_a + C_b + (n_a·n_b/n)·δδᵀ.
 */
import { Matrix } from "../matrix/types";
import { zeros } from "../matrix/creation";
import { mirrorUpperTriangle } from "../matrix/product";
import { symmetricEigen } from "../matrix/linalg/eigen";
import { assertData, assertCompatiblePartials, assertPartial } from "./validate";
import { describeValue } from "../core/describe";

/** One shard's co-moments: plain data, sendable as a "statistics" payload. */
export interface CovariancePartial {
	/** Number of rows. */
	n: number;
	/** Column means (1×c). */
	mean: Matrix;
	/** Σ(x − mean)(x − mean)ᵀ (c×c, symmetric). */
	comoment: Matrix;
}

/** Adds the sums of rows `first` … `last` (0-based) of X into `sums` (in row order); returns `sums`. */
export function addColumnSums(X: Matrix, first: number, last: number, sums: Array<number>): Array<number> {
	const c = sums.size();
	for (const i of $range(first, last)) {
		const row = X[i];
		for (const j of $range(0, c - 1)) sums[j] += row[j];
	}
	return sums;
}

/**
 * Adds Σ (x − mean)(x − mean)ᵀ over rows `first` … `last` (0-based) of X into the upper triangle
 * of `comoment` (in row order; `scratch` holds one centred row).
 */
export function addComoments(X: Matrix, first: number, last: number, mean: Array<number>, comoment: Matrix, scratch: Array<number>) {
	const c = mean.size();
	for (const r of $range(first, last)) {
		const row = X[r];
		for (const j of $range(0, c - 1)) scratch[j] = row[j] - mean[j];
		for (const i of $range(0, c - 1)) {
			const ci = comoment[i];
			const di = scratch[i];
			for (const j of $range(i, c - 1)) ci[j] += di * scratch[j];
		}
	}
}

/** The co-moments of X (n×c): the column means, then the co-moments about them (two passes in row order). */
export function computeCovariancePartial(X: Matrix): CovariancePartial {
	assertData(X, undefined, "computeCovariancePartial");
	const n = X.size();
	const c = X[0].size();
	const mean = [addColumnSums(X, 0, n - 1, table.create<number>(c, 0)).map((v) => v / n)];
	const comoment = zeros(c, c);
	addComoments(X, 0, n - 1, mean[0], comoment, table.create<number>(c, 0));
	return { n, mean, comoment: mirrorUpperTriangle(comoment) };
}

/** The co-moments of the union of two shards (pure; associative up to rounding). */
export function mergeCovariancePartials(a: CovariancePartial, b: CovariancePartial): CovariancePartial {
	assertCompatiblePartials(a, b, "n", ["mean", "comoment"], "mergeCovariancePartials", { gram: ["comoment"], zeroWhenEmpty: true });
	const n = a.n + b.n;
	const c = a.mean[0].size();
	const factor = n === 0 ? 0 : (a.n * b.n) / n;
	const delta = table.create<number>(c, 0);
	const mean = zeros(1, c);
	for (const j of $range(0, c - 1)) {
		delta[j] = b.mean[0][j] - a.mean[0][j];
		mean[0][j] = n === 0 ? 0 : a.mean[0][j] + (delta[j] * b.n) / n;
	}
	const comoment = zeros(c, c);
	for (const i of $range(0, c - 1)) {
		const ai = a.comoment[i];
		const bi = b.comoment[i];
		const ci = comoment[i];
		const di = delta[i];
		for (const j of $range(0, c - 1)) ci[j] = ai[j] + bi[j] + factor * di * delta[j];
	}
	return { n, mean, comoment };
}

/** Mean (1×c) and covariance (c×c) from merged co-moments. */
export interface CovarianceResult {
	n: number;
	mean: Matrix;
	covariance: Matrix;
}

function covarianceOf(partial: CovariancePartial, ddof: number, where: string): CovarianceResult {
	assertPartial(partial, "partial", "n", ["mean", "comoment"], where, { gram: ["comoment"], zeroWhenEmpty: true });
	if (ddof !== 0 && ddof !== 1) error(`[Hivemind] ${where}: ddof must be 0 or 1, got ${describeValue(ddof)}`, 3);
	const denominator = partial.n - ddof;
	if (denominator <= 0) error(`[Hivemind] ${where}: partial.n must be > ${ddof} for ddof ${ddof}, got ${partial.n}`, 3);
	const covariance = partial.comoment.map((row) => row.map((v) => v / denominator));
	return { n: partial.n, mean: [[...partial.mean[0]]], covariance };
}

/** Finalizes the covariance: C / (n − ddof); `ddof` 0 (population, default) or 1 (sample). */
export function finalizeCovariance(partial: CovariancePartial, ddof = 0): CovarianceResult {
	return covarianceOf(partial, ddof, "finalizeCovariance");
}

/** Principal components from merged co-moments. */
export interface PcaResult {
	/** Column means (1×c), subtracted before projecting. */
	mean: Matrix;
	/** The components as columns (c×k), by decreasing variance; each column's largest-magnitude entry is positive. */
	components: Matrix;
	/** The variance along each component (1×k). */
	explainedVariance: Matrix;
	/** Each component's share of the total variance (1×k). */
	explainedVarianceRatio: Matrix;
}

/**
 * PCA: the eigen-decomposition of the covariance (`symmetricEigen`), keeping
 * `numberOfComponents` (default: all c). Signs are fixed (largest-magnitude entry positive) so
 * every merge order gives the same components.
 */
export function finalizePca(partial: CovariancePartial, numberOfComponents?: number, ddof = 0): PcaResult {
	const { mean, covariance } = covarianceOf(partial, ddof, "finalizePca");
	const c = covariance.size();
	const k = numberOfComponents ?? c;
	if (!typeIs(k, "number") || k !== math.floor(k) || k < 1 || k > c) {
		error(`[Hivemind] finalizePca: numberOfComponents must be an integer in [1, ${c}], got ${describeValue(k)}`, 2);
	}
	const { values, vectors } = symmetricEigen(covariance);
	let total = 0;
	for (const v of values) total += math.max(v, 0);
	const components = zeros(c, k);
	const explained = zeros(1, k);
	const ratio = zeros(1, k);
	for (const j of $range(0, k - 1)) {
		let pivot = 0;
		for (const i of $range(1, c - 1)) if (math.abs(vectors[i][j]) > math.abs(vectors[pivot][j]) + 1e-12) pivot = i;
		const sign = vectors[pivot][j] < 0 ? -1 : 1;
		for (const i of $range(0, c - 1)) components[i][j] = sign * vectors[i][j];
		explained[0][j] = math.max(values[j], 0);
		ratio[0][j] = total > 0 ? explained[0][j] / total : 0;
	}
	return { mean, components, explainedVariance: explained, explainedVarianceRatio: ratio };
}
