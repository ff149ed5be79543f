/**
 * A model loaded from a model file, ready to predict from raw rows in the game: rows are
 * encoded (numeric and one-hot columns) and scaled exactly as during training.
 */
import { describeValue } from "../core/describe";
import { errorBody } from "../core/errors";
import { Matrix } from "../matrix/types";
import { createModel, Model, predictValues } from "../models";
import { Label } from "../utilities/labels";
import { Scaler } from "../transformers/Scaler";
import { encodeFields, FeatureEncoding } from "./dataset";
import { ModelFile, ModelTask, readModelFile, scalerFromState } from "./modelFile";

/** Predictions as a table: one column per model output (label and class probabilities, or values). */
export interface PredictionTable {
	/** Column names: the target (or `prediction` / `cluster`), then `probability_<class>` per class when the model gives probabilities. */
	header: Array<string>;
	/** One row per input row. */
	rows: Array<Array<Label>>;
}

/** What a model's second prediction value holds when it is not class probabilities, by model. */
const SECOND_OUTPUTS: { [modelName: string]: string } = {
	SupportVectorMachine: "decision",
	PassiveAggressiveClassifier: "decision",
	NearestCentroid: "distance",
	KMeans: "distance",
	OneVsAll: "score",
	BayesianLinearRegression: "variance",
};

function deepCopy<T>(value: T): T {
	if (!typeIs(value, "table")) return value;
	const out: { [key: string]: unknown } = {};
	for (const [key, inner] of pairs(value as object)) out[key as string] = deepCopy(inner);
	return out as T;
}

function isMatrixValue(value: unknown): value is Matrix {
	return typeIs(value, "table") && typeIs((value as Array<unknown>)[0], "table");
}

/**
 * A model with its input pipeline. Create it with `loadModel(json)`.
 * @example
 * local loaded = Hivemind.loadModel(HttpService:JSONDecode(json))
 * local labels, probabilities = loaded:predict({ { speed = 12, weapon = "bow" } })
 */
export class LoadedModel {
	/** The registered model name. */
	readonly modelName: string;
	/** What the model predicts. */
	readonly task: ModelTask;
	/** The raw input columns, in the order positional rows give them. */
	readonly columns: Array<string>;
	/** The encoded input columns the model sees. */
	readonly featureNames: Array<string>;
	/** The predicted column's name, if the file names one. */
	readonly target: string | undefined;
	/** Every predicted column (one, or several for multi-output regression). */
	readonly targets: Array<string>;
	/** The class labels in output order (classifiers). */
	readonly classes: Array<Label> | undefined;
	/** The model itself (its inputs are encoded and scaled rows; see `encode`). */
	readonly model: Model;
	private readonly encoding: FeatureEncoding;
	private readonly scaler: Scaler<object> | undefined;
	private readonly targetScaler: Scaler<object> | undefined;
	private readonly file: ModelFile;

	/** Builds the model and its pipeline from a checked model file (`readModelFile`). */
	constructor(file: ModelFile) {
		this.file = deepCopy(file);
		this.modelName = file.modelName;
		this.task = file.task;
		this.encoding = deepCopy(file.encoding);
		this.columns = file.encoding.columns.map((c) => c.name);
		this.featureNames = table.clone(file.featureNames);
		this.target = file.target;
		this.targets = file.targets !== undefined ? table.clone(file.targets) : file.target !== undefined ? [file.target] : [];
		this.classes = file.classes === undefined ? undefined : table.clone(file.classes);
		const options = deepCopy(file.hyperParameters);
		if (file.classes !== undefined) options.classesList = table.clone(file.classes);
		this.model = createModel(file.modelName, options);
		this.model.setModelParameters(file.parameters);
		const width = file.featureNames.size();
		const [fits, problem] = pcall(() => predictValues(this.model, [table.create(width, 0)]));
		if (!fits) {
			const reason = errorBody(problem);
			error(
				`[Hivemind] loadModel: file.parameters must fit the ${width} encoded input columns (${file.featureNames.join(", ")}), but predicting fails: ${reason}`,
				3,
			);
		}
		if (file.scaler !== undefined) this.scaler = scalerFromState(file.scaler);
		if (file.targetScaler !== undefined) this.targetScaler = scalerFromState(file.targetScaler, "targetScaler");
	}

