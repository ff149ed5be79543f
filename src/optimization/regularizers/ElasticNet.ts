/** The elastic-net penalty: a mix of L1 and L2. */
import { ConstraintTable, numberBetween } from "../../options";
import { PENALTY_CONSTRAINTS, PENALTY_DEFAULTS, PenaltyOptions, WeightPenalty } from "./WeightPenalty";

/** ElasticNet's options. */
export interface ElasticNetOptions extends PenaltyOptions {
	/** r, the L1 share of the mix: [0, 1], default 0.5 (1 = L1, 0 = L2). */
	l1Ratio: number;
}

const DEFAULTS: ElasticNetOptions = { ...PENALTY_DEFAULTS, l1Ratio: 0.5 };
const CONSTRAINTS: ConstraintTable<ElasticNetOptions> = { ...PENALTY_CONSTRAINTS, l1Ratio: numberBetween(0, 1) };

/**
 * Elastic net (Zou & Hastie 2005, scikit-learn's scaling): R(w) = λ·(r·Σ|w| + ½(1 − r)·Σw²) over
 * the non-bias rows; gradient λ·(r·sign(w) + (1 − r)·w). Options: `lambda` (≥ 0, default 0.01),
 * `l1Ratio` (r ∈ [0, 1], default 0.5).
 * @example new ElasticNet({ lambda: 0.1, l1Ratio: 0.2 })
 */
export class ElasticNet extends WeightPenalty<ElasticNetOptions> {
	/** Options: `{ lambda?: number, l1Ratio?: number }`. */
	constructor(options?: Partial<ElasticNetOptions>) {
		super("ElasticNet", DEFAULTS, CONSTRAINTS, options, (o) => o.l1Ratio);
	}
}
