//!native
/** Boltzmann (softmax) action selection: π(a) ∝ exp(Q(a)/τ) (Sutton & Barto §13.1). */
import { RandomGenerator } from "../../matrix/random";
import { Vector } from "../../matrix/types";
import { numberAbove } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";

/** Options of {@link Boltzmann}. */
export interface BoltzmannOptions {
	/** τ > 0: high = near uniform, low = near greedy. Default 1. */
	temperature: number;
}

/** Softmax of `values / temperature` (shifted by the maximum, so it never overflows). */
export function softmaxOf(values: Vector, temperature = 1): Vector {
	let top = values[0];
	for (const v of values) top = math.max(top, v);
	const weights = values.map((v) => math.exp((v - top) / temperature));
	let total = 0;
	for (const w of weights) total += w;
	return weights.map((w) => w / total);
}

/** Draws an index from the probabilities `p` (summing to 1) with one uniform draw. */
export function sampleIndex(p: Vector, rng: RandomGenerator): number {
	const u = rng.nextFloat();
	let cumulative = 0;
	for (const i of $range(0, p.size() - 1)) {
		cumulative += p[i];
		if (u < cumulative) return i;
	}
	return p.size() - 1;
}

/** Chooses an action with probability proportional to exp(value / temperature). */
export class Boltzmann {
	private readonly options: Readonly<BoltzmannOptions>;

	/** A selector with the given temperature (validated). */
	constructor(options?: Partial<BoltzmannOptions>) {
		this.options = resolveOptions("Boltzmann.new", { temperature: 1 }, options, { temperature: numberAbove(0) });
	}

	/** π(a) for every action. */
	probabilities(values: Vector): Vector {
		return softmaxOf(values, this.options.temperature);
	}

	/** An action index drawn from `probabilities(values)`. */
	select(values: Vector, rng: RandomGenerator): number {
		return sampleIndex(this.probabilities(values), rng);
	}

	/** No schedule: kept for the selector contract. */
	decay() {}
}
