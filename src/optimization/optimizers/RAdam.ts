/** RAdam: Adam with the variance of the adaptive rate rectified in early steps. */
import { AdaptiveMoments, MOMENT_CONSTRAINTS, MOMENT_DEFAULTS, MomentOptions } from "./AdaptiveMoments";

/**
 * RAdam (Liu et al. 2020): plain momentum steps w ← w − η·m̂ while the approximated SMA length
 * ρₜ ≤ 5 (the first ~5 steps with β₂ = 0.999), then Adam steps scaled by the rectification r
 * (see `AdaptiveMoments`). Options `beta1` (0.9), `beta2` (0.999), `epsilon` (1e-8).
 * State: `{ t, m, v }`.
 * @example new RAdam()
 */
export class RAdam extends AdaptiveMoments {
	/** Options: `{ beta1?, beta2?, epsilon? }`. */
	constructor(options?: Partial<MomentOptions>) {
		super("RAdam", "radam", MOMENT_DEFAULTS, MOMENT_CONSTRAINTS, options);
	}
}
