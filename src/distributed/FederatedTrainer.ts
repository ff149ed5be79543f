/**
 * Runs children in one process under a schedule: the driver behind demos and replayable
 * experiments. Parameters travel through a ModelParametersMerger, gradients through
 * DistributedGradients, so the exchange is exactly what separate servers would do (every update
 * is screened by the same guard).
 */
import { Matrix } from "../matrix/types";
import { assertMatrix, describeShape } from "../matrix/validate";
import { assertModelParameters, copyParameters, ModelParameters, zipParameters } from "../parameters/tree";
import { callbackValue, constraint, numberAbove, objectWith, oneOf } from "../options/constraints";
import { resolveOptions } from "../options/resolve";
import { weightedSum } from "./merging/combine";
import { ModelParametersMerger } from "./ModelParametersMerger";
import { DistributedGradients } from "./DistributedGradients";
import { ChildModel } from "./DistributedModelParameters";
import { createTrainingSchedule, isSynchronizationEpoch, sampleChildren, TrainingSchedule, shuffleShards } from "./schedules";
import { UpdateStatistics } from "./UpdateGuard";
import { Optimizer } from "../optimization/optimizers/types";
import { isOptimizer } from "../optimization/optimizers/createOptimizer";
import { describeValue } from "../core/describe";

/** A child that can also compute gradients (a gradient model of the library). */
export interface GradientChildModel extends ChildModel {
	computeGradients(X: unknown, y?: unknown): LuaTuple<[ModelParameters, number, number]>;
}

/** Options of {@link FederatedTrainer}. */
export interface FederatedTrainerOptions {
	/** The schedule (options of `createTrainingSchedule`). */
	schedule?: Partial<TrainingSchedule>;
	/** "parameters" (children train, the main model merges) or "gradients" (children send gradients). Default "parameters". */
	payload?: "parameters" | "gradients";
	/** The merger of parameter payloads (default: SampleWeighted, i.e. FedAvg). */
	merger?: ModelParametersMerger;
	/** The main optimizer of gradient payloads (default "GradientDescent"). */
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
	private readonly onEpoch: ((report: EpochReport) => void) | undefined;
	private readonly children = new Array<ChildModel>();
	private shards = new Array<[Matrix, Matrix]>();
	private mainParameters: ModelParameters | undefined;
	private readonly trainedSinceMerge = new Map<number, number>();
	private epoch = 0;

	constructor(options?: FederatedTrainerOptions) {
		const resolved = resolveOptions(`${WHERE}.new`, { payload: "parameters", learningRate: 0.1 } as FederatedTrainerOptions, options, CONSTRAINTS);
		this.schedule = createTrainingSchedule(resolved.schedule);
		this.payload = resolved.payload!;
		const kind = this.schedule.kind;
		const allowed = this.payload === "gradients" ? ["Synchronous", "AsynchronousGradients"] : ["Synchronous", "SynchronousEveryNEpochs", "AsynchronousMerge"];
		if (!allowed.includes(kind)) {
			error(`[Hivemind] ${WHERE}.new: schedule.kind must be one of ${allowed.join(", ")} for "${this.payload}" payloads, got "${kind}"`, 2);
		}
		this.merger = resolved.merger ?? new ModelParametersMerger({ mergeType: "SampleWeighted" });
		if (this.payload === "gradients") {
			this.gradients = new DistributedGradients({
				optimizer: resolved.optimizer ?? "GradientDescent",
				learningRate: resolved.learningRate,
				averaging: "SampleWeighted",
				stalenessBound: kind === "AsynchronousGradients" ? this.schedule.stalenessBound : math.huge,
			});
		}
		this.onEpoch = resolved.onEpoch;
	}

	/** Adds a child with its own shard (X: n×c, y: n×k); returns its 0-based index. */
	addChild(child: ChildModel, X: Matrix, y: Matrix): number {
		const where = `${WHERE}.addChild`;
		const needed = this.payload === "gradients" ? ["train", "getModelParameters", "setModelParameters", "computeGradients"] : ["train", "getModelParameters", "setModelParameters"];
		if (!objectWith("a model", ...needed).check(child)) error(`[Hivemind] ${where}: child must be a model with ${needed.join(", ")}, got ${describeValue(child)}`, 2);
		assertMatrix(X, "X", where);
		assertMatrix(y, "y", where);
		if (X.size() !== y.size()) error(`[Hivemind] ${where}: y must have ${X.size()} rows like X, got ${describeShape(y)}`, 2);
		this.children.push(child);
		this.shards.push([X, y]);
		return this.children.size() - 1;
	}

	/** Sets the starting main parameters (a copy); gradient payloads need them before training. */
	setMainModelParameters(parameters: ModelParameters) {
		assertModelParameters(parameters, "parameters", `${WHERE}.setMainModelParameters`);
		this.gradients?.setModelParameters(parameters);
		this.mainParameters = copyParameters(parameters);
	}

	/** The main parameters (a copy), or undefined before the first merge. */
	getMainModelParameters(): ModelParameters | undefined {
		if (this.gradients !== undefined) return this.gradients.getModelParameters();
		return this.mainParameters !== undefined ? copyParameters(this.mainParameters) : undefined;
	}

	/** The update counts of gradient payloads (undefined for parameter payloads, which are merged locally). */
	getStatistics(): UpdateStatistics | undefined {
		return this.gradients?.getStatistics();
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
			let main = start;
			const rate = this.schedule.mixingRate;
			for (const parameters of results) {
				main = main === undefined ? copyParameters(parameters) : zipParameters([main, parameters], (m) => weightedSum(m, [1 - rate, rate]));
			}
			this.mainParameters = main;
			this.trainedSinceMerge.clear();
			return true;
		}
		if (!isSynchronizationEpoch(this.schedule, epoch)) return false;
		const indices = new Array<number>();
		this.trainedSinceMerge.forEach((_, index) => indices.push(index));
		indices.sort();
		this.merger.setSampleCounts(indices.map((index) => this.trainedSinceMerge.get(index)!));
		this.mainParameters = this.merger.merge(indices.map((index) => this.children[index].getModelParameters()!));
		this.trainedSinceMerge.clear();
		for (const child of this.children) child.setModelParameters(copyParameters(this.mainParameters));
		return true;
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
