/** Adam: adaptive moment estimation. */
import { AdaptiveMoments, MOMENT_CONSTRAINTS, MOMENT_DEFAULTS, MomentOptions } from "./AdaptiveMoments";

/**
 * Adam (Kingma & Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − η·m̂/(√v̂ + ε) with
 * m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). Options `beta1` (0.9), `beta2` (0.999), `epsilon` (1e-8).
 * State: `{ t, m, v }`.
 * @example new LinearRegression({ optimizer: new Adam({ beta1: 0.9 }) })
 */
export class Adam extends AdaptiveMoments {
	/** Options: `{ beta1?, beta2?, epsilon? }`. */
	constructor(options?: Partial<MomentOptions>) {
		super("Adam", "adam", MOMENT_DEFAULTS, MOMENT_CONSTRAINTS, options);
	}
}
