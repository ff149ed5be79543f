/**
 * The model file: everything needed to predict from raw rows, as plain data (JSON). A model
 * trained on one machine (`hivemind train`) is loaded in the game (`loadModel`) and gives the
 * same answers: the hyper-parameters, the learned parameters, the feature encoding (numeric and
 * one-hot columns), the fitted scaler and the class list travel together.
 */
import { decodeJson, encodeJson } from "../core/json";
import { plainDataProblem } from "../core/plainData";
import { describeValue } from "../core/describe";
import { getModelRegistration, getRegisteredModels, isClassifier, Model, ModelRegistration } from "../models";
import { assertModelParameters, ModelParameters } from "../parameters";
import { labelList } from "../options";
import { Label } from "../utilities/labels";
import { Scaler, ScalerState } from "../transformers/Scaler";
import { StandardScaler } from "../transformers/StandardScaler";
import { MinMaxScaler } from "../transformers/MinMaxScaler";
import { encodedFeatureNames, FeatureEncoding } from "./dataset";

/** The `format` field every model file carries. */
export const MODEL_FILE_FORMAT = "hivemind-model";

/** The format version this Hivemind writes; files with a higher version are refused. */
export const MODEL_FILE_VERSION = 1;

/** What a model predicts: numbers, class labels, or cluster indices. */
export type ModelTask = "regression" | "classification" | "clustering";

/** Plain-data hyper-parameters (what `getOptions()` holds, minus functions and objects). */
export type HyperParameters = { [name: string]: unknown };

/** A saved model (plain data; `encodeModelFile` gives its JSON text). */
export interface ModelFile {
	/** Always `"hivemind-model"`. */
	format: string;
	/** The format version (`MODEL_FILE_VERSION` when written by this Hivemind). */
	formatVersion: number;
	/** The registered model name, e.g. `"LogisticRegression"`. */
	modelName: string;
	/** What the model predicts. */
	task: ModelTask;
	/** The options the model was built with (plain data only; the class list is in `classes`). */
	hyperParameters: HyperParameters;
	/** The learned parameters (`getModelParameters()`). */
	parameters: ModelParameters;
	/** The names of the encoded input columns (`color=red` for one-hot columns), in model order. */
	featureNames: Array<string>;
	/** How raw columns become the encoded inputs. */
	encoding: FeatureEncoding;
	/** The fitted scaler applied after encoding (`getState()`), absent when none. */
	scaler?: ScalerState<object>;
	/** The name of the predicted column (absent for clusterers). */
	target?: string;
	/** Every predicted column, when there are several (multi-output regression; `target` is the first). */
	targets?: Array<string>;
	/** The scaler the targets were standardized with (`--scale-target`); predictions are mapped back. */
	targetScaler?: ScalerState<object>;
	/** The class labels in output order (classifiers). */
	classes?: Array<Label>;
}

/** What `createModelFile` needs besides the trained model. */
export interface ModelFileContext {
	/** How raw columns were encoded (from `tableToDataset`). */
	encoding: FeatureEncoding;
	/** The fitted scaler applied after encoding, if any. */
	scaler?: Scaler<object>;
	/** The name of the predicted column. */
	target?: string;
	/** Every predicted column, when there are several. */
	targets?: Array<string>;
	/** The scaler fitted on the targets, if they were scaled. */
	targetScaler?: Scaler<object>;
	/** What the model predicts (default: classification when the model knows classes, else regression). */
	task?: ModelTask;
}

function isPlain(value: unknown): boolean {
	if (typeIs(value, "table")) {
		if (getmetatable(value) !== undefined) return false;
		for (const [, inner] of pairs(value as object)) if (!isPlain(inner)) return false;
		return true;
	}
	return typeIs(value, "number") || typeIs(value, "string") || typeIs(value, "boolean");
}

/**
 * What a registered model predicts with these options: its `mode` option when it has one
 * (networks, ELM), else its tags.
 */
export function modelTask(registration: ModelRegistration, options: { [name: string]: unknown }): ModelTask {
	if (registration.tags.includes("clusterer")) return "clustering";
	if (options.mode === "Classification") return "classification";
	if (options.mode === "Regression") return "regression";
	return registration.tags.includes("classifier") ? "classification" : "regression";
}

/** The plain-data options of `model` (callbacks, optimizer objects and the class list left out). */
export function plainHyperParameters(model: Model): HyperParameters {
	const out: HyperParameters = {};
	for (const [key, value] of pairs(model.getOptions() as { [k: string]: unknown })) {
		if (key !== "classesList" && isPlain(value) && plainDataProblem(value, key as string) === undefined) out[key] = value;
	}
	return out;
}

/** The class labels a model learned or was given, or undefined for models without classes. */
export function modelClasses(model: Model): Array<Label> | undefined {
	return isClassifier(model) ? model.getClassesList() : undefined;
}

