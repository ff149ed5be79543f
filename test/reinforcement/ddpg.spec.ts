import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError } from "../support/numeric";
import { RandomGenerator } from "../../src/matrix/random";
import type { Matrix, Vector } from "../../src/matrix/types";
import { Environment, StepResult } from "../../src/reinforcement/types";
import { runEpisode } from "../../src/reinforcement/runEpisode";
import { OrnsteinUhlenbeckNoise } from "../../src/reinforcement/selection/OrnsteinUhlenbeckNoise";
import { DeepDeterministicPolicyGradient } from "../../src/reinforcement/continuous/DeepDeterministicPolicyGradient";

/** A continuous bandit: s ~ U(−1, 1), one action a ∈ [−1, 1], reward −(a − s/2)²; the optimal policy is μ*(s) = s/2. */
class ContinuousBandit implements Environment<Vector, Vector> {
	private s = 0;
	constructor(private readonly rng: RandomGenerator) {}
	reset(): Vector {
		this.s = this.rng.uniform(-1, 1);
		return [this.s];
	}
	step(action: Vector): StepResult<Vector> {
		return { state: [this.s], reward: -((action[0] - this.s / 2) ** 2), done: true, truncated: false };
	}
}

describe("DeepDeterministicPolicyGradient", () => {
	it("the actor gradient matches finite differences of Σ Q(s, μ(s)) in every actor weight", () => {
		const agent = new DeepDeterministicPolicyGradient({
			stateSize: 2,
			actionSize: 2,
			hiddenLayers: [3],
			activation: "Tanh",
			lowerBound: -2,
			upperBound: 3,
			seed: 4,
		});
		const states: Matrix = [
			[0.3, -0.8],
			[-0.5, 0.9],
			[1.2, 0.1],
		];
		const J = () => {
			let total = 0;
			for (const s of states) total += agent.actionValue(s, agent.policy(s));
			return total;
		};
		const analytic = agent.actorGradient(states);
		const base = agent.getModelParameters() as { [name: string]: Matrix };
		let checked = 0;
		analytic.forEach((g, l) => {
			const name = `Actor${l + 1}`;
			g.forEach((row, i) =>
				row.forEach((value, j) => {
					const shifted = (h: number) => {
						const p = { ...base, [name]: base[name].map((r) => table.clone(r)) };
						p[name][i][j] += h;
						agent.setModelParameters(p);
						return J();
					};
					expectClose(value, (shifted(1e-5) - shifted(-1e-5)) / 2e-5, 1e-5);
					checked += 1;
				}),
			);
		});
		agent.setModelParameters(base);
		expect(checked).toBe(3 * 3 + 4 * 2);
	});
	it("learns the continuous bandit's optimal policy μ*(s) = s/2 within 0.1 at s ∈ {−0.8, −0.4, 0, 0.4, 0.8} (seed 1, 800 episodes, OU noise)", () => {
		const agent = new DeepDeterministicPolicyGradient({
			stateSize: 1,
			actionSize: 1,
			hiddenLayers: [16],
			activation: "Tanh",
			learningRate: 0.005,
			criticLearningRate: 0.01,
			batchSize: 16,
			warmupSteps: 16,
			softUpdateRate: 0.05,
			noise: new OrnsteinUhlenbeckNoise({ sigma: 0.3, timeStep: 1, theta: 1 }),
			seed: 1,
		});
		const env = new ContinuousBandit(new RandomGenerator(7));
		for (const _ of $range(1, 800)) runEpisode(agent, env);
		const errors = [-0.8, -0.4, 0, 0.4, 0.8].map((s) => agent.policy([s])[0] - s / 2);
		print(`DDPG policy error at s = −0.8…0.8: ${errors.map((e) => string.format("%.3f", e)).join(", ")}`);
		for (const e of errors) expect(math.abs(e) < 0.1).toBe(true);
	});
	it("bad inputs are named", () => {
		expectError(
			() => new DeepDeterministicPolicyGradient({ stateSize: 2 }),
			"[Hivemind] DeepDeterministicPolicyGradient.new: options must give stateSize and actionSize",
		);
		expectError(
			() => new DeepDeterministicPolicyGradient({ stateSize: 1, actionSize: 1, lowerBound: 1, upperBound: 0 }),
			"upperBound must be a number > lowerBound (1), got 0",
		);
		const agent = new DeepDeterministicPolicyGradient({ stateSize: 2, actionSize: 1, hiddenLayers: [4] });
		expectError(
			() => agent.reinforce([1], 0),
			"[Hivemind] DeepDeterministicPolicyGradient.reinforce: state must be an array of 2 finite numbers, got a table",
		);
		expectError(() => agent.actionValue([1, 0], [0 / 0]), "action must be an array of 1 finite numbers");
	});
});
