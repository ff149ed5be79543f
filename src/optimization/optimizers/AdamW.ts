/** AdamW: Adam with decoupled weight decay. */
import { Matrix } from "../../matrix/types";
import { scaleInPlace } from "../../matrix/inplace";
import { OptimizerState } from "./types";
import { ConstraintTable, numberAbove } from "../../options";
import { AdaptiveMoments, MOMENT_CONSTRAINTS, MOMENT_DEFAULTS, MomentOptions } from "./AdaptiveMoments";

/** AdamW's options: Adam's and the decoupled weight decay. */
export interface AdamWOptions extends MomentOptions {
	/** λ, the decoupled decay: each step first shrinks w by the factor (1 − η·λ): ≥ 0, default 0.01. */
	weightDecay: number;
}

const DEFAULTS: AdamWOptions = { ...MOMENT_DEFAULTS, weightDecay: 0.01 };
const CONSTRAINTS: ConstraintTable<AdamWOptions> = { ...MOMENT_CONSTRAINTS, weightDecay: numberAbove(0, true) };

/**
 * AdamW (Loshchilov & Hutter 2019): w ← w − η·λ·w, then Adam's step. The decay does not pass
 * through the moment estimates, unlike an L2 penalty added to the gradient. It decays every entry,
 * bias rows included (as PyTorch's AdamW does for the parameters it is given).
 * Options `beta1` (0.9), `beta2` (0.999), `epsilon` (1e-8), `weightDecay` (0.01). State: `{ t, m, v }`.
 * @example new AdamW({ weightDecay: 0.05 })
 */
export class AdamW extends AdaptiveMoments<AdamWOptions> {
	/** Options: `{ beta1?, beta2?, epsilon?, weightDecay? }`. */
	constructor(options?: Partial<AdamWOptions>) {
		super("AdamW", "adam", DEFAULTS, CONSTRAINTS, options);
	}

	/** Decoupled decay, then Adam's step. */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number, t: number) {
		scaleInPlace(parameter, 1 - learningRate * this.options.weightDecay);
		super.update(parameter, gradient, state, learningRate, t);
	}
}