	/**
	 * The model's input matrix for raw rows: each row a table keyed by column name (extra keys
	 * ignored) or an array of values in `columns` order; numbers or texts; one row may be given
	 * alone. Categorical columns are one-hot encoded, then the scaler applies.
	 */
	encode(rows: unknown, where = "LoadedModel.encode"): Matrix {
		if (!typeIs(rows, "table"))
			error(
				`[Hivemind] ${where}: rows must be an array of rows (tables keyed by column name, or arrays of values), got ${describeValue(rows)}`,
				3,
			);
		let list = rows as Array<unknown>;
		const [firstKey] = next(rows);
		if (typeIs(firstKey, "string") || (firstKey !== undefined && !typeIs(list[0], "table"))) list = [rows];
		if (list.size() === 0) error(`[Hivemind] ${where}: rows must hold at least one row, got an empty table`, 3);
		const encoded = table.create<Array<number>>(list.size());
		for (const i of $range(0, list.size() - 1)) {
			const row = list[i];
			const label = `${where}: rows[${i + 1}]`;
			if (!typeIs(row, "table"))
				error(`[Hivemind] ${label} must be a table (keyed by column name, or an array of values), got ${describeValue(row)}`, 3);
			const values = row as Array<unknown>;
			if (values[0] !== undefined) {
				if (values.size() !== this.columns.size()) {
					error(`[Hivemind] ${label} must have ${this.columns.size()} values (${this.columns.join(", ")}), got ${values.size()}`, 3);
				}
				encoded[i] = encodeFields((column) => values[this.columns.indexOf(column)], this.encoding, label);
			} else {
				const record = row as { [column: string]: unknown };
				encoded[i] = encodeFields((column) => record[column], this.encoding, label);
			}
		}
		return this.scale(encoded);
	}

	/**
	 * Predicts for raw rows (see `encode`); returns what the model's `predict` returns
	 * (classifiers: labels, then class probabilities; regressors: an n×k matrix).
	 */
	predict(rows: unknown): LuaTuple<[unknown, unknown?]> {
		return this.predictScaled(this.encode(rows, "LoadedModel.predict"));
	}

	/**
	 * The model's prediction for encoded and scaled rows, in the targets' own units: with a target
	 * scaler, values are mapped back and a variance is multiplied by the scale squared.
	 */
	predictScaled(X: Matrix): LuaTuple<[unknown, unknown?]> {
		const [first, second] = predictValues(this.model, X);
		const targetScaler = this.targetScaler;
		if (targetScaler === undefined || !isMatrixValue(first)) return $tuple(first, second);
		const values = targetScaler.inverseTransform(first);
		if (!isMatrixValue(second) || SECOND_OUTPUTS[this.modelName] !== "variance") return $tuple(values, second);
		const k = first[0].size();
		const ones = targetScaler.inverseTransform([table.create(k, 1), table.create(k, 0)]);
		const variance = second.map((row) => row.map((v, j) => v * (ones[0][j] - ones[1][j]) ** 2));
		return $tuple(values, variance);
	}

	/** Predictions for raw rows as a table (what `hivemind predict` writes as CSV). */
	predictTable(rows: unknown): PredictionTable {
		return this.predictEncodedTable(this.encode(rows, "LoadedModel.predictTable"), true);
	}

	/** The scaled copy of already encoded rows (one-hot columns in place; `featureNames` order). */
	scale(encoded: Matrix): Matrix {
		return this.scaler !== undefined ? this.scaler.transform(encoded) : encoded;
	}

