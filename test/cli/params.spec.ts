// --params speaks the library's objects: an optimizer, a regularizer and a schedule by name or as
// { name, ...options }; the model file holds exactly what the library trains with those objects.
import { describe, expect, it } from "../support/jest-globals";
import { readModelFile } from "../../src/io/modelFile";
import { LinearRegression } from "../../src/models/linear/LinearRegression";
import { createOptimizer } from "../../src/optimization/optimizers/createOptimizer";
import { createRegularizer } from "../../src/optimization/regularizers/regularizers";
import { createSchedule } from "../../src/optimization/schedules/schedules";
import { expectContains, FIXTURES, readFile, runCli, TMP } from "./support";

const LINE = `${FIXTURES}/line.csv`;
const X = [[0], [1], [2], [3]];
const y = [[0], [1], [1], [2]];

function trainCli(out: string, params: string): unknown {
	const r = runCli(
		"train",
		"--model",
		"LinearRegression",
		"--data",
		LINE,
		"--target",
		"y",
		"--out",
		out,
		"--scale",
		"none",
		"--test-split",
		"0",
		"--iterations",
		"50",
		"--params",
		params,
	);
	if (r.code !== 0) error(r.err);
	return readModelFile(readFile(out)).parameters;
}

describe("hivemind train --params objects", () => {
	it("builds the optimizer, regularizer and schedule with their settings, as the library does", () => {
		const params = trainCli(
			`${TMP}/objects.json`,
			'{"learningRate":0.05,"optimizer":{"name":"Adam","beta1":0.8},"regularizer":{"name":"L2","lambda":0.5},"learningRateSchedule":{"name":"StepDecay","stepSize":10,"factor":0.5}}',
		);
		const direct = new LinearRegression({
			learningRate: 0.05,
			maximumNumberOfIterations: 50,
			optimizer: createOptimizer("Adam", { beta1: 0.8 }),
			regularizer: createRegularizer("L2", { lambda: 0.5 }),
			learningRateSchedule: createSchedule("StepDecay", { stepSize: 10, factor: 0.5 }),
		});
		direct.train(X, y);
		expect(params).toEqual(direct.getModelParameters());
		// λ is the one given: 0.5 and the name alone (λ = 0.01) train different weights
		expect(
			trainCli(
				`${TMP}/named.json`,
				'{"learningRate":0.05,"optimizer":{"name":"Adam","beta1":0.8},"regularizer":"L2","learningRateSchedule":{"name":"StepDecay","stepSize":10,"factor":0.5}}',
			),
		).never.toEqual(params);
	});

	it("names the key of a bad object (usage error, exit code 2)", () => {
		const base = ["train", "--model", "LinearRegression", "--data", LINE, "--target", "y", "--out", `${TMP}/e.json`, "--params"];
		const unnamed = runCli(...[...base, '{"regularizer":{"lambda":0.1}}']);
		expect(unnamed.code).toBe(2);
		expectContains(unnamed.err, 'train: --params regularizer must be a name or an object with a "name" and its options');
		const badOption = runCli(...[...base, '{"optimizer":{"name":"Adam","beta9":1}}']);
		expect(badOption.code).toBe(2);
		expectContains(badOption.err, "train: --params optimizer: ");
		expectContains(badOption.err, "beta9");
	});
});
