//!native
/**
 * Ornstein–Uhlenbeck noise (temporally correlated, used by DDPG, Lillicrap et al. 2016):
 * x ← x + θ(μ − x)·dt + σ·√dt·N(0, 1), per action component.
 */
import { RandomGenerator } from "../../matrix/random";
import { Vector } from "../../matrix/types";
import { anyFinite, numberAbove } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";

/** Options of {@link OrnsteinUhlenbeckNoise}. */
export interface OrnsteinUhlenbeckNoiseOptions {
	/** θ ≥ 0, the pull towards μ. Default 0.15. */
	theta: number;
	/** σ ≥ 0, the noise scale. Default 0.2. */
	sigma: number;
	/** μ, the long-run mean. Default 0. */
	mean: number;
	/** dt > 0, the time step. Default 0.01. */
	timeStep: number;
}

/** A mean-reverting random process added to continuous actions; `reset()` at each episode start. */
export class OrnsteinUhlenbeckNoise {
	private readonly options: Readonly<OrnsteinUhlenbeckNoiseOptions>;
	private x: Vector = [];

	/** Noise with the given options (validated); the process starts at μ. */
	constructor(options?: Partial<OrnsteinUhlenbeckNoiseOptions>) {
		this.options = resolveOptions("OrnsteinUhlenbeckNoise.new", { theta: 0.15, sigma: 0.2, mean: 0, timeStep: 0.01 }, options, {
			theta: numberAbove(0, true),
			sigma: numberAbove(0, true),
			mean: anyFinite,
			timeStep: numberAbove(0),
		});
	}

	/** Advances the process one step and returns its value (a new vector of `size` components). */
	sample(size: number, rng: RandomGenerator): Vector {
		const o = this.options;
		if (this.x.size() !== size) this.x = table.create(size, o.mean);
		const x = this.x;
		for (const i of $range(0, size - 1)) {
			x[i] += o.theta * (o.mean - x[i]) * o.timeStep + o.sigma * math.sqrt(o.timeStep) * rng.normal(0, 1);
		}
		return table.clone(x);
	}

	/** `action` plus the next sample (a new vector). */
	apply(action: Vector, rng: RandomGenerator): Vector {
		const noise = this.sample(action.size(), rng);
		return action.map((a, i) => a + noise[i]);
	}

	/** Restarts the process at μ. */
	reset() {
		this.x = [];
	}
}
