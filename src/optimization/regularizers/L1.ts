/** The lasso penalty. */
import { PENALTY_CONSTRAINTS, PENALTY_DEFAULTS, PenaltyOptions, WeightPenalty } from "./WeightPenalty";

/**
 * L1 (lasso): R(w) = λ·Σ|w| over the non-bias rows; gradient λ·sign(w) (0 at w = 0).
 * Options: `lambda` (≥ 0, default 0.01).
 * @example new L1({ lambda: 0.001 }).penalty([[0.5], [2], [-3]]) // 0.005: row 0 is the bias
 */
export class L1 extends WeightPenalty {
	/** Options: `{ lambda?: number }`. */
	constructor(options?: Partial<PenaltyOptions>) {
		super("L1", PENALTY_DEFAULTS, PENALTY_CONSTRAINTS, options, () => 1);
	}
}
