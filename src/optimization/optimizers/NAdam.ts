/** NAdam: Adam with Nesterov's look-ahead on the first moment. */
import { AdaptiveMoments, MOMENT_CONSTRAINTS, MOMENT_DEFAULTS, MomentOptions } from "./AdaptiveMoments";

/**
 * NAdam (Dozat 2016, with a constant β₁): like Adam, but the step uses the look-ahead moment
 * β₁m/(1−β₁ᵗ⁺¹) + (1−β₁)g/(1−β₁ᵗ) in place of m̂. Options `beta1` (0.9), `beta2` (0.999),
 * `epsilon` (1e-8). State: `{ t, m, v }`.
 * @example new NAdam({ beta2: 0.99 })
 */
export class NAdam extends AdaptiveMoments {
	/** Options: `{ beta1?, beta2?, epsilon? }`. */
	constructor(options?: Partial<MomentOptions>) {
		super("NAdam", "nadam", MOMENT_DEFAULTS, MOMENT_CONSTRAINTS, options);
	}
}
