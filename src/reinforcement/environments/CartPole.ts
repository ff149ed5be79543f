//!native
/**
 * Cart-pole balancing (Barto, Sutton & Anderson 1983) with the classic constants of OpenAI Gym's
 * CartPole: g = 9.8, cart 1.0 kg, pole 0.1 kg, half-length 0.5 m, force ±10 N, τ = 0.02 s
 * (Euler), failure at |x| > 2.4 or |θ| > 12°; reward 1 per step, episodes cut at `maximumSteps`
 * (200: "solved" is an average of 195 over 100 episodes). State [x, ẋ, θ, θ̇]; actions 0 push
 * left, 1 push right. Starts uniform in ±0.05.
 */
import { RandomGenerator } from "../../matrix/random";
import { Vector } from "../../matrix/types";
import { anyFinite, integerAtLeast } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { assertIndex, assertStateVector } from "../validate";
import { Environment, StepResult } from "../types";

const GRAVITY = 9.8;
const CART_MASS = 1.0;
const POLE_MASS = 0.1;
const TOTAL_MASS = CART_MASS + POLE_MASS;
const HALF_LENGTH = 0.5;
const POLE_MASS_LENGTH = POLE_MASS * HALF_LENGTH;
const FORCE = 10;
const TAU = 0.02;
const ANGLE_LIMIT = (12 * 2 * math.pi) / 360;
const POSITION_LIMIT = 2.4;

/** The cart-pole environment (seeded starts). */
export class CartPole implements Environment<Vector, number> {
	/** Size of a state (4). */
	readonly stateSize = 4;
	/** Number of actions (2). */
	readonly actionCount = 2;
	private readonly rng: RandomGenerator;
	private readonly maximumSteps: number;
	private state: Vector = [0, 0, 0, 0];
	private steps = 0;

	/** Options: `seed` (default 0) of the start states, `maximumSteps` (default 200). */
	constructor(options?: { seed?: number; maximumSteps?: number }) {
		const o = resolveOptions("CartPole.new", { seed: 0, maximumSteps: 200 }, options, { seed: anyFinite, maximumSteps: integerAtLeast(1) });
		this.rng = new RandomGenerator(o.seed);
		this.maximumSteps = o.maximumSteps;
	}

	/** A new start state, uniform in ±0.05 per component. */
	reset(): Vector {
		this.state = [0, 0, 0, 0].map(() => this.rng.uniform(-0.05, 0.05));
		this.steps = 0;
		return table.clone(this.state);
	}

	/** Puts the system in `state` (4 finite numbers; e.g. to replay a situation) without changing the step count. */
	setState(state: Vector) {
		this.state = table.clone(assertStateVector(state, 4, "CartPole.setState"));
	}

	/** One Euler step of 0.02 s with the force of `action`. */
	step(action: number): StepResult<Vector> {
		assertIndex(action, 2, "CartPole.step", "action");
		const [x, xDot, theta, thetaDot] = this.state;
		const force = action === 1 ? FORCE : -FORCE;
		const cos = math.cos(theta);
		const sin = math.sin(theta);
		const temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
		const thetaAcc = (GRAVITY * sin - cos * temp) / (HALF_LENGTH * (4 / 3 - (POLE_MASS * cos * cos) / TOTAL_MASS));
		const xAcc = temp - (POLE_MASS_LENGTH * thetaAcc * cos) / TOTAL_MASS;
		this.state = [x + TAU * xDot, xDot + TAU * xAcc, theta + TAU * thetaDot, thetaDot + TAU * thetaAcc];
		this.steps += 1;
		const failed = math.abs(this.state[0]) > POSITION_LIMIT || math.abs(this.state[2]) > ANGLE_LIMIT;
		const truncated = !failed && this.steps >= this.maximumSteps;
		return { state: table.clone(this.state), reward: 1, done: failed || truncated, truncated };
	}
}
