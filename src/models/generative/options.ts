/** Options of the adversarial networks: the shared ones, the Wasserstein critic's, the conditional ones. */
import { booleanValue, constraint, ConstraintTable, frameBudgetMs, integerAtLeast, labelList, numberAbove, oneOf } from "../../options";
import { Optimizer } from "../../optimization/optimizers/types";
import { GRADIENT_CONSTRAINTS } from "../base/gradientOptions";
import { Label } from "../../utilities/labels";
import { ACTIVATION_NAMES, ActivationName } from "../neural/activations";

/** Options every adversarial network has. */
export interface AdversarialOptions {
	/** Size of the generator's noise input z ~ N(0, I): integer ≥ 1, default 4. */
	latentSize: number;
	/** Neurons of the generator's hidden layers: default {16, 16}. */
	generatorHiddenLayers: Array<number>;
	/** Neurons of the discriminator's (critic's) hidden layers: default {16, 16}. */
	discriminatorHiddenLayers: Array<number>;
	/** Activation of every hidden layer (outputs are linear): default "Tanh" (smooth, which the gradient penalty needs). */
	activation: ActivationName;
	/** Optimizer of both networks (a name or object): default "Adam". */
	optimizer: string | Optimizer;
	/** Step size of both networks: > 0, default 0.001. */
	learningRate: number;
	/** Generator steps per `train` call: integer ≥ 1, default 1000. */
	maximumNumberOfIterations: number;
	/** Real rows (and generated ones) per discriminator step: integer ≥ 1, default 32. */
	batchSize: number;
	/** Discriminator (critic) steps per generator step: integer ≥ 1, default 1 (Wasserstein: 5). */
	discriminatorSteps: number;
	/** Seed of the initial weights, the batches, the noise and `generate`: an integer, default 42. */
	seed: number;
	/** Also `task.wait()` every this many generator steps: default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train` (checked after each generator step): ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
	/** Prints `Iteration: n  Discriminator: d  Generator: g` each step: default false. */
	isOutputPrinted: boolean;
}

/** Options of the Wasserstein critic. */
export interface WassersteinOptions {
	/** "GradientPenalty" (Gulrajani et al. 2017) or "WeightClipping" (Arjovsky et al. 2017): default "GradientPenalty". */
	variant: "GradientPenalty" | "WeightClipping";
	/** Weight clipping: every critic weight is kept in [−c, c]: > 0, default 0.01. */
	clipValue: number;
	/** Gradient penalty: λ in λ·E[(‖∇D(x̂)‖ − 1)²]: ≥ 0, default 10. */
	penaltyWeight: number;
}

/** Options of the conditional networks. */
export interface ConditionalOptions {
	/** The condition labels in one-hot order: default discovered (sorted) at the first training. */
	classesList?: Array<Label>;
}

const sizes = constraint(
	(v) => typeIs(v, "table") && (v as Array<defined>).every((n) => typeIs(n, "number") && n >= 1 && n === math.floor(n)),
	"an array of integers ≥ 1 (possibly empty)",
);

/** Defaults of `AdversarialOptions` (Wasserstein models change `discriminatorSteps`). */
export const ADVERSARIAL_DEFAULTS: AdversarialOptions = {
	latentSize: 4,
	generatorHiddenLayers: [16, 16],
	discriminatorHiddenLayers: [16, 16],
	activation: "Tanh",
	optimizer: "Adam",
	learningRate: 0.001,
	maximumNumberOfIterations: 1000,
	batchSize: 32,
	discriminatorSteps: 1,
	seed: 42,
	yieldInterval: 0,
	isOutputPrinted: false,
};

/** Constraint table of `AdversarialOptions`. */
export const ADVERSARIAL_CONSTRAINTS: ConstraintTable<AdversarialOptions> = {
	latentSize: integerAtLeast(1),
	generatorHiddenLayers: sizes,
	discriminatorHiddenLayers: sizes,
	activation: oneOf(...ACTIVATION_NAMES.filter((name) => name !== "Softmax")),
	optimizer: GRADIENT_CONSTRAINTS.optimizer,
	learningRate: numberAbove(0),
	maximumNumberOfIterations: integerAtLeast(1),
	batchSize: integerAtLeast(1),
	discriminatorSteps: integerAtLeast(1),
	seed: GRADIENT_CONSTRAINTS.seed,
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
	isOutputPrinted: booleanValue,
};

/** Defaults of `WassersteinOptions`. */
export const WASSERSTEIN_DEFAULTS: WassersteinOptions = { variant: "GradientPenalty", clipValue: 0.01, penaltyWeight: 10 };

/** Constraint table of `WassersteinOptions`. */
export const WASSERSTEIN_CONSTRAINTS: ConstraintTable<WassersteinOptions> = {
	variant: oneOf("GradientPenalty", "WeightClipping"),
	clipValue: numberAbove(0),
	penaltyWeight: numberAbove(0, true),
};

/** Constraint table of `ConditionalOptions`. */
export const CONDITIONAL_CONSTRAINTS: ConstraintTable<ConditionalOptions> = { classesList: labelList };
