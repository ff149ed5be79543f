/**
 * DataPredict's gradient-descent regressions beyond LinearRegression — `PoissonRegression`,
 * `QuantileRegression`, `HuberRegression` — over Hivemind's models of the same names: DataPredict's
 * arguments `maximumNumberOfIterations, learningRate, <the model's own>`, its optimizer and
 * regularizer methods (`DataPredictGradientModel`), no intercept of their own (X carries the
 * ones, so the weights are DataPredict's single d×1 matrix), predict → n×1.
 */
import { Matrix } from "../matrix/types";
import { LinearRegressor } from "../models/linear/LinearRegressor";
import { LinearModelOptions } from "../models/linear/LinearModel";
import { PoissonRegression } from "../models/linear/PoissonRegression";
import { QuantileRegression } from "../models/linear/QuantileRegression";
import { HuberRegression } from "../models/linear/HuberRegression";
import { describeValue } from "../core/describe";
import { argumentNames, GivenArguments, underName } from "./arguments";
import { HivemindOptions, loopOptions } from "./DataPredictModel";
import { DataPredictGradientModel } from "./DataPredictGradientModel";

/** One gradient regression: DataPredict's name, its third argument (if any) and how it maps. */
interface GradientRegressionSpec {
	readonly name: string;
	readonly extra?: string;
	readonly translate?: (where: string, value: unknown, into: HivemindOptions) => void;
	readonly create: (options: HivemindOptions) => LinearRegressor<LinearModelOptions>;
}

/** A DataPredict gradient regression object: DataPredict's gradient methods and `predict` → n×1. */
export type DataPredictGradientRegression = DataPredictGradientModel<LinearRegressor<LinearModelOptions>> & {
	predict(featureMatrix: unknown): Matrix;
};

/** A `Models` entry for the gradient regression `spec` describes. */
function gradientRegressionClass(spec: GradientRegressionSpec): new (...args: Array<unknown>) => DataPredictGradientRegression {
	const names = argumentNames(
		["maximumNumberOfIterations", "maxNumberOfIterations"],
		"learningRate",
		...(spec.extra === undefined ? [] : [spec.extra]),
	);
	return class extends DataPredictGradientModel<LinearRegressor<LinearModelOptions>> {
		constructor(...args: Array<unknown>) {
			super(spec.name, args);
		}
		protected argumentNames() {
			return names;
		}
		protected defaults(): HivemindOptions {
			// DataPredict trains these by gradient descent at its learning rate (not Hivemind's default Newton solver)
			return { fitIntercept: false, isOutputPrinted: true, solver: "GradientDescent" };
		}
		protected translate(where: string, given: GivenArguments, into: HivemindOptions) {
			if (given.maximumNumberOfIterations !== undefined) given.maxNumberOfIterations = given.maximumNumberOfIterations;
			if (spec.extra !== undefined && given[spec.extra] !== undefined) spec.translate?.(where, given[spec.extra], into);
			return loopOptions(where, given, into);
		}
		protected createModel(options: HivemindOptions) {
			return underName(`${this.where}.new`, () => spec.create(options));
		}

		/** The predicted values, n×1. */
		predict(featureMatrix: unknown): Matrix {
			return this.model.predict(featureMatrix);
		}
	};
}

/** `PoissonRegression.new(maximumNumberOfIterations, learningRate)`: log link, predict → exp(x·w). */
export const DataPredictPoissonRegression = gradientRegressionClass({
	name: "PoissonRegression",
	create: (options) => new PoissonRegression(options),
});

/** `QuantileRegression.new(maximumNumberOfIterations, learningRate, QuantilesList)`: one quantile (Hivemind fits one per model). */
export const DataPredictQuantileRegression = gradientRegressionClass({
	name: "QuantileRegression",
	extra: "QuantilesList",
	translate: (where, value, into) => {
		if (!typeIs(value, "table") || (value as Array<unknown>).size() !== 1 || !typeIs((value as Array<unknown>)[0], "number")) {
			error(
				`[Hivemind] ${where}: QuantilesList must be a list of one quantile (Hivemind fits one quantile per model; use one model per quantile), got ${describeValue(value)}`,
				5,
			);
		}
		into.quantile = (value as Array<number>)[0];
	},
	create: (options) => new QuantileRegression(options),
});

/** `HuberRegression.new(maximumNumberOfIterations, learningRate, delta)`. */
export const DataPredictHuberRegression = gradientRegressionClass({
	name: "HuberRegression",
	extra: "delta",
	translate: (_where, value, into) => {
		into.delta = value;
	},
	create: (options) => new HuberRegression(options),
});
