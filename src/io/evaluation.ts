/**
 * How well a model does on labelled rows, as one plain-data report: R², MSE and MAE for
 * regression; accuracy, F1 and the confusion matrix for classification. Used by the command line
 * tool (train, evaluate, simulate) and by anything comparing models.
 */
import { Matrix } from "../matrix/types";
import { Label, sortedUniqueLabels } from "../utilities/labels";
import { accuracy, confusionMatrix, f1Score, meanAbsoluteError, meanSquaredError, r2Score } from "../utilities/metrics";
import { Model, predictValues } from "../models";
import { modelClasses, ModelTask } from "./modelFile";

/** Regression metrics. */
export interface RegressionReport {
	task: "regression";
	/** Rows evaluated. */
	sampleCount: number;
	/** Coefficient of determination. */
	r2: number;
	/** Mean squared error. */
	meanSquaredError: number;
	/** Mean absolute error. */
	meanAbsoluteError: number;
}

/** Classification metrics. */
export interface ClassificationReport {
	task: "classification";
	/** Rows evaluated. */
	sampleCount: number;
	/** Fraction of rows predicted right. */
	accuracy: number;
	/** F1 of `positiveLabel` for two classes, else the macro average over classes. */
	f1: number;
	/** `"binary"` (two classes) or `"macro"`. */
	f1Average: "binary" | "macro";
	/** The positive class of a binary F1 (the second class, as logistic models order them). */
	positiveLabel?: Label;
	/** `matrix[i][j]`: rows of true class `labels[i]` predicted `labels[j]`. */
	confusion: { labels: Array<Label>; matrix: Matrix };
}

/** Cluster sizes (clusterers have no target to score against). */
export interface ClusteringReport {
	task: "clustering";
	/** Rows assigned. */
	sampleCount: number;
	/** Rows per cluster label, in label order. */
	clusterSizes: Array<[Label, number]>;
}

/** A report for any task. */
export type EvaluationReport = RegressionReport | ClassificationReport | ClusteringReport;

/** The model's predicted labels (first value of a classifier's predict) or its n×k predictions. */
export type Predictions = Array<Label> | Matrix;

/** Regression metrics of `predicted` (n×1 or a vector) against the true values. */
export function regressionReport(yTrue: Array<number>, predicted: Matrix | Array<number>): RegressionReport {
	return {
		task: "regression",
		sampleCount: yTrue.size(),
		r2: r2Score(yTrue, predicted),
		meanSquaredError: meanSquaredError(yTrue, predicted),
		meanAbsoluteError: meanAbsoluteError(yTrue, predicted),
	};
}

/**
 * Classification metrics; `classes` (the model's order) orders the confusion matrix, labels
 * seen only in the data following in label order.
 */
export function classificationReport(yTrue: Array<Label>, predicted: Array<Label>, classes?: Array<Label>): ClassificationReport {
	const labels = classes !== undefined ? table.clone(classes) : [];
	const extra = sortedUniqueLabels([...yTrue, ...predicted]).filter((label) => !labels.includes(label));
	for (const label of extra) labels.push(label);
	const binary = labels.size() === 2;
	const positiveLabel = binary ? labels[1] : undefined;
	return {
		task: "classification",
		sampleCount: yTrue.size(),
		accuracy: accuracy(yTrue, predicted),
		f1: binary ? f1Score(yTrue, predicted, { average: "binary", positiveLabel }) : f1Score(yTrue, predicted, { average: "macro" }),
		f1Average: binary ? "binary" : "macro",
		positiveLabel,
		confusion: confusionMatrix(yTrue, predicted, { labels }),
	};
}

/** Cluster sizes of predicted cluster labels. */
export function clusteringReport(predicted: Array<Label>): ClusteringReport {
	const sizes = new Map<Label, number>();
	for (const label of predicted) sizes.set(label, (sizes.get(label) ?? 0) + 1);
	const clusterSizes = sortedUniqueLabels(predicted).map((label): [Label, number] => [label, sizes.get(label)!]);
	return { task: "clustering", sampleCount: predicted.size(), clusterSizes };
}

/**
 * The report for `task` from a model's first prediction value and the true targets (`yTrue`
 * ignored for clustering).
 */
export function evaluatePredictions(
	task: ModelTask,
	yTrue: Array<Label> | undefined,
	predicted: Predictions,
	classes?: Array<Label>,
): EvaluationReport {
	const labels = typeIs((predicted as Array<unknown>)[0], "table") ? (predicted as Matrix).map((row) => row[0]) : (predicted as Array<Label>);
	if (task === "clustering") return clusteringReport(labels);
	if (yTrue === undefined) error("[Hivemind] evaluatePredictions: yTrue must be given for regression and classification, got nil", 2);
	if (task === "regression") return regressionReport(yTrue as Array<number>, predicted as Matrix);
	return classificationReport(yTrue, labels, classes);
}

/** A model's first prediction value for `X`: labels (classifiers, clusterers) or an n×k matrix. */
export function predictFirst(model: Model, X: Matrix): Predictions {
	const [first] = predictValues(model, X);
	return first as Predictions;
}

/**
 * The report of `model` on rows `X` with true targets `y` (ignored for clustering); the confusion
 * matrix follows the model's class order.
 * @example const report = evaluateModel(model, xTest, yTest, "classification")
 */
export function evaluateModel(model: Model, X: Matrix, y: Array<Label> | undefined, task: ModelTask): EvaluationReport {
	return evaluatePredictions(task, y, predictFirst(model, X), modelClasses(model));
}
