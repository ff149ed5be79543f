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

/**
 * A two-class model's predictions of `featureMatrix` as DataPredict returns them: labels n×1 and
 * the predicted label's probability n×1 (labels 0/1, probabilities n×2); with
 * `returnOriginalOutput`, P(label 1) n×1 only.
 */
export function binaryResults(
	model: { predict(X: unknown): LuaTuple<[Array<Label>, Matrix]> },
	featureMatrix: unknown,
	returnOriginalOutput?: boolean,
): LuaTuple<[Matrix, Matrix?]> {
	const [labels, probabilities] = model.predict(featureMatrix);
	if (returnOriginalOutput === true) return $tuple(probabilities.map((row) => [row[1]]));
	return $tuple(
		labels.map((label) => [label as number]),
		probabilities.map((row, i) => [labels[i] === 1 ? row[1] : row[0]]),
	);
}
