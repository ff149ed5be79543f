/** The shared body of Momentum and Nesterov: one velocity matrix per parameter. */
import { Matrix } from "../../matrix/types";
import { OptimizerState } from "./types";
import { ConstraintTable } from "../../options";
import { unitInterval } from "../helpers";
import { BaseOptimizer } from "./BaseOptimizer";
import { velocityKernel } from "./kernels";

/** Options of Momentum and Nesterov. */
export interface VelocityOptions {
	/** μ, how much of the previous velocity is kept: [0, 1), default 0.9. */
	momentum: number;
}

const DEFAULTS: VelocityOptions = { momentum: 0.9 };
const CONSTRAINTS: ConstraintTable<VelocityOptions> = { momentum: unitInterval };

/**
 * Heavy-ball momentum, v ← μ·v + g, w ← w − η·v, optionally with Nesterov's look-ahead
 * w ← w − η·(g + μ·v). State: `{ t, velocity }`. Use the presets `Momentum` and `Nesterov`.
 */
export abstract class VelocityOptimizer extends BaseOptimizer<VelocityOptions> {
	/** Validates the preset's options (errors name `<name>.new`). */
	protected constructor(
		name: string,
		private readonly nesterov: boolean,
		options: Partial<VelocityOptions> | undefined,
	) {
		super(name, DEFAULTS, CONSTRAINTS, options, ["velocity"]);
	}

	/** v ← μ·v + g, then the plain or look-ahead step. */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number) {
		velocityKernel(parameter, gradient, state.velocity as Matrix, learningRate, this.options.momentum, this.nesterov);
	}
}
