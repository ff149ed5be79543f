/** Standardization: each column shifted to mean 0 and divided by its standard deviation. */
import { Vector } from "../matrix/types";
import { ConstraintTable, booleanValue } from "../options";
import { Scaler } from "./Scaler";
import { ScalerStatistics } from "./scalerStatistics";

/** Options of {@link StandardScaler}. */
export interface StandardScalerOptions {
	/** Subtract the column means (default `true`). */
	withMean: boolean;
	/** Divide by the column standard deviations (default `true`). */
	withStd: boolean;
}

const DEFAULTS: StandardScalerOptions = { withMean: true, withStd: true };
const CONSTRAINTS: ConstraintTable<StandardScalerOptions> = { withMean: booleanValue, withStd: booleanValue };

/**
 * Scales each column to z = (x − mean) / std, with the population standard deviation
 * (√(M2 / n)). A constant column (minimum = maximum) gets scale 1, so it becomes all zeros
 * instead of a division by zero. Fit on one server with `fit`, or in pieces with `partialFit`,
 * or across servers by merging {@link ScalerStatistics} with `mergeScalerStatistics` and
 * `setStatistics`; save with `getState()` (plain data).
 *
 * @example
 * const scaler = new StandardScaler();
 * const Xs = scaler.fitTransform([[1, 10], [3, 10]]); // [[-1, 0], [1, 0]]
 * const saved = scaler.getState(); // JSON-safe; new StandardScaler().setState(saved) restores it
 */
export class StandardScaler extends Scaler<StandardScalerOptions> {
	/** Creates an unfitted scaler; `options` are validated (unknown keys are errors). */
	constructor(options?: Partial<StandardScalerOptions>) {
		super("StandardScaler", DEFAULTS, CONSTRAINTS, options);
	}

	protected derive(statistics: ScalerStatistics): [Vector, Vector] {
		const [mean, m2, low, high] = [statistics.mean[0], statistics.m2[0], statistics.min[0], statistics.max[0]];
		const c = mean.size();
		const offset = table.create<number>(c, 0);
		const scale = table.create<number>(c, 1);
		for (const j of $range(0, c - 1)) {
			if (this.options.withMean) offset[j] = mean[j];
			if (this.options.withStd && high[j] > low[j]) scale[j] = math.sqrt(m2[j] / statistics.n);
		}
		return [offset, scale];
	}
}
