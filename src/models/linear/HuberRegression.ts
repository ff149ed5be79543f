/** Robust linear regression on the Huber loss (quadratic near 0, linear beyond delta). */
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable, numberAbove } from "../../options";
import { LinearRegressor } from "./LinearRegressor";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS, LinearModelOptions } from "./LinearModel";
import { SecondOrderSolver, solverConstraint, usesSecondOrder } from "./solvers/step";
import { huberScoreLoss } from "./solvers/scoreLosses";

/** Options of `HuberRegression`. */
export interface HuberRegressionOptions extends LinearModelOptions {
	/** The residual size where the loss turns linear: > 0, default 1. */
	delta: number;
	/** "Auto" (default: "Newton" unless a gradient-descent option such as `learningRate` is set), "Newton" (no learning rate; converges on unscaled data), "LBFGS" (limited-memory BFGS, Wolfe line search; best on scaled data) or "GradientDescent" (the `optimizer` with `learningRate`). */
	solver: string;
}

const DEFAULTS: HuberRegressionOptions = { ...LINEAR_DEFAULTS, delta: 1, solver: "Auto" };
const CONSTRAINTS: ConstraintTable<HuberRegressionOptions> = { ...LINEAR_CONSTRAINTS, delta: numberAbove(0), solver: solverConstraint("Newton") };

/**
 * Linear regression minimising the Huber loss: outliers pull the fit linearly, not quadratically.
 * Fitted by Newton's method (`solver`, default) or by gradient steps.
 * @example new HuberRegression({ delta: 1.5 }).train(X, y)
 */
export class HuberRegression extends LinearRegressor<HuberRegressionOptions> {
	constructor(options?: Partial<HuberRegressionOptions>) {
		super("HuberRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected trainingCost(): CostFunction {
		return createCost("Huber", { delta: this.options.delta });
	}

	protected secondOrderSolver(): SecondOrderSolver | undefined {
		if (!usesSecondOrder(this.options)) return undefined;
		return this.options.solver === "LBFGS" ? { kind: "LBFGS" } : { kind: "Newton", loss: huberScoreLoss(this.options.delta) };
	}

	protected curvatureBound(): number {
		return 1;
	}
}
