/** Linear regression trained by gradient descent (the shared loop) on squared or absolute error. */
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable, oneOf } from "../../options";
import { LinearRegressor } from "./LinearRegressor";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS, LinearModelOptions } from "./LinearModel";

/** Options of `LinearRegression`. */
export interface LinearRegressionOptions extends LinearModelOptions {
	/** "MeanSquaredError" (default) or "MeanAbsoluteError" (aliases "MSE", "MAE"). */
	costFunction: string;
}

const DEFAULTS: LinearRegressionOptions = { ...LINEAR_DEFAULTS, costFunction: "MeanSquaredError" };
const CONSTRAINTS: ConstraintTable<LinearRegressionOptions> = {
	...LINEAR_CONSTRAINTS,
	costFunction: oneOf("MeanSquaredError", "MeanAbsoluteError", "MSE", "MAE"),
};

/**
 * y ≈ b + X·w by gradient descent on the mean squared (or absolute) error, with any optimizer and
 * regularizer. Multi-output when y is n×k.
 * @example
 * const model = new LinearRegression({ learningRate: 0.05, maximumNumberOfIterations: 1000 });
 * model.train([[1], [2], [3]], [2, 4, 6]);
 * model.predict([[4]]); // ≈ [[8]]
 */
export class LinearRegression extends LinearRegressor<LinearRegressionOptions> {
	constructor(options?: Partial<LinearRegressionOptions>) {
		super("LinearRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected trainingCost(): CostFunction {
		return createCost(this.options.costFunction);
	}

	protected curvatureBound(): number | undefined {
		const name = this.options.costFunction;
		return name === "MeanSquaredError" || name === "MSE" ? 2 : undefined;
	}
}
