/**
 * DataPredict's documented stored-parameter layouts (lists of matrices) converted exactly from
 * and to Hivemind's named records, for the models whose layout DataPredict's docs describe and
 * Hivemind's statistics determine: Gaussian naive Bayes, the k-nearest-neighbour models and
 * NearestCentroid.
 */
import { Matrix } from "../matrix/types";
import { describeValue } from "../core/describe";
import { encodeLabels, readLabels, learnClasses } from "../utilities/labels";
import { ParameterLayout } from "./NativeAdapter";
import { isClassifier, Model } from "../models/base/capabilities";

type ParameterRecord = { [name: string]: Matrix };

/** The matrices of a DataPredict parameter list: `names.size()` entries, `optional` of them may be nil at the end. */
function listEntries(parameters: unknown, names: ReadonlyArray<string>, optional: number, where: string): Array<Matrix | undefined> {
	const expected = `a list of ${names.join(", ")}`;
	if (!typeIs(parameters, "table")) error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeValue(parameters)}`, 4);
	const list = parameters as Array<unknown>;
	return names.map((name, i) => {
		const entry = list[i];
		if (entry === undefined && i >= names.size() - optional) return undefined;
		if (!typeIs(entry, "table") || !typeIs((entry as Array<unknown>)[0], "table")) {
			error(`[Hivemind] ${where}: parameters[${i + 1}] (${name}) must be a matrix, got ${describeValue(entry)}`, 4);
		}
		return entry as Matrix;
	});
}

/**
 * Gaussian naive Bayes: {meanMatrix (k×p), standardDeviationMatrix (k×p, population σ),
 * priorProbabilityMatrix (k×1), numberOfDataPointVector (k×1)} ↔ Hivemind's {counts, means, m2}
 * with m2 = σ²·count. A 3-matrix list (DataPredict 1.x's NaiveBayes) has no counts: the priors
 * stand for them, so it predicts exactly and weighs as one sample if trained further.
 */
export const GAUSSIAN_NAIVE_BAYES_LAYOUT: ParameterLayout = {
	toDataPredict(parameters) {
		const record = parameters as ParameterRecord;
		let total = 0;
		for (const row of record.counts) total += row[0];
		const deviations = record.m2.map((row, k) => row.map((m2) => (record.counts[k][0] > 0 ? math.sqrt(m2 / record.counts[k][0]) : 0)));
		const priors = record.counts.map((row) => [row[0] / total]);
		return [record.means, deviations, priors, record.counts];
	},
	fromDataPredict(parameters, _model, where) {
		const names = ["meanMatrix", "standardDeviationMatrix", "priorProbabilityMatrix", "numberOfDataPointVector"];
		const [means, deviations, priors, counts] = listEntries(parameters, names, 1, where) as [Matrix, Matrix, Matrix, Matrix?];
		const weights = counts ?? priors;
		if (deviations.size() !== means.size() || weights.size() !== means.size()) {
			error(
				`[Hivemind] ${where}: parameters must have one row per class in every matrix, got ${means.size()}, ${deviations.size()} and ${weights.size()} rows`,
				3,
			);
		}
		return {
			counts: weights.map((row) => [row[0]]),
			means: means.map((row) => table.clone(row)),
			m2: deviations.map((row, k) => row.map((sigma) => sigma * sigma * weights[k][0])),
		};
	},
};

/**
 * A layout that only renames: DataPredict's list holds, in order, the Hivemind record entries
 * `entries` names (each pair: Hivemind's name, DataPredict's name); loading copies every matrix.
 */
function renamingLayout(entries: ReadonlyArray<[string, string]>): ParameterLayout {
	return {
		toDataPredict(parameters) {
			const record = parameters as ParameterRecord;
			return entries.map(([name]) => record[name]);
		},
		fromDataPredict(parameters, _model, where) {
			const list = listEntries(
				parameters,
				entries.map(([, dataPredictName]) => dataPredictName),
				0,
				where,
			);
			const record: ParameterRecord = {};
			entries.forEach(([name], i) => (record[name] = list[i]!.map((row) => table.clone(row))));
			return record;
		},
	};
}

/** The k-nearest-neighbour regressor: {featureMatrix, labelVector} ↔ Hivemind's {inputs, targets}. */
export const NEIGHBOURS_REGRESSOR_LAYOUT = renamingLayout([
	["inputs", "featureMatrix"],
	["targets", "labelVector"],
]);

/**
 * The k-nearest-neighbour classifier: {featureMatrix, labelVector (the labels themselves)} ↔
 * Hivemind's {inputs, targets (0-based class indices)}; loading into a model without classes
 * takes the labels' distinct values (sorted) as its classes.
 */
export const NEIGHBOURS_CLASSIFIER_LAYOUT: ParameterLayout = {
	toDataPredict(parameters, model) {
		const record = parameters as ParameterRecord;
		const classes = (isClassifier(model) ? model.getClassesList() : undefined) ?? [];
		return [record.inputs, record.targets.map((row) => [classes[row[0]] as number])];
	},
	fromDataPredict(parameters, model, where) {
		const [inputs, labelVector] = listEntries(parameters, ["featureMatrix", "labelVector"], 0, where) as [Matrix, Matrix];
		const labels = readLabels(labelVector, "labelVector", where);
		const classifier: Model = model;
		let classes = isClassifier(classifier) ? classifier.getClassesList() : undefined;
		if (classes === undefined) {
			classes = learnClasses(labels, undefined, where);
			classifier.setParameters({ classesList: classes });
		}
		const codes = encodeLabels(labels, classes, "labelVector", where);
		return { inputs: inputs.map((row) => table.clone(row)), targets: codes.map((code) => [code]) };
	},
};

/** NearestCentroid: {meanMatrix (k×p), numberOfDataPointVector (k×1)} ↔ Hivemind's {centroids, counts}. */
export const NEAREST_CENTROID_LAYOUT = renamingLayout([
	["centroids", "meanMatrix"],
	["counts", "numberOfDataPointVector"],
]);
