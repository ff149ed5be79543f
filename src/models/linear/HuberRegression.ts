/** Robust linear regression on the Huber loss (quadratic near 0, linear beyond delta). */
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable, numberAbove } from "../../options";
import { LinearRegressor } from "./LinearRegressor";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS, LinearModelOptions } from "./LinearModel";

/** Options of `HuberRegression`. */
export interface HuberRegressionOptions extends LinearModelOptions {
	/** The residual size where the loss turns linear: > 0, default 1. */
	delta: number;
}

const DEFAULTS: HuberRegressionOptions = { ...LINEAR_DEFAULTS, delta: 1 };
const CONSTRAINTS: ConstraintTable<HuberRegressionOptions> = { ...LINEAR_CONSTRAINTS, delta: numberAbove(0) };

/**
 * Linear regression minimising the Huber loss: outliers pull the fit linearly, not quadratically.
 * @example new HuberRegression({ delta: 1.5 }).train(X, y)
 */
export class HuberRegression extends LinearRegressor<HuberRegressionOptions> {
	constructor(options?: Partial<HuberRegressionOptions>) {
		super("HuberRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected trainingCost(): CostFunction {
		return createCost("Huber", { delta: this.options.delta });
	}
}
