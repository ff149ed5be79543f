//!native
/** Gaussian exploration noise for continuous actions: a + N(0, σ²), clipped to the bounds. */
import { RandomGenerator } from "../../matrix/random";
import { Vector } from "../../matrix/types";
import { anyFinite, numberAbove } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";

/** Options of {@link GaussianNoise}. */
export interface GaussianNoiseOptions {
	/** σ ≥ 0. Default 0.1. */
	standardDeviation: number;
	/** Lowest action value after the noise. Default −1. */
	lowerBound: number;
	/** Highest action value after the noise. Default 1. */
	upperBound: number;
}

/** Adds independent N(0, σ²) noise to each action component and clips to [lowerBound, upperBound]. */
export class GaussianNoise {
	private readonly options: Readonly<GaussianNoiseOptions>;

	/** Noise with the given options (validated). */
	constructor(options?: Partial<GaussianNoiseOptions>) {
		this.options = resolveOptions("GaussianNoise.new", { standardDeviation: 0.1, lowerBound: -1, upperBound: 1 }, options, {
			standardDeviation: numberAbove(0, true),
			lowerBound: anyFinite,
			upperBound: anyFinite,
		});
	}

	/** `action` plus noise, clipped (a new vector). */
	apply(action: Vector, rng: RandomGenerator): Vector {
		const o = this.options;
		return action.map((a) => math.clamp(a + rng.normal(0, o.standardDeviation), o.lowerBound, o.upperBound));
	}

	/** No state: kept for the noise contract. */
	reset() {}
}
