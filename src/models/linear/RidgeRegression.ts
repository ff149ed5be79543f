/** Ridge regression solved exactly (penalized normal equations, the bias is not penalized). */
import { booleanValue, ConstraintTable, numberAbove } from "../../options";
import { StatisticsLinearOptions } from "./StatisticsLinearModel";
import { LeastSquaresModel } from "./LeastSquaresModel";

/** Options of `RidgeRegression`. */
export interface RidgeRegressionOptions extends StatisticsLinearOptions {
	/** λ, the penalty on the summed squared error ‖y − Xw‖² + λ‖w‖² (the bias is exempt): ≥ 0, default 1. */
	lambda: number;
}

const DEFAULTS: RidgeRegressionOptions = { fitIntercept: true, lambda: 1 };
const CONSTRAINTS: ConstraintTable<RidgeRegressionOptions> = { fitIntercept: booleanValue, lambda: numberAbove(0, true) };

/**
 * Minimises ‖Y − XW‖² + λ‖W′‖² exactly: (XᵀX + λI′)W = XᵀY, with I′ zero on the bias.
 * Mergeable like `NormalLinearRegression` (λ is added once, at finalization).
 * @example new RidgeRegression({ lambda: 0.5 }).train(X, y)
 */
export class RidgeRegression extends LeastSquaresModel<RidgeRegressionOptions> {
	constructor(options?: Partial<RidgeRegressionOptions>) {
		super("RidgeRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected penaltyStrength(): number {
		return this.options.lambda;
	}
}
