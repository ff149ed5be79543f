/** The options every gradient-trained model shares, their defaults and their constraint table. */
import {
	anyOf,
	booleanValue,
	callbackValue,
	constraint,
	ConstraintTable,
	frameBudgetMs,
	integerAtLeast,
	numberAbove,
	objectWith,
} from "../../options";
import { Optimizer } from "../../optimization/optimizers/types";
import { isOptimizer, OPTIMIZER_NAMES } from "../../optimization/optimizers/createOptimizer";
import { isRegularizer, Regularizer, REGULARIZER_NAMES } from "../../optimization/regularizers/regularizers";
import { LearningRateSchedule } from "../../optimization/schedules/schedules";
import { isNameIn } from "../../optimization/helpers";
import { WorkerPool } from "../../parallel/types";
import { isFiniteNumber } from "../../core/describe";

/** Options of the shared training loop (every gradient model accepts them). */
export interface GradientOptions {
	/** Iterations (full-batch steps, or epochs with `batchSize`) per `train` call: integer ≥ 1, default 500. */
	maximumNumberOfIterations: number;
	/** The base step size: > 0, default 0.1. */
	learningRate: number;
	/** An optimizer name (`createOptimizer`) or object; default "GradientDescent". */
	optimizer: string | Optimizer;
	/** A regularizer (`createRegularizer("L2", { lambda })`) or its name; never applied to bias rows. Default none. */
	regularizer?: Regularizer | string;
	/** A learning-rate schedule (`createSchedule(...)`); default none (constant rate). */
	learningRateSchedule?: LearningRateSchedule;
	/** Compute (and record) the cost every K iterations: integer ≥ 1, default 1. */
	costCalculationInterval: number;
	/** Stop when lower ≤ cost ≤ upper: `[lower, upper]`, default none. */
	targetCost?: [number, number];
	/** Converged when the cost changes by less than this between checks: ≥ 0, default 0 (off). */
	convergenceTolerance: number;
	/** ...for this many consecutive checks: integer ≥ 1, default 1. */
	convergenceChecks: number;
	/** Print `Iteration: n  Cost: c` at each cost check: default false. */
	isOutputPrinted: boolean;
	/** Called as `onIteration(iteration, cost)` at each cost check; default none. */
	onIteration?: (iteration: number, cost: number) => void;
	/** `task.wait()` every N iterations so a server frame is never blocked long: integer ≥ 0, default 0 (never). */
	yieldInterval: number;
	/** Milliseconds of work between yields (`task.wait()`) inside `train`: ≥ 0, 0 = never; default the library's (`setDefaultFrameBudget`; 5 in Roblox, 0 headless). */
	frameBudget?: number;
	/** Called as `onProgress(iteration, iterations)` after each iteration; default none. */
	onProgress?: (done: number, total: number) => void;
	/** A worker pool (`ActorPool`) that computes the full-batch gradient on resident row shards; default none (here, in blocks). */
	pool?: WorkerPool;
	/** Keep the optimizer state (momentum, Adam moments) between `train` calls: default true. */
	keepOptimizerState: boolean;
	/**
	 * Samples per gradient step: 0 (default) or ≥ n = full batch; otherwise each iteration is one
	 * epoch over the rows reshuffled (from `seed`) into mini-batches of this size: integer ≥ 0.
	 */
	batchSize: number;
	/**
	 * Clamp each entry of every step (mean gradient + regularizer gradient) to [−v, v] before the
	 * optimizer: a finite number > 0, default none.
	 */
	gradientClipValue?: number;
	/**
	 * Rescale the steps of all parameter entries by one factor so their global norm
	 * √(Σ‖stepₖ‖²) is at most this (after `gradientClipValue`): a finite number > 0, default none.
	 */
	gradientClipNorm?: number;
	/** Seed of the mini-batch shuffles (and of the model's own randomness, if any): integer, default 42. */
	seed: number;
}

/** Defaults of `GradientOptions` (frozen). */
export const GRADIENT_DEFAULTS: Readonly<GradientOptions> = table.freeze({
	maximumNumberOfIterations: 500,
	learningRate: 0.1,
	optimizer: "GradientDescent",
	costCalculationInterval: 1,
	convergenceTolerance: 0,
	convergenceChecks: 1,
	isOutputPrinted: false,
	yieldInterval: 0,
	keepOptimizerState: true,
	batchSize: 0,
	seed: 42,
});

/** A name from `names`, matched case-insensitively (as `createOptimizer` / `createRegularizer` do). */
function namedIn(names: ReadonlyArray<string>) {
	return constraint((v) => isNameIn(v, names), `one of "${names.join('", "')}"`);
}

/** The constraint table of `GradientOptions`. */
export const GRADIENT_CONSTRAINTS: ConstraintTable<GradientOptions> = {
	maximumNumberOfIterations: integerAtLeast(1),
	learningRate: numberAbove(0),
	optimizer: anyOf(namedIn(OPTIMIZER_NAMES), constraint(isOptimizer, "an Optimizer object")),
	regularizer: anyOf(namedIn(REGULARIZER_NAMES), constraint(isRegularizer, "a Regularizer object")),
	learningRateSchedule: objectWith("a learning-rate schedule (a table with a rateAt function)", "rateAt"),
	costCalculationInterval: integerAtLeast(1),
	targetCost: constraint((v) => {
		if (!typeIs(v, "table")) return false;
		const pair = v as Array<unknown>;
		return pair.size() === 2 && isFiniteNumber(pair[0]) && isFiniteNumber(pair[1]) && (pair[0] as number) <= (pair[1] as number);
	}, "{lower, upper} with finite lower ≤ upper"),
	convergenceTolerance: numberAbove(0, true),
	convergenceChecks: integerAtLeast(1),
	isOutputPrinted: booleanValue,
	onIteration: callbackValue,
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
	onProgress: callbackValue,
	pool: objectWith("a worker pool (ActorPool)", "loadData", "runKernel", "releaseData", "getWorkerCount"),
	keepOptimizerState: booleanValue,
	batchSize: integerAtLeast(0),
	gradientClipValue: numberAbove(0),
	gradientClipNorm: numberAbove(0),
	seed: integerAtLeast(-2147483648, 2147483647),
};
