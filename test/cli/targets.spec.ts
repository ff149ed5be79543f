// Several --target columns (multi-output regression) and --scale-target, end to end: training,
// the model file, predict's named columns, evaluate, and loadModel in the game.
import { describe, expect, it } from "../support/jest-globals";
import { expectClose } from "../support/numeric";
import { decodeJson } from "../../src/core/json";
import { parseCsv } from "../../src/io/csv";
import { loadModel } from "../../src/io/LoadedModel";
import { readModelFile } from "../../src/io/modelFile";
import { expectContains, FIXTURES, readFile, runCli, TMP } from "./support";

const TWO = `${FIXTURES}/inputs/two-targets.csv`;
const REGRESSION = `${FIXTURES}/regression.csv`;

describe("hivemind train with several targets", () => {
	it("fits kills = 2·x1 + x2 + 3 and deaths = x1 − x2 + 10 together; predict names both columns", () => {
		const out = `${TMP}/two.json`;
		const r = runCli("train", "--model", "NormalLinearRegression", "--data", TWO, "--target", "kills,deaths", "--out", out, "--json");
		expect(r.err).toBe("");
		const report = decodeJson(r.out) as { featureNames: Array<string>; heldOut: { r2: number } };
		expect(report.featureNames).toEqual(["x1", "x2"]);
		expectClose(report.heldOut.r2, 1, 1e-9);
		const file = readModelFile(readFile(out));
		expect(file.targets).toEqual(["kills", "deaths"]);
		const predicted = parseCsv(runCli("predict", "--model-file", out, "--data", TWO).out);
		expect(predicted.header).toEqual(["kills", "deaths"]);
		expectClose(tonumber(predicted.rows[0][0])!, 35, 1e-9);
		expectClose(tonumber(predicted.rows[0][1])!, 8, 1e-9);
		const [values] = loadModel(readFile(out)).predict([{ x1: 1, x2: 2 }]);
		expectClose((values as Array<Array<number>>)[0][0], 7, 1e-9);
		expectClose((values as Array<Array<number>>)[0][1], 9, 1e-9);
		const evaluated = decodeJson(runCli("evaluate", "--model-file", out, "--data", TWO, "--target", "kills,deaths", "--json").out) as {
			report: { r2: number };
		};
		expectClose(evaluated.report.r2, 1, 1e-9);
	});

	it("refuses several targets for a classifier, and --scale-target for one (exit code 2)", () => {
		const many = runCli("train", "--model", "LogisticRegression", "--data", TWO, "--target", "kills,deaths", "--out", `${TMP}/e.json`);
		expect(many.code).toBe(2);
		expectContains(many.err, "train: several --target columns (kills, deaths) need a regressor that predicts several outputs");
		const scaled = runCli(
			"train",
			"--model",
			"LogisticRegression",
			"--data",
			`${FIXTURES}/classification.csv`,
			"--target",
			"result",
			"--scale-target",
			"--out",
			`${TMP}/e.json`,
		);
		expect(scaled.code).toBe(2);
		expectContains(scaled.err, "train: --scale-target standardizes a regression target; LogisticRegression is a classification model");
	});
});

describe("hivemind train --scale-target", () => {
	it("gives least squares the same predictions in the target's units (OLS is affine-equivariant in y)", () => {
		const plain = `${TMP}/ols.json`;
		const scaled = `${TMP}/ols-scaled.json`;
		expect(runCli("train", "--model", "NormalLinearRegression", "--data", REGRESSION, "--target", "coins", "--out", plain).code).toBe(0);
		expect(
			runCli("train", "--model", "NormalLinearRegression", "--data", REGRESSION, "--target", "coins", "--out", scaled, "--scale-target").code,
		).toBe(0);
		expect(readModelFile(readFile(scaled)).targetScaler!.kind).toBe("StandardScaler");
		const a = parseCsv(runCli("predict", "--model-file", plain, "--data", REGRESSION).out);
		const b = parseCsv(runCli("predict", "--model-file", scaled, "--data", REGRESSION).out);
		expect(b.header).toEqual(["coins"]);
		for (const i of $range(0, a.rows.size() - 1)) expectClose(tonumber(b.rows[i][0])!, tonumber(a.rows[i][0])!, 1e-9);
	});

	it("maps BayesianLinearRegression's variance back with the scale squared", () => {
		const out = `${TMP}/bayes-scaled.json`;
		expect(
			runCli("train", "--model", "BayesianLinearRegression", "--data", REGRESSION, "--target", "coins", "--out", out, "--scale-target").code,
		).toBe(0);
		const loaded = loadModel(readFile(out));
		const X = loaded.encode([{ level: 3, zone: "snow", hours: 2 }]);
		const [rawMean, rawVariance] = loaded.model.predict(X) as unknown as LuaTuple<[Array<Array<number>>, Array<Array<number>>]>;
		const [mean, variance] = loaded.predictScaled(X) as unknown as LuaTuple<[Array<Array<number>>, Array<Array<number>>]>;
		const statistics = readModelFile(readFile(out)).targetScaler!.statistics;
		const std = math.sqrt(statistics.m2[0][0] / statistics.n);
		expectClose(mean[0][0], rawMean[0][0] * std + statistics.mean[0][0], 1e-12);
		expectClose(variance[0][0], rawVariance[0][0] * std * std, 1e-12);
	});
});
