//!native
/**
 * Model evaluation: regression errors and R², classification accuracy, precision, recall, F1,
 * the confusion matrix and log loss. Targets may be matrices (n×1 or n×k), vectors, or label
 * arrays (numbers or strings); an n×k matrix given where labels are expected stands for the
 * column of each row's largest entry (one-hot rows, predicted probabilities). Collected in the
 * `Metrics` namespace: `Metrics.f1Score(yTrue, yPred, { average: "macro" })`.
 */
import { assertMatrix, assertVector, columnOf, describeShape } from "../matrix";
import { Matrix, Vector } from "../matrix/types";
import { constraint, ConstraintTable, labelList, numberBetween, oneOf, resolveOptions } from "../options";
import { describeLabel, describeLabels, encodeLabels, isLabel, Label, LabelInput, readLabels, sortedUniqueLabels } from "./labels";

/** How per-class scores are combined: `binary` (the positive label's score), or over all classes. */
export type ScoreAverage = "binary" | "macro" | "micro" | "weighted";

/** Options of precision, recall and F1. */
export interface ScoreOptions {
	/**
	 * `"binary"` (default; at most two classes): the score of `positiveLabel`; `"macro"`: the mean
	 * of the per-class scores; `"micro"`: the score of the summed counts (for single-label data,
	 * equal to accuracy); `"weighted"`: per-class scores weighted by their true counts.
	 */
	average: ScoreAverage;
	/** The positive class for `average = "binary"` (default 1). */
	positiveLabel: Label;
}

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
	/** The classes, in row/column order; omit for the sorted distinct labels of both arguments. */
	labels?: Array<Label>;
}

/** A confusion matrix: `matrix[i][j]` counts rows whose true class is `labels[i]` and predicted `labels[j]`. */
export interface ConfusionMatrixResult {
	matrix: Matrix;
	labels: Array<Label>;
}

/** Options of {@link logLoss}. */
export interface LogLossOptions {
	/** Probabilities are clipped to [epsilon, 1 − epsilon] before the logarithm (default 1e-15). */
	epsilon: number;
	/**
	 * The classes of yPred's columns, in order. Default: the sorted distinct labels of yTrue, or
	 * `[0, 1]` when yPred has one column (the probability of `labels[1]`).
	 */
	labels?: Array<Label>;
}

const SCORE_DEFAULTS: ScoreOptions = { average: "binary", positiveLabel: 1 };
const SCORE_CONSTRAINTS: ConstraintTable<ScoreOptions> = {
	average: oneOf("binary", "macro", "micro", "weighted"),
	positiveLabel: constraint(isLabel, "a label (a finite number or a string)"),
};
const CONFUSION_CONSTRAINTS: ConstraintTable<ConfusionMatrixOptions> = { labels: labelList };
const LOG_LOSS_DEFAULTS: LogLossOptions = { epsilon: 1e-15 };
const LOG_LOSS_CONSTRAINTS: ConstraintTable<LogLossOptions> = {
	epsilon: numberBetween(0, 0.5, true),
	labels: labelList,
};

/** A matrix, or a vector as an n×1 matrix (validated). */
function readTargets(value: unknown, argName: string, where: string): Matrix {
	if (typeIs(value, "table") && typeIs((value as Array<unknown>)[0], "table")) {
		assertMatrix(value, argName, where);
		return value;
	}
	assertVector(value, argName, where);
	return columnOf(value as Vector);
}

/** Both regression arguments as matrices of the same shape. */
function readRegressionPair(yTrue: unknown, yPred: unknown, where: string): [Matrix, Matrix] {
	const a = readTargets(yTrue, "yTrue", where);
	const b = readTargets(yPred, "yPred", where);
	if (a.size() !== b.size() || a[0].size() !== b[0].size()) {
		error(`[Hivemind] ${where}: yPred must have the shape of yTrue (${describeShape(a)}), got ${describeShape(b)}`, 3);
	}
	return [a, b];
}

/** Both classification arguments as label arrays of the same length. */
function readLabelPair(yTrue: unknown, yPred: unknown, where: string): [Array<Label>, Array<Label>] {
	const a = readLabels(yTrue, "yTrue", where);
	const b = readLabels(yPred, "yPred", where);
	if (a.size() !== b.size()) error(`[Hivemind] ${where}: yPred must have ${a.size()} labels like yTrue, got ${b.size()}`, 3);
	return [a, b];
}

function meanOfEntries(yTrue: Matrix, yPred: Matrix, loss: (difference: number) => number): number {
	let total = 0;
	for (const i of $range(0, yTrue.size() - 1)) {
		const t = yTrue[i];
		const p = yPred[i];
		for (const j of $range(0, t.size() - 1)) total += loss(t[j] - p[j]);
	}
	return total / (yTrue.size() * yTrue[0].size());
}

/** Mean of (yTrue − yPred)² over all entries. Example: `meanSquaredError([1, 2], [1, 4])` = 2. */
export function meanSquaredError(yTrue: Matrix | Vector, yPred: Matrix | Vector): number {
	const [a, b] = readRegressionPair(yTrue, yPred, "Metrics.meanSquaredError");
	return meanOfEntries(a, b, (d) => d * d);
}

