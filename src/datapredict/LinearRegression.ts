/** DataPredict's `Models.LinearRegression` over Hivemind's `LinearRegression` (no intercept of its own: X carries the ones). */
import { Matrix } from "../matrix/types";
import { LinearRegression } from "../models/linear/LinearRegression";
import { argumentNames, GivenArguments } from "./arguments";
import { HivemindOptions, loopOptions } from "./DataPredictModel";
import { DataPredictGradientModel } from "./DataPredictGradientModel";

const NAMES = argumentNames(["maxNumberOfIterations", "maximumNumberOfIterations"], "learningRate", ["costFunction", "lossFunction"], "targetCost");

/** `LinearRegression.new(maxNumberOfIterations, learningRate, costFunction, targetCost)`; predict → n×1. */
export class DataPredictLinearRegression extends DataPredictGradientModel<LinearRegression> {
	constructor(...args: Array<unknown>) {
		super("LinearRegression", args);
	}
	protected argumentNames() {
		return NAMES;
	}
	protected defaults(): HivemindOptions {
		return { fitIntercept: false, isOutputPrinted: true };
	}
	protected translate(where: string, given: GivenArguments, into: HivemindOptions) {
		if (given.costFunction !== undefined) into.costFunction = given.costFunction;
		return loopOptions(where, given, into);
	}
	protected createModel(options: HivemindOptions) {
		return new LinearRegression(options);
	}

	/** The predicted values, n×1. */
	predict(featureMatrix: unknown): Matrix {
		return this.model.predict(featureMatrix) as Matrix;
	}
}
