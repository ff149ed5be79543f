/** Linear quantile regression on the pinball loss. */
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable, numberBetween } from "../../options";
import { LinearRegressor } from "./LinearRegressor";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS, LinearModelOptions } from "./LinearModel";

/** Options of `QuantileRegression`. */
export interface QuantileRegressionOptions extends LinearModelOptions {
	/** The quantile τ to predict: in (0, 1), default 0.5 (the median). */
	quantile: number;
}

const DEFAULTS: QuantileRegressionOptions = { ...LINEAR_DEFAULTS, quantile: 0.5 };
const CONSTRAINTS: ConstraintTable<QuantileRegressionOptions> = { ...LINEAR_CONSTRAINTS, quantile: numberBetween(0, 1, true) };

/**
 * Predicts the τ-quantile of y given X (the median by default) by (sub)gradient descent on the
 * pinball loss.
 * @example new QuantileRegression({ quantile: 0.9 }).train(X, y)
 */
export class QuantileRegression extends LinearRegressor<QuantileRegressionOptions> {
	constructor(options?: Partial<QuantileRegressionOptions>) {
		super("QuantileRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected trainingCost(): CostFunction {
		return createCost("Quantile", { tau: this.options.quantile });
	}
}
