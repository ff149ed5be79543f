/**
 * The main model of gradient exchange: children send gradients (summed over their batch, see
 * DESIGN.md), the main model queues them, screens them (UpdateGuard), and applies each round
 * through its own optimizer (any optimizer of the library: Adam on the main model works).
 */
import { Matrix } from "../matrix/types";
import { copy } from "../matrix/creation";
import { copyInto } from "../matrix/inplace";
import { describeValue, isFiniteNumber } from "../core/describe";
import { copyParameters, ModelParameters, parameterEntries, zipParameters } from "../parameters/tree";
import { anyOf, callbackValue, constraint, numberAbove, objectWith, oneOf } from "../options/constraints";
import { resolveOptions } from "../options/resolve";
import { Optimizer, OptimizerState } from "../optimization/optimizers/types";
import { createOptimizer, OPTIMIZER_NAMES } from "../optimization/optimizers/createOptimizer";
import { weightedSum } from "./merging/combine";
import { UPDATE_GUARD_CONSTRAINTS, UPDATE_GUARD_DEFAULTS, UpdateGuardOptions } from "./UpdateGuard";
import { GuardedAggregator } from "./GuardedAggregator";
import { fromAbsent, UpdateRecord, validateUpdate } from "./wire";

/**
 * How a round's gradients are combined before the step: "Sum" (Σ wᵢgᵢ), "Mean" (Σ wᵢgᵢ / m for m
 * updates), "SampleWeighted" (Σ wᵢgᵢ / Σ nᵢ: with summed gradients, exactly the full-batch mean
 * gradient on the union of the children's data). wᵢ is 1 unless down-weighted for staleness.
 */
export type GradientAveraging = "Sum" | "Mean" | "SampleWeighted";

/** Options of {@link DistributedGradients}. */
export interface DistributedGradientsOptions extends Partial<UpdateGuardOptions> {
	/** "Descent" (default: minimize the children's cost) or "Ascent" (maximize it). */
	gradientChangeMode?: "Descent" | "Ascent";
	/** The main model's optimizer: an Optimizer or a name for `createOptimizer`. Default "GradientDescent". */
	optimizer?: Optimizer | string;
	/** The step size given to the optimizer. Default 0.1. */
	learningRate?: number;
	/** Default "SampleWeighted" (every update then needs its sample count). */
	averaging?: GradientAveraging;
	/** Called with the message of each failed background round (also see `onError`). */
	onError?: (message: string) => void;
}

interface Pending {
	gradients: ModelParameters;
	sampleCount: number | undefined;
	baseVersion: number;
	norm: number;
}

const WHERE = "DistributedGradients";

const CONSTRAINTS = {
	...UPDATE_GUARD_CONSTRAINTS,
	gradientChangeMode: oneOf("Descent", "Ascent"),
	optimizer: anyOf(
		constraint((v) => typeIs(v, "string") && OPTIMIZER_NAMES.some((n) => n.lower() === v.lower()), `one of the optimizer names (${OPTIMIZER_NAMES.join(", ")})`),
		objectWith("an Optimizer (optimizerName, step, getOptions)", "step", "getOptions"),
	),
	learningRate: numberAbove(0),
	averaging: oneOf("Sum", "Mean", "SampleWeighted"),
	onError: callbackValue,
};

function assertOptionalInteger(value: unknown, argName: string, low: number, where: string) {
	if (value !== undefined && !(isFiniteNumber(value) && value === math.floor(value) && value >= low)) {
		error(`[Hivemind] ${where}: ${argName} must be an integer ≥ ${low} or nil, got ${describeValue(value)}`, 3);
	}
}

/**
 * Applies children's gradients to the main parameters.
 * @example
 * const main = new DistributedGradients({ optimizer: "Adam", learningRate: 0.01 });
 * main.setModelParameters(model.getModelParameters()!);
 * main.addGradients(childGradients, childSampleCount, main.getVersion());
 * main.applyPending(); // or main.start() to apply on every Heartbeat
 */
export class DistributedGradients extends GuardedAggregator<Pending> {
	private readonly options: Readonly<Required<Omit<DistributedGradientsOptions, "onRejected" | "onError">>>;
	private readonly optimizer: Optimizer;
	private states: { [entryName: string]: OptimizerState } = {};

	constructor(options?: DistributedGradientsOptions) {
		const defaults = { ...UPDATE_GUARD_DEFAULTS, gradientChangeMode: "Descent", optimizer: "GradientDescent", learningRate: 0.1, averaging: "SampleWeighted" };
		const resolved = resolveOptions(`${WHERE}.new`, defaults as DistributedGradientsOptions, options, CONSTRAINTS);
		super(WHERE, resolved as UpdateGuardOptions, resolved.onError);
		this.options = resolved as Required<DistributedGradientsOptions>;
		this.optimizer = createOptimizer(resolved.optimizer as Optimizer | string);
	}

	protected backgroundTick() {
		if (this.queue.size() > 0) this.applyPending();
	}

	protected onDestroy() {
		this.states = {};
	}

	/** Sets the main parameters (a deep copy unless `doNotDeepCopy`); a new structure resets the optimizer state. */
	setModelParameters(parameters: ModelParameters, doNotDeepCopy = false) {
		const previous = this.mainParameters;
		this.storeParameters(parameters, doNotDeepCopy, "setModelParameters");
		const names = (p: ModelParameters) => parameterEntries(p).map(([name, m]) => `${name}:${m.size()}×${m[0].size()}`).join(",");
		if (previous === undefined || names(previous) !== names(parameters)) this.states = {};
	}

