/** The Wasserstein GAN: a critic instead of a classifier, with weight clipping or a gradient penalty. */
import { AdversarialModel, AdversarialRule } from "./AdversarialModel";
import { WASSERSTEIN } from "./games";
import {
	ADVERSARIAL_CONSTRAINTS,
	ADVERSARIAL_DEFAULTS,
	AdversarialOptions,
	WASSERSTEIN_CONSTRAINTS,
	WASSERSTEIN_DEFAULTS,
	WassersteinOptions,
} from "./options";

/** Options of `WassersteinGAN` (`discriminatorSteps` defaults to 5). */
export type WassersteinGANOptions = AdversarialOptions & WassersteinOptions;

/** The critic's rule from the Wasserstein options. */
export function wassersteinRule(o: WassersteinOptions): AdversarialRule {
	return o.variant === "WeightClipping" ? { game: WASSERSTEIN, clipValue: o.clipValue } : { game: WASSERSTEIN, penaltyWeight: o.penaltyWeight };
}

/**
 * A WGAN: the critic minimizes mean D(fake) − mean D(real) under a Lipschitz constraint, weight
 * clipping (Arjovsky et al. 2017) or the gradient penalty (Gulrajani et al. 2017); the generator
 * minimizes −mean D(G(z)). `predict(X)` gives the critic's values.
 * @example
 * const wgan = new WassersteinGAN({ variant: "GradientPenalty", penaltyWeight: 10 });
 * wgan.train(X);
 * const samples = wgan.generate(50);
 */
export class WassersteinGAN extends AdversarialModel<WassersteinGANOptions> {
	constructor(options?: Partial<WassersteinGANOptions>) {
		super(
			"WassersteinGAN",
			{ ...ADVERSARIAL_DEFAULTS, ...WASSERSTEIN_DEFAULTS, discriminatorSteps: 5 },
			{ ...ADVERSARIAL_CONSTRAINTS, ...WASSERSTEIN_CONSTRAINTS },
			options,
			false,
		);
	}

	protected rule(): AdversarialRule {
		return wassersteinRule(this.options);
	}
}
