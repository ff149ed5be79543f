/** RProp: sign-based steps with per-entry adaptive step sizes. */
import { Matrix } from "../../matrix/types";
import { fillInPlace } from "../../matrix/inplace";
import { OptimizerState } from "./types";
import { ConstraintTable, numberAbove, numberBetween } from "../../options";
import { BaseOptimizer } from "./BaseOptimizer";
import { rpropKernel } from "./kernels";

/** RProp's options. */
export interface RPropOptions {
	/** η⁺, growth of a step while the gradient keeps its sign: > 1, default 1.2. */
	etaPlus: number;
	/** η⁻, shrink of a step when the gradient flips sign: in (0, 1), default 0.5. */
	etaMinus: number;
	/** Smallest step size: > 0, default 1e-6. */
	minimumStep: number;
	/** Largest step size: > 0 and ≥ minimumStep, default 50. */
	maximumStep: number;
}

const DEFAULTS: RPropOptions = { etaPlus: 1.2, etaMinus: 0.5, minimumStep: 1e-6, maximumStep: 50 };
const CONSTRAINTS: ConstraintTable<RPropOptions> = {
	etaPlus: numberAbove(1),
	etaMinus: numberBetween(0, 1, true),
	minimumStep: numberAbove(0),
	maximumStep: numberAbove(0),
};

/**
 * RProp (Riedmiller & Braun 1993, in the iRprop⁻ form of Igel & Hüsken 2000): only the sign of
 * each gradient entry is used. Each entry has its own step size Δ, starting at the learning rate
 * of the first step (clamped to [minimumStep, maximumStep]); later learning rates are ignored.
 * Same sign as last step: Δ ← min(η⁺Δ, maximumStep), w ← w − sign(g)·Δ. Sign flip:
 * Δ ← max(η⁻Δ, minimumStep) and the entry is not moved (its remembered gradient becomes 0).
 * Meant for full-batch training. State: `{ t, previousGradient, stepSize }`.
 * @example new RProp({ etaPlus: 1.2, etaMinus: 0.5 })
 */
export class RProp extends BaseOptimizer<RPropOptions> {
	/** Options: `{ etaPlus?, etaMinus?, minimumStep?, maximumStep? }`. */
	constructor(options?: Partial<RPropOptions>) {
		super("RProp", DEFAULTS, CONSTRAINTS, options, ["previousGradient", "stepSize"]);
		const { minimumStep, maximumStep } = this.options;
		if (minimumStep > maximumStep) {
			error(`[Hivemind] RProp.new: minimumStep must be ≤ maximumStep (${maximumStep}), got ${minimumStep}`, 2);
		}
	}

	/** The sign rule above, one pass (step sizes initialized on a fresh state). */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number, _t: number, fresh: boolean) {
		const { etaPlus, etaMinus, minimumStep, maximumStep } = this.options;
		const stepSize = state.stepSize as Matrix;
		if (fresh) fillInPlace(stepSize, math.clamp(learningRate, minimumStep, maximumStep));
		rpropKernel(parameter, gradient, state.previousGradient as Matrix, stepSize, etaPlus, etaMinus, minimumStep, maximumStep);
	}
}
