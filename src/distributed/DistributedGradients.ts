/**
 * The main model of gradient exchange: children send gradients (summed over their batch, see
 * DESIGN.md), the main model queues them, screens them (UpdateGuard), and applies each round
 * through its own optimizer (any optimizer of the library: Adam on the main model works).
 */
import { Matrix } from "../matrix/types";
import { GradientTrainable } from "../models/base/capabilities";
import { copy } from "../matrix/creation";
import { copyInto } from "../matrix/inplace";
import { scale } from "../matrix/elementwise";
import { describeValue, isFiniteNumber } from "../core/describe";
import { copyParameters, ModelParameters, parameterEntries, zipParameters } from "../parameters/tree";
import { anyOf, callbackValue, constraint, integerAtLeast, numberAbove, objectWith, oneOf } from "../options/constraints";
import { resolveOptions } from "../options/resolve";
import { Optimizer, OptimizerState } from "../optimization/optimizers/types";
import { createOptimizer, OPTIMIZER_NAMES } from "../optimization/optimizers/createOptimizer";
import { isNameIn } from "../optimization/helpers";
import { weightedSum } from "./merging/combine";
import { UPDATE_GUARD_CONSTRAINTS, UPDATE_GUARD_DEFAULTS, UpdateGuardOptions } from "./UpdateGuard";
import { AggregatorOptions, GuardedAggregator, QueuedUpdate } from "./GuardedAggregator";
import { fromAbsent, UpdateRecord } from "./wire";
import { UpdateIdentity } from "./identity";
import { plainDataProblem } from "../core/plainData";

/**
 * How a round's gradients (each summed over its child's nᵢ samples) are combined, per sample:
 * "SampleWeighted" (Σ wᵢgᵢ / Σ nᵢ: with wᵢ = 1, exactly the mean gradient on the union of the
 * children's data, the step the model takes on that mini-batch) or "Mean" (Σ wᵢ(gᵢ/nᵢ) / m for m
 * updates: every child's mean gradient counts equally). wᵢ is 1 unless down-weighted for
 * staleness (a stale update's share of the step shrinks by wᵢ). Both need every update's sample count.
 */
export type GradientAveraging = "SampleWeighted" | "Mean";

/**
 * A main model whose own step applies the rounds (a gradient model of the library): its
 * regularizer, clipping, learning-rate schedule and optimizer state, exactly as in its training.
 */
export type GradientStepModel = Pick<
	GradientTrainable,
	"modelName" | "getModelParameters" | "setModelParameters" | "applyGradients" | "getTrainingState" | "setTrainingState"
>;

/** Options of {@link DistributedGradients}. */
export interface DistributedGradientsOptions extends Partial<UpdateGuardOptions>, AggregatorOptions {
	/**
	 * The main model: its parameters are the main parameters (it must have some), its
	 * `applyGradients` takes every step (one step rule), its name is the default `modelName`.
	 * Without it, `setModelParameters` fixes the structure and `optimizer`/`learningRate` step
	 * (a model without regularizer, clipping or schedule).
	 */
	model?: GradientStepModel;
	/** "Descent" (default: minimize the children's cost) or "Ascent" (maximize it). */
	gradientChangeMode?: "Descent" | "Ascent";
	/** The optimizer without a model: an Optimizer or a name for `createOptimizer`. Default "GradientDescent". */
	optimizer?: Optimizer | string;
	/** The step size given to the optimizer without a model. Default 0.1. */
	learningRate?: number;
	/** Default "SampleWeighted". */
	averaging?: GradientAveraging;
	/** Called with the message of each failed background round (also see `onError`). */
	onError?: (message: string) => void;
}

interface Pending extends QueuedUpdate {
	gradients: ModelParameters;
	sampleCount: number;
	baseVersion: number;
}

const WHERE = "DistributedGradients";

