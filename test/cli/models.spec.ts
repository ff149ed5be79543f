import { describe, expect, it } from "../support/jest-globals.d";
import { decodeJson } from "../../src/core/json";
import { getRegisteredModels } from "../../src/models";
import { expectContains, runCli } from "./support";

describe("hivemind models", () => {
	it("lists every registered model with its tags, options, defaults and accepted values", () => {
		const r = runCli("models");
		expect(r.code).toBe(0);
		for (const registration of getRegisteredModels()) expectContains(r.out, `${registration.name} (${registration.tags.join(", ")})`);
		expect(r.out.match("\n  learningRate +0%.1 +a finite number > 0\n")[0]).never.toBe(undefined);
		expect(r.out.match("\n  lambda +1 +a finite number ≥ 0\n")[0]).never.toBe(undefined);
		expect(r.out.match('\n  costFunction +"MeanSquaredError" +one of "MeanSquaredError", "MeanAbsoluteError", "MSE", "MAE"\n')[0]).never.toBe(
			undefined,
		);
		expect(r.out.match("\n  regularizer +none +one of ")[0]).never.toBe(undefined);
	});

	it("gives the same list as JSON", () => {
		const result = decodeJson(runCli("models", "--json").out) as {
			models: Array<{ name: string; tags: Array<string>; options: Array<{ name: string; default?: unknown; accepts: string }> }>;
		};
		expect(result.models.map((m) => m.name)).toEqual(getRegisteredModels().map((r) => r.name));
		const ridge = result.models.find((m) => m.name === "RidgeRegression")!;
		expect(ridge.tags).toEqual(["statistics", "regressor"]);
		expect(ridge.options).toEqual([
			{ name: "fitIntercept", default: true, accepts: "a boolean" },
			{ name: "lambda", default: 1, accepts: "a finite number ≥ 0" },
		]);
	});

	it("lists the reinforcement-learning agents with the agent tag and their defaults", () => {
		const r = runCli("models");
		expectContains(r.out, "DeepQLearning (agent, value, discrete, distributed)\n");
		expectContains(r.out, "QLearning (agent, tabular, discrete)\n");
		expectContains(r.out, "ProximalPolicyOptimizationClip (agent, policy, discrete, distributed)\n");
		expect(r.out.match("\n  clipRatio +0%.2\n")[0]).never.toBe(undefined);
		const result = decodeJson(runCli("models", "--json").out) as { agents: Array<{ name: string; tags: Array<string> }> };
		expect(result.agents.size()).toBe(21);
		expect(result.agents.every((a) => a.tags[0] === "agent")).toBe(true);
	});

	it("prints the command list for --help and a usage error without a command", () => {
		const help = runCli("--help");
		expect(help.code).toBe(0);
		for (const name of ["train", "predict", "evaluate", "simulate", "models"]) expectContains(help.out, `\n  ${name} `);
		expect(runCli().code).toBe(2);
		const trainHelp = runCli("train", "--help");
		expect(trainHelp.code).toBe(0);
		expectContains(trainHelp.out, "  --test-split <n>\n      held-out part");
	});
});
