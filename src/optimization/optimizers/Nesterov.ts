/** Gradient descent with Nesterov's accelerated momentum. */
import { VelocityOptimizer, VelocityOptions } from "./VelocityOptimizer";

/**
 * Nesterov momentum (the look-ahead form used by PyTorch and Keras): v ← μ·v + g,
 * w ← w − η·(g + μ·v). Options: `momentum` μ ∈ [0, 1) (default 0.9).
 * @example new Nesterov({ momentum: 0.95 })
 */
export class Nesterov extends VelocityOptimizer {
	/** Options: `{ momentum?: number }`. */
	constructor(options?: Partial<VelocityOptions>) {
		super("Nesterov", true, options);
	}
}
