/**
 * The training pipeline of `train` and `simulate`: a CSV table → encoded features → a seeded
 * train / held-out split → a scaler fitted on the training part; building a model from `--params`
 * with the CLI's extras (iterations, seed, class list, progress callback); predicting.
 */
import { CsvTable } from "../src/io/csv";
import { Dataset } from "../src/io/dataset";
import { ModelTask } from "../src/io/modelFile";
import { predictFirst, Predictions } from "../src/io/evaluation";
import { Matrix } from "../src/matrix/types";
import { Model, ModelRegistration } from "../src/models";
import { Label, sortedUniqueLabels } from "../src/utilities/labels";
import { Scaler } from "../src/transformers/Scaler";
import { StandardScaler } from "../src/transformers/StandardScaler";
import { MinMaxScaler } from "../src/transformers/MinMaxScaler";
import { selectRows } from "../src/matrix";
import { trainTestSplit } from "../src/utilities/split";
import { asUsage, OptionSpec, ParsedOptions, UsageError } from "./args";
import { buildParamObjects } from "./paramObjects";
import { commaList, DATA_OPTIONS, DataReading, readDataOptions, readDataset } from "./dataOptions";
import { findModel, integerOption, numberOption, parseParams, stringOption, taskOf } from "./common";

/** The scalers `--scale` names. */
export type ScaleName = "standard" | "minmax" | "none";

/** Targets: labels or numbers (one target), or rows of numbers (several). */
export type Targets = Array<Label> | Matrix;

/** A dataset split and scaled for training. */
export interface PreparedData {
	/** The whole table, encoded (not scaled). */
	dataset: Dataset;
	/** The scaler fitted on the training part (undefined for `--scale none`). */
	scaler: Scaler<object> | undefined;
	/** The target scaler fitted on the training targets (`--scale-target`). */
	targetScaler: Scaler<object> | undefined;
	/** Training rows, encoded and scaled. */
	xTrain: Matrix;
	/** Training rows, encoded, not scaled (for plots in the data's own units). */
	xTrainRaw: Matrix;
	/** Training targets (undefined for clustering): labels, numbers, or rows of numbers for several targets. */
	yTrain: Targets | undefined;
	/** What the model trains on: the training targets, standardized with `--scale-target`. */
	yFit: Targets | undefined;
	/** Held-out rows, encoded and scaled (undefined without a split). */
	xTest: Matrix | undefined;
	/** Held-out targets. */
	yTest: Targets | undefined;
	/** 0-based rows of the table in the training part. */
	trainIndices: Array<number>;
}

/** Reads `--scale`, or a usage error. */
export function scaleOption(command: string, value: string | undefined): ScaleName {
	const scale = value ?? "standard";
	if (scale !== "standard" && scale !== "minmax" && scale !== "none") {
		throw new UsageError(`${command}: --scale must be standard, minmax or none, got "${scale}"`);
	}
	return scale;
}

/** Reads `--test-split` (0 for none), or a usage error. */
export function testSplitOption(command: string, value: number | undefined): number {
	const split = value ?? 0.2;
	if (!(split === 0 || (split > 0 && split < 1) || (split >= 1 && split === math.floor(split)))) {
		throw new UsageError(`${command}: --test-split must be 0 (no held-out part), a fraction in (0, 1) or a row count ≥ 1, got ${split}`);
	}
	return split;
}

/** A new scaler for `--scale`, or undefined for none. */
export function createScaler(scale: ScaleName): Scaler<object> | undefined {
	if (scale === "standard") return new StandardScaler() as Scaler<object>;
	if (scale === "minmax") return new MinMaxScaler() as Scaler<object>;
	return undefined;
}

/** How `prepareData` prepares the rows. */
export interface Preparation {
	source: string;
	reading: DataReading;
	/** The target columns (none for clustering; several for multi-output regression). */
	targets: Array<string>;
	task: ModelTask;
	testSplit: number;
	seed: number;
	scale: ScaleName;
	/** Standardize the regression targets (fitted on the training rows). */
	scaleTarget?: boolean;
}

