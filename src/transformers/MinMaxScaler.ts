/** Min–max scaling: each column mapped linearly onto a feature range, [0, 1] by default. */
import { Vector } from "../matrix/types";
import { isFiniteNumber } from "../core/describe";
import { constraint, ConstraintTable } from "../options";
import { Scaler } from "./Scaler";
import { ScalerStatistics } from "./scalerStatistics";

/** Options of {@link MinMaxScaler}. */
export interface MinMaxScalerOptions {
	/** `[low, high]` with low < high: where each column's minimum and maximum land (default `[0, 1]`). */
	featureRange: [number, number];
}

const featureRange = constraint((v) => {
	if (!typeIs(v, "table")) return false;
	const pair = v as Array<unknown>;
	return pair.size() === 2 && isFiniteNumber(pair[0]) && isFiniteNumber(pair[1]) && pair[0] < pair[1];
}, "a pair [low, high] of finite numbers with low < high");

const DEFAULTS: MinMaxScalerOptions = { featureRange: [0, 1] };
const CONSTRAINTS: ConstraintTable<MinMaxScalerOptions> = { featureRange };

/**
 * Scales each column to z = low + (x − min) · (high − low) / (max − min), so the fitted minimum
 * maps to `low` and the maximum to `high`. A constant column (max = min) uses a range of 1, so its
 * value maps to `low`. Statistics merge across servers like {@link StandardScaler}'s.
 *
 * @example
 * const scaler = new MinMaxScaler({ featureRange: [-1, 1] });
 * scaler.fitTransform([[0], [5], [10]]); // [[-1], [0], [1]]
 */
export class MinMaxScaler extends Scaler<MinMaxScalerOptions> {
	/** Creates an unfitted scaler; `options` are validated (unknown keys are errors). */
	constructor(options?: Partial<MinMaxScalerOptions>) {
		super("MinMaxScaler", DEFAULTS, CONSTRAINTS, options);
	}

	protected derive(statistics: ScalerStatistics): [Vector, Vector] {
		const [low, high] = this.options.featureRange;
		const [columnMin, columnMax] = [statistics.min[0], statistics.max[0]];
		const c = columnMin.size();
		const offset = table.create<number>(c, 0);
		const scale = table.create<number>(c, 0);
		for (const j of $range(0, c - 1)) {
			const range = columnMax[j] > columnMin[j] ? columnMax[j] - columnMin[j] : 1;
			scale[j] = range / (high - low);
			offset[j] = columnMin[j] - low * scale[j];
		}
		return [offset, scale];
	}
}
