/** Gradient descent with heavy-ball momentum. */
import { VelocityOptimizer, VelocityOptions } from "./VelocityOptimizer";

/**
 * Momentum: v ← μ·v + g, w ← w − η·v. Options: `momentum` μ ∈ [0, 1) (default 0.9).
 * @example new Momentum({ momentum: 0.8 })
 */
export class Momentum extends VelocityOptimizer {
	/** Options: `{ momentum?: number }`. */
	constructor(options?: Partial<VelocityOptions>) {
		super("Momentum", false, options);
	}
}
