/** The ridge penalty. */
import { PENALTY_CONSTRAINTS, PENALTY_DEFAULTS, PenaltyOptions, WeightPenalty } from "./WeightPenalty";

/**
 * L2 (ridge, weight decay through the gradient): R(w) = ½λ·Σw² over the non-bias rows; gradient λ·w.
 * Options: `lambda` (≥ 0, default 0.01).
 * @example new L2({ lambda: 0.1 }).gradient([[1], [2]]) // [[0], [0.2]]: row 0 is the bias
 */
export class L2 extends WeightPenalty {
	/** Options: `{ lambda?: number }`. */
	constructor(options?: Partial<PenaltyOptions>) {
		super("L2", PENALTY_DEFAULTS, PENALTY_CONSTRAINTS, options, () => 0);
	}
}
