import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError } from "../support/numeric";
import { RandomGenerator } from "../../src/matrix/random";
import { runEpisode } from "../../src/reinforcement/runEpisode";
import { CueTask } from "../support/rlTasks";
import { discountedReturns, generalizedAdvantages } from "../../src/reinforcement/policy/advantages";
import { PolicyAgent } from "../../src/reinforcement/policy/PolicyAgent";
import { REINFORCE } from "../../src/reinforcement/policy/REINFORCE";
import { VanillaPolicyGradient } from "../../src/reinforcement/policy/VanillaPolicyGradient";
import { ActorCritic } from "../../src/reinforcement/policy/ActorCritic";
import { AdvantageActorCritic } from "../../src/reinforcement/policy/AdvantageActorCritic";
import { ProximalPolicyOptimization } from "../../src/reinforcement/policy/ProximalPolicyOptimization";
import { ProximalPolicyOptimizationClip } from "../../src/reinforcement/policy/ProximalPolicyOptimizationClip";

describe("policy-gradient agents", () => {
	it("returns and GAE match the hand computation (r = 1, 0, 2; γ = 0.5; V = 1, 2, 3, bootstrap 4)", () => {
		expect(discountedReturns([1, 0, 2], 0.5)).toEqual([1.5, 1, 2]);
		// δ = 1 + 1 − 1 = 1, 0 + 1.5 − 2 = −0.5, 2 + 2 − 3 = 1; λ = 1: Â = δ₀ + 0.5δ₁ + 0.25δ₂ = 1
		expect(generalizedAdvantages([1, 0, 2], [1, 2, 3, 4], 0.5, 1)).toEqual([1, 0, 1]);
		expect(generalizedAdvantages([1, 0, 2], [1, 2, 3, 4], 0.5, 0)).toEqual([1, -0.5, 1]);
	});
	it("every method learns the cue task: mean return of the last 50 of 400 episodes above 4 (optimal 5, random −1.67)", () => {
		const options = {
			stateSize: 3,
			actionCount: 3,
			hiddenLayers: [8],
			activation: "Tanh" as const,
			learningRate: 0.02,
			criticLearningRate: 0.02,
			discountFactor: 0.9,
			rolloutLength: 10,
			seed: 4,
		};
		const makers = [
			() => new REINFORCE(options),
			() => new REINFORCE({ ...options, baseline: false }),
			() => new VanillaPolicyGradient(options),
			() => new ActorCritic(options),
			() => new AdvantageActorCritic(options),
			() => new ProximalPolicyOptimization(options),
			() => new ProximalPolicyOptimizationClip(options),
		];
		const means = makers.map((make) => {
			const agent: PolicyAgent = make();
			const env = new CueTask(new RandomGenerator(8));
			let late = 0;
			for (const episode of $range(1, 400)) {
				const [total] = runEpisode(agent, env);
				if (episode > 350) late += total / 50;
			}
			return late;
		});
		print(`cue task, last-50 mean returns: ${means.map((m) => string.format("%.2f", m)).join(", ")}`);
		for (const m of means) expect(m > 4).toBe(true);
	});
	it("validates inputs and round-trips parameters", () => {
		const agent = new ProximalPolicyOptimizationClip({ stateSize: 2, actionCount: 2, hiddenLayers: [4] });
		const twin = new ProximalPolicyOptimizationClip({ stateSize: 2, actionCount: 2, hiddenLayers: [4], seed: 5 });
		twin.setModelParameters(agent.getModelParameters());
		expect(twin.actionProbabilities([1, 2])).toEqual(agent.actionProbabilities([1, 2]));
		expectClose(
			agent.actionProbabilities([1, 2]).reduce((s, p) => s + p, 0),
			1,
			1e-12,
		);
		expectError(
			() => agent.reinforce([1, 2, 3], 0),
			"[Hivemind] ProximalPolicyOptimizationClip.reinforce: state must be an array of 2 finite numbers",
		);
		expectError(
			() => agent.episodeUpdate(0 / 0),
			"[Hivemind] ProximalPolicyOptimizationClip.episodeUpdate: reward must be a finite number, got NaN",
		);
		expectError(
			() => new ActorCritic({ stateSize: 2, actionCount: 2, clipRatio: 2 }),
			"[Hivemind] ActorCritic.new: clipRatio must be a number in [0, 1], got 2",
		);
	});
});
