import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { RandomGenerator } from "../../src/matrix/random";
import type { Vector } from "../../src/matrix/types";
import { Environment, StepResult } from "../../src/reinforcement/types";
import { runEpisode } from "../../src/reinforcement/runEpisode";
import { greedyReturn, OneHotGrid } from "../support/rlTasks";
import { DeepValueAgent } from "../../src/reinforcement/deep/DeepValueAgent";
import { DeepQLearning } from "../../src/reinforcement/deep/DeepQLearning";
import { DeepDoubleQLearning } from "../../src/reinforcement/deep/DeepDoubleQLearning";
import { DeepClippedDoubleQLearning } from "../../src/reinforcement/deep/DeepClippedDoubleQLearning";
import { DeepSARSA } from "../../src/reinforcement/deep/DeepSARSA";
import { DeepExpectedSARSA } from "../../src/reinforcement/deep/DeepExpectedSARSA";
import { DeepDoubleSARSA } from "../../src/reinforcement/deep/DeepDoubleSARSA";
import { DeepDoubleExpectedSARSA } from "../../src/reinforcement/deep/DeepDoubleExpectedSARSA";
import { DistributedGradients } from "../../src/distributed/DistributedGradients";

/**
 * The noisy task (after van Hasselt 2010's Figure 6.5 example): from A ([1, 0]) action 0 ends
 * with reward 0 and action 1 moves to B ([0, 1]) with reward 0; in B each of 8 actions ends with
 * a reward N(−0.1, 1). True Q(A, 1) = γ·(−0.1).
 */
class NoisyChoice implements Environment<Vector, number> {
	private atB = false;
	constructor(private readonly rng: RandomGenerator) {}
	reset(): Vector {
		this.atB = false;
		return [1, 0];
	}
	step(action: number): StepResult<Vector> {
		if (!this.atB && action === 1) {
			this.atB = true;
			return { state: [0, 1], reward: 0, done: false, truncated: false };
		}
		return { state: [0, 0], reward: this.atB ? this.rng.normal(-0.1, 1) : 0, done: true, truncated: false };
	}
}

const GRID_OPTIONS = {
	stateSize: 16,
	actionCount: 4,
	hiddenLayers: [16],
	activation: "Tanh" as const,
	learningRate: 0.01,
	discountFactor: 0.95,
	batchSize: 16,
	warmupSteps: 32,
	targetUpdateInterval: 50,
	epsilon: 1,
	epsilonDecayFactor: 0.95,
	minimumEpsilon: 0.05,
};

