//!native
/**
 * The contamination threshold shared by the outlier detectors (scikit-learn's convention): the
 * offset is a fixed value for "auto", else the `contamination` percentile of the training scores
 * (linear interpolation between order statistics, as `numpy.percentile`).
 */
import { Vector } from "../../matrix/types";
import { anyOf, constraint, oneOf } from "../../options";
import { FrameBudget } from "../../parallel/FrameBudget";
import { sortWithinBudget } from "../../parallel/sort";

/** The `contamination` option: "auto" or the expected share of outliers in (0, 0.5]. */
export type Contamination = "auto" | number;

/** The constraint of the `contamination` option. */
export const CONTAMINATION = anyOf(
	oneOf("auto"),
	constraint((v) => typeIs(v, "number") && v > 0 && v <= 0.5, "a number in (0, 0.5]"),
);

/** The q-quantile (q ∈ [0, 1]) of `values` with linear interpolation (numpy's default). */
export function percentile(values: Vector, q: number): number {
	// a merge sort within the frame budget (table.sort cannot yield); numbers sort the same either way
	const sorted = sortWithinBudget(values, (a, b) => a < b, new FrameBudget());
	const position = q * (sorted.size() - 1);
	const low = math.floor(position);
	const high = math.min(low + 1, sorted.size() - 1);
	const fraction = position - low;
	return sorted[low] + (sorted[high] - sorted[low]) * fraction;
}

/** The offset for `contamination`: `auto` when "auto", else that quantile of the training scores. */
export function contaminationOffset(contamination: Contamination, trainingScores: Vector, auto: number): number {
	if (contamination === "auto") return auto;
	return percentile(trainingScores, contamination);
}
