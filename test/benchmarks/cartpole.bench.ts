// Cart-pole (200-step episodes, the classic constants): DQN and PPO-Clip trained within a stated
// step budget, then their greedy policies scored over 100 fresh episodes (solved: average ≥ 195).
// Too long for `npm test`; run by `npm run bench:rl`, results recorded in BENCHMARKS.md.
import { describe, expect, it } from "../support/jest-globals.d";
import type { Vector } from "../../src/matrix/types";
import { CartPole } from "../../src/reinforcement/environments/CartPole";
import { DeepQLearning } from "../../src/reinforcement/deep/DeepQLearning";
import { ProximalPolicyOptimizationClip } from "../../src/reinforcement/policy/ProximalPolicyOptimizationClip";
import { ReinforcementAgent } from "../../src/reinforcement/types";

function argmax(v: Vector): number {
	let best = 0;
	for (const a of $range(1, v.size() - 1)) if (v[a] > v[best]) best = a;
	return best;
}

/** Trains until the last 20 training episodes average ≥ 195 or `budget` steps are spent; returns the steps used. */
function train(agent: ReinforcementAgent<Vector, number>, budget: number, label: string): number {
	const env = new CartPole({ seed: 1 });
	const recent = new Array<number>();
	let steps = 0;
	let episode = 0;
	while (steps < budget) {
		let state = env.reset();
		let reward = 0;
		let total = 0;
		for (;;) {
			const action = agent.reinforce(state, reward);
			const r = env.step(action);
			steps += 1;
			total += r.reward;
			if (r.done) {
				agent.episodeUpdate(r.reward, r.truncated ? r.state : undefined);
				break;
			}
			state = r.state;
			reward = r.reward;
		}
		episode += 1;
		recent.push(total);
		if (recent.size() > 20) recent.remove(0);
		let mean = 0;
		for (const x of recent) mean += x / recent.size();
		if (episode % 20 === 0) print(`${label}: episode ${episode}, steps ${steps}, mean of last 20 ${mean}`);
		if (recent.size() === 20 && mean >= 195) break;
	}
	return steps;
}

/** Average return of the greedy policy `choose` over 100 episodes (seed 2). */
function evaluate(choose: (state: Vector) => number): number {
	const env = new CartPole({ seed: 2 });
	let total = 0;
	for (const _ of $range(1, 100)) {
		let state = env.reset();
		for (;;) {
			const r = env.step(choose(state));
			total += r.reward;
			if (r.done) break;
			state = r.state;
		}
	}
	return total / 100;
}

describe("cart-pole", () => {
	it("DQN balances the pole: greedy average ≥ 195 over 100 episodes within 60000 training steps", () => {
		const agent = new DeepQLearning({
			stateSize: 4,
			actionCount: 2,
			hiddenLayers: [64],
			activation: "Tanh",
			learningRate: 0.001,
			discountFactor: 0.99,
			epsilon: 1,
			epsilonDecayFactor: 0.97,
			minimumEpsilon: 0.02,
			batchSize: 32,
			replayCapacity: 20000,
			warmupSteps: 500,
			targetUpdateInterval: 250,
			seed: 1,
		});
		const steps = train(agent, 60000, "DQN");
		const score = evaluate((s) => argmax(agent.actionValues(s)));
		print(`DQN: ${steps} training steps, greedy average over 100 episodes ${score}`);
		expect(score >= 195).toBe(true);
	});
	it("PPO-Clip balances the pole: greedy average ≥ 195 over 100 episodes within 100000 training steps", () => {
		const agent = new ProximalPolicyOptimizationClip({
			stateSize: 4,
			actionCount: 2,
			hiddenLayers: [32],
			activation: "Tanh",
			learningRate: 0.003,
			criticLearningRate: 0.005,
			discountFactor: 0.99,
			gaeLambda: 0.95,
			rolloutLength: 256,
			epochs: 4,
			clipRatio: 0.2,
			normalizeAdvantages: true,
			seed: 1,
		});
		const steps = train(agent, 100000, "PPO-Clip");
		const score = evaluate((s) => argmax(agent.actionProbabilities(s)));
		print(`PPO-Clip: ${steps} training steps, greedy average over 100 episodes ${score}`);
		expect(score >= 195).toBe(true);
	});
});
