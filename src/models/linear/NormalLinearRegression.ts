/** Ordinary least squares solved exactly (normal equations). */
import { booleanValue, ConstraintTable } from "../../options";
import { StatisticsLinearOptions } from "./StatisticsLinearModel";
import { LeastSquaresModel } from "./LeastSquaresModel";

/** Options of `NormalLinearRegression`. */
export type NormalLinearRegressionOptions = StatisticsLinearOptions;

const DEFAULTS: NormalLinearRegressionOptions = { fitIntercept: true };
const CONSTRAINTS: ConstraintTable<NormalLinearRegressionOptions> = { fitIntercept: booleanValue };

/**
 * Least squares in one exact solve, W = (XᵀX)⁻¹XᵀY (Cholesky; the minimum-norm solution when XᵀX
 * is singular). Mergeable: `computePartial` on each shard, `mergeLinearPartials`, `trainFromPartial`.
 * @example
 * const model = new NormalLinearRegression();
 * model.train([[1], [2], [3]], [3, 5, 7]); // y = 1 + 2x exactly
 */
export class NormalLinearRegression extends LeastSquaresModel<NormalLinearRegressionOptions> {
	constructor(options?: Partial<NormalLinearRegressionOptions>) {
		super("NormalLinearRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected penaltyStrength(): number {
		return 0;
	}
}
