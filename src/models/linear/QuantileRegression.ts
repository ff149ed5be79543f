/** Linear quantile regression on the pinball loss. */
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable, numberBetween, oneOf } from "../../options";
import { LinearRegressor } from "./LinearRegressor";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS, LinearModelOptions } from "./LinearModel";
import { SecondOrderSolver, usesSecondOrder } from "./solvers/step";
import { pinballScoreLoss } from "./solvers/scoreLosses";

/** Options of `QuantileRegression`. */
export interface QuantileRegressionOptions extends LinearModelOptions {
	/** The quantile τ to predict: in (0, 1), default 0.5 (the median). */
	quantile: number;
	/** "Auto" (default: "IRLS" unless a gradient-descent option such as `learningRate` is set), "IRLS" (iteratively reweighted least squares, no learning rate; converges on unscaled data) or "GradientDescent" (subgradient steps of the `optimizer`). */
	solver: string;
}

const DEFAULTS: QuantileRegressionOptions = { ...LINEAR_DEFAULTS, quantile: 0.5, solver: "Auto" };
const CONSTRAINTS: ConstraintTable<QuantileRegressionOptions> = {
	...LINEAR_CONSTRAINTS,
	quantile: numberBetween(0, 1, true),
	solver: oneOf("Auto", "IRLS", "GradientDescent"),
};

/**
 * Predicts the τ-quantile of y given X (the median by default), minimising the pinball loss by
 * iteratively reweighted least squares (`solver`, default) or by subgradient steps.
 * @example new QuantileRegression({ quantile: 0.9 }).train(X, y)
 */
export class QuantileRegression extends LinearRegressor<QuantileRegressionOptions> {
	constructor(options?: Partial<QuantileRegressionOptions>) {
		super("QuantileRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected trainingCost(): CostFunction {
		return createCost("Quantile", { tau: this.options.quantile });
	}

	protected secondOrderSolver(): SecondOrderSolver | undefined {
		const tau = this.options.quantile;
		return usesSecondOrder(this.options) ? { kind: "IRLS", loss: pinballScoreLoss(tau), tau } : undefined;
	}
}
