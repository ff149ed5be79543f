/**
 * Importing model parameters saved by DataPredict (another Luau machine-learning library), so a
 * game can switch to Hivemind without retraining. DataPredict keeps parameters as plain nested
 * arrays: linear, logistic and softmax models as one d×1 or d×k weight matrix whose first row is
 * the bias when the data carried a leading column of ones. Every shape is checked against the
 * Hivemind model before anything is set.
 */
import { describeValue } from "../distributed/values";
import { isMatrix, describeShape } from "../matrix/validate";
import { Matrix } from "../matrix/types";
import { BaseModel, createModel } from "../models";
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
	/** Further options for the Hivemind model (e.g. `learningRate` to continue training). */
	modelOptions?: { [name: string]: unknown };
}

/** How one DataPredict model maps onto a Hivemind one. */
interface Importer {
	/** Checks `parameters` (errors name the layer and both shapes) and returns the model's options and parameters. */
	convert(modelName: string, parameters: unknown, options: DataPredictImportOptions): [options: { [name: string]: unknown }, parameters: ModelParameters];
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

const IMPORTERS = new Map<string, Importer>([
	["LinearRegression", linearImporter(() => undefined)],
	["LogisticRegression", linearImporter(() => 1)],
	[
		"SoftmaxRegression",
		linearImporter((options) => {
			if (options.classesList === undefined) fail("options.classesList must give the class labels in column order for SoftmaxRegression, got nil");
			return options.classesList.size();
		}),
	],
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
 */
export function importDataPredictParameters(modelName: string, parameters: unknown, options: DataPredictImportOptions): BaseModel<object> {
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