const CONSTRAINTS = {
	...UPDATE_GUARD_CONSTRAINTS,
	gradientChangeMode: oneOf("Descent", "Ascent"),
	optimizer: anyOf(
		constraint((v) => isNameIn(v, OPTIMIZER_NAMES), `one of the optimizer names (${OPTIMIZER_NAMES.join(", ")})`),
		objectWith("an Optimizer (optimizerName, step, getOptions)", "step", "getOptions"),
	),
	learningRate: numberAbove(0),
	averaging: oneOf("SampleWeighted", "Mean"),
	onError: callbackValue,
	model: objectWith(
		"a gradient model (applyGradients, getModelParameters, setModelParameters, getTrainingState, setTrainingState)",
		"applyGradients",
		"getModelParameters",
		"setModelParameters",
		"getTrainingState",
		"setTrainingState",
	),
	modelName: constraint((v) => typeIs(v, "string") && v !== "", "a non-empty string"),
	maximumPendingUpdates: integerAtLeast(1),
};

function assertOptionalInteger(value: unknown, argName: string, low: number, where: string) {
	if (value !== undefined && !(isFiniteNumber(value) && value === math.floor(value) && value >= low)) {
		error(`[Hivemind] ${where}: ${argName} must be an integer ≥ ${low} or nil, got ${describeValue(value)}`, 3);
	}
}

/**
 * Applies children's gradients to the main parameters, each update identity at most once.
 * @example
 * const main = new DistributedGradients({ model: mainModel }); // the model's own step applies each round
 * main.addGradients(childGradients, childSampleCount, main.getVersion());
 * main.applyPending(); // or main.start() to apply on every Heartbeat
 */
export class DistributedGradients extends GuardedAggregator<Pending> {
	private readonly options: Readonly<
		Required<Omit<DistributedGradientsOptions, "onRejected" | "onError" | "model" | "modelName" | "maximumPendingUpdates">>
	>;
	private readonly optimizer: Optimizer;
	private readonly model: GradientStepModel | undefined;
	private states: { [entryName: string]: OptimizerState } = {};

	constructor(options?: DistributedGradientsOptions) {
		const defaults = {
			...UPDATE_GUARD_DEFAULTS,
			gradientChangeMode: "Descent",
			optimizer: "GradientDescent",
			learningRate: 0.1,
			averaging: "SampleWeighted",
		};
		const resolved = resolveOptions(`${WHERE}.new`, defaults as DistributedGradientsOptions, options, CONSTRAINTS);
		const model = (options as DistributedGradientsOptions | undefined)?.model;
		super(WHERE, resolved as UpdateGuardOptions, resolved.onError, {
			modelName: resolved.modelName ?? model?.modelName,
			maximumPendingUpdates: resolved.maximumPendingUpdates,
		});
		this.options = resolved as Required<DistributedGradientsOptions>;
		this.optimizer = createOptimizer(resolved.optimizer as Optimizer | string);
		this.model = model;
		if (model !== undefined) {
			const p = model.getModelParameters(true);
			if (p === undefined)
				error(
					`[Hivemind] ${WHERE}.new: options.model must have parameters (train it or setModelParameters first), got a model without any`,
					2,
				);
			this.mainParameters = p;
		}
	}

	protected backgroundTick() {
		if (this.queue.size() > 0) this.applyPending();
	}

	protected onDestroy() {
		this.states = {};
	}

	/** The main parameters as they are now (the model's own table when there is a model). */
	private current(): ModelParameters | undefined {
		if (this.model !== undefined) this.mainParameters = this.model.getModelParameters(true);
		return this.mainParameters;
	}

	/** Sets the main parameters (a deep copy unless `doNotDeepCopy`; into the model when there is one); a new structure resets the optimizer state. */
	setModelParameters(parameters: ModelParameters, doNotDeepCopy = false) {
		if (this.model !== undefined) {
			this.assertAlive("setModelParameters");
			this.assertIdle("setModelParameters");
			this.model.setModelParameters(parameters, doNotDeepCopy);
			this.current();
			return;
		}
		const previous = this.mainParameters;
		this.storeParameters(parameters, doNotDeepCopy, "setModelParameters");
		const names = (p: ModelParameters) =>
			parameterEntries(p)
				.map(([name, m]) => `${name}:${m.size()}×${m[0].size()}`)
				.join(",");
		if (previous === undefined || names(previous) !== names(parameters)) this.states = {};
	}

