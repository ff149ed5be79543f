import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError } from "../support/numeric";
import { RandomGenerator } from "../../src/matrix/random";
import { ReplayBuffer } from "../../src/reinforcement/replay/ReplayBuffer";
import { PrioritizedReplayBuffer } from "../../src/reinforcement/replay/PrioritizedReplayBuffer";
import { NStepAccumulator } from "../../src/reinforcement/replay/NStepAccumulator";
import { MultiArmedBandit } from "../../src/reinforcement/environments/MultiArmedBandit";
import { UpperConfidenceBound } from "../../src/reinforcement/selection/UpperConfidenceBound";
import { EpsilonGreedy } from "../../src/reinforcement/selection/EpsilonGreedy";
import { Boltzmann } from "../../src/reinforcement/selection/Boltzmann";
import { OrnsteinUhlenbeckNoise } from "../../src/reinforcement/selection/OrnsteinUhlenbeckNoise";
import { GaussianNoise } from "../../src/reinforcement/selection/GaussianNoise";

describe("replay buffers", () => {
	it("never hold more than their capacity and keep the newest items", () => {
		const buffer = new ReplayBuffer<number>({ capacity: 100 });
		const prioritized = new PrioritizedReplayBuffer<number>({ capacity: 100 });
		for (const i of $range(1, 250)) {
			buffer.add(i);
			prioritized.add(i, i % 7);
			expect(buffer.size() <= 100 && prioritized.size() <= 100).toBe(true);
		}
		expect(buffer.size()).toBe(100);
		const rng = new RandomGenerator(3);
		for (const item of buffer.sample(500, rng)) expect(item > 150).toBe(true);
		for (const item of prioritized.sample(500, rng).items) expect(item > 150).toBe(true);
	});
	it("sample in proportion to priority^α (χ² with 3 degrees of freedom below 16.27, p = 0.001) with importance weights (N·P)^−β / max", () => {
		const buffer = new PrioritizedReplayBuffer<string>({ capacity: 4, alpha: 1, beta: 1, epsilon: 1e-9 });
		["a", "b", "c", "d"].forEach((item, k) => buffer.add(item, k + 1));
		const counts = [0, 0, 0, 0];
		const sample = buffer.sample(20000, new RandomGenerator(11));
		sample.indices.forEach((slot) => (counts[slot] += 1));
		let chiSquare = 0;
		counts.forEach((observed, k) => {
			const expected = (20000 * (k + 1)) / 10;
			chiSquare += ((observed - expected) * (observed - expected)) / expected;
		});
		expect(chiSquare < 16.27).toBe(true);
		// P = 0.1, 0.2, 0.3, 0.4; w = (4P)^−1 / (4·0.1)^−1 = 0.1 / P
		sample.items.forEach((item, k) => expectClose(sample.weights[k], 0.1 / ((["a", "b", "c", "d"].indexOf(item) + 1) / 10), 1e-6));
		// α = 0.5: P ∝ √p after a TD-error update of slot 0 to |δ| = 15 (p = 15 + ε)
		const root = new PrioritizedReplayBuffer<string>({ capacity: 2, alpha: 0.5, epsilon: 1e-9 });
		root.add("x", 1);
		root.add("y", 1);
		root.updatePriorities([0], [-15]);
		expectClose(root.probability(0), math.sqrt(15) / (math.sqrt(15) + 1), 1e-8);
		expectError(
			() => root.updatePriorities([2], [1]),
			"[Hivemind] PrioritizedReplayBuffer.updatePriorities: indices[0] must be a stored slot in [0, 1], got 2",
		);
		expectError(() => root.add("z", -1), "[Hivemind] PrioritizedReplayBuffer.add: priority must be a finite number ≥ 0, got -1");
		expectError(
			() => new ReplayBuffer<number>().sample(1, new RandomGenerator(1)),
			"[Hivemind] ReplayBuffer.sample: the buffer must hold at least one item",
		);
		expectError(() => new ReplayBuffer<number>({ capacity: 0 }), "[Hivemind] ReplayBuffer.new: capacity must be an integer ≥ 1, got 0");
	});
	it("n-step transitions sum γᵏ rₖ and carry γⁿ (by hand: r = 1, 2, 3, γ = 0.5, n = 2)", () => {
		const acc = new NStepAccumulator<number, number>({ steps: 2, discountFactor: 0.5 });
		expect(acc.push({ state: 0, action: 0, reward: 1, nextState: 1, done: false, discount: 0.5 }).size()).toBe(0);
		const first = acc.push({ state: 1, action: 1, reward: 2, nextState: 2, done: false, discount: 0.5 });
		expect(first).toEqual([{ state: 0, action: 0, reward: 2, nextState: 2, done: false, discount: 0.25 }]);
		const rest = acc.push({ state: 2, action: 0, reward: 3, nextState: 3, done: true, discount: 0.5 });
		expect(rest).toEqual([
			{ state: 1, action: 1, reward: 3.5, nextState: 3, done: true, discount: 0.25 },
			{ state: 2, action: 0, reward: 3, nextState: 3, done: true, discount: 0.5 },
		]);
	});
});