	/** Predictions for already encoded rows (e.g. from `tableToDataset` with this file's encoding) as a table. */
	predictEncodedTable(encoded: Matrix, scaled = false): PredictionTable {
		const [first, second] = this.predictScaled(scaled ? encoded : this.scale(encoded));
		return predictionTable(first, second, this.targets, this.classes, this.task, this.modelName);
	}

	/** A copy of the model file this model was loaded from. */
	getModelFile(): ModelFile {
		return deepCopy(this.file);
	}
}

/**
 * True when a classifier's second prediction value holds class probabilities: n×k with k the
 * number of classes, every entry in [0, 1], every row summing to 1 (models whose second value is
 * something else — distances, decision values, scores — give no probability columns).
 */
function isProbabilities(value: unknown, classCount: number): value is Matrix {
	if (!isMatrixValue(value) || value[0].size() !== classCount) return false;
	for (const row of value) {
		let total = 0;
		for (const p of row) {
			if (!(p >= 0 && p <= 1)) return false;
			total += p;
		}
		if (math.abs(total - 1) > 1e-6) return false;
	}
	return true;
}

/** Column names for a matrix output of width k: `name` alone, per class (`name_<class>`), per cluster or numbered. */
function outputNames(name: string, k: number, classes: Array<Label> | undefined, task: ModelTask): Array<string> {
	const names = new Array<string>();
	for (const j of $range(0, k - 1)) {
		if (k === 1) names.push(name);
		else if (classes !== undefined && classes.size() === k) names.push(`${name}_${classes[j]}`);
		else if (task === "clustering") names.push(`${name}_${j}`);
		else names.push(`${name}_${j + 1}`);
	}
	return names;
}

/**
 * Lays out a model's two prediction values as named columns (see `PredictionTable`): the first
 * (labels, cluster indices, or values: `<target>`, one column per target, or `<target>_<j>`), then the second when the
 * model gives one: `probability_<class>` for class probabilities, else by what it is
 * (`decision`, `distance_<class or cluster>`, `score_<class>`, `variance`).
 */
export function predictionTable(
	first: unknown,
	second: unknown,
	targets: Array<string>,
	classes: Array<Label> | undefined,
	task: ModelTask,
	modelName = "",
): PredictionTable {
	const name = task === "clustering" ? "cluster" : (targets[0] ?? "prediction");
	const header = new Array<string>();
	const rows = new Array<Array<Label>>();
	if (isMatrixValue(first)) {
		const k = first[0].size();
		for (const n of k > 1 && targets.size() === k ? targets : outputNames(name, k, undefined, task)) header.push(n);
		for (const row of first) rows.push(table.clone(row));
	} else {
		header.push(name);
		for (const label of first as Array<Label>) rows.push([label]);
	}
	if (isMatrixValue(second) && second.size() === rows.size()) {
		const probabilities = classes !== undefined && isProbabilities(second, classes.size());
		const kind = SECOND_OUTPUTS[modelName] ?? (probabilities ? "probability" : "output");
		for (const n of outputNames(kind, second[0].size(), task === "clustering" ? undefined : classes, task)) header.push(n);
		for (const i of $range(0, rows.size() - 1)) for (const v of second[i]) rows[i].push(v);
	} else if (typeIs(second, "table") && typeIs((second as Array<unknown>)[0], "number") && (second as Array<number>).size() === rows.size()) {
		header.push(SECOND_OUTPUTS[modelName] ?? "output");
		for (const i of $range(0, rows.size() - 1)) rows[i].push((second as Array<number>)[i]);
	}
	return { header, rows };
}

/**
 * Loads a model file for prediction: its JSON text, the table `HttpService:JSONDecode` gives,
 * or the value read back from a DataStore. Refuses files from a newer format version.
 * @example
 * local loaded = Hivemind.loadModel(DataStore:GetAsync("model"))
 * local predictions = loaded:predict({ { speed = 12, weapon = "bow" } })
 */
export function loadModel(json: unknown): LoadedModel {
	return new LoadedModel(readModelFile(json));
}
