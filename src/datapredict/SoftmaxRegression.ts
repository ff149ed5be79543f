/** DataPredict's `Models.SoftmaxRegression` over Hivemind's `SoftmaxRegression` (X carries the ones). */
import { Matrix } from "../matrix/types";
import { SoftmaxRegression } from "../models/linear/SoftmaxRegression";
import { Label } from "../utilities/labels";
import { argumentNames, GivenArguments } from "./arguments";
import { HivemindOptions, loopOptions } from "./DataPredictModel";
import { DataPredictGradientModel } from "./DataPredictGradientModel";
import { labelsAndValues } from "./results";

const NAMES = argumentNames(["maxNumberOfIterations", "maximumNumberOfIterations"], "learningRate", "targetCost");

/** `SoftmaxRegression.new(maxNumberOfIterations, learningRate, targetCost)`. */
export class DataPredictSoftmaxRegression extends DataPredictGradientModel<SoftmaxRegression> {
	constructor(...args: Array<unknown>) {
		super("SoftmaxRegression", args);
	}
	protected argumentNames() {
		return NAMES;
	}
	protected defaults(): HivemindOptions {
		return { fitIntercept: false, isOutputPrinted: true };
	}
	protected translate(where: string, given: GivenArguments, into: HivemindOptions) {
		return loopOptions(where, given, into);
	}
	protected createModel(options: HivemindOptions) {
		return new SoftmaxRegression(options);
	}

	/** The predicted labels (n×1) and their probabilities (n×1); with `returnOriginalOutput`, every class's probability (n×k). */
	predict(featureMatrix: unknown, returnOriginalOutput?: boolean): LuaTuple<[Matrix, Matrix?]> {
		const [labels, probabilities] = this.model.predict(featureMatrix);
		if (returnOriginalOutput === true) return $tuple(probabilities);
		return labelsAndValues(labels, probabilities);
	}

	/** The classes in output-column order (nil before training unless set). */
	getClassesList(): Array<Label> | undefined {
		return this.model.getClassesList();
	}

	/** Sets the classes in output-column order (before training). */
	setClassesList(classesList: Array<Label>) {
		this.model.setParameters({ classesList });
	}
}
