/**
 * DataPredict's `Others.DistributedModelParameters` (1.x; 2.x `DistributedTrainingStrategies.
 * DistributedModelParametersCoordinator`) over Hivemind's: child models are numbered from 1 in
 * `train(featureMatrix, labelVector, modelNumber)`, and every queued update is merged when their
 * count reaches totalNumberOfChildModelUpdatesToUpdateMainModel.
 */
import { DistributedModelParameters } from "../distributed/DistributedModelParameters";
import type { ParameterExchanging } from "../models/base/capabilities";
import { Matrix } from "../matrix/types";
import { ModelParameters } from "../parameters";
import { describeValue } from "../core/describe";
import { argumentNames, readArguments, underName } from "./arguments";
import { DataPredictModelParametersMerger } from "./ModelParametersMerger";

const WHERE = "DataPredict.DistributedModelParameters";
const NAMES = argumentNames("totalNumberOfChildModelUpdatesToUpdateMainModel");

/** `DistributedModelParameters.new(totalNumberOfChildModelUpdatesToUpdateMainModel)` (default 100). */
export class DataPredictDistributedModelParameters {
	private main: DistributedModelParameters;
	private total: unknown = 100;
	private merger?: DataPredictModelParametersMerger;

	constructor(...args: Array<unknown>) {
		this.main = this.build(`${WHERE}.new`, args);
	}

	private build(where: string, args: Array<unknown>): DistributedModelParameters {
		const total = readArguments(where, NAMES, args).totalNumberOfChildModelUpdatesToUpdateMainModel ?? this.total;
		const result = underName(
			where,
			() =>
				new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: total as number, maximumNormMultiple: math.huge }),
		);
		this.total = total;
		return result as DistributedModelParameters;
	}

	/** Changes the number of updates per merge (only with no update waiting). */
	setParameters(...args: Array<unknown>) {
		const where = `${WHERE}.setParameters`;
		if (this.main.getPendingCount() > 0)
			error(`[Hivemind] ${where}: ${this.main.getPendingCount()} updates are waiting for a merge; change the count before adding updates`, 2);
		const replacement = this.build(where, args);
		const parameters = this.main.getMainModelParameters(true);
		if (parameters !== undefined) replacement.setMainModelParameters(parameters);
		if (this.merger !== undefined) replacement.setModelParametersMerger(this.merger.getMerger());
		for (const child of this.main.getModels()) replacement.addModel(child);
		this.main.destroy();
		this.main = replacement;
	}

	/** Queues a child's model parameters (merged once enough updates arrived). */
	addModelParameters(ModelParameters: ModelParameters) {
		this.main.addModelParameters(ModelParameters);
	}

	/** Adds a child model (a DataPredict model object); the first one added is model number 1. */
	addModel(Model: ParameterExchanging) {
		this.main.addModel(Model);
	}

	/** Trains child `modelNumber` (1-based) on the data and queues its parameters; returns its cost array. */
	train(featureMatrix: Matrix, labelVector: unknown, modelNumber: number): unknown {
		const count = this.main.getModels().size();
		if (!typeIs(modelNumber, "number") || modelNumber !== math.floor(modelNumber) || modelNumber < 1 || modelNumber > count) {
			error(`[Hivemind] ${WHERE}.train: modelNumber must be an integer in [1, ${count}] (1-based), got ${describeValue(modelNumber)}`, 2);
		}
		return this.main.train(featureMatrix, labelVector, modelNumber - 1);
	}

	/** Uses a DataPredict ModelParametersMerger at each merge (default: plain average). */
	setModelParametersMerger(ModelParametersMerger: DataPredictModelParametersMerger) {
		if (!(ModelParametersMerger instanceof DataPredictModelParametersMerger)) {
			error(
				`[Hivemind] ${WHERE}.setModelParametersMerger: ModelParametersMerger must be an object of Hivemind.DataPredict.Others.ModelParametersMerger, got ${describeValue(ModelParametersMerger)}`,
				2,
			);
		}
		this.main.setModelParametersMerger(ModelParametersMerger.getMerger());
		this.merger = ModelParametersMerger;
	}

	/** Sets the main parameters. */
	setMainModelParameters(MainModelParameters: ModelParameters, doNotDeepCopy?: boolean) {
		this.main.setMainModelParameters(MainModelParameters, doNotDeepCopy === true);
	}

	/** The main parameters (nil before the first merge or set). */
	getMainModelParameters(doNotDeepCopy?: boolean): ModelParameters | undefined {
		return this.main.getMainModelParameters(doNotDeepCopy === true);
	}

	/** Updates counted toward the next merge. */
	getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel(): number {
		return this.main.getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel();
	}

	/** Merges in the background (on Heartbeat) instead of inline. */
	start() {
		this.main.start();
	}

	/** Stops the background merging. */
	stop() {
		this.main.stop();
	}

	/** Discards the waiting updates (the main parameters stay). */
	reset() {
		this.main.reset();
	}

	/** The Hivemind DistributedModelParameters underneath. */
	getDistributedModelParameters(): DistributedModelParameters {
		return this.main;
	}

	/** Destroys the object. */
	destroy() {
		this.main.destroy();
	}
}