/** Mean of |yTrue − yPred| over all entries. Example: `meanAbsoluteError([1, 2], [1, 4])` = 1. */
export function meanAbsoluteError(yTrue: Matrix | Vector, yPred: Matrix | Vector): number {
	const [a, b] = readRegressionPair(yTrue, yPred, "Metrics.meanAbsoluteError");
	return meanOfEntries(a, b, (d) => math.abs(d));
}

/**
 * Coefficient of determination R² = 1 − SS_res / SS_tot per column, averaged over columns.
 * A constant yTrue column scores 1 when predicted exactly and 0 otherwise.
 * Example: `r2Score([1, 2, 3], [1, 2, 4])` = 1 − 1/2 = 0.5.
 */
export function r2Score(yTrue: Matrix | Vector, yPred: Matrix | Vector): number {
	const [a, b] = readRegressionPair(yTrue, yPred, "Metrics.r2Score");
	const n = a.size();
	const c = a[0].size();
	let total = 0;
	for (const j of $range(0, c - 1)) {
		let mean = 0;
		for (const i of $range(0, n - 1)) mean += a[i][j];
		mean /= n;
		let residual = 0;
		let spread = 0;
		for (const i of $range(0, n - 1)) {
			residual += (a[i][j] - b[i][j]) ** 2;
			spread += (a[i][j] - mean) ** 2;
		}
		if (spread > 0) total += 1 - residual / spread;
		else total += residual === 0 ? 1 : 0;
	}
	return total / c;
}

/** Fraction of rows whose predicted label equals the true label. */
export function accuracy(yTrue: LabelInput, yPred: LabelInput): number {
	const [a, b] = readLabelPair(yTrue, yPred, "Metrics.accuracy");
	let correct = 0;
	for (const i of $range(0, a.size() - 1)) if (a[i] === b[i]) correct += 1;
	return correct / a.size();
}

/** Counts by (true, predicted) class over `labels` (both label arrays already checked against it). */
function countPairs(a: Array<Label>, b: Array<Label>, labels: Array<Label>, where: string): Matrix {
	const ta = encodeLabels(a, labels, "yTrue", where);
	const tb = encodeLabels(b, labels, "yPred", where);
	const k = labels.size();
	const counts = table.create<Array<number>>(k);
	for (const i of $range(0, k - 1)) counts[i] = table.create<number>(k, 0);
	for (const i of $range(0, ta.size() - 1)) counts[ta[i]][tb[i]] += 1;
	return counts;
}

/**
 * The confusion matrix: rows are true classes, columns predicted classes, both in the order of
 * `labels` (default: the sorted distinct labels of yTrue and yPred), returned with it.
 * Example: `confusionMatrix(["a", "b", "b"], ["a", "a", "b"])` = `{ matrix: [[1, 0], [1, 1]], labels: ["a", "b"] }`.
 */
export function confusionMatrix(yTrue: LabelInput, yPred: LabelInput, options?: ConfusionMatrixOptions): ConfusionMatrixResult {
	const where = "Metrics.confusionMatrix";
	const [a, b] = readLabelPair(yTrue, yPred, where);
	const o = resolveOptions(where, {}, options, CONFUSION_CONSTRAINTS);
	const labels = o.labels !== undefined ? table.clone(o.labels) : sortedUniqueLabels([...a, ...b]);
	return { matrix: countPairs(a, b, labels, where), labels };
}

type Measure = (truePositives: number, falsePositives: number, falseNegatives: number) => number;

function ratio(numerator: number, denominator: number): number {
	return denominator > 0 ? numerator / denominator : 0;
}

const precisionOf: Measure = (tp, fp) => ratio(tp, tp + fp);
const recallOf: Measure = (tp, _, fn) => ratio(tp, tp + fn);
const f1Of: Measure = (tp, fp, fn) => ratio(2 * tp, 2 * tp + fp + fn);

/** Precision, recall or F1 from the confusion counts, averaged as `options.average` says. */
function classificationScore(measure: Measure, yTrue: unknown, yPred: unknown, options: unknown, where: string): number {
	const [a, b] = readLabelPair(yTrue, yPred, where);
	const o = resolveOptions(where, SCORE_DEFAULTS, options as Partial<ScoreOptions>, SCORE_CONSTRAINTS);
	const labels = sortedUniqueLabels([...a, ...b]);
	const counts = countPairs(a, b, labels, where);
	const k = labels.size();
	const tp = table.create<number>(k, 0);
	const fp = table.create<number>(k, 0);
	const fn = table.create<number>(k, 0);
	const support = table.create<number>(k, 0);
	for (const i of $range(0, k - 1)) {
		for (const j of $range(0, k - 1)) {
			support[i] += counts[i][j];
			if (i !== j) {
				fn[i] += counts[i][j];
				fp[j] += counts[i][j];
			}
		}
		tp[i] = counts[i][i];
	}
	if (o.average === "binary") {
		if (k > 2) {
			error(
				`[Hivemind] ${where}: options.average must be "macro", "micro" or "weighted" for ${k} classes (${describeLabels(labels)}), got "binary"`,
				3,
			);
		}
		const positive = labels.indexOf(o.positiveLabel);
		if (positive < 0 && k === 2) {
			error(
				`[Hivemind] ${where}: options.positiveLabel must be one of the classes (${describeLabels(labels)}), got ${describeLabel(o.positiveLabel)}`,
				3,
			);
		}
		return positive < 0 ? 0 : measure(tp[positive], fp[positive], fn[positive]);
	}
	if (o.average === "micro") {
		let sumTp = 0;
		let sumFp = 0;
		let sumFn = 0;
		for (const i of $range(0, k - 1)) {
			sumTp += tp[i];
			sumFp += fp[i];
			sumFn += fn[i];
		}
		return measure(sumTp, sumFp, sumFn);
	}
	let total = 0;
	for (const i of $range(0, k - 1)) {
		const weight = o.average === "weighted" ? support[i] / a.size() : 1 / k;
		total += weight * measure(tp[i], fp[i], fn[i]);
	}
	return total;
}

