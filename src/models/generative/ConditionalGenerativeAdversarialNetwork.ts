/** The conditional GAN (Mirza & Osindero 2014): both networks also see a one-hot condition label. */
import { AdversarialModel, AdversarialRule } from "./AdversarialModel";
import { MINIMAX } from "./games";
import { ADVERSARIAL_CONSTRAINTS, ADVERSARIAL_DEFAULTS, AdversarialOptions, CONDITIONAL_CONSTRAINTS, ConditionalOptions } from "./options";

/** Options of `ConditionalGenerativeAdversarialNetwork`. */
export type ConditionalGenerativeAdversarialNetworkOptions = AdversarialOptions & ConditionalOptions;

/**
 * A conditional GAN: `train(X, y)` with a condition label per row, `generate(n, label)`,
 * `predict(X, y)`. The generator's input is [z | one-hot(y)], the discriminator's [x | one-hot(y)].
 * @example
 * const gan = new ConditionalGenerativeAdversarialNetwork({ classesList: ["archer", "knight"] });
 * gan.train(stats, classes);
 * const knights = gan.generate(10, "knight");
 */
export class ConditionalGenerativeAdversarialNetwork extends AdversarialModel<ConditionalGenerativeAdversarialNetworkOptions> {
	constructor(options?: Partial<ConditionalGenerativeAdversarialNetworkOptions>) {
		super(
			"ConditionalGenerativeAdversarialNetwork",
			ADVERSARIAL_DEFAULTS,
			{ ...ADVERSARIAL_CONSTRAINTS, ...CONDITIONAL_CONSTRAINTS },
			options,
			true,
		);
	}

	protected rule(): AdversarialRule {
		return { game: MINIMAX };
	}
}
