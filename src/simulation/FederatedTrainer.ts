/**
 * The one driver of several children in one process, under a schedule: behind `simulateTraining`
 * (`hivemind simulate`), the demo and replayable experiments. Parameters travel through a
 * DistributedModelParameters (the guard) and its ModelParametersMerger, gradients through a
 * DistributedGradients stepping with the main model's own step, so the exchange is exactly what
 * separate servers would do (every update screened by the same guard, counted).
 */
import { Matrix } from "../matrix/types";
import { assertDenseArray, assertMatrix, describeShape } from "../matrix/validate";
import { assertModelParameters, copyParameters, ModelParameters, zipParameters } from "../parameters/tree";
import { callbackValue, constraint, numberAbove, objectWith, oneOf } from "../options/constraints";
import { resolveOptions } from "../options/resolve";
import { weightedSum } from "../distributed/merging/combine";
import { ModelParametersMerger } from "../distributed/ModelParametersMerger";
import { DistributedGradients, GradientStepModel } from "../distributed/DistributedGradients";
import { DistributedModelParameters } from "../distributed/DistributedModelParameters";
import { GradientTrainable, ParameterExchanging } from "../models/base/capabilities";
import { createTrainingSchedule, isSynchronizationEpoch, sampleChildren, TrainingSchedule, shuffleShards } from "../distributed/schedules";
import { UpdateStatistics } from "../distributed/UpdateGuard";
import { Optimizer } from "../optimization/optimizers/types";
import { isOptimizer } from "../optimization/optimizers/createOptimizer";
import { describeValue } from "../core/describe";

/** A child that can also compute gradients (a gradient model of the library). */
export type GradientChildModel = ParameterExchanging & Pick<GradientTrainable, "computeGradients">;

/** Options of {@link FederatedTrainer}. */
export interface FederatedTrainerOptions {
	/** The schedule (options of `createTrainingSchedule`). */
	schedule?: Partial<TrainingSchedule>;
	/** "parameters" (children train, the main model merges) or "gradients" (children send gradients). Default "parameters". */
	payload?: "parameters" | "gradients";
	/** The merger of parameter payloads (default: SampleWeighted, i.e. FedAvg). */
	merger?: ModelParametersMerger;
	/**
	 * The main model of gradient payloads (it must have parameters): every round is its own step
	 * (`applyGradients`: optimizer state, regularizer, clipping, schedule). Without it, `optimizer`
	 * and `learningRate` step the parameters given to `setMainModelParameters`.
	 */
	model?: GradientStepModel;
	/** Print each rejected update with `warn`. Default true. */
	logRejections?: boolean;
	/** The main optimizer of gradient payloads without a model (default "GradientDescent"). */
	optimizer?: Optimizer | string;
	/** The main learning rate of gradient payloads. Default 0.1. */
	learningRate?: number;
	/** Called after each epoch with its report. */
	onEpoch?: (report: EpochReport) => void;
}

/** What happened in one epoch. */
export interface EpochReport {
	/** 0-based epoch. */
	epoch: number;
	/** The children that took part (0-based, ascending). */
	participants: Array<number>;
	/** True when the main parameters changed in this epoch. */
	updated: boolean;
}

const WHERE = "FederatedTrainer";

const CONSTRAINTS = {
	schedule: constraint((v) => typeIs(v, "table"), "a table of schedule options"),
	payload: oneOf("parameters", "gradients"),
	merger: constraint((v) => v instanceof ModelParametersMerger, "a ModelParametersMerger"),
	optimizer: constraint((v) => typeIs(v, "string") || isOptimizer(v), "an optimizer name or an Optimizer"),
	learningRate: numberAbove(0),
	onEpoch: callbackValue,
	model: objectWith(
		"a gradient model with parameters (applyGradients, getTrainingState)",
		"applyGradients",
		"getModelParameters",
		"setModelParameters",
		"getTrainingState",
		"setTrainingState",
	),
	logRejections: constraint((v) => typeIs(v, "boolean"), "a boolean"),
};

/**
 * Trains children on their own shards under a schedule and keeps the main parameters.
 * @example
 * const trainer = new FederatedTrainer({ schedule: { kind: "SynchronousEveryNEpochs", epochsPerSynchronization: 2 } });
 * shards.forEach(([X, y]) => trainer.addChild(new LinearRegression({ maximumNumberOfIterations: 5 }), X, y));
 * trainer.train(10);
 * const main = trainer.getMainModelParameters();
 */
