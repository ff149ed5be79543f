/**
 * Importing model parameters saved by DataPredict (another Luau machine-learning library), so a
 * game can switch to Hivemind without retraining. DataPredict keeps parameters as plain nested
 * arrays: linear, logistic and softmax models as one d×1 or d×k weight matrix whose first row is
 * the bias when the data carried a leading column of ones; neural networks as a list of per-layer
 * weight matrices; k-means as its centroids. Every shape is checked against the Hivemind model
 * before anything is set.
 */
import { describeValue } from "../core/describe";
import { isMatrix, describeShape } from "../matrix/validate";
import { Matrix } from "../matrix/types";
import { Model, createModel } from "../models";
import { labelList } from "../options";
import { ModelParameters } from "../parameters";
import { Label } from "../utilities/labels";

const WHERE = "importDataPredictParameters";

/** Options of {@link importDataPredictParameters}. */
export interface DataPredictImportOptions {
	/**
	 * Whether the first row of each weight matrix is a bias (DataPredict users add a leading
	 * column of ones to X for it). Required: Hivemind adds that column itself (`fitIntercept`), so
	 * with a bias row, pass X to the Hivemind model WITHOUT the column of ones.
	 */
	hasBiasRow: boolean;
	/** The number of features X has (without a column of ones); checked against the weights when given. */
	featureCount?: number;
	/** Class labels in output-column order (classifiers; required for SoftmaxRegression). */
	classesList?: Array<Label>;
	/**
	 * NeuralNetwork without `modelOptions.layers`: the activation of each layer after the input
	 * (one per weight matrix), e.g. `{ "Tanh", "Softmax" }`; the neuron counts come from the shapes.
	 */
	activations?: Array<string>;
	/** Further options for the Hivemind model (e.g. `learningRate` to continue training, a NeuralNetwork's `layers`). */
	modelOptions?: { [name: string]: unknown };
}

/** How one DataPredict model maps onto a Hivemind one. */
interface Importer {
	/** Checks `parameters` (errors name the layer and both shapes) and returns the model's options and parameters. */
	convert(
		modelName: string,
		parameters: unknown,
		options: DataPredictImportOptions,
	): [options: { [name: string]: unknown }, parameters: ModelParameters];
}

function fail(message: string): never {
	error(`[Hivemind] ${WHERE}: ${message}`, 4);
}

function shapeText(value: unknown): string {
	return isMatrix(value) ? describeShape(value) : describeValue(value);
}

/** One weight matrix (bias row first when present) × `outputs` columns. */
function linearImporter(outputs: (options: DataPredictImportOptions) => number | undefined): Importer {
	return {
		convert(modelName, parameters, options) {
			const bias = options.hasBiasRow ? 1 : 0;
			const k = outputs(options);
			const features = options.featureCount;
			const rowsText = features !== undefined ? `${features + bias}` : bias > 0 ? "(features + 1 bias row)" : "(features)";
			const expected = `${rowsText}×${k ?? "k"}`;
			if (!isMatrix(parameters)) {
				fail(`parameters of ${modelName} must be one weight matrix ${expected} (an array of rows of numbers), got ${shapeText(parameters)}`);
			}
			const w = parameters as Matrix;
			const rowsOk = features !== undefined ? w.size() === features + bias : w.size() >= bias + 1;
			const columnsOk = k === undefined || w[0].size() === k;
			if (!rowsOk || !columnsOk) fail(`${modelName} weights must be ${expected}, got ${describeShape(w)}`);
			const modelOptions: { [name: string]: unknown } = { ...(options.modelOptions ?? {}), fitIntercept: options.hasBiasRow };
			if (options.classesList !== undefined) modelOptions.classesList = options.classesList;
			return [modelOptions, w];
		},
	};
}

interface LayerSpec {
	neurons: number;
	hasBias?: boolean;
	activation?: string;
}

