/** The generative adversarial network (Goodfellow et al. 2014) with the non-saturating generator loss. */
import { AdversarialModel, AdversarialRule } from "./AdversarialModel";
import { MINIMAX } from "./games";
import { ADVERSARIAL_CONSTRAINTS, ADVERSARIAL_DEFAULTS, AdversarialOptions } from "./options";

/** Options of `GenerativeAdversarialNetwork` (see `AdversarialOptions`). */
export type GenerativeAdversarialNetworkOptions = AdversarialOptions;

/**
 * A GAN: the discriminator outputs a logit and minimizes binary cross-entropy; the generator
 * minimizes −log σ(D(G(z))). Parameters: `generator.<l>` and `discriminator.<l>` weight matrices
 * (bias row first, as `NeuralNetwork`'s). `predict(X)` gives P(real) for each row.
 * @example
 * const gan = new GenerativeAdversarialNetwork({ maximumNumberOfIterations: 500, seed: 7 });
 * gan.train(sessionLengths);
 * const samples = gan.generate(100);
 */
export class GenerativeAdversarialNetwork extends AdversarialModel<GenerativeAdversarialNetworkOptions> {
	constructor(options?: Partial<GenerativeAdversarialNetworkOptions>) {
		super("GenerativeAdversarialNetwork", ADVERSARIAL_DEFAULTS, ADVERSARIAL_CONSTRAINTS, options, false);
	}

	protected rule(): AdversarialRule {
		return { game: MINIMAX };
	}
}
