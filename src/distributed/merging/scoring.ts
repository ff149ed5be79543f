/**
 * How a child's parameters are scored on the merger's validation data, and how scores become
 * merge weights.
 */
import { Matrix } from "../../matrix/types";
import { describeShape, isMatrix } from "../../matrix/validate";
import { ModelParameters } from "../../parameters/tree";
import { ParameterScoring } from "../../models/base/capabilities";

/** The kind of model, which chooses the score. */
export type MergeModelType = "Regression" | "Classification" | "Clustering";

function predictionMatrix(raw: unknown, where: string): Matrix {
	if (isMatrix(raw)) return raw;
	if (typeIs(raw, "table") && isMatrix((raw as Array<unknown>)[0])) return (raw as Array<Matrix>)[0];
	error(`[Hivemind] ${where}: model.predict(X) must return a matrix, got ${describeShape(raw)}`, 4);
}

function rowArgmax(row: Array<number>): number {
	let best = 0;
	for (const j of $range(1, row.size() - 1)) if (row[j] > row[best]) best = j;
	return best;
}

/**
 * The score of `predicted` against `y`:
 * - Classification: accuracy, the share of rows whose label matches (n×1 labels compared as
 *   they are; n×k scores or one-hot rows compared by their argmax).
 * - Regression and Clustering: `max(0, 1 − Σ|ŷ − y| / Σ|y − ȳ|)`, where ȳ is y's column mean:
 *   1 − the child's total absolute error as a share of the absolute error of always predicting
 *   the mean. 1 is perfect, 0 is no better than the mean. When y is constant (Σ|y − ȳ| = 0) the
 *   score is 1 for an exact prediction and 0 otherwise.
 */
export function scorePrediction(predicted: Matrix, y: Matrix, modelType: MergeModelType, where: string): number {
	const n = y.size();
	const cols = y[0].size();
	if (predicted.size() !== n || predicted[0].size() !== cols) {
		error(`[Hivemind] ${where}: model.predict(X) must give ${describeShape(y)} like y, got ${describeShape(predicted)}`, 3);
	}
	if (modelType === "Classification") {
		let correct = 0;
		for (const i of $range(0, n - 1)) {
			const same = cols === 1 ? predicted[i][0] === y[i][0] : rowArgmax(predicted[i]) === rowArgmax(y[i]);
			if (same) correct += 1;
		}
		return correct / n;
	}
	let errorTotal = 0;
	let baseline = 0;
	for (const j of $range(0, cols - 1)) {
		let mean = 0;
		for (const i of $range(0, n - 1)) mean += y[i][j];
		mean /= n;
		for (const i of $range(0, n - 1)) {
			errorTotal += math.abs(predicted[i][j] - y[i][j]);
			baseline += math.abs(y[i][j] - mean);
		}
	}
	if (baseline === 0) return errorTotal === 0 ? 1 : 0;
	return math.max(0, 1 - errorTotal / baseline);
}

/** Scores every child's parameters with `model` on (X, y), restoring the model's own parameters after. */
export function scoreChildren(
	model: ParameterScoring,
	children: Array<ModelParameters>,
	X: Matrix,
	y: Matrix,
	modelType: MergeModelType,
	where: string,
): Array<number> {
	// A model that has not been trained may refuse to give parameters: then there is nothing to restore.
	const [hasSaved, saved] = pcall(() => (model.getModelParameters !== undefined ? model.getModelParameters() : undefined));
	const [ok, scores] = pcall(() =>
		children.map((parameters) => {
			model.setModelParameters(parameters);
			return scorePrediction(predictionMatrix(model.predict(X), where), y, modelType, where);
		}),
	);
	// Restored on failure too: the scoring model is often the caller's own model.
	if (hasSaved && saved !== undefined) model.setModelParameters(saved);
	if (!ok) error(scores, 0);
	return scores;
}

/** `values` divided by their sum, or equal weights when the sum is 0. */
export function normalizeWeights(values: Array<number>): Array<number> {
	let total = 0;
	for (const v of values) total += v;
	const count = values.size();
	return values.map((v) => (total > 0 ? v / total : 1 / count));
}
