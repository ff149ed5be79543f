/** Builds an agent's discrete action selector from its options. */
import { RandomGenerator } from "../../matrix/random";
import { Vector } from "../../matrix/types";
import { Boltzmann } from "./Boltzmann";
import { EpsilonGreedy } from "./EpsilonGreedy";

/** What an agent needs from a discrete selector: a choice, the policy's probabilities, a per-episode decay. */
export interface DiscreteSelector {
	/** An action index for `values`. */
	select(values: Vector, rng: RandomGenerator): number;
	/** π(a) for every action. */
	probabilities(values: Vector): Vector;
	/** The per-episode schedule step. */
	decay(): void;
}

/** The selection options every value-based agent takes. */
export interface SelectionOptions {
	/** "EpsilonGreedy" (default) or "Boltzmann". */
	selection: "EpsilonGreedy" | "Boltzmann";
	/** ε of ε-greedy. Default 0.1. */
	epsilon: number;
	/** ε ← ε·factor at each episode end. Default 1. */
	epsilonDecayFactor: number;
	/** ε's floor. Default 0. */
	minimumEpsilon: number;
	/** τ of Boltzmann selection. Default 1. */
	temperature: number;
}

/** The defaults of `SelectionOptions`. */
export const SELECTION_DEFAULTS: SelectionOptions = {
	selection: "EpsilonGreedy",
	epsilon: 0.1,
	epsilonDecayFactor: 1,
	minimumEpsilon: 0,
	temperature: 1,
};

/** The selector the options describe. */
export function createSelector(o: SelectionOptions): DiscreteSelector {
	if (o.selection === "Boltzmann") return new Boltzmann({ temperature: o.temperature });
	return new EpsilonGreedy({ epsilon: o.epsilon, decayFactor: o.epsilonDecayFactor, minimumEpsilon: o.minimumEpsilon });
}