export class FederatedTrainer {
	private readonly schedule: Readonly<TrainingSchedule>;
	private readonly payload: "parameters" | "gradients";
	private readonly merger: ModelParametersMerger;
	private readonly gradients: DistributedGradients | undefined;
	/** Parameter payloads pass the same guard as any server's (screened, counted), then merge. */
	private readonly guarded: DistributedModelParameters;
	private readonly onEpoch: ((report: EpochReport) => void) | undefined;
	private readonly children = new Array<ParameterExchanging>();
	private shards = new Array<[Matrix, Matrix]>();
	private mainParameters: ModelParameters | undefined;
	private readonly trainedSinceMerge = new Map<number, number>();
	private epoch = 0;

	constructor(options?: FederatedTrainerOptions) {
		const resolved = resolveOptions(
			`${WHERE}.new`,
			{ payload: "parameters", learningRate: 0.1 } as FederatedTrainerOptions,
			options,
			CONSTRAINTS,
		);
		this.schedule = createTrainingSchedule(resolved.schedule);
		this.payload = resolved.payload!;
		const kind = this.schedule.kind;
		const allowed =
			this.payload === "gradients" ? ["Synchronous", "AsynchronousGradients"] : ["Synchronous", "SynchronousEveryNEpochs", "AsynchronousMerge"];
		if (!allowed.includes(kind)) {
			error(`[Hivemind] ${WHERE}.new: schedule.kind must be one of ${allowed.join(", ")} for "${this.payload}" payloads, got "${kind}"`, 2);
		}
		this.merger = resolved.merger ?? new ModelParametersMerger({ mergeType: "SampleWeighted" });
		const logRejections = resolved.logRejections ?? true;
		if (this.payload === "gradients") {
			this.gradients = new DistributedGradients({
				model: (options as FederatedTrainerOptions | undefined)?.model,
				optimizer: resolved.optimizer ?? "GradientDescent",
				learningRate: resolved.learningRate,
				averaging: "SampleWeighted",
				stalenessBound: kind === "AsynchronousGradients" ? this.schedule.stalenessBound : math.huge,
				logRejections,
			});
		}
		this.guarded = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 1e9, pushToChildren: false, logRejections });
		this.guarded.setModelParametersMerger(this.merger);
		this.onEpoch = resolved.onEpoch;
	}

	/** Adds a child with its own shard (X: n×c; y: n×k, n labels, or nil for clustering); returns its 0-based index. */
	addChild(child: ParameterExchanging, X: Matrix, y?: Matrix | Array<unknown>): number {
		const where = `${WHERE}.addChild`;
		const needed =
			this.payload === "gradients"
				? ["train", "getModelParameters", "setModelParameters", "computeGradients"]
				: ["train", "getModelParameters", "setModelParameters"];
		if (!objectWith("a model", ...needed).check(child))
			error(`[Hivemind] ${where}: child must be a model with ${needed.join(", ")}, got ${describeValue(child)}`, 2);
		assertMatrix(X, "X", where);
		if (this.schedule.shuffleAcrossChildren || y !== undefined) {
			if (this.schedule.shuffleAcrossChildren) assertMatrix(y, "y (a matrix: shuffleAcrossChildren moves rows between children)", where);
			assertDenseArray(y, "y", "a matrix or an array of labels", where);
			if (X.size() !== y.size()) error(`[Hivemind] ${where}: y must have ${X.size()} rows like X, got ${describeShape(y)}`, 2);
		}
		this.children.push(child);
		this.shards.push([X, y as Matrix]);
		return this.children.size() - 1;
	}

	/** Sets the starting main parameters (a copy); gradient payloads need them before training. */
	setMainModelParameters(parameters: ModelParameters) {
		assertModelParameters(parameters, "parameters", `${WHERE}.setMainModelParameters`);
		this.gradients?.setModelParameters(parameters);
		this.guarded.setMainModelParameters(parameters);
		this.mainParameters = copyParameters(parameters);
	}

	/** The main parameters (a copy), or undefined before the first merge. */
	getMainModelParameters(): ModelParameters | undefined {
		if (this.gradients !== undefined) return this.gradients.getModelParameters();
		return this.mainParameters !== undefined ? copyParameters(this.mainParameters) : undefined;
	}

	/** The update counts (gradient payloads: of the DistributedGradients; parameter payloads: of the guard before each merge). */
	getStatistics(): UpdateStatistics | undefined {
		return this.gradients !== undefined ? this.gradients.getStatistics() : this.guarded.getStatistics();
	}

	/** Runs `numberOfEpochs` epochs; returns their reports. */
	train(numberOfEpochs: number): Array<EpochReport> {
		if (!typeIs(numberOfEpochs, "number") || numberOfEpochs < 1 || numberOfEpochs !== math.floor(numberOfEpochs)) {
			error(`[Hivemind] ${WHERE}.train: numberOfEpochs must be an integer ≥ 1, got ${describeValue(numberOfEpochs)}`, 2);
		}
		const reports = new Array<EpochReport>();
		for (const _ of $range(1, numberOfEpochs)) reports.push(this.runEpoch());
		return reports;
	}

	/** Runs one epoch under the schedule. */
	runEpoch(): EpochReport {
		const where = `${WHERE}.runEpoch`;
		if (this.children.size() === 0) error(`[Hivemind] ${where}: children must be added first (addChild), got none`, 2);
		if (this.payload === "gradients" && this.gradients!.getModelParameters(true) === undefined) {
			error(`[Hivemind] ${where}: gradient payloads need the main parameters first (setMainModelParameters), got none`, 2);
		}
		const epoch = this.epoch;
		if (this.schedule.shuffleAcrossChildren) this.shards = shuffleShards(this.shards, this.schedule.seed + 1, epoch);
		const participants = sampleChildren(this.schedule, epoch, this.children.size());
		const updated = this.payload === "gradients" ? this.gradientEpoch(participants) : this.parameterEpoch(participants, epoch);
		this.epoch += 1;
		const report = { epoch, participants, updated };
		this.onEpoch?.(report);
		return report;
	}

	private parameterEpoch(participants: Array<number>, epoch: number): boolean {
		const kind = this.schedule.kind;
		const start = this.mainParameters;
		const results = new Array<ModelParameters>();
		for (const index of participants) {
			const child = this.children[index];
			if (start !== undefined && kind !== "SynchronousEveryNEpochs") child.setModelParameters(copyParameters(start));
			const [X, y] = this.shards[index];
			child.train(X, y);
			const parameters = child.getModelParameters();
			if (parameters === undefined) error(`[Hivemind] ${WHERE}.runEpoch: child ${index} has no parameters after training, got nil`, 3);
			results.push(parameters);
			this.trainedSinceMerge.set(index, X.size());
		}
		if (kind === "AsynchronousMerge") {
			let updated = false;
			const rate = this.schedule.mixingRate;
			results.forEach((parameters, k) => {
				// Each result passes the guard alone; an accepted one is mixed into the main parameters.
				if (!this.offer(parameters, this.shards[participants[k]][0].size())) return;
				const main = this.mainParameters;
				const mixed = main === undefined ? parameters : zipParameters([main, parameters], (m) => weightedSum(m, [1 - rate, rate]));
				this.guarded.mergeQueued();
				this.guarded.setMainModelParameters(mixed);
				this.mainParameters = copyParameters(mixed);
				updated = true;
			});
			this.trainedSinceMerge.clear();
			return updated;
		}
		if (!isSynchronizationEpoch(this.schedule, epoch)) return false;
		const indices = new Array<number>();
		this.trainedSinceMerge.forEach((_, index) => indices.push(index));
		indices.sort();
		for (const index of indices) this.offer(this.children[index].getModelParameters()!, this.trainedSinceMerge.get(index)!);
		this.trainedSinceMerge.clear();
		if (this.guarded.mergeQueued() === 0) return false;
		this.mainParameters = this.guarded.getMainModelParameters();
		for (const child of this.children) child.setModelParameters(copyParameters(this.mainParameters!));
		return true;
	}

	/** Screens a child's parameters (the first child fixes the structure when nothing did); true when queued. */
	private offer(parameters: ModelParameters, sampleCount: number): boolean {
		if (this.guarded.getMainModelParameters(true) === undefined) this.guarded.setMainModelParameters(parameters);
		return this.guarded.addModelParameters(parameters, sampleCount);
	}

	private gradientEpoch(participants: Array<number>): boolean {
		const main = this.gradients!;
		const snapshot = main.getModelParameters()!;
		const baseVersion = main.getVersion();
		const before = main.getStatistics().accepted;
		for (const index of participants) {
			const child = this.children[index] as GradientChildModel;
			child.setModelParameters(copyParameters(snapshot));
			const [X, y] = this.shards[index];
			const [gradients, sampleCount] = child.computeGradients(X, y);
			main.addGradients(gradients, sampleCount, baseVersion);
			if (this.schedule.kind === "AsynchronousGradients") main.applyPending();
		}
		if (this.schedule.kind === "Synchronous") main.applyPending();
		return main.getStatistics().accepted > before;
	}
}