/** Rows of a matrix or entries of a vector, picked by index. */
function pickTargets(y: Targets, indices: Array<number>): Targets {
	return indices.map((i) => (y as Array<unknown>)[i]) as Targets;
}

/** Targets as an n×k matrix (a vector becomes n×1). */
export function targetsAsMatrix(y: Targets): Matrix {
	return typeIs((y as Array<unknown>)[0], "table") ? (y as Matrix) : (y as Array<number>).map((v) => [v]);
}

/** A model's first prediction value for `X`, in the targets' own units (mapped back through `targetScaler`). */
export function predictTargets(model: Model, X: Matrix, targetScaler: Scaler<object> | undefined): Predictions {
	const first = predictFirst(model, X);
	return targetScaler !== undefined ? targetScaler.inverseTransform(first as Matrix) : first;
}

/** Encodes `csv` (target as labels for classification), splits it (stratified for classes) and fits the scalers on the training part. */
export function prepareData(csv: CsvTable, p: Preparation): PreparedData {
	const { task, testSplit, seed } = p;
	const dataset = readDataset(csv, p.reading, { targets: p.targets, targetKind: task === "regression" ? "numeric" : "label", source: p.source });
	const n = dataset.X.size();
	const rowIds = new Array<number>();
	for (const i of $range(0, n - 1)) rowIds.push(i);
	let trainIndices = rowIds;
	let testIndices: Array<number> | undefined;
	let xParts: [Matrix, Matrix] | undefined;
	if (testSplit > 0) {
		const labels: Array<Label> = dataset.y ?? rowIds;
		const parts = trainTestSplit(dataset.X, labels, { testSize: testSplit, seed, stratify: task === "classification" });
		trainIndices = parts.trainIndices;
		testIndices = parts.testIndices;
		xParts = [parts.xTrain, parts.xTest];
	}
	const targets: Targets | undefined = dataset.Y ?? dataset.y;
	// The split's own row copies, not new ones.
	const xTrainRaw = xParts !== undefined ? xParts[0] : selectRows(dataset.X, trainIndices);
	const scaler = createScaler(p.scale);
	const xTrain = scaler !== undefined ? scaler.fitTransform(xTrainRaw) : xTrainRaw;
	let xTest: Matrix | undefined;
	if (testIndices !== undefined && testIndices.size() > 0) {
		const raw = xParts !== undefined ? xParts[1] : selectRows(dataset.X, testIndices);
		xTest = scaler !== undefined ? scaler.transform(raw) : raw;
	}
	const yTrain = targets === undefined ? undefined : pickTargets(targets, trainIndices);
	let targetScaler: Scaler<object> | undefined;
	let yFit = yTrain;
	if (p.scaleTarget && yTrain !== undefined) {
		targetScaler = new StandardScaler() as Scaler<object>;
		yFit = targetScaler.fitTransform(targetsAsMatrix(yTrain));
	}
	return {
		dataset,
		scaler,
		targetScaler,
		xTrain,
		xTrainRaw,
		yTrain,
		yFit,
		xTest,
		yTest: xTest !== undefined && targets !== undefined ? pickTargets(targets, testIndices!) : undefined,
		trainIndices,
	};
}

/**
 * The option names a model accepts: its constraint table's keys (BaseModel keeps it), else the
 * keys of its resolved options.
 */
export function acceptedOptions(model: Model): Array<string> {
	const constraints = (model as unknown as { optionConstraints?: { [name: string]: unknown } }).optionConstraints;
	const names = new Array<string>();
	for (const [name] of pairs((constraints ?? model.getOptions()) as { [name: string]: unknown })) names.push(name as string);
	names.sort();
	return names;
}

