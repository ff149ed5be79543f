/** AdaDelta: unit-corrected steps from running averages of squared gradients and updates. */
import { Matrix } from "../../matrix/types";
import { OptimizerState } from "./types";
import { BaseOptimizer } from "./BaseOptimizer";
import { adaDeltaKernel } from "./kernels";
import { RMS_CONSTRAINTS, RMSPropOptions } from "./RMSProp";

/** AdaDelta's options: RMSProp's two (ρ, the decay of both running averages: default 0.95; ε inside both square roots: default 1e-6). */
export type AdaDeltaOptions = RMSPropOptions;

const DEFAULTS: AdaDeltaOptions = { rho: 0.95, epsilon: 1e-6 };

/**
 * AdaDelta (Zeiler 2012): E[g²] ← ρE[g²] + (1−ρ)g², Δ = √(E[Δ²]+ε)/√(E[g²]+ε)·g,
 * E[Δ²] ← ρE[Δ²] + (1−ρ)Δ², w ← w − η·Δ. The paper has no learning rate: η scales Δ, and
 * η = 1 gives the paper's rule. State: `{ t, meanSquareGradient, meanSquareUpdate }`.
 * @example new AdaDelta({ rho: 0.9 }) // then train with learningRate 1
 */
export class AdaDelta extends BaseOptimizer<AdaDeltaOptions> {
	/** Options: `{ rho?: number, epsilon?: number }`. */
	constructor(options?: Partial<AdaDeltaOptions>) {
		super("AdaDelta", DEFAULTS, RMS_CONSTRAINTS, options, ["meanSquareGradient", "meanSquareUpdate"]);
	}

	/** The AdaDelta rule above, one pass. */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number) {
		const { rho, epsilon } = this.options;
		const meanSquareGradient = state.meanSquareGradient as Matrix;
		adaDeltaKernel(parameter, gradient, meanSquareGradient, state.meanSquareUpdate as Matrix, learningRate, rho, epsilon);
	}
}
