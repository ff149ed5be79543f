/**
 * Simulated distributed training, to choose a strategy before shipping it: the training rows are
 * split among K simulated game servers, each trains a child model, and a main model merges them
 * by a ModelParametersMerger merge type, by exact sufficient statistics, or by gradients
 * (DistributedGradients). Centralized training, each child alone and the merged model are then
 * evaluated on the same held-out rows. Used by `hivemind simulate`; any code can call it.
 */
import { Matrix } from "../matrix/types";
import { RandomGenerator } from "../matrix/random";
import { selectRows } from "../matrix/shape";
import { gram } from "../matrix/product";
import { withBiasColumn } from "../models/base/data";
import { createModel, getModelRegistration, GradientTrainable, isGradientTrainable, isStatisticsModel, Model, StatisticsModel } from "../models";
import { ModelParameters } from "../parameters";
import { Label, sortedUniqueLabels } from "../utilities/labels";
import { EvaluationReport, evaluateModel, predictFirst } from "../io/evaluation";
import { modelClasses, ModelTask } from "../io/modelFile";
import { MergeType, ModelParametersMerger } from "../distributed/ModelParametersMerger";
import { FederatedTrainer } from "./FederatedTrainer";
import { describeValue } from "../core/describe";

/** A ModelParametersMerger merge type, `"exact"` (sufficient statistics) or `"gradients"`. */
export type SimulationStrategy = MergeType | "exact" | "gradients";

/** The merge types a simulation can use (Custom needs weights the simulation has no source for). */
export const SIMULATION_MERGE_TYPES: Array<MergeType> = [
	"Average",
	"WeightedAverage",
	"WeightedAverageEqual",
	"Best",
	"SampleWeighted",
	"RegressionMean",
	"Median",
	"TrimmedMean",
];

/** Rows with their targets (labels for classification, numbers for regression, none for clustering). */
export interface SimulationRows {
	X: Matrix;
	y?: Array<Label>;
}

/** Options of {@link simulateTraining}. */
export interface SimulationOptions {
	/** A registered model name. */
	modelName: string;
	/** Options of every model (centralized, children, main); give classifiers the full classesList. */
	modelOptions?: { [name: string]: unknown };
	/** What the model predicts (chooses the metrics and the merger's score). */
	task: ModelTask;
	/** The rows the children share out. */
	train: SimulationRows;
	/** The rows every model is evaluated on. */
	test: SimulationRows;
	/** Row indices of `train` per child (see {@link splitRows}). */
	shards: Array<Array<number>>;
	/** How the children are merged. */
	strategy: SimulationStrategy;
	/**
	 * Rounds: parameter merges (each child trains from the merged parameters, then they are merged
	 * again), exact statistics (computed again from the current model: k-means), gradient steps.
	 */
	rounds: number;
	/** Called after each round with the merged model's report on `test`. */
	onRound?: (round: number, report: EvaluationReport) => void;
}

/** What a simulation found. */
export interface SimulationResult {
	/** One model trained on all of `train`. */
	centralized: EvaluationReport;
	/** Each child trained on its own rows only. */
	children: Array<EvaluationReport>;
	/** The merged model. */
	merged: EvaluationReport;
	/** The merged model itself. */
	mergedModel: Model;
	/** Rows per child. */
	childSampleCounts: Array<number>;
	/** The merged model's report after each round. */
	history: Array<EvaluationReport>;
	/** Updates the main model's guard rejected (gradients and parameter strategies; exact: 0). */
	rejectedUpdates: number;
}

const WHERE = "simulateTraining";

/**
 * Splits rows 0 … n−1 among `children`: shuffled with `seed` and dealt in turn (sizes differ by
 * at most 1), or, with `groups` (one value per row), whole groups per child: the distinct values
 * in label order, dealt in turn, so each child holds rows unlike the others' (`by:region`).
 * @example const shards = splitRows(100, 4, 7) // 4 arrays of 25 row indices
 */
export function splitRows(n: number, children: number, seed: number, groups?: Array<Label>): Array<Array<number>> {
	const where = "splitRows";
	if (!typeIs(children, "number") || children < 1 || children !== math.floor(children))
		error(`[Hivemind] ${where}: children must be an integer ≥ 1, got ${describeValue(children)}`, 2);
	const shards = new Array<Array<number>>();
	for (const _ of $range(1, children)) shards.push([]);
	if (groups === undefined) {
		if (n < children) error(`[Hivemind] ${where}: children must be at most the number of rows (${n}), got ${children}`, 2);
		const order = new RandomGenerator(seed).permutation(n);
		for (const p of $range(0, n - 1)) shards[p % children].push(order[p]);
	} else {
		const values = sortedUniqueLabels(groups);
		if (values.size() < children) {
			error(
				`[Hivemind] ${where}: children must be at most the number of groups (${values.size()}: ${values.map((v) => tostring(v)).join(", ")}), got ${children}`,
				2,
			);
		}
		const childOf = new Map<Label, number>();
		values.forEach((value, g) => childOf.set(value, g % children));
		for (const i of $range(0, n - 1)) shards[childOf.get(groups[i])!].push(i);
	}
	for (const shard of shards) shard.sort();
	return shards;
}

