/** Option tables shared by the agents. */
import { anyFinite, integerAtLeast, numberAbove, numberBetween, oneOf } from "../options/constraints";

/** Constraints of `SelectionOptions`. */
export const SELECTION_CONSTRAINTS = {
	selection: oneOf("EpsilonGreedy", "Boltzmann"),
	epsilon: numberBetween(0, 1),
	epsilonDecayFactor: numberBetween(0, 1),
	minimumEpsilon: numberBetween(0, 1),
	temperature: numberAbove(0),
};

/** Constraints of the options every agent takes. */
export const AGENT_CONSTRAINTS = {
	actionCount: integerAtLeast(1),
	learningRate: numberAbove(0),
	discountFactor: numberBetween(0, 1),
	seed: anyFinite,
};