	/** The main parameters (a deep copy unless `doNotDeepCopy`), or undefined before they are set. */
	getModelParameters(doNotDeepCopy = false): ModelParameters | undefined {
		this.current();
		return this.readParameters(doNotDeepCopy);
	}

	/** `setModelParameters` under the name DistributedModelParameters and FederatedTrainer use. */
	setMainModelParameters(parameters: ModelParameters, doNotDeepCopy = false) {
		this.setModelParameters(parameters, doNotDeepCopy);
	}

	/** `getModelParameters` under the name DistributedModelParameters and FederatedTrainer use. */
	getMainModelParameters(doNotDeepCopy = false): ModelParameters | undefined {
		return this.getModelParameters(doNotDeepCopy);
	}

	/**
	 * Queues a child's gradients (summed over its `sampleCount` samples) computed from the main
	 * parameters of version `baseVersion` (default: the current version). Returns true when the
	 * update is queued (acknowledged: it will be applied or counted rejected, never lost), false
	 * when it was rejected (non-finite, wrong structure, norm too large, queue full: logged and
	 * counted). Throws, changing nothing, on bad arguments.
	 */
	addGradients(gradients: ModelParameters, sampleCount: number, baseVersion?: number): boolean {
		return this.queueGradients(gradients, sampleCount, baseVersion, undefined, "addGradients");
	}

	/**
	 * Queues the gradients of a wire-format update (`kind` "gradients", with its sample count), at
	 * most once per identity (kind, modelName, childId, round): a second delivery returns false,
	 * counted as a duplicate; a record of another model returns false, counted "otherModel".
	 */
	addUpdate(record: UpdateRecord<unknown>): boolean {
		this.assertAlive("addUpdate");
		const identity = this.admitRecord(record, "gradients", "addUpdate");
		if (identity === undefined) return false;
		return this.queueGradients(
			record.data as ModelParameters,
			fromAbsent(record.sampleCount) as number,
			fromAbsent(record.baseVersion),
			identity,
			"addUpdate",
		);
	}

	private queueGradients(
		gradients: ModelParameters,
		sampleCount: number,
		baseVersion: number | undefined,
		identity: UpdateIdentity | undefined,
		method: string,
	): boolean {
		const where = `${WHERE}.${method}`;
		this.assertAlive(method);
		this.assertPayloadTable(gradients, "gradients", method);
		if (sampleCount === undefined) error(`[Hivemind] ${where}: sampleCount must be given (the rows behind the summed gradients), got nil`, 3);
		assertOptionalInteger(sampleCount, "sampleCount", 1, where);
		assertOptionalInteger(baseVersion, "baseVersion", 0, where);
		if (baseVersion !== undefined && baseVersion > this.version) {
			error(`[Hivemind] ${where}: baseVersion must be ≤ the current version ${this.version}, got ${baseVersion}`, 3);
		}
		const reference = this.current() ?? this.requireStructure(method, "setModelParameters");
		if (this.queueFull()) return false;
		const norm = this.guard.screen(gradients, reference, "gradients");
		if (norm === undefined) return false;
		this.enqueue({ gradients: copyParameters(gradients), sampleCount, baseVersion: baseVersion ?? this.version, norm, identity });
		return true;
	}

