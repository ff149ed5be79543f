import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose } from "../support/numeric";
import type { Vector } from "../../src/matrix/types";
import { runEpisode } from "../../src/reinforcement/runEpisode";
import { greedyReturn, OneHotGrid } from "../support/rlTasks";
import { duelingGradient, duelingValues } from "../../src/reinforcement/deep/dueling";
import { DuelingDeepQLearning } from "../../src/reinforcement/deep/DuelingDeepQLearning";

describe("Dueling DQN", () => {
	it("aggregates Q = V + A − mean A (hand values) and chains ∂loss/∂Q back as finite differences do", () => {
		// V 1, A (2, 4, 0): mean A 2, Q = (1, 3, −1)
		expect(duelingValues([1, 2, 4, 0])).toEqual([1, 3, -1]);
		// loss = Σₐ wₐ Qₐ² / 2 at the row below; ∂loss/∂Q = w·Q
		const row = [0.3, -0.7, 1.1, 0.4];
		const w = [0.5, 2, -1];
		const loss = (r: Vector) => {
			let total = 0;
			duelingValues(r).forEach((q, a) => (total += (w[a] * q * q) / 2));
			return total;
		};
		const analytic = duelingGradient(duelingValues(row).map((q, a) => w[a] * q));
		row.forEach((_, j) => {
			const up = table.clone(row);
			const down = table.clone(row);
			up[j] += 1e-5;
			down[j] -= 1e-5;
			expectClose(analytic[j], (loss(up) - loss(down)) / 2e-5, 1e-6);
		});
	});
	it("learns the grid world's optimal return −5 through one-hot states in 150 episodes (seed 3, as the other deep agents)", () => {
		const agent = new DuelingDeepQLearning({
			stateSize: 16,
			actionCount: 4,
			hiddenLayers: [16],
			activation: "Tanh",
			learningRate: 0.01,
			discountFactor: 0.95,
			batchSize: 16,
			warmupSteps: 32,
			targetUpdateInterval: 50,
			epsilon: 1,
			epsilonDecayFactor: 0.95,
			minimumEpsilon: 0.05,
			seed: 3,
		});
		const env = new OneHotGrid();
		for (const _ of $range(1, 150)) runEpisode(agent, env);
		expect(greedyReturn((s) => agent.actionValues(s))).toBe(-5);
		// the network has n + 1 outputs: its last layer matrix is (16 + bias) × 5
		const layers = agent.getModelParameters() as Array<Array<Vector>>;
		expect(layers[layers.size() - 1][0].size()).toBe(5);
	});
});