function rowsOf(data: SimulationRows, indices: Array<number>): SimulationRows {
	return { X: selectRows(data.X, indices), y: data.y === undefined ? undefined : indices.map((i) => data.y![i]) };
}

function fresh(options: SimulationOptions): Model {
	return createModel(options.modelName, options.modelOptions);
}

/** A fresh model with the gradient API (simulationStrategyProblem checked the tag). */
function freshGradient(options: SimulationOptions): GradientTrainable {
	const model = fresh(options);
	if (!isGradientTrainable(model)) error(`[Hivemind] ${WHERE}: ${options.modelName} has no computeGradients/applyGradients`, 3);
	return model;
}

/** A fresh model with mergeable sufficient statistics (simulationStrategyProblem checked the tag). */
function freshStatistics(options: SimulationOptions): StatisticsModel {
	const model = fresh(options);
	if (!isStatisticsModel(model)) error(`[Hivemind] ${WHERE}: ${options.modelName} has no computePartial/mergePartials/trainFromPartial`, 3);
	return model;
}

/** The merger's view of a classifier: labels as n×1 class indices (a matrix of numbers). */
function classScorer(model: Model, classes: Array<Label>) {
	// methods (not arrow functions): the merger calls them with `:`
	return {
		setModelParameters(parameters: ModelParameters) {
			model.setModelParameters(parameters);
		},
		getModelParameters() {
			return model.getModelParameters();
		},
		predict(X: Matrix) {
			return (predictFirst(model, X) as Array<Label>).map((label) => [classes.indexOf(label)]);
		},
	};
}

function mergerFor(options: SimulationOptions, shards: Array<SimulationRows>, main: Model): ModelParametersMerger {
	const strategy = options.strategy as MergeType;
	const modelType = options.task === "classification" ? "Classification" : options.task === "clustering" ? "Clustering" : "Regression";
	const classes = modelClasses(main);
	const scorer = options.task === "classification" && classes !== undefined ? classScorer(main, classes) : main;
	const merger = new ModelParametersMerger({ model: scorer, modelType, mergeType: strategy });
	if (strategy === "WeightedAverage" || strategy === "WeightedAverageEqual" || strategy === "Best") {
		const y = options.train.y;
		if (y === undefined) error(`[Hivemind] ${WHERE}: the ${strategy} merge scores children on labelled rows; train.y must be given, got nil`, 3);
		const targets =
			options.task === "classification" && classes !== undefined ? y.map((label) => [classes.indexOf(label)]) : y.map((v) => [v as number]);
		merger.setData(options.train.X, targets);
	}
	merger.setSampleCounts(shards.map((s) => s.X.size()));
	if (strategy === "RegressionMean") {
		const intercept = (main.getOptions() as { fitIntercept?: boolean }).fitIntercept === true;
		merger.setGramMatrices(shards.map((s) => gram(intercept ? withBiasColumn(s.X) : s.X)));
	}
	return merger;
}

/**
 * Why `strategy` cannot merge `modelName` (or undefined when it can): "exact" needs mergeable
 * sufficient statistics (tag "statistics"), "gradients" a gradient-trained model.
 */
export function simulationStrategyProblem(modelName: string, strategy: string): string | undefined {
	const tags = getModelRegistration(modelName).tags;
	if (strategy === "exact") {
		if (!tags.includes("statistics"))
			return `strategy "exact" needs a model with mergeable sufficient statistics (tag "statistics"), got ${modelName}`;
	} else if (strategy === "gradients") {
		if (!tags.includes("gradient")) return `strategy "gradients" needs a gradient-trained model (tag "gradient"), got ${modelName}`;
	} else if (!(SIMULATION_MERGE_TYPES as Array<string>).includes(strategy)) {
		return `strategy must be "exact", "gradients" or one of ${SIMULATION_MERGE_TYPES.join(", ")}, got ${describeValue(strategy)}`;
	}
	return undefined;
}