	/** The main parameters (a deep copy unless `doNotDeepCopy`), or undefined before they are set. */
	getModelParameters(doNotDeepCopy = false): ModelParameters | undefined {
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
	 * parameters of version `baseVersion` (default: the current version). Returns false when the
	 * update was rejected (non-finite, wrong structure, norm too large: logged and counted).
	 */
	addGradients(gradients: ModelParameters, sampleCount?: number, baseVersion?: number): boolean {
		const where = `${WHERE}.addGradients`;
		this.assertAlive("addGradients");
		if (!typeIs(gradients, "table")) error(`[Hivemind] ${where}: gradients must be a matrix, a list of matrices or a string-keyed table of matrices, got ${describeValue(gradients)}`, 2);
		assertOptionalInteger(sampleCount, "sampleCount", 1, where);
		assertOptionalInteger(baseVersion, "baseVersion", 0, where);
		if (sampleCount === undefined && this.options.averaging === "SampleWeighted") {
			error(`[Hivemind] ${where}: sampleCount must be given when averaging is "SampleWeighted" (or choose averaging "Mean" or "Sum"), got nil`, 2);
		}
		if (baseVersion !== undefined && baseVersion > this.version) {
			error(`[Hivemind] ${where}: baseVersion must be ≤ the current version ${this.version}, got ${baseVersion}`, 2);
		}
		if (this.mainParameters === undefined) error(`[Hivemind] ${where}: the main parameters must be set first (setModelParameters), got none`, 2);
		const norm = this.guard.screen(gradients, this.mainParameters, "gradients");
		if (norm === undefined) return false;
		this.queue.push({ gradients: copyParameters(gradients), sampleCount, baseVersion: baseVersion ?? this.version, norm });
		return true;
	}

	/** Queues the gradients of a wire-format update (`kind` "gradients"). */
	addUpdate(record: UpdateRecord<unknown>): boolean {
		const update = validateUpdate<ModelParameters>(record, `${WHERE}.addUpdate`);
		if (update.kind !== "gradients") error(`[Hivemind] ${WHERE}.addUpdate: record.kind must be "gradients", got "${update.kind}"`, 2);
		return this.addGradients(update.data, fromAbsent(update.sampleCount), fromAbsent(update.baseVersion));
	}

	/**
	 * Applies the queued gradients as one round (in arrival order), through the optimizer, and
	 * returns how many updates reached the main parameters. Stale ones are rejected or
	 * down-weighted by the staleness options; the version advances when at least one applied.
	 */
	applyPending(): number {
		const where = `${WHERE}.applyPending`;
		this.assertAlive("applyPending");
		const parameters = this.mainParameters;
		if (parameters === undefined) error(`[Hivemind] ${where}: the main parameters must be set first (setModelParameters), got none`, 2);
		const round = this.queue;
		this.queue = [];
		// Entries that can no longer be applied (too stale, or queued before the main parameters
		// changed structure) are rejected here, counted; the rest are applied or stay queued.
		const used = new Array<Pending>();
		const weights = new Array<number>();
		for (const entry of round) {
			const mismatch = this.guard.structureMismatch(entry.gradients, parameters, "gradients");
			if (mismatch !== undefined) {
				this.guard.rejectPending("structure", mismatch);
				continue;
			}
			const [weight, staleMessage] = this.guard.staleWeight(this.version - entry.baseVersion, entry.baseVersion, this.version);
			if (weight === undefined) {
				this.guard.rejectPending("stale", staleMessage);
				continue;
			}
			used.push(entry);
			weights.push(weight);
		}
		if (used.size() === 0) return 0;
		let divisor = 1;
		if (this.options.averaging === "Mean") divisor = used.size();
		if (this.options.averaging === "SampleWeighted") {
			divisor = 0;
			for (const entry of used) divisor += entry.sampleCount ?? 0;
		}
		const sign = this.options.gradientChangeMode === "Ascent" ? -1 : 1;
		const scaled = weights.map((w) => (sign * w) / divisor);
		const combined = zipParameters(
			used.map((entry) => entry.gradients),
			(matrices) => weightedSum(matrices, scaled),
		);
		// Step on copies, commit only when every entry stepped: a failing optimizer changes nothing
		// and the round goes back to the queue (still pending, not lost).
		const gradientEntries = parameterEntries(combined);
		const steppedStates: { [entryName: string]: OptimizerState } = {};
		const stepped = parameterEntries(copyParameters(parameters));
		const [ok, err] = pcall(() =>
			stepped.forEach(([name, matrix], i) => {
				const old = this.states[name];
				const state = old === undefined ? undefined : (table.clone(old) as OptimizerState);
				if (state !== undefined) for (const [key, value] of pairs(state)) if (!typeIs(value, "number")) state[key] = copy(value);
				steppedStates[name] = this.optimizer.step(matrix, gradientEntries[i][1] as Matrix, state, this.options.learningRate);
			}),
		);
		if (!ok) {
			this.queue = [...used, ...this.queue];
			error(err, 0);
		}
		parameterEntries(parameters).forEach(([, matrix], i) => copyInto(matrix, stepped[i][1]));
		this.states = steppedStates;
		used.forEach((entry, i) => this.guard.accept(entry.norm, weights[i] < 1));
		this.version += 1;
		return used.size();
	}

	/** Discards the queued gradients (counted as cleared in the statistics). */
	clearGradients() {
		this.discardQueue();
	}
}