/** What the command line adds to `--params`. */
export interface ModelExtras {
	/** `--iterations`: maximumNumberOfIterations. */
	iterations?: number;
	/** `--seed`: the model's seed, when it has one. */
	seed?: number;
	/** The class labels (classifiers), unless `--params` gives classesList. */
	classes?: Array<Label>;
	/** Progress callback (gradient models). */
	onIteration?: (iteration: number, cost: number) => void;
}

/** The options for `registration` from `--params` plus the extras (usage errors name the option). */
export function modelOptions(
	command: string,
	registration: ModelRegistration,
	params: { [name: string]: unknown },
	extras: ModelExtras,
): { [name: string]: unknown } {
	const accepted = acceptedOptions(registration.create());
	const options = buildParamObjects(command, params);
	if (extras.iterations !== undefined) {
		if (!accepted.includes("maximumNumberOfIterations")) {
			throw new UsageError(`${command}: --iterations does not apply to ${registration.name} (it is not trained by iterations)`);
		}
		if (params.maximumNumberOfIterations !== undefined) {
			throw new UsageError(`${command}: give the number of iterations once, with --iterations or in --params, not both`);
		}
		options.maximumNumberOfIterations = extras.iterations;
	}
	if (extras.seed !== undefined && accepted.includes("seed") && params.seed === undefined) options.seed = extras.seed;
	if (extras.classes !== undefined && accepted.includes("classesList") && params.classesList === undefined) options.classesList = extras.classes;
	if (extras.onIteration !== undefined && accepted.includes("onIteration")) options.onIteration = extras.onIteration;
	return options;
}

/** The class labels of a prepared dataset (all rows, so the held-out part never holds an unknown class). */
export function datasetClasses(data: PreparedData): Array<Label> | undefined {
	return data.dataset.y === undefined ? undefined : sortedUniqueLabels(data.dataset.y);
}

/** Options shared by `train` and `simulate`: the model, the data and how it is prepared. */
export const TRAINING_OPTIONS: Array<OptionSpec> = [
	{ name: "model", kind: "string", required: true, description: "model name (see hivemind models)" },
	{ name: "data", kind: "string", required: true, description: "CSV file with a header row" },
	{
		name: "target",
		kind: "string",
		description: "column to predict (required except for clustering models); several, comma-separated, for multi-output regression",
	},
	{
		name: "params",
		kind: "string",
		description: `model options as a JSON object, e.g. '{"learningRate":0.05}'; optimizer, regularizer and learningRateSchedule take a name or {"name":...,<its options>}, e.g. '{"regularizer":{"name":"L2","lambda":0.1}}'`,
	},
	{ name: "scale", kind: "string", description: "feature scaling fitted on the training rows: standard, minmax or none", defaultText: "standard" },
	{ name: "test-split", kind: "number", description: "held-out part: a fraction in (0, 1), a row count, or 0 for none", defaultText: "0.2" },
	{ name: "seed", kind: "number", description: "seed of the split (and of the model, when it has one)", defaultText: "42" },
	{ name: "iterations", kind: "number", description: "maximumNumberOfIterations of gradient-trained models" },
	...DATA_OPTIONS,
];

/** The values of the training options, checked, with a model built from them (to learn its task). */
export interface TrainingSetup {
	registration: ModelRegistration;
	params: { [name: string]: unknown };
	scale: ScaleName;
	testSplit: number;
	seed: number;
	iterations: number | undefined;
	/** The first target column (undefined for clustering). */
	target: string | undefined;
	/** Every target column (`--target a,b`: several for multi-output regression). */
	targets: Array<string>;
	/** `--scale-target`: standardize the regression targets. */
	scaleTarget: boolean;
	/** The CSV file. */
	source: string;
	/** How the CSV file is read (delimiter, missing values, categorical columns). */
	reading: DataReading;
	/** A model built from `--params` and the extras (not trained). */
	probe: Model;
	task: ModelTask;
	/** The model's maximumNumberOfIterations (gradient models), else undefined. */
	maximumIterations: number | undefined;
}

