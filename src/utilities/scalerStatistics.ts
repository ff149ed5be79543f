//!native
/**
 * The sufficient statistics behind the scalers, as pure functions: computed from rows, combined
 * pairwise (Chan, Golub & LeVeque's parallel update for means and variances), so a scaler can be
 * fitted across servers or Actors: each computes its shard's statistics, one merges them.
 */
import { assertInteger, assertMatrix, assertVector } from "../matrix";
import { Matrix, Vector } from "../matrix/types";
import { describeValue } from "../distributed/values";

/** Per-column statistics of the rows seen so far (plain data: survives JSON and the wire format). */
export interface ScalerStatistics {
	/** Number of rows (≥ 1). */
	count: number;
	/** Column means. */
	mean: Vector;
	/** Column sums of squared deviations from the mean (M2; population variance = m2 / count). */
	m2: Vector;
	/** Column minima. */
	min: Vector;
	/** Column maxima. */
	max: Vector;
}

/** Count, means, M2 (two-pass, for accuracy), minima and maxima of the columns of `X`. */
export function computeScalerStatistics(X: Matrix): ScalerStatistics {
	assertMatrix(X, "X", "computeScalerStatistics");
	return statisticsOf(X);
}

/** {@link computeScalerStatistics} without validation (callers have checked `X`). */
export function statisticsOf(X: Matrix): ScalerStatistics {
	const n = X.size();
	const c = X[0].size();
	const mean = table.create<number>(c, 0);
	const m2 = table.create<number>(c, 0);
	const low = table.clone(X[0]);
	const high = table.clone(X[0]);
	for (const i of $range(0, n - 1)) {
		const row = X[i];
		for (const j of $range(0, c - 1)) {
			const v = row[j];
			mean[j] += v;
			if (v < low[j]) low[j] = v;
			if (v > high[j]) high[j] = v;
		}
	}
	for (const j of $range(0, c - 1)) mean[j] /= n;
	for (const i of $range(0, n - 1)) {
		const row = X[i];
		for (const j of $range(0, c - 1)) {
			const d = row[j] - mean[j];
			m2[j] += d * d;
		}
	}
	return { count: n, mean, m2, min: low, max: high };
}

/** Throws unless `value` is a well-formed {@link ScalerStatistics}; the message names `argName` and the field. */
export function assertScalerStatistics(value: unknown, argName: string, where: string): asserts value is ScalerStatistics {
	if (!typeIs(value, "table")) {
		error(`[Hivemind] ${where}: ${argName} must be scaler statistics ({ count, mean, m2, min, max }), got ${describeValue(value)}`, 3);
	}
	const s = value as ScalerStatistics;
	assertInteger(s.count, `${argName}.count`, where, 1);
	assertVector(s.mean, `${argName}.mean`, where);
	const c = s.mean.size();
	for (const field of ["m2", "min", "max"] as const) {
		assertVector(s[field], `${argName}.${field}`, where);
		if (s[field].size() !== c) {
			error(`[Hivemind] ${where}: ${argName}.${field} must have ${c} entries like ${argName}.mean, got ${s[field].size()}`, 3);
		}
	}
	for (const j of $range(0, c - 1)) {
		if (s.m2[j] < 0) error(`[Hivemind] ${where}: ${argName}.m2[${j + 1}] must be ≥ 0, got ${s.m2[j]}`, 3);
		if (s.min[j] > s.max[j]) {
			error(`[Hivemind] ${where}: ${argName}.min[${j + 1}] must be ≤ ${argName}.max[${j + 1}] (${s.max[j]}), got ${s.min[j]}`, 3);
		}
	}
}

/** Merges two sets of statistics without validation (callers have checked both). */
export function combineStatistics(a: ScalerStatistics, b: ScalerStatistics): ScalerStatistics {
	const n = a.count + b.count;
	const c = a.mean.size();
	const mean = table.create<number>(c, 0);
	const m2 = table.create<number>(c, 0);
	const low = table.create<number>(c, 0);
	const high = table.create<number>(c, 0);
	const wa = a.count;
	const wb = b.count;
	for (const j of $range(0, c - 1)) {
		const delta = b.mean[j] - a.mean[j];
		mean[j] = a.mean[j] + (delta * wb) / n;
		m2[j] = a.m2[j] + b.m2[j] + (delta * delta * wa * wb) / n;
		low[j] = math.min(a.min[j], b.min[j]);
		high[j] = math.max(a.max[j], b.max[j]);
	}
	return { count: n, mean, m2, min: low, max: high };
}

/**
 * The statistics of the union of the rows behind `a` and `b` (pure; associative and commutative
 * up to rounding): counts add, means and M2 combine by the Chan–Golub–LeVeque update, minima and
 * maxima by min/max. Both must describe the same number of columns.
 *
 * @example
 * const merged = mergeScalerStatistics(computeScalerStatistics(shardA), computeScalerStatistics(shardB));
 * scaler.setStatistics(merged); // as if fitted on shardA and shardB together
 */
export function mergeScalerStatistics(a: ScalerStatistics, b: ScalerStatistics): ScalerStatistics {
	assertScalerStatistics(a, "a", "mergeScalerStatistics");
	assertScalerStatistics(b, "b", "mergeScalerStatistics");
	if (a.mean.size() !== b.mean.size()) {
		error(`[Hivemind] mergeScalerStatistics: b must describe ${a.mean.size()} columns like a, got ${b.mean.size()}`, 2);
	}
	return combineStatistics(a, b);
}