/** Per-layer weight matrices, bias row first in each when `hasBiasRow`; shapes from `modelOptions.layers` or from the matrices. */
const neuralImporter: Importer = {
	convert(modelName, parameters, options) {
		const list = parameters as Array<defined>;
		if (!typeIs(parameters, "table") || list.size() === 0 || !list.every((w) => isMatrix(w))) {
			fail(
				`parameters of ${modelName} must be a list of weight matrices (one per layer after the input), got ${isMatrix(parameters) ? `one ${describeShape(parameters)} matrix` : describeValue(parameters)}`,
			);
		}
		const weights = list as Array<Matrix>;
		const bias = options.hasBiasRow ? 1 : 0;
		const modelOptions: { [name: string]: unknown } = { ...(options.modelOptions ?? {}) };
		if (options.classesList !== undefined) modelOptions.classesList = options.classesList;
		let layers = modelOptions.layers as Array<LayerSpec> | undefined;
		if (layers === undefined) {
			const activations = options.activations;
			if (!typeIs(activations, "table") || activations.size() !== weights.size()) {
				fail(
					`options.activations must list the activation of each of the ${weights.size()} layers after the input (e.g. {"Tanh", "Softmax"}), or options.modelOptions.layers give the layers, got ${describeValue(activations)}`,
				);
			}
			layers = [{ neurons: weights[0].size() - bias }];
			weights.forEach((w, i) => layers!.push({ neurons: w[0].size(), hasBias: options.hasBiasRow, activation: activations[i] }));
		} else {
			layers = layers.map((layer, i) =>
				i > 0 && typeIs(layer, "table") && layer.hasBias === undefined ? { ...layer, hasBias: options.hasBiasRow } : layer,
			);
		}
		if (weights.size() !== layers.size() - 1) {
			fail(
				`${modelName} has ${layers.size()} layers, so parameters must hold ${layers.size() - 1} weight matrices (one per layer after the input), got ${weights.size()}`,
			);
		}
		for (const i of $range(0, weights.size() - 1)) {
			const layerBias = layers[i + 1].hasBias === false ? 0 : 1;
			const rows = layers[i].neurons + layerBias;
			const cols = layers[i + 1].neurons;
			const w = weights[i];
			if (w.size() !== rows || w[0].size() !== cols) {
				const biasText = layerBias > 0 ? " + 1 bias row" : "";
				fail(
					`${modelName} weights[${i + 1}] (layer ${i + 1} → layer ${i + 2}) must be ${rows}×${cols} (${layers[i].neurons} neurons${biasText}, by ${cols} neurons), got ${describeShape(w)}`,
				);
			}
		}
		if (options.featureCount !== undefined && layers[0].neurons !== options.featureCount) {
			fail(
				`${modelName} weights[1] must have ${options.featureCount + bias} rows (${options.featureCount} features${bias > 0 ? " + 1 bias row" : ""}), got ${describeShape(weights[0])}`,
			);
		}
		modelOptions.layers = layers;
		return [modelOptions, weights];
	},
};

/** k-means centroids: k×d, no bias row. */
const kMeansImporter: Importer = {
	convert(modelName, parameters, options) {
		if (options.hasBiasRow) fail(`${modelName} centroids have no bias row: options.hasBiasRow must be false, got true`);
		if (!isMatrix(parameters))
			fail(`parameters of ${modelName} must be the centroids, one k×d matrix (a row per cluster), got ${shapeText(parameters)}`);
		const centroids = parameters as Matrix;
		const modelOptions: { [name: string]: unknown } = { ...(options.modelOptions ?? {}) };
		const k = modelOptions.numberOfClusters as number | undefined;
		const d = options.featureCount;
		if ((k !== undefined && centroids.size() !== k) || (d !== undefined && centroids[0].size() !== d)) {
			fail(`${modelName} centroids must be ${k ?? "k"}×${d ?? "d"}, got ${describeShape(centroids)}`);
		}
		modelOptions.numberOfClusters = centroids.size();
		return [modelOptions, centroids];
	},
};

const IMPORTERS = new Map<string, Importer>([
	["LinearRegression", linearImporter(() => undefined)],
	["LogisticRegression", linearImporter(() => 1)],
	[
		"SoftmaxRegression",
		linearImporter((options) => {
			if (options.classesList === undefined)
				fail("options.classesList must give the class labels in column order for SoftmaxRegression, got nil");
			return options.classesList.size();
		}),
	],
	["NeuralNetwork", neuralImporter],
	["KMeans", kMeansImporter],
]);

/** The DataPredict model names `importDataPredictParameters` accepts. */
export function dataPredictModelNames(): Array<string> {
	const names = new Array<string>();
	for (const [name] of IMPORTERS) names.push(name);
	names.sort();
	return names;
}

/**
 * A Hivemind model holding parameters saved by DataPredict (`getModelParameters()` there), after
 * checking every shape. With `hasBiasRow`, the Hivemind model adds the bias input itself: give it
 * X without the column of ones.
 * @example
 * local model = Hivemind.importDataPredictParameters("LogisticRegression", oldWeights, { hasBiasRow = true })
 * local labels, probabilities = model:predict(X) -- X without the leading column of ones
 * local network = Hivemind.importDataPredictParameters("NeuralNetwork", oldLayers,
 *     { hasBiasRow = true, activations = { "Tanh", "Softmax" }, classesList = { "lose", "win" } })
 */
export function importDataPredictParameters(modelName: string, parameters: unknown, options: DataPredictImportOptions): Model {
	const importer = typeIs(modelName, "string") ? IMPORTERS.get(modelName) : undefined;
	if (importer === undefined) fail(`modelName must be one of ${dataPredictModelNames().join(", ")}, got ${describeValue(modelName)}`);
	if (!typeIs(options, "table")) fail(`options must be a table with hasBiasRow = true or false, got ${describeValue(options)}`);
	if (!typeIs(options.hasBiasRow, "boolean")) {
		fail(`options.hasBiasRow must be true or false (is the first row of the weights a bias?), got ${describeValue(options.hasBiasRow)}`);
	}
	const count = options.featureCount;
	if (count !== undefined && (!typeIs(count, "number") || count < 1 || count !== math.floor(count))) {
		fail(`options.featureCount must be an integer ≥ 1, got ${describeValue(count)}`);
	}
	if (options.classesList !== undefined && !labelList.check(options.classesList)) {
		fail(`options.classesList must be ${labelList.expected}, got ${describeValue(options.classesList)}`);
	}
	const [modelOptions, converted] = importer.convert(modelName, parameters, options);
	const model = createModel(modelName, modelOptions);
	model.setModelParameters(converted);
	return model;
}