/** Precision tp / (tp + fp) (0 when nothing is predicted positive); see {@link ScoreOptions} for averaging. */
export function precision(yTrue: LabelInput, yPred: LabelInput, options?: Partial<ScoreOptions>): number {
	return classificationScore(precisionOf, yTrue, yPred, options, "Metrics.precision");
}

/** Recall tp / (tp + fn) (0 when a class has no true rows); see {@link ScoreOptions} for averaging. */
export function recall(yTrue: LabelInput, yPred: LabelInput, options?: Partial<ScoreOptions>): number {
	return classificationScore(recallOf, yTrue, yPred, options, "Metrics.recall");
}

/** F1 = 2·precision·recall / (precision + recall) = 2tp / (2tp + fp + fn) (0 when tp = 0); see {@link ScoreOptions}. */
export function f1Score(yTrue: LabelInput, yPred: LabelInput, options?: Partial<ScoreOptions>): number {
	return classificationScore(f1Of, yTrue, yPred, options, "Metrics.f1Score");
}

/**
 * Mean cross-entropy −(1/n) Σ log p(true class), probabilities clipped to [ε, 1 − ε] (not
 * renormalized). yPred: n×k class probabilities (columns in the order of `labels`), or one
 * column / a vector with the probability of the second class of two. yTrue: labels, or an n×k
 * matrix of target probabilities (one-hot rows) used as weights: −(1/n) Σᵢ Σⱼ yᵢⱼ log pᵢⱼ.
 * Example: `logLoss([1, 0], [0.8, 0.4])` = −(log 0.8 + log 0.6) / 2.
 */
export function logLoss(yTrue: LabelInput, yPred: Matrix | Vector, options?: Partial<LogLossOptions>): number {
	const where = "Metrics.logLoss";
	const p = readTargets(yPred, "yPred", where);
	const o = resolveOptions(where, LOG_LOSS_DEFAULTS, options, LOG_LOSS_CONSTRAINTS);
	const n = p.size();
	const k = p[0].size();
	for (const i of $range(0, n - 1)) {
		for (const j of $range(0, k - 1)) {
			const v = p[i][j];
			if (v < 0 || v > 1) error(`[Hivemind] ${where}: yPred[${i + 1}][${j + 1}] must be a probability in [0, 1], got ${v}`, 2);
		}
	}
	const eps = o.epsilon;
	const logOf = (v: number) => math.log(math.clamp(v, eps, 1 - eps));
	let total = 0;
	if (k >= 2 && typeIs(yTrue, "table") && typeIs((yTrue as Array<unknown>)[0], "table") && (yTrue as Matrix)[0].size() >= 2) {
		const t = readTargets(yTrue, "yTrue", where);
		if (t.size() !== n || t[0].size() !== k)
			error(`[Hivemind] ${where}: yTrue must have the shape of yPred (${describeShape(p)}), got ${describeShape(t)}`, 2);
		for (const i of $range(0, n - 1)) for (const j of $range(0, k - 1)) if (t[i][j] !== 0) total -= t[i][j] * logOf(p[i][j]);
		return total / n;
	}
	const labels = readLabels(yTrue, "yTrue", where);
	if (labels.size() !== n) error(`[Hivemind] ${where}: yTrue must have ${n} labels like yPred, got ${labels.size()}`, 2);
	const classes = o.labels ?? (k === 1 ? [0, 1] : sortedUniqueLabels(labels));
	if (k === 1 && classes.size() !== 2) {
		error(`[Hivemind] ${where}: options.labels must have 2 classes for a one-column yPred, got ${classes.size()}`, 2);
	}
	if (k > 1 && classes.size() !== k) {
		error(
			`[Hivemind] ${where}: yPred must have one column per class (${classes.size()}: ${describeLabels(classes)}), got ${describeShape(p)}`,
			2,
		);
	}
	const codes = encodeLabels(labels, classes, "yTrue", where);
	for (const i of $range(0, n - 1)) {
		total -= k === 1 ? logOf(codes[i] === 1 ? p[i][0] : 1 - p[i][0]) : logOf(p[i][codes[i]]);
	}
	return total / n;
}
