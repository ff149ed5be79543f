/** DataPredict's `Models.LogisticRegression` over Hivemind's `LogisticRegression` (labels 0/1; X carries the ones). */
import { Matrix } from "../matrix/types";
import { LogisticRegression } from "../models/linear/LogisticRegression";
import { describeValue } from "../core/describe";
import { argumentNames, GivenArguments } from "./arguments";
import { HivemindOptions, loopOptions } from "./DataPredictModel";
import { DataPredictGradientModel } from "./DataPredictGradientModel";
import { binaryResults } from "./results";

const NAMES = argumentNames(["maxNumberOfIterations", "maximumNumberOfIterations"], "learningRate", "sigmoidFunction", "targetCost");

/** `LogisticRegression.new(maxNumberOfIterations, learningRate, sigmoidFunction, targetCost)`. */
export class DataPredictLogisticRegression extends DataPredictGradientModel<LogisticRegression> {
	constructor(...args: Array<unknown>) {
		super("LogisticRegression", args);
	}
	protected argumentNames() {
		return NAMES;
	}
	protected defaults(): HivemindOptions {
		// DataPredict trains these by gradient descent at its learning rate (not Hivemind's default Newton solver)
		return { fitIntercept: false, isOutputPrinted: true, solver: "GradientDescent" };
	}
	protected translate(where: string, given: GivenArguments, into: HivemindOptions) {
		const sigmoid = given.sigmoidFunction;
		if (sigmoid !== undefined && !(typeIs(sigmoid, "string") && sigmoid.lower() === "sigmoid")) {
			error(`[Hivemind] ${where}: sigmoidFunction must be "Sigmoid", got ${describeValue(sigmoid)}`, 4);
		}
		return loopOptions(where, given, into);
	}
	protected createModel(options: HivemindOptions) {
		return new LogisticRegression(options);
	}

	/**
	 * The predicted labels (n×1) and the probability of each predicted label (n×1); with
	 * `returnOriginalOutput`, the sigmoid outputs P(label 1) (n×1) only.
	 */
	predict(featureMatrix: unknown, returnOriginalOutput?: boolean): LuaTuple<[Matrix, Matrix?]> {
		return binaryResults(this.model, featureMatrix, returnOriginalOutput);
	}
}