/**
 * A model file for a trained model, with the encoding and scaler its inputs went through.
 * @example const file = createModelFile(model, { encoding: data.encoding, scaler, target: "won" })
 */
export function createModelFile(model: Model, context: ModelFileContext): ModelFile {
	const where = "createModelFile";
	const parameters = model.getModelParameters();
	if (parameters === undefined)
		error(`[Hivemind] ${where}: model must be trained (it has no parameters yet), got an untrained ${model.modelName}`, 2);
	const classes = modelClasses(model);
	const registration = getModelRegistration(model.modelName);
	const task: ModelTask =
		context.task ?? (registration.tags.includes("clusterer") ? "clustering" : classes !== undefined ? "classification" : "regression");
	return {
		format: MODEL_FILE_FORMAT,
		formatVersion: MODEL_FILE_VERSION,
		modelName: model.modelName,
		task,
		hyperParameters: plainHyperParameters(model),
		parameters,
		featureNames: encodedFeatureNames(context.encoding),
		encoding: context.encoding,
		scaler: context.scaler?.getState() as ScalerState<object> | undefined,
		target: context.target ?? context.targets?.[0],
		targets: context.targets !== undefined && context.targets.size() > 1 ? context.targets : undefined,
		targetScaler: context.targetScaler?.getState() as ScalerState<object> | undefined,
		classes: task === "classification" ? classes : undefined,
	};
}

/** The JSON text of a model file (17 significant digits: numbers come back bit for bit; keys sorted). */
export function encodeModelFile(file: ModelFile): string {
	const problem = plainDataProblem(file, "file");
	if (problem !== undefined) error(`[Hivemind] encodeModelFile: ${problem}`, 2);
	return encodeJson(file);
}

function fail(message: string): never {
	error(`[Hivemind] loadModel: ${message}`, 4);
}

function checkString(value: unknown, path: string): string {
	if (!typeIs(value, "string")) fail(`${path} must be a string, got ${describeValue(value)}`);
	return value;
}

function checkEncoding(value: unknown): FeatureEncoding {
	if (!typeIs(value, "table") || !typeIs((value as { columns?: unknown }).columns, "table")) {
		fail(`file.encoding must be a table with a columns array, got ${describeValue(value)}`);
	}
	const columns = (value as { columns: Array<unknown> }).columns;
	if (columns.size() === 0) fail("file.encoding.columns must list at least one column, got an empty array");
	const names = new Set<unknown>();
	for (const i of $range(0, columns.size() - 1)) {
		const path = `file.encoding.columns[${i + 1}]`;
		const column = columns[i] as { name?: unknown; kind?: unknown; categories?: unknown };
		if (!typeIs(column, "table")) fail(`${path} must be a table, got ${describeValue(column)}`);
		checkString(column.name, `${path}.name`);
		if (names.has(column.name)) fail(`${path}.name must differ from the other columns' names, got "${column.name}" twice`);
		names.add(column.name);
		if (column.kind === "categorical") {
			const categories = column.categories as Array<defined>;
			if (!typeIs(categories, "table") || categories.size() === 0 || !categories.every((c) => typeIs(c, "string"))) {
				fail(`${path}.categories must be a non-empty array of strings, got ${describeValue(categories)}`);
			}
			const seen = new Set<defined>();
			for (const c of categories) {
				if (seen.has(c)) fail(`${path}.categories must be distinct, got "${c}" twice`);
				seen.add(c);
			}
		} else if (column.kind !== "numeric") {
			fail(`${path}.kind must be "numeric" or "categorical", got ${describeValue(column.kind)}`);
		}
	}
	return value as FeatureEncoding;
}

/** A scaler built from a model file's `scaler` state (checked: its kind, statistics and width). */
export function scalerFromState(state: unknown, field = "scaler"): Scaler<object> {
	const kind = typeIs(state, "table") ? (state as { kind?: unknown }).kind : undefined;
	if (kind !== "StandardScaler" && kind !== "MinMaxScaler")
		fail(`file.${field}.kind must be "StandardScaler" or "MinMaxScaler", got ${describeValue(kind)}`);
	const scaler: Scaler<object> = kind === "MinMaxScaler" ? new MinMaxScaler() : new StandardScaler();
	const [ok, problem] = pcall(() => scaler.setState(state as ScalerState<object>));
	if (!ok) {
		const [reason] = tostring(problem).gsub("^.-%[Hivemind%] [%w%.]+: state%.", "");
		fail(`file.${field}.${reason}`);
	}
	return scaler;
}