/** Reads the training options (usage errors name them); `--target` is required unless the model clusters. */
export function readTrainingSetup(command: string, options: ParsedOptions): TrainingSetup {
	const registration = findModel(command, stringOption(options, "model")!);
	if (registration.tags.includes("transformer")) {
		throw new UsageError(
			`${command}: --model ${registration.name} transforms data and predicts nothing: \`hivemind transform --with ${registration.name}\` writes its output as CSV; train a regressor, classifier or clusterer (see hivemind models)`,
		);
	}
	if (registration.tags.includes("outlier") || registration.tags.includes("generative")) {
		const kind = registration.tags.includes("outlier") ? "an outlier detector" : "a generative network";
		throw new UsageError(
			`${command}: --model ${registration.name} is ${kind}, which the command line does not train yet (its model file has no task for it); use it from Luau, or train a regressor, classifier or clusterer (see hivemind models)`,
		);
	}
	const params = parseParams(command, stringOption(options, "params"));
	const scale = scaleOption(command, stringOption(options, "scale"));
	const testSplit = testSplitOption(command, numberOption(options, "test-split"));
	const seed = integerOption(command, options, "seed", -2147483648, 2147483647) ?? 42;
	const iterations = integerOption(command, options, "iterations", 1);
	const targets = commaList(stringOption(options, "target"));
	const target = targets[0];
	const scaleTarget = options.has("scale-target");
	const probe = asUsage(() => registration.create(modelOptions(command, registration, params, { iterations, seed })));
	const task = taskOf(registration, probe);
	if (target === undefined && task !== "clustering")
		throw new UsageError(`${command}: --target is required for ${registration.name} (the column to predict)`);
	if (targets.size() > 1 && task !== "regression") {
		throw new UsageError(
			`${command}: several --target columns (${targets.join(", ")}) need a regressor that predicts several outputs (e.g. RidgeRegression, LinearRegression, KNearestNeighboursRegressor); ${registration.name} is a ${task} model`,
		);
	}
	if (scaleTarget && task !== "regression")
		throw new UsageError(`${command}: --scale-target standardizes a regression target; ${registration.name} is a ${task} model`);
	const maximumIterations = (probe.getOptions() as { maximumNumberOfIterations?: number }).maximumNumberOfIterations;
	return {
		registration,
		params,
		scale,
		testSplit,
		seed,
		iterations,
		target,
		targets,
		scaleTarget,
		source: stringOption(options, "data")!,
		reading: readDataOptions(command, options),
		probe,
		task,
		maximumIterations,
	};
}

/**
 * Checks what a model needs from the data that only the data tells: a network's layers
 * (a usage error suggesting them, with the input width of the encoded data).
 */
export function checkModelNeeds(command: string, setup: TrainingSetup, data: PreparedData) {
	if (!acceptedOptions(setup.probe).includes("layers") || setup.params.layers !== undefined) return;
	const width = data.dataset.featureNames.size();
	const classes = setup.task === "classification" ? (datasetClasses(data) ?? []).size() : 1;
	const output = setup.task === "classification" ? `{"neurons":${classes},"activation":"Softmax"}` : `{"neurons":1}`;
	throw new UsageError(
		`${command}: ${setup.registration.name} needs its layers in --params, e.g. --params '{"layers":[{"neurons":${width}},{"neurons":8,"activation":"Tanh"},${output}]}' (the input layer has one neuron per encoded feature: ${width} here)`,
	);
}

/** Runs `fn`; a model's complaint about negative counts or non-integer categories gets a hint about scaling. */
export function withScalingHint<T>(scale: ScaleName, fn: () => T): T {
	const [ok, result] = pcall(fn);
	if (ok) return result as T;
	const message = tostring(result);
	const aboutCounts = message.find("must be a count", 1, true)[0] !== undefined || message.find("must be a category", 1, true)[0] !== undefined;
	if (scale !== "none" && aboutCounts) {
		error(`${message} (the features were scaled with --scale ${scale}; models that take counts or categories need --scale none)`, 0);
	}
	error(result, 0);
}