	/**
	 * Applies the queued gradients as one round (in arrival order) and returns how many updates
	 * reached the main parameters. Stale ones are rejected or down-weighted by the staleness
	 * options. A step that would leave the parameters or the optimizer state non-finite is undone
	 * (parameters and optimizer state as before) and the round's updates counted rejected
	 * ("nonFinite"). The version advances when at least one applied. When the step throws, the
	 * round goes back to the queue (still pending) and the error is rethrown.
	 */
	applyPending(): number {
		this.assertAlive("applyPending");
		this.assertIdle("applyPending");
		const parameters = this.current() ?? this.requireStructure("applyPending", "setModelParameters");
		const round = this.queue;
		this.queue = [];
		const used = new Array<Pending>();
		const weights = new Array<number>();
		for (const entry of round) {
			const mismatch = this.guard.structureMismatch(entry.gradients, parameters, "gradients");
			if (mismatch !== undefined) {
				this.settleRejected(entry, "structure", mismatch);
				continue;
			}
			const [weight, staleMessage] = this.guard.staleWeight(this.version - entry.baseVersion, entry.baseVersion, this.version);
			if (weight === undefined) {
				this.settleRejected(entry, "stale", staleMessage);
				continue;
			}
			used.push(entry);
			weights.push(weight);
		}
		if (used.size() === 0) return 0;
		const [combined, count] = this.combine(used, weights);
		const overflow = plainDataProblem(combined, "the round's gradient");
		if (overflow !== undefined) {
			for (const entry of used) this.settleRejected(entry, "nonFinite", `${overflow} (the sum overflowed); nothing was applied`);
			return 0;
		}
		this.busy = true;
		const [ok, result] = pcall(() => this.step(parameters, combined, count));
		this.busy = false;
		if (!ok) {
			this.queue = [...used, ...this.queue];
			error(result, 0);
		}
		if (result !== undefined) {
			for (const entry of used) this.settleRejected(entry, "nonFinite", `the round's step would make ${result}; the step was undone`);
			return 0;
		}
		used.forEach((entry, i) => this.settleAccepted(entry, weights[i] < 1));
		this.version += 1;
		return used.size();
	}

	/** The round's gradient and its sample count for the step (see {@link GradientAveraging}). */
	private combine(used: Array<Pending>, weights: Array<number>): LuaTuple<[ModelParameters, number]> {
		const sign = this.options.gradientChangeMode === "Ascent" ? -1 : 1;
		const gradients = used.map((entry) => entry.gradients);
		if (this.options.averaging === "SampleWeighted" && weights.every((w) => w === 1)) {
			let total = 0;
			for (const entry of used) total += entry.sampleCount;
			return $tuple(
				zipParameters(gradients, (m) =>
					weightedSum(
						m,
						weights.map(() => sign),
					),
				),
				total,
			);
		}
		const mean = this.options.averaging === "Mean";
		let divisor = mean ? used.size() : 0;
		if (!mean) for (const entry of used) divisor += entry.sampleCount;
		const scaled = used.map((entry, i) => (mean ? (sign * weights[i]) / entry.sampleCount : sign * weights[i]));
		return $tuple(
			zipParameters(gradients, (m) =>
				weightedSum(
					m,
					scaled.map((w) => w / divisor),
				),
			),
			1,
		);
	}

	/** One step of the main model from a gradient summed over `count` samples; undone (returning what went non-finite) when it leaves anything non-finite. */
	private step(parameters: ModelParameters, combined: ModelParameters, count: number): string | undefined {
		const model = this.model;
		if (model !== undefined) {
			const before = model.getTrainingState();
			model.applyGradients(combined, count);
			const problem = plainDataProblem(model.getTrainingState(), "the model's training state");
			if (problem === undefined) return undefined;
			model.setTrainingState(before);
			return problem.gsub(" must be a finite number, got .*$", " non-finite")[0];
		}
		// Step on copies, commit only when every entry stepped and stayed finite.
		const gradientEntries = parameterEntries(combined);
		const steppedStates: { [entryName: string]: OptimizerState } = {};
		const stepped = parameterEntries(copyParameters(parameters));
		stepped.forEach(([name, matrix], i) => {
			const old = this.states[name];
			const state = old === undefined ? undefined : (table.clone(old) as OptimizerState);
			if (state !== undefined) for (const [key, value] of pairs(state)) if (!typeIs(value, "number")) state[key] = copy(value);
			const gradient = count === 1 ? (gradientEntries[i][1] as Matrix) : scale(gradientEntries[i][1] as Matrix, 1 / count);
			steppedStates[name] = this.optimizer.step(matrix, gradient, state, this.options.learningRate);
		});
		const problem = plainDataProblem({ parameters: stepped.map(([, m]) => m), optimizerStates: steppedStates }, "the main");
		if (problem !== undefined) return problem.gsub(" must be a finite number, got .*$", " non-finite")[0];
		parameterEntries(parameters).forEach(([, matrix], i) => copyInto(matrix, stepped[i][1]));
		this.states = steppedStates;
		return undefined;
	}

	/** Discards the queued gradients (counted as cleared in the statistics). */
	clearGradients() {
		this.discardQueue();
	}
}
