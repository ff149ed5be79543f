//!native
/**
 * Low-order moments per column (count, mean, M2 = Σ(x − mean)²), merged exactly with the
 * Chan–Golub–LeVeque update: δ = mean_b − mean_a, n = n_a + n_b,
 * mean = mean_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n.
 */
import { Matrix } from "../matrix/types";
import { zeros } from "../matrix/creation";
import { assertData, assertCompatiblePartials, assertPartial } from "./validate";
import { describeValue } from "../core/describe";

/** One shard's moments: plain data, sendable as a "statistics" payload. */
export interface MomentsPartial {
	/** Number of rows. */
	n: number;
	/** Column means (1×c). */
	mean: Matrix;
	/** Column sums of squared deviations from the mean (1×c). */
	m2: Matrix;
}

/** The moments of X (n×c), computed in two passes (mean, then deviations) for accuracy. */
export function computeMomentsPartial(X: Matrix): MomentsPartial {
	assertData(X, undefined, "computeMomentsPartial");
	const [mean, m2] = rowMoments(X, undefined, 0);
	return { n: X.size(), mean, m2 };
}

/**
 * The two-pass mean and M2 (1×c each) of the rows of X selected by `rows` (all when undefined),
 * `count` of them (ignored when `rows` is undefined).
 */
export function rowMoments(X: Matrix, rows: Array<number> | undefined, count: number): [Matrix, Matrix] {
	const c = X[0].size();
	const n = rows === undefined ? X.size() : count;
	const mean = zeros(1, c);
	const m2 = zeros(1, c);
	if (n === 0) return [mean, m2];
	const mu = mean[0];
	const s = m2[0];
	const each = (fn: (row: Array<number>) => void) => {
		if (rows === undefined) for (const row of X) fn(row);
		else for (const i of rows) fn(X[i]);
	};
	each((row) => {
		for (const j of $range(0, c - 1)) mu[j] += row[j];
	});
	for (const j of $range(0, c - 1)) mu[j] /= n;
	each((row) => {
		for (const j of $range(0, c - 1)) {
			const d = row[j] - mu[j];
			s[j] += d * d;
		}
	});
	return [mean, m2];
}

/** Chan–Golub–LeVeque on one row of means and M2s: returns the merged [mean, m2] rows (new arrays). */
export function chanCombineRows(
	nA: number,
	meanA: Array<number>,
	m2A: Array<number>,
	nB: number,
	meanB: Array<number>,
	m2B: Array<number>,
): [Array<number>, Array<number>] {
	const n = nA + nB;
	const c = meanA.size();
	const mean = table.create<number>(c, 0);
	const m2 = table.create<number>(c, 0);
	if (n === 0) return [mean, m2];
	for (const j of $range(0, c - 1)) {
		const delta = meanB[j] - meanA[j];
		mean[j] = meanA[j] + (delta * nB) / n;
		m2[j] = m2A[j] + m2B[j] + (delta * delta * nA * nB) / n;
	}
	return [mean, m2];
}

/** The moments of the union of two shards (pure; associative up to rounding). */
export function mergeMomentsPartials(a: MomentsPartial, b: MomentsPartial): MomentsPartial {
	assertCompatiblePartials(a, b, "n", ["mean", "m2"], "mergeMomentsPartials", { nonNegative: ["m2"], zeroWhenEmpty: true });
	const [mean, m2] = chanCombineRows(a.n, a.mean[0], a.m2[0], b.n, b.mean[0], b.m2[0]);
	return { n: a.n + b.n, mean: [mean], m2: [m2] };
}

/** Means, variances and standard deviations (1×c each) from merged moments. */
export interface Moments {
	n: number;
	mean: Matrix;
	variance: Matrix;
	standardDeviation: Matrix;
}

/** Finalizes moments: variance = M2 / (n − ddof). `ddof` 0 (population, default) or 1 (sample). */
export function finalizeMoments(partial: MomentsPartial, ddof = 0): Moments {
	assertPartial(partial, "partial", "n", ["mean", "m2"], "finalizeMoments", { nonNegative: ["m2"], zeroWhenEmpty: true });
	if (ddof !== 0 && ddof !== 1) error(`[Hivemind] finalizeMoments: ddof must be 0 or 1, got ${describeValue(ddof)}`, 2);
	const denominator = partial.n - ddof;
	if (denominator <= 0) error(`[Hivemind] finalizeMoments: partial.n must be > ${ddof} for ddof ${ddof}, got ${partial.n}`, 2);
	const variance = [partial.m2[0].map((v) => v / denominator)];
	return { n: partial.n, mean: [[...partial.mean[0]]], variance, standardDeviation: [variance[0].map((v) => math.sqrt(v))] };
}