/** Pseudo-regret Σ (q* − q(aₜ)) of a selector on a 10-armed testbed, at t = 1000 and t = 2000. */
function regret(choose: (estimates: Array<number>, rng: RandomGenerator) => number): [number, number] {
	const bandit = new MultiArmedBandit({ armCount: 10, seed: 5 });
	const means = bandit.getMeans();
	const best = bandit.optimalMean();
	const estimates = means.map(() => 0);
	const pulls = means.map(() => 0);
	const rng = new RandomGenerator(9);
	let total = 0;
	let atHalf = 0;
	for (const t of $range(1, 2000)) {
		const arm = choose(estimates, rng);
		const reward = bandit.pull(arm);
		pulls[arm] += 1;
		estimates[arm] += (reward - estimates[arm]) / pulls[arm];
		total += best - means[arm];
		if (t === 1000) atHalf = total;
	}
	return [atHalf, total];
}

describe("action selection", () => {
	it("UCB's regret grows sub-linearly: the second 1000 pulls cost less than half the first 1000; ε-greedy's grows linearly", () => {
		const ucb = new UpperConfidenceBound({ explorationWeight: 2 });
		const [ucbHalf, ucbTotal] = regret((q) => ucb.select(q));
		expect(ucbTotal - ucbHalf < 0.5 * ucbHalf).toBe(true);
		const greedy = new EpsilonGreedy({ epsilon: 0.1 });
		const [greedyHalf, greedyTotal] = regret((q, rng) => greedy.select(q, rng));
		expect(greedyTotal - greedyHalf > 0.5 * greedyHalf).toBe(true);
		expect(ucbTotal < greedyTotal).toBe(true);
	});
	it("ε-greedy decays to its floor, Boltzmann follows the softmax, OU noise without σ stays at μ, Gaussian noise stays in bounds", () => {
		const selector = new EpsilonGreedy({ epsilon: 0.5, decayFactor: 0.5, minimumEpsilon: 0.2 });
		selector.decay();
		expect(selector.getEpsilon()).toBe(0.25);
		selector.decay();
		expect(selector.getEpsilon()).toBe(0.2);
		selector.probabilities([0, 3, 1, 3]).forEach((p, a) => expectClose(p, a === 1 ? 0.85 : 0.05, 1e-12));
		const p = new Boltzmann({ temperature: 2 }).probabilities([0, math.log(4)]);
		expectClose(p[1], 2 / 3, 1e-12);
		// σ = 0: the process starts at μ and stays there
		const ou = new OrnsteinUhlenbeckNoise({ theta: 1, sigma: 0, mean: 1, timeStep: 0.5 });
		const rng = new RandomGenerator(1);
		expect(ou.sample(1, rng)).toEqual([1]);
		expect(
			new GaussianNoise({ standardDeviation: 10, lowerBound: -1, upperBound: 1 }).apply([0, 0, 0], rng).every((a) => a >= -1 && a <= 1),
		).toBe(true);
		expectError(() => new Boltzmann({ temperature: 0 }), "[Hivemind] Boltzmann.new: temperature must be a finite number > 0, got 0");
	});
});
