//!native
/** Gravity (Bahrami & Zadeh 2021): a kinematic step bounded by the largest gradient entry, averaged into a velocity. */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { OptimizerState } from "./types";
import { ConstraintTable, integerAtLeast, numberAbove } from "../../options";
import { unitInterval } from "../helpers";
import { BaseOptimizer } from "./BaseOptimizer";

/** Gravity's options. */
export interface GravityOptions {
	/** α: the initial velocity is drawn from N(0, (α/η)²), η the first step's learning rate: ≥ 0, default 0.01. */
	initialStepSize: number;
	/** β: the velocity's moving-average coefficient (its weight tends to β as t grows): [0, 1), default 0.9. */
	movingAverage: number;
	/** λ: added to the gradient as λ·w before the step (plain L2 decay, bias rows included): ≥ 0, default 0. */
	weightDecayRate: number;
	/** Seed of the initial velocity's draws (each parameter entry's fresh state starts the same stream): integer, default 42. */
	seed: number;
}

const DEFAULTS: GravityOptions = { initialStepSize: 0.01, movingAverage: 0.9, weightDecayRate: 0, seed: 42 };
const CONSTRAINTS: ConstraintTable<GravityOptions> = {
	initialStepSize: numberAbove(0, true),
	movingAverage: unitInterval,
	weightDecayRate: numberAbove(0, true),
	seed: integerAtLeast(-2147483648, 2147483647),
};

/**
 * Gravity ("Gravity Optimizer: a Kinematic Approach on Optimization in Deep Learning",
 * Bahrami & Zadeh 2021). With g the gradient (+ λ·w) of one parameter entry and M = max |gᵢⱼ|:
 * ζ = g / (1 + (g·M)²) (entry-wise; a step bounded by 1/(2M) in size, so a huge gradient cannot
 * throw the weights away), β̂ = (β·(t − 1) + 1) / (t + 1) for step t = 1, 2, …,
 * v ← β̂·v + (1 − β̂)·ζ, w ← w − η·v. The velocity starts random, N(0, (α/η)²), seeded.
 * A zero gradient gives ζ = 0. State: `{ t, velocity }`.
 * @example new Gravity({ initialStepSize: 0.01, movingAverage: 0.9 })
 */
export class Gravity extends BaseOptimizer<GravityOptions> {
	/** Options: `{ initialStepSize?, movingAverage?, weightDecayRate?, seed? }`. */
	constructor(options?: Partial<GravityOptions>) {
		super("Gravity", DEFAULTS, CONSTRAINTS, options, ["velocity"]);
	}

	/** The rule above; a fresh state's velocity is drawn first. */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number, t: number, fresh: boolean) {
		const { initialStepSize, movingAverage, weightDecayRate, seed } = this.options;
		const velocity = state.velocity as Matrix;
		const rows = parameter.size();
		const columns = parameter[0].size();
		if (fresh && initialStepSize > 0 && learningRate > 0) {
			const rng = new RandomGenerator(seed);
			const deviation = initialStepSize / learningRate;
			for (const i of $range(0, rows - 1)) {
				const vi = velocity[i];
				for (const j of $range(0, columns - 1)) vi[j] = rng.normal(0, deviation);
			}
		}
		let largest = 0;
		for (const i of $range(0, rows - 1)) {
			const gi = gradient[i];
			const pi = parameter[i];
			for (const j of $range(0, columns - 1)) largest = math.max(largest, math.abs(gi[j] + weightDecayRate * pi[j]));
		}
		const weight = (movingAverage * (t - 1) + 1) / (t + 1);
		for (const i of $range(0, rows - 1)) {
			const gi = gradient[i];
			const pi = parameter[i];
			const vi = velocity[i];
			for (const j of $range(0, columns - 1)) {
				const g = gi[j] + weightDecayRate * pi[j];
				const scaled = g * largest;
				const zeta = largest === 0 ? 0 : g / (1 + scaled * scaled);
				const v = weight * vi[j] + (1 - weight) * zeta;
				vi[j] = v;
				pi[j] -= learningRate * v;
			}
		}
	}
}