/** Checks the scaler's width and that it maps every column's range to finite numbers (no zero scale). */
function checkScaler(state: unknown, names: Array<string>, field = "scaler") {
	const scaler = scalerFromState(state, field);
	const statistics = scaler.getStatistics();
	const width = statistics.mean[0].size();
	if (width !== names.size())
		fail(`file.${field}.statistics must describe the ${names.size()} columns (${names.join(", ")}), got ${width} columns`);
	const probe = scaler.transform([statistics.min[0], statistics.max[0]]);
	for (const j of $range(0, width - 1)) {
		if (!(math.abs(probe[0][j]) < math.huge && math.abs(probe[1][j]) < math.huge)) {
			fail(
				`file.${field}.statistics give column "${names[j]}" a zero or non-finite scale (min ${statistics.min[0][j]}, max ${statistics.max[0][j]}, m2 ${statistics.m2[0][j]}); refit the scaler`,
			);
		}
	}
}

/**
 * Reads and checks a model file: its JSON text, or the table `HttpService:JSONDecode` (or a
 * DataStore) gives back. A file from a newer format version is refused.
 */
export function readModelFile(source: unknown): ModelFile {
	let value = source;
	if (typeIs(source, "string")) {
		const [ok, decoded] = pcall(decodeJson, source);
		if (!ok) fail(`json must be a model file's JSON text, got text that does not parse (${tostring(decoded)})`);
		value = decoded;
	}
	if (!typeIs(value, "table")) {
		fail(`json must be a model file (its JSON text, or the table HttpService:JSONDecode returns), got ${describeValue(value)}`);
	}
	const file = value as { [key: string]: unknown };
	if (file.format !== MODEL_FILE_FORMAT)
		fail(`file.format must be "${MODEL_FILE_FORMAT}" (is this a Hivemind model file?), got ${describeValue(file.format)}`);
	const version = file.formatVersion;
	if (!typeIs(version, "number") || version < 1 || version !== math.floor(version)) {
		fail(`file.formatVersion must be an integer ≥ 1, got ${describeValue(version)}`);
	}
	if (version > MODEL_FILE_VERSION) {
		fail(
			`the model file has format version ${version}, newer than this Hivemind reads (up to ${MODEL_FILE_VERSION}); update Hivemind to load it`,
		);
	}
	const modelName = checkString(file.modelName, "file.modelName");
	if (!getRegisteredModels().some((r) => r.name === modelName)) {
		fail(
			`file.modelName must be one of the registered models (${getRegisteredModels()
				.map((r) => r.name)
				.join(", ")}), got "${modelName}"`,
		);
	}
	const task = file.task;
	if (task !== "regression" && task !== "classification" && task !== "clustering") {
		fail(`file.task must be "regression", "classification" or "clustering", got ${describeValue(task)}`);
	}
	if (!typeIs(file.hyperParameters, "table")) fail(`file.hyperParameters must be a table, got ${describeValue(file.hyperParameters)}`);
	const registration = getModelRegistration(modelName);
	const expectedTask = modelTask(registration, file.hyperParameters as { [name: string]: unknown });
	if (task !== expectedTask) fail(`file.task must be "${expectedTask}" for ${modelName}, got "${task}"`);
	assertModelParameters(file.parameters, "file.parameters", "loadModel");
	const encoding = checkEncoding(file.encoding);
	const names = encodedFeatureNames(encoding);
	const featureNames = file.featureNames as Array<defined>;
	if (!typeIs(featureNames, "table") || featureNames.size() !== names.size() || !featureNames.every((n, i) => n === names[i])) {
		fail(
			`file.featureNames must be the encoded columns (${names.join(", ")}), got ${typeIs(featureNames, "table") ? featureNames.map((n) => tostring(n)).join(", ") : describeValue(featureNames)}`,
		);
	}
	if (file.scaler !== undefined) checkScaler(file.scaler, names);
	if (file.target !== undefined) checkString(file.target, "file.target");
	const targets = file.targets as Array<defined> | undefined;
	if (targets !== undefined) {
		if (!typeIs(targets, "table") || targets.size() < 2 || !targets.every((t) => typeIs(t, "string")) || targets[0] !== file.target) {
			fail(`file.targets must list 2 or more column names, the first being file.target, got ${describeValue(targets)}`);
		}
		if (task !== "regression")
			fail(`file.targets must be absent for a ${task} model (several targets are for regression), got ${targets.size()} names`);
	}
	if (file.targetScaler !== undefined) {
		if (task !== "regression") fail(`file.targetScaler must be absent for a ${task} model, got a scaler`);
		checkScaler(file.targetScaler, (targets as Array<string> | undefined) ?? [tostring(file.target)], "targetScaler");
	}
	if (file.classes !== undefined && !labelList.check(file.classes))
		fail(`file.classes must be ${labelList.expected}, got ${describeValue(file.classes)}`);
	if (task === "classification" && file.classes === undefined) fail("file.classes must list the class labels of a classifier, got nil");
	return value as ModelFile;
}
