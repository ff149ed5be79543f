/** RMSProp: per-entry rates from a moving average of squared gradients. */
import { Matrix } from "../../matrix/types";
import { OptimizerState } from "./types";
import { ConstraintTable, numberAbove } from "../../options";
import { unitInterval } from "../helpers";
import { BaseOptimizer } from "./BaseOptimizer";
import { squaredAverageKernel } from "./kernels";

/** RMSProp's options, and AdaDelta's (the same two: a decay of running averages of squares, and ε). */
export interface RMSPropOptions {
	/** ρ, the decay of the squared-gradient average (AdaDelta: of both averages): [0, 1); default 0.9 (AdaDelta 0.95). */
	rho: number;
	/** ε added to √s (AdaDelta: inside both square roots): > 0; default 1e-8 (AdaDelta 1e-6). */
	epsilon: number;
}

/** The constraint table of `RMSPropOptions` (RMSProp and AdaDelta). */
export const RMS_CONSTRAINTS: ConstraintTable<RMSPropOptions> = { rho: unitInterval, epsilon: numberAbove(0) };

const DEFAULTS: RMSPropOptions = { rho: 0.9, epsilon: 1e-8 };

/**
 * RMSProp (Hinton's lecture 6e): s ← ρ·s + (1 − ρ)·g², w ← w − η·g / (√s + ε).
 * State: `{ t, meanSquare }`.
 * @example new RMSProp({ rho: 0.99 })
 */
export class RMSProp extends BaseOptimizer<RMSPropOptions> {
	/** Options: `{ rho?: number, epsilon?: number }`. */
	constructor(options?: Partial<RMSPropOptions>) {
		super("RMSProp", DEFAULTS, RMS_CONSTRAINTS, options, ["meanSquare"]);
	}

	/** s ← ρ·s + (1 − ρ)·g², w ← w − η·g / (√s + ε). */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number) {
		const { rho, epsilon } = this.options;
		squaredAverageKernel(parameter, gradient, state.meanSquare as Matrix, learningRate, rho, 1 - rho, epsilon);
	}
}
