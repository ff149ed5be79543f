/** DataPredict's `Models.BinaryRegression` over Hivemind's `BinaryRegression` (labels 0/1; X carries the ones). */
import { Matrix } from "../matrix/types";
import { BinaryRegression } from "../models/linear/BinaryRegression";
import { describeValue } from "../core/describe";
import { argumentNames, GivenArguments } from "./arguments";
import { HivemindOptions, loopOptions } from "./DataPredictModel";
import { DataPredictGradientModel } from "./DataPredictGradientModel";
import { binaryResults } from "./results";

const NAMES = argumentNames(["maximumNumberOfIterations", "maxNumberOfIterations"], "learningRate", "binaryFunction", "costFunction");

/** DataPredict's binary functions Hivemind has (its links). */
const LINKS = ["Logistic", "Probit"];

/**
 * `BinaryRegression.new(maximumNumberOfIterations, learningRate, binaryFunction, costFunction)`:
 * binaryFunction "Logistic" (default) or "Probit", costFunction "BinaryCrossEntropy".
 */
export class DataPredictBinaryRegression extends DataPredictGradientModel<BinaryRegression> {
	constructor(...args: Array<unknown>) {
		super("BinaryRegression", args);
	}
	protected argumentNames() {
		return NAMES;
	}
	protected defaults(): HivemindOptions {
		return { fitIntercept: false, isOutputPrinted: true };
	}
	protected translate(where: string, given: GivenArguments, into: HivemindOptions) {
		const link = given.binaryFunction;
		if (link !== undefined) {
			if (!typeIs(link, "string") || !LINKS.includes(link))
				error(
					`[Hivemind] ${where}: binaryFunction must be "Logistic" or "Probit" (the binary functions Hivemind has), got ${describeValue(link)}`,
					4,
				);
			into.link = link;
		}
		const cost = given.costFunction;
		if (cost !== undefined && cost !== "BinaryCrossEntropy")
			error(`[Hivemind] ${where}: costFunction must be "BinaryCrossEntropy", got ${describeValue(cost)}`, 4);
		if (given.maximumNumberOfIterations !== undefined) given.maxNumberOfIterations = given.maximumNumberOfIterations;
		return loopOptions(where, given, into);
	}
	protected createModel(options: HivemindOptions) {
		return new BinaryRegression(options);
	}

	/** The predicted labels (n×1) and the predicted label's probability (n×1); with `returnOriginalOutput`, P(label 1) (n×1). */
	predict(featureMatrix: unknown, returnOriginalOutput?: boolean): LuaTuple<[Matrix, Matrix?]> {
		return binaryResults(this.model, featureMatrix, returnOriginalOutput);
	}
}
