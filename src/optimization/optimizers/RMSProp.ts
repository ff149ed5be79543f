/** RMSProp: per-entry rates from a moving average of squared gradients. */
import { Matrix } from "../../matrix/types";
import { OptimizerState } from "./types";
import { ConstraintTable, numberAbove } from "../../options";
import { unitInterval } from "../helpers";
import { BaseOptimizer } from "./BaseOptimizer";
import { squaredAverageKernel } from "./kernels";

/** RMSProp's options. */
export interface RMSPropOptions {
	/** ρ, the decay of the squared-gradient average: [0, 1), default 0.9. */
	rho: number;
	/** ε added to √s: > 0, default 1e-8. */
	epsilon: number;
}

const DEFAULTS: RMSPropOptions = { rho: 0.9, epsilon: 1e-8 };
const CONSTRAINTS: ConstraintTable<RMSPropOptions> = { rho: unitInterval, epsilon: numberAbove(0) };

/**
 * RMSProp (Hinton's lecture 6e): s ← ρ·s + (1 − ρ)·g², w ← w − η·g / (√s + ε).
 * State: `{ t, meanSquare }`.
 * @example new RMSProp({ rho: 0.99 })
 */
export class RMSProp extends BaseOptimizer<RMSPropOptions> {
	/** Options: `{ rho?: number, epsilon?: number }`. */
	constructor(options?: Partial<RMSPropOptions>) {
		super("RMSProp", DEFAULTS, CONSTRAINTS, options, ["meanSquare"]);
	}

	/** s ← ρ·s + (1 − ρ)·g², w ← w − η·g / (√s + ε). */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number) {
		const { rho, epsilon } = this.options;
		squaredAverageKernel(parameter, gradient, state.meanSquare as Matrix, learningRate, rho, 1 - rho, epsilon);
	}
}
