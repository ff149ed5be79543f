/** DataPredict's `Models.NormalLinearRegression` over Hivemind's (exact least squares; X carries the ones). */
import { Matrix } from "../matrix/types";
import { NormalLinearRegression } from "../models/linear/NormalLinearRegression";
import { DataPredictModel, HivemindOptions } from "./DataPredictModel";

/** `NormalLinearRegression.new()`: no arguments; `train` solves the normal equations; predict → n×1. */
export class DataPredictNormalLinearRegression extends DataPredictModel<NormalLinearRegression> {
	constructor(...args: Array<unknown>) {
		super("NormalLinearRegression", args);
	}
	protected argumentNames() {
		return [];
	}
	protected defaults(): HivemindOptions {
		return { fitIntercept: false };
	}
	protected translate(_where: string, _given: object, into: HivemindOptions) {
		return into;
	}
	protected createModel(options: HivemindOptions) {
		return new NormalLinearRegression(options);
	}

	/** The predicted values, n×1. */
	predict(featureMatrix: unknown): Matrix {
		return this.model.predict(featureMatrix) as Matrix;
	}
}
