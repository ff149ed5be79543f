/** AdaMax: Adam with the infinity norm in place of the second moment. */
import { AdaptiveMoments, MOMENT_CONSTRAINTS, MOMENT_DEFAULTS, MomentOptions } from "./AdaptiveMoments";

/**
 * AdaMax (Kingma & Ba 2015, §7): u ← max(β₂u, |g|), w ← w − η·m̂/(u + ε). Options `beta1` (0.9),
 * `beta2` (0.999), `epsilon` (1e-8); the paper suggests η = 0.002. State: `{ t, m, v }` (v holds u).
 * @example new AdaMax({ beta1: 0.9, beta2: 0.999 })
 */
export class AdaMax extends AdaptiveMoments {
	/** Options: `{ beta1?, beta2?, epsilon? }`. */
	constructor(options?: Partial<MomentOptions>) {
		super("AdaMax", "adamax", MOMENT_DEFAULTS, MOMENT_CONSTRAINTS, options);
	}
}