function byParameters(
	options: SimulationOptions,
	shards: Array<SimulationRows>,
	tags: Array<string>,
	report: (model: Model, round: number) => void,
): [Model, number] {
	const main = fresh(options);
	const trainer = new FederatedTrainer({
		schedule: { kind: "Synchronous" },
		payload: "parameters",
		merger: mergerFor(options, shards, main),
		onEpoch: (epoch) => {
			const merged = trainer.getMainModelParameters();
			if (merged !== undefined) main.setModelParameters(merged);
			report(main, epoch.epoch + 1);
		},
	});
	shards.forEach((shard) => trainer.addChild(fresh(options), shard.X, shard.y));
	if (tags.includes("gradient")) {
		// every child starts from the same parameters (as a main model would send them)
		const starter = freshGradient(options);
		starter.computeGradients(shards[0].X, shards[0].y);
		trainer.setMainModelParameters(starter.getModelParameters()!);
	}
	trainer.train(options.rounds);
	return [main, trainer.getStatistics()!.rejected];
}

function byStatistics(options: SimulationOptions, shards: Array<SimulationRows>, report: (model: Model, round: number) => void): Model {
	const main = freshStatistics(options);
	const children = shards.map(() => freshStatistics(options));
	for (const round of $range(1, options.rounds)) {
		const current = main.getModelParameters();
		const partials = children.map((child, k) => {
			if (current !== undefined) child.setModelParameters(current);
			return child.computePartial(shards[k].X, shards[k].y);
		});
		let merged = partials[0];
		for (const k of $range(1, partials.size() - 1)) merged = main.mergePartials(merged, partials[k]);
		main.trainFromPartial(merged);
		report(main, round);
	}
	return main;
}

function byGradients(options: SimulationOptions, shards: Array<SimulationRows>, report: (model: Model, round: number) => void): [Model, number] {
	const main = freshGradient(options);
	main.computeGradients(shards[0].X, shards[0].y); // the starting parameters
	// the main model's own step applies every round (its optimizer, regularizer, clipping, schedule)
	const trainer = new FederatedTrainer({
		schedule: { kind: "Synchronous" },
		payload: "gradients",
		model: main,
		onEpoch: (epoch) => report(main, epoch.epoch + 1),
	});
	shards.forEach((shard) => trainer.addChild(fresh(options), shard.X, shard.y));
	trainer.train(options.rounds);
	return [main, trainer.getStatistics()!.rejected];
}

/**
 * Runs one simulation (see the module comment): centralized training, each child alone, and the
 * merge by `strategy`, all evaluated on `test`.
 * @example
 * const shards = splitRows(xTrain.size(), 4, 7);
 * const result = simulateTraining({ modelName: "LinearRegression", task: "regression", train: { X: xTrain, y: yTrain },
 *   test: { X: xTest, y: yTest }, shards, strategy: "gradients", rounds: 500 });
 * print(result.centralized.r2, result.merged.r2);
 */
export function simulateTraining(options: SimulationOptions): SimulationResult {
	const registration = getModelRegistration(options.modelName);
	const problem = simulationStrategyProblem(options.modelName, options.strategy);
	if (problem !== undefined) error(`[Hivemind] ${WHERE}: ${problem}`, 2);
	if (!typeIs(options.rounds, "number") || options.rounds < 1 || options.rounds !== math.floor(options.rounds)) {
		error(`[Hivemind] ${WHERE}: rounds must be an integer ≥ 1, got ${describeValue(options.rounds)}`, 2);
	}
	if (options.shards.size() === 0 || options.shards.some((s) => s.size() === 0)) {
		error(`[Hivemind] ${WHERE}: shards must give every child at least one row, got ${options.shards.map((s) => s.size()).join(", ")} rows`, 2);
	}
	const evaluate = (model: Model) => evaluateModel(model, options.test.X, options.test.y, options.task);
	const shards = options.shards.map((indices) => rowsOf(options.train, indices));

	const centralModel = fresh(options);
	centralModel.train(options.train.X, options.train.y);
	const centralized = evaluate(centralModel);
	const children = shards.map((shard) => {
		const alone = fresh(options);
		alone.train(shard.X, shard.y);
		return evaluate(alone);
	});

	const history = new Array<EvaluationReport>();
	const report = (model: Model, round: number) => {
		const r = evaluate(model);
		history.push(r);
		options.onRound?.(round, r);
	};
	let mergedModel: Model;
	let rejectedUpdates = 0;
	if (options.strategy === "exact") mergedModel = byStatistics(options, shards, report);
	else if (options.strategy === "gradients") [mergedModel, rejectedUpdates] = byGradients(options, shards, report);
	else [mergedModel, rejectedUpdates] = byParameters(options, shards, registration.tags, report);
	return {
		centralized,
		children,
		merged: history[history.size() - 1],
		mergedModel,
		childSampleCounts: shards.map((s) => s.X.size()),
		history,
		rejectedUpdates,
	};
}
