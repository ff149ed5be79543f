/** DataPredict's result shapes: column matrices (n×1) where Hivemind returns arrays. */
import { Matrix } from "../matrix/types";
import { Label } from "../utilities/labels";

/** The labels as an n×1 matrix and, per row, the largest value of `scores` (the predicted label's) as n×1. */
export function labelsAndValues(labels: Array<Label>, scores: Matrix): LuaTuple<[Matrix, Matrix]> {
	return $tuple(
		labels.map((label) => [label as number]),
		scores.map((row) => [math.max(...row)]),
	);
}