describe("deep value-based agents", () => {
	it("Double DQN overestimates Q(A, 1) less than DQN on the noisy choice (mean of Q(A, 1) − γ·(−0.1) over the last 200 of 500 episodes, 2 seeds)", () => {
		// a small replay (64) and a slow target (every 100 steps): estimation noise the target does not share
		const options = (seed: number) => ({
			stateSize: 2,
			actionCount: 8,
			hiddenLayers: [8],
			activation: "Tanh" as const,
			learningRate: 0.03,
			discountFactor: 0.9,
			epsilon: 1,
			batchSize: 16,
			warmupSteps: 16,
			replayCapacity: 64,
			targetUpdateInterval: 100,
			seed,
		});
		const bias = (make: (seed: number) => DeepValueAgent) => {
			let total = 0;
			for (const seed of $range(1, 2)) {
				const agent = make(seed);
				const env = new NoisyChoice(new RandomGenerator(100 + seed));
				for (const episode of $range(1, 500)) {
					runEpisode(agent, env);
					if (episode > 300) total += (agent.actionValues([1, 0])[1] - 0.9 * -0.1) / 400;
				}
			}
			return total;
		};
		const dqn = bias((seed) => new DeepQLearning(options(seed)));
		const double = bias((seed) => new DeepDoubleQLearning(options(seed)));
		const clipped = bias((seed) => new DeepClippedDoubleQLearning(options(seed)));
		print(`overestimation of Q(A, 1): DQN ${dqn}, Double DQN ${double}, Clipped ${clipped}`);
		expect(dqn > 0).toBe(true);
		expect(double < dqn).toBe(true);
		expect(clipped < dqn).toBe(true);
	});
	it("every variant learns the grid world's optimal return −5 through one-hot states (150 episodes; the double SARSA forms, which train each network half as often, 300)", () => {
		const makers = [
			(o: object) => new DeepQLearning(o),
			(o: object) => new DeepDoubleQLearning(o),
			(o: object) => new DeepClippedDoubleQLearning(o),
			(o: object) => new DeepSARSA(o),
			(o: object) => new DeepExpectedSARSA(o),
			(o: object) => new DeepDoubleSARSA(o),
			(o: object) => new DeepDoubleExpectedSARSA(o),
			(o: object) => new DeepQLearning({ ...o, prioritizedReplay: true }),
		];
		const returns = makers.map((make, k) => {
			const agent = make({ ...GRID_OPTIONS, seed: 3 });
			const env = new OneHotGrid();
			for (const _ of $range(1, k === 5 || k === 6 ? 300 : 150)) runEpisode(agent, env);
			return greedyReturn((s) => agent.actionValues(s));
		});
		print(`greedy returns: ${returns.map((r) => tostring(r)).join(", ")}`);
		expect(returns).toEqual(makers.map(() => -5));
	});
	it("plain-data parameters round-trip; bad inputs are named", () => {
		const agent = new DeepDoubleSARSA({ stateSize: 2, actionCount: 3, hiddenLayers: [4] });
		const twin = new DeepDoubleSARSA({ stateSize: 2, actionCount: 3, hiddenLayers: [4], seed: 9 });
		twin.setModelParameters(agent.getModelParameters());
		expect(twin.actionValues([0.5, -1])).toEqual(agent.actionValues([0.5, -1]));
		expectError(() => agent.reinforce([1], 0), "[Hivemind] DeepDoubleSARSA.reinforce: state must be an array of 2 finite numbers, got a table");
		expectError(() => agent.reinforce([1, 0 / 0], 0), "state must be an array of 2 finite numbers");
		expectError(() => agent.reinforce([1, 0], math.huge), "[Hivemind] DeepDoubleSARSA.reinforce: reward must be a finite number, got inf");
		expectError(() => new DeepQLearning({ stateSize: 2 }), "[Hivemind] DeepQLearning.new: options must give stateSize and actionCount");
		expectError(
			() => new DeepQLearning({ stateSize: 2, actionCount: 2, batchSize: 0 }),
			"[Hivemind] DeepQLearning.new: batchSize must be an integer ≥ 1, got 0",
		);
		expectError(
			() => twin.setModelParameters({ A1: [[0]] }),
			"[Hivemind] DeepDoubleSARSA.setModelParameters: parameters must be a record with entries A…, B…",
		);
	});
});

describe("distributed deep Q-learning", () => {
	/** Episodes per server until the shared greedy policy returns −5 (checked after each round of one episode per server). */
	function episodesToSolve(servers: number): number {
		const main = new DistributedGradients({ optimizer: "Adam", learningRate: 0.01, averaging: "SampleWeighted" });
		const agents = new Array<DeepQLearning>();
		const envs = new Array<OneHotGrid>();
		for (const k of $range(1, servers)) {
			agents.push(new DeepQLearning({ ...GRID_OPTIONS, seed: k, collectGradients: true }));
			envs.push(new OneHotGrid());
		}
		main.setModelParameters(agents[0].getModelParameters());
		for (const agent of agents) agent.setModelParameters(main.getModelParameters()!);
		for (const episode of $range(1, 300)) {
			// the servers play one episode each, exchanging gradients every 4 steps of theirs
			const states = envs.map((env) => env.reset());
			const rewards = envs.map(() => 0);
			const live = envs.map(() => true);
			let steps = 0;
			while (live.includes(true)) {
				agents.forEach((agent, k) => {
					if (!live[k]) return;
					const action = agent.reinforce(states[k], rewards[k]);
					const r = envs[k].step(action);
					if (r.done) {
						agent.episodeUpdate(r.reward, r.truncated ? r.state : undefined);
						live[k] = false;
					} else {
						states[k] = r.state;
						rewards[k] = r.reward;
					}
				});
				steps += 1;
				if (steps % 4 === 0 || !live.includes(true)) {
					for (const agent of agents) {
						const [g, n] = agent.takeGradients();
						if (g !== undefined) main.addGradients(g, n);
					}
					main.applyPending();
					for (const agent of agents) agent.setModelParameters(main.getModelParameters()!, true);
				}
			}
			if (greedyReturn((s) => agents[0].actionValues(s)) === -5) return episode;
		}
		return 300;
	}

	it("four servers sharing one DQN through DistributedGradients solve the grid world in fewer episodes per server than one", () => {
		const single = episodesToSolve(1);
		const four = episodesToSolve(4);
		print(`episodes per server to the optimal return: one server ${single}, four servers ${four}`);
		expect(single < 300).toBe(true);
		expect(four < single).toBe(true);
	});
});
