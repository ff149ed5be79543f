/** The conditional Wasserstein GAN: the critic and the generator also see a one-hot condition label. */
import { AdversarialModel, AdversarialRule } from "./AdversarialModel";
import {
	ADVERSARIAL_CONSTRAINTS,
	ADVERSARIAL_DEFAULTS,
	AdversarialOptions,
	CONDITIONAL_CONSTRAINTS,
	ConditionalOptions,
	WASSERSTEIN_CONSTRAINTS,
	WASSERSTEIN_DEFAULTS,
	WassersteinOptions,
} from "./options";
import { wassersteinRule } from "./WassersteinGAN";

/** Options of `ConditionalWassersteinGAN`. */
export type ConditionalWassersteinGANOptions = AdversarialOptions & WassersteinOptions & ConditionalOptions;

/**
 * A conditional WGAN: `train(X, y)`, `generate(n, label)`, `predict(X, y)` (the penalty's
 * gradient norm is taken over the sample columns only).
 * @example
 * const wgan = new ConditionalWassersteinGAN({ variant: "WeightClipping" });
 * wgan.train(stats, classes);
 * const archers = wgan.generate(10, "archer");
 */
export class ConditionalWassersteinGAN extends AdversarialModel<ConditionalWassersteinGANOptions> {
	constructor(options?: Partial<ConditionalWassersteinGANOptions>) {
		super(
			"ConditionalWassersteinGAN",
			{ ...ADVERSARIAL_DEFAULTS, ...WASSERSTEIN_DEFAULTS, discriminatorSteps: 5 },
			{ ...ADVERSARIAL_CONSTRAINTS, ...WASSERSTEIN_CONSTRAINTS, ...CONDITIONAL_CONSTRAINTS },
			options,
			true,
		);
	}

	protected rule(): AdversarialRule {
		return wassersteinRule(this.options);
	}
}
