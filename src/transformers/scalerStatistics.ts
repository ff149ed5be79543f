//!native
/**
 * The sufficient statistics behind the scalers, as pure functions: the column moments of
 * `src/sufficientStatistics/moments.ts` (count, mean, M2, merged by Chan, Golub & LeVeque's update) plus
 * column minima and maxima, so a scaler can be fitted across servers or Actors: each computes its
 * shard's statistics, one merges them.
 */
import { assertMatrix } from "../matrix";
import { Matrix } from "../matrix/types";
import { chanCombineRows, MomentsPartial, rowMoments } from "../sufficientStatistics/moments";
import { assertCompatiblePartials, assertPartial } from "../sufficientStatistics/validate";

/** Per-column statistics of the rows seen so far (plain data: survives JSON and the wire format). */
export interface ScalerStatistics extends MomentsPartial {
	/** Number of rows (≥ 1). */
	n: number;
	/** Column means (1×c). */
	mean: Matrix;
	/** Column sums of squared deviations from the mean (1×c; population variance = m2 / n). */
	m2: Matrix;
	/** Column minima (1×c). */
	min: Matrix;
	/** Column maxima (1×c). */
	max: Matrix;
}

const FIELDS: Array<"mean" | "m2" | "min" | "max"> = ["mean", "m2", "min", "max"];

/** n, means and M2 (two-pass, for accuracy), minima and maxima of the columns of `X`. */
export function computeScalerStatistics(X: Matrix): ScalerStatistics {
	assertMatrix(X, "X", "computeScalerStatistics");
	return statisticsOf(X);
}

/** {@link computeScalerStatistics} without validation (callers have checked `X`). */
export function statisticsOf(X: Matrix): ScalerStatistics {
	const c = X[0].size();
	const [mean, m2] = rowMoments(X, undefined, 0);
	const low = table.clone(X[0]);
	const high = table.clone(X[0]);
	for (const row of X) {
		for (const j of $range(0, c - 1)) {
			const v = row[j];
			if (v < low[j]) low[j] = v;
			if (v > high[j]) high[j] = v;
		}
	}
	return { n: X.size(), mean, m2, min: [low], max: [high] };
}

/** Throws unless the rows of a statistic are valid: n ≥ 1, one row each, M2 ≥ 0, min ≤ max. */
function assertStatisticValues(s: ScalerStatistics, argName: string, where: string) {
	if (s.n < 1) error(`[Hivemind] ${where}: ${argName}.n must be an integer ≥ 1, got ${s.n}`, 4);
	const c = s.mean[0].size();
	for (const field of FIELDS) {
		const m = s[field];
		if (m.size() !== 1 || m[0].size() !== c) {
			const like = field === "mean" ? "" : ` like ${argName}.mean`;
			error(`[Hivemind] ${where}: ${argName}.${field} must be 1×${c}${like}, got ${m.size()}×${m[0].size()}`, 4);
		}
	}
	for (const j of $range(0, c - 1)) {
		if (s.m2[0][j] < 0) error(`[Hivemind] ${where}: ${argName}.m2[1][${j + 1}] must be ≥ 0, got ${s.m2[0][j]}`, 4);
		if (s.min[0][j] > s.max[0][j]) {
			error(`[Hivemind] ${where}: ${argName}.min[1][${j + 1}] must be ≤ ${argName}.max[1][${j + 1}] (${s.max[0][j]}), got ${s.min[0][j]}`, 4);
		}
	}
}

/** Throws unless `value` is a well-formed {@link ScalerStatistics}; the message names `argName` and the field. */
export function assertScalerStatistics(value: unknown, argName: string, where: string): asserts value is ScalerStatistics {
	assertPartial(value, argName, "n", FIELDS, where);
	assertStatisticValues(value as ScalerStatistics, argName, where);
}

/** Merges two sets of statistics without validation (callers have checked both). */
export function combineStatistics(a: ScalerStatistics, b: ScalerStatistics): ScalerStatistics {
	const [mean, m2] = chanCombineRows(a.n, a.mean[0], a.m2[0], b.n, b.mean[0], b.m2[0]);
	const low = a.min[0].map((v, j) => math.min(v, b.min[0][j]));
	const high = a.max[0].map((v, j) => math.max(v, b.max[0][j]));
	return { n: a.n + b.n, mean: [mean], m2: [m2], min: [low], max: [high] };
}

/**
 * The statistics of the union of the rows behind `a` and `b` (pure; associative and commutative
 * up to rounding): counts add, means and M2 combine by the Chan–Golub–LeVeque update (as
 * `mergeMomentsPartials`), minima and maxima by min/max. Both must describe the same columns.
 *
 * @example
 * const merged = mergeScalerStatistics(computeScalerStatistics(shardA), computeScalerStatistics(shardB));
 * scaler.setStatistics(merged); // as if fitted on shardA and shardB together
 */
export function mergeScalerStatistics(a: ScalerStatistics, b: ScalerStatistics): ScalerStatistics {
	const where = "mergeScalerStatistics";
	assertCompatiblePartials(a, b, "n", FIELDS, where);
	assertStatisticValues(a, "a", where);
	assertStatisticValues(b, "b", where);
	return combineStatistics(a, b);
}
