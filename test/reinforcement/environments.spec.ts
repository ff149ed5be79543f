import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError } from "../support/numeric";
import { CartPole } from "../../src/reinforcement/environments/CartPole";
import { MountainCar } from "../../src/reinforcement/environments/MountainCar";
import { MultiArmedBandit } from "../../src/reinforcement/environments/MultiArmedBandit";

describe("environments", () => {
	it("cart-pole follows the classic equations (one Euler step by hand from θ = 0.1, pushing right)", () => {
		const env = new CartPole();
		env.reset();
		env.setState([0, 0, 0.1, 0]);
		// temp = (10 + 0) / 1.1; θ̈ = (9.8 sin 0.1 − cos 0.1 · temp) / (0.5 (4/3 − 0.1 cos² 0.1 / 1.1)); ẍ = temp − 0.05 θ̈ cos 0.1 / 1.1
		const r = env.step(1);
		const expected = [0, 0.19355619172742766, 0.1, -0.25953280098204656];
		r.state.forEach((v, i) => expectClose(v, expected[i], 1e-12, `state[${i}]`));
		expect(r.reward).toBe(1);
		expect(r.done).toBe(false);
		env.setState([0, 0, 0.21, 0]);
		expect(env.step(0).done).toBe(true); // |θ| > 12° = 0.2094 rad
		expectError(() => env.setState([0, 0]), "[Hivemind] CartPole.setState: state must be an array of 4 finite numbers");
	});
	it("mountain car follows Gym's update (one step by hand from x = −0.5 pushing right) and cuts episodes at 200 steps", () => {
		const env = new MountainCar();
		env.reset();
		env.setState([-0.5, 0]);
		const r = env.step(2);
		expectClose(r.state[0], -0.49917684300416926, 1e-12);
		expectClose(r.state[1], 0.0008231569958307428, 1e-12);
		env.reset();
		let steps = 0;
		let last = env.step(1);
		steps += 1;
		while (!last.done) {
			last = env.step(1);
			steps += 1;
		}
		expect(steps).toBe(200);
		expect(last.truncated).toBe(true);
	});
	it("the bandit pays N(q(a), 1): the mean of 4000 pulls is within 4 standard errors (0.063) of q", () => {
		const bandit = new MultiArmedBandit({ means: [0.5, -1], seed: 2 });
		let total = 0;
		for (const _ of $range(1, 4000)) total += bandit.pull(1);
		expect(math.abs(total / 4000 - -1) < 4 / math.sqrt(4000)).toBe(true);
		expectError(() => bandit.pull(2), "[Hivemind] MultiArmedBandit.pull: arm must be an integer in [0, 1], got 2");
	});
});
