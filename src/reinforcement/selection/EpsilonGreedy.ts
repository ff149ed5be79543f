//!native
/** ε-greedy action selection with a per-episode multiplicative decay (Sutton & Barto §2.2). */
import { RandomGenerator } from "../../matrix/random";
import { Vector } from "../../matrix/types";
import { numberBetween } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";

/** Options of {@link EpsilonGreedy}. */
export interface EpsilonGreedyOptions {
	/** Probability of a uniformly random action. Default 0.1. */
	epsilon: number;
	/** ε is multiplied by this at each episode end (`decay()`). Default 1 (no decay). */
	decayFactor: number;
	/** ε never decays below this. Default 0. */
	minimumEpsilon: number;
}

const DEFAULTS: EpsilonGreedyOptions = { epsilon: 0.1, decayFactor: 1, minimumEpsilon: 0 };
const CONSTRAINTS = { epsilon: numberBetween(0, 1), decayFactor: numberBetween(0, 1), minimumEpsilon: numberBetween(0, 1) };

/** The first index of the largest value (ties go to the lowest index). */
export function greedyIndex(values: Vector): number {
	let best = 0;
	for (const a of $range(1, values.size() - 1)) if (values[a] > values[best]) best = a;
	return best;
}

/** Chooses the greedy action with probability 1 − ε, otherwise a uniformly random one. */
export class EpsilonGreedy {
	private epsilon: number;
	private readonly options: Readonly<EpsilonGreedyOptions>;

	/** A selector with the given options (validated). */
	constructor(options?: Partial<EpsilonGreedyOptions>) {
		this.options = resolveOptions("EpsilonGreedy.new", DEFAULTS, options, CONSTRAINTS);
		this.epsilon = this.options.epsilon;
	}

	/** The current ε. */
	getEpsilon(): number {
		return this.epsilon;
	}

	/** An action index for `values` (one per action), drawing from `rng`. */
	select(values: Vector, rng: RandomGenerator): number {
		if (rng.nextFloat() < this.epsilon) return rng.integer(0, values.size() - 1);
		return greedyIndex(values);
	}

	/** π(a) for every action: ε/|A| each, plus 1 − ε on the greedy one. */
	probabilities(values: Vector): Vector {
		const count = values.size();
		const out = values.map(() => this.epsilon / count);
		out[greedyIndex(values)] += 1 - this.epsilon;
		return out;
	}

	/** ε ← max(minimumEpsilon, ε · decayFactor) (called by agents at each episode end). */
	decay() {
		this.epsilon = math.max(this.options.minimumEpsilon, this.epsilon * this.options.decayFactor);
	}
}
