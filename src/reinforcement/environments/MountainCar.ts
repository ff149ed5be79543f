//!native
/**
 * Mountain car (Moore 1990; Sutton & Barto §10.1) with Gym's constants: position ∈ [−1.2, 0.6],
 * velocity ∈ [−0.07, 0.07], v ← v + (a − 1)·0.001 − 0.0025·cos(3x), goal x ≥ 0.5; reward −1 per
 * step; starts at x uniform in [−0.6, −0.4], v = 0. Actions 0 push left, 1 none, 2 push right.
 */
import { RandomGenerator } from "../../matrix/random";
import { Vector } from "../../matrix/types";
import { anyFinite, integerAtLeast } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { assertIndex, assertStateVector } from "../validate";
import { Environment, StepResult } from "../types";

/** The mountain-car environment (seeded starts). */
export class MountainCar implements Environment<Vector, number> {
	/** Size of a state (2: position, velocity). */
	readonly stateSize = 2;
	/** Number of actions (3). */
	readonly actionCount = 3;
	private readonly rng: RandomGenerator;
	private readonly maximumSteps: number;
	private state: Vector = [0, 0];
	private steps = 0;

	/** Options: `seed` (default 0), `maximumSteps` (default 200). */
	constructor(options?: { seed?: number; maximumSteps?: number }) {
		const o = resolveOptions("MountainCar.new", { seed: 0, maximumSteps: 200 }, options, { seed: anyFinite, maximumSteps: integerAtLeast(1) });
		this.rng = new RandomGenerator(o.seed);
		this.maximumSteps = o.maximumSteps;
	}

	/** A new start state. */
	reset(): Vector {
		this.state = [this.rng.uniform(-0.6, -0.4), 0];
		this.steps = 0;
		return table.clone(this.state);
	}

	/** Puts the system in `state` (2 finite numbers; e.g. to replay a situation) without changing the step count. */
	setState(state: Vector) {
		this.state = table.clone(assertStateVector(state, 2, "MountainCar.setState"));
	}

	/** One step with the push of `action`. */
	step(action: number): StepResult<Vector> {
		assertIndex(action, 3, "MountainCar.step", "action");
		let [position, velocity] = this.state;
		velocity = math.clamp(velocity + (action - 1) * 0.001 - 0.0025 * math.cos(3 * position), -0.07, 0.07);
		position = math.clamp(position + velocity, -1.2, 0.6);
		if (position === -1.2 && velocity < 0) velocity = 0;
		this.state = [position, velocity];
		this.steps += 1;
		const reached = position >= 0.5;
		const truncated = !reached && this.steps >= this.maximumSteps;
		return { state: table.clone(this.state), reward: -1, done: reached || truncated, truncated };
	}
}
