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
import { StandardScaler } from "../transformers/StandardScaler";
import { MinMaxScaler } from "../transformers/MinMaxScaler";
import { encodeFields, FeatureEncoding } from "./dataset";
import { ModelFile, ModelTask, readModelFile } from "./modelFile";

/** Predictions as a table: one column per model output (label and class probabilities, or values). */
export interface PredictionTable {
	/** Column names: the target (or `prediction` / `cluster`), then `probability_<class>` per class when the model gives probabilities. */
	header: Array<string>;
	/** One row per input row. */
	rows: Array<Array<Label>>;
}

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
	/** The class labels in output order (classifiers). */
	readonly classes: Array<Label> | undefined;
	/** The model itself (its inputs are encoded and scaled rows; see `encode`). */
	readonly model: Model;
	private readonly encoding: FeatureEncoding;
	private readonly scaler: Scaler<object> | undefined;
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
		this.classes = file.classes === undefined ? undefined : table.clone(file.classes);
		const options = deepCopy(file.hyperParameters);
		if (file.classes !== undefined) options.classesList = table.clone(file.classes);
		this.model = createModel(file.modelName, options);
		this.model.setModelParameters(file.parameters);
		const width = file.featureNames.size();
		const [fits, problem] = pcall(() => predictValues(this.model, [table.create(width, 0)]));
		if (!fits) {
			const reason = errorBody(problem);
			error(`[Hivemind] loadModel: file.parameters must fit the ${width} encoded input columns (${file.featureNames.join(", ")}), but predicting fails: ${reason}`, 3);
		}
		if (file.scaler !== undefined) {
			const scaler: Scaler<object> = file.scaler.kind === "MinMaxScaler" ? new MinMaxScaler() : new StandardScaler();
			scaler.setState(file.scaler);
			this.scaler = scaler;
		}
	}

	/**
	 * The model's input matrix for raw rows: each row a table keyed by column name (extra keys
	 * ignored) or an array of values in `columns` order; numbers or texts; one row may be given
	 * alone. Categorical columns are one-hot encoded, then the scaler applies.
	 */
	encode(rows: unknown, where = "LoadedModel.encode"): Matrix {
		if (!typeIs(rows, "table")) error(`[Hivemind] ${where}: rows must be an array of rows (tables keyed by column name, or arrays of values), got ${describeValue(rows)}`, 3);
		let list = rows as Array<unknown>;
		const [firstKey] = next(rows);
		if (typeIs(firstKey, "string") || (firstKey !== undefined && !typeIs(list[0], "table"))) list = [rows];
		if (list.size() === 0) error(`[Hivemind] ${where}: rows must hold at least one row, got an empty table`, 3);
		const encoded = table.create<Array<number>>(list.size());
		for (const i of $range(0, list.size() - 1)) {
			const row = list[i];
			const label = `${where}: rows[${i + 1}]`;
			if (!typeIs(row, "table")) error(`[Hivemind] ${label} must be a table (keyed by column name, or an array of values), got ${describeValue(row)}`, 3);
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
		const X = this.encode(rows, "LoadedModel.predict");
		return predictValues(this.model, X);
	}

	/** Predictions for raw rows as a table (what `hivemind predict` writes as CSV). */
	predictTable(rows: unknown): PredictionTable {
		const X = this.encode(rows, "LoadedModel.predictTable");
		const [first, second] = predictValues(this.model, X);
		return predictionTable(first, second, this.target, this.classes, this.task);
	}

	/** The scaled copy of already encoded rows (one-hot columns in place; `featureNames` order). */
	scale(encoded: Matrix): Matrix {
		return this.scaler !== undefined ? this.scaler.transform(encoded) : encoded;
	}

	/** Predictions for already encoded rows (e.g. from `tableToDataset` with this file's encoding) as a table. */
	predictEncodedTable(encoded: Matrix): PredictionTable {
		const [first, second] = predictValues(this.model, this.scale(encoded));
		return predictionTable(first, second, this.target, this.classes, this.task);
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

/** Lays out a model's two prediction values as named columns (see `PredictionTable`). */
export function predictionTable(first: unknown, second: unknown, target: string | undefined, classes: Array<Label> | undefined, task: ModelTask): PredictionTable {
	const name = task === "clustering" ? "cluster" : (target ?? "prediction");
	const header = new Array<string>();
	const rows = new Array<Array<Label>>();
	if (isMatrixValue(first)) {
		const k = first[0].size();
		for (const j of $range(1, k)) header.push(k === 1 ? name : `${name}_${j}`);
		for (const row of first) rows.push(table.clone(row));
		return { header, rows };
	}
	const labels = first as Array<Label>;
	header.push(name);
	for (const label of labels) rows.push([label]);
	if (classes !== undefined && isProbabilities(second, classes.size())) {
		for (const c of classes) header.push(`probability_${c}`);
		for (const i of $range(0, rows.size() - 1)) for (const p of second[i]) rows[i].push(p);
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
