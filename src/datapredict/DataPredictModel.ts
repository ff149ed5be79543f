/**
 * The base of DataPredict's model objects in `Hivemind.DataPredict.Models`: each wraps one
 * Hivemind model (`getModel()`), reads DataPredict's constructor and `setParameters` arguments
 * (positional or one options table) and gives DataPredict's method names and result shapes.
 * DataPredict's data carries the bias as a leading column of ones, so the Hivemind models here
 * fit no intercept of their own: the parameters are DataPredict's, bias row first, as stored.
 */
import { BaseModel } from "../models/base/BaseModel";
import { Model } from "../models/base/capabilities";
import { ModelParameters } from "../parameters";
import { describeValue } from "../core/describe";
import { ArgumentName, GivenArguments, readArguments } from "./arguments";

/** Hivemind options built from DataPredict's arguments. */
export type HivemindOptions = { [option: string]: unknown };

/** Throws unless `value` is nil or a finite number ≥ 0 (DataPredict's targetCost), and gives Hivemind's `{−t, t}` band. */
export function targetCostBand(where: string, value: unknown): [number, number] | undefined {
	if (value === undefined) return undefined;
	if (!typeIs(value, "number") || !(value >= 0) || value === math.huge)
		error(`[Hivemind] ${where}: targetCost must be a finite number ≥ 0, got ${describeValue(value)}`, 4);
	return [-value, value];
}

/** The arguments every iterative DataPredict model starts with, mapped to the shared loop's options. */
export function loopOptions(where: string, given: GivenArguments, into: HivemindOptions): HivemindOptions {
	if (given.maxNumberOfIterations !== undefined) into.maximumNumberOfIterations = given.maxNumberOfIterations;
	if (given.learningRate !== undefined) into.learningRate = given.learningRate;
	const band = targetCostBand(where, given.targetCost);
	if (band !== undefined) into.targetCost = band;
	return into;
}

/** A DataPredict model object over a Hivemind model `M` (see the file comment). */
export abstract class DataPredictModel<M extends BaseModel<object>> {
	/** `"DataPredict.<Name>"`, the prefix of this object's own errors. */
	protected readonly where: string;
	/** The Hivemind model doing the work. */
	protected model: M;

	/** `name` DataPredict's model name; `args` the constructor's arguments. */
	protected constructor(name: string, args: Array<unknown>) {
		this.where = `DataPredict.${name}`;
		const given = readArguments(`${this.where}.new`, this.argumentNames(), args);
		this.model = this.createModel(this.translate(`${this.where}.new`, given, this.defaults()));
	}

	/** DataPredict's constructor arguments, in order. */
	protected abstract argumentNames(): ReadonlyArray<ArgumentName>;
	/** The Hivemind options of a new model before DataPredict's arguments are applied. */
	protected abstract defaults(): HivemindOptions;
	/** Adds the Hivemind options DataPredict's given arguments stand for to `into`. */
	protected abstract translate(where: string, given: GivenArguments, into: HivemindOptions): HivemindOptions;
	/** A new Hivemind model with these options. */
	protected abstract createModel(options: HivemindOptions): M;

	/** Trains on (featureMatrix, labelVector) and returns the cost array (DataPredict's `train`). */
	train(featureMatrix: unknown, labelVector?: unknown): Array<number> {
		return this.model.train(featureMatrix, labelVector) as Array<number>;
	}

	/** The parameters, DataPredict's layout (a deep copy unless `doNotDeepCopy`), or nil before training. */
	getModelParameters(doNotDeepCopy?: boolean): ModelParameters | undefined {
		return this.model.getModelParameters(doNotDeepCopy === true);
	}

	/** Sets the parameters (DataPredict's layout, as stored; nil clears them). */
	setModelParameters(parameters: ModelParameters | undefined, doNotDeepCopy?: boolean) {
		if (parameters === undefined) this.clearModelParameters();
		else this.model.setModelParameters(parameters, doNotDeepCopy === true);
	}

	/** Forgets the parameters (the next `train` starts afresh); the settings stay. */
	clearModelParameters() {
		const options = table.clone(this.model.getOptions()) as HivemindOptions;
		this.model.destroy();
		this.model = this.createModel(options);
	}

	/** Changes the settings, with the constructor's arguments (nil keeps a value). */
	setParameters(...args: Array<unknown>) {
		const where = `${this.where}.setParameters`;
		const given = readArguments(where, this.argumentNames(), args);
		(this.model as Model).setParameters(this.translate(where, given, {}));
	}

	/** Whether training prints `Iteration: n  Cost: c` (DataPredict prints by default). */
	setPrintOutput(option: boolean) {
		if (!typeIs(option, "boolean")) error(`[Hivemind] ${this.where}.setPrintOutput: option must be a boolean, got ${describeValue(option)}`, 2);
		if ((this.model.getOptions() as HivemindOptions).isOutputPrinted !== undefined)
			(this.model as Model).setParameters({ isOutputPrinted: option });
	}

	/** The Hivemind model underneath (its whole native API: distributed training, clone, …). */
	getModel(): M {
		return this.model;
	}

	/** Destroys the model. */
	destroy() {
		this.model.destroy();
	}
}
