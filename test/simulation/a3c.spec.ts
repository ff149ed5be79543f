import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { RandomGenerator } from "../../src/matrix/random";
import { CueTask } from "../support/rlTasks";
import { AsynchronousAdvantageActorCritic } from "../../src/simulation/AsynchronousAdvantageActorCritic";

describe("AsynchronousAdvantageActorCritic", () => {
	it("two A2C workers sharing one main model through DistributedGradients learn the cue task (last-50 mean return above 4 of optimal 5)", () => {
		const a3c = new AsynchronousAdvantageActorCritic({
			learningRate: 0.02,
			agent: { stateSize: 3, actionCount: 3, hiddenLayers: [8], activation: "Tanh", discountFactor: 0.9, rolloutLength: 10, seed: 1 },
		});
		const envs = [new CueTask(new RandomGenerator(1)), new CueTask(new RandomGenerator(2))];
		let late = 0;
		for (const episode of $range(1, 300)) {
			const returns = a3c.runRound(envs);
			if (episode > 250) late += (returns[0] + returns[1]) / 100;
		}
		print(`A3C, last-50 mean return per worker: ${late}`);
		expect(late > 4).toBe(true);
	});
	it("bad inputs are named", () => {
		const a3c = new AsynchronousAdvantageActorCritic({ agent: { stateSize: 3, actionCount: 3, hiddenLayers: [4] } });
		expectError(
			() => a3c.runRound([new CueTask(new RandomGenerator(1))]),
			"[Hivemind] AsynchronousAdvantageActorCritic.runRound: environments must be an array of 2 environments (one per worker), got",
		);
		expectError(
			() => new AsynchronousAdvantageActorCritic({ workerCount: 0, agent: { stateSize: 3, actionCount: 3 } }),
			"[Hivemind] AsynchronousAdvantageActorCritic.new: workerCount must be an integer ≥ 1, got 0",
		);
	});
});
