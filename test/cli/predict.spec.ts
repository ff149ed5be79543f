import { HttpService } from "@rbxts/services";
import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose } from "../support/numeric";
import { decodeJson } from "../../src/core/json";
import { parseCsv } from "../../src/io/csv";
import { loadModel } from "../../src/io/LoadedModel";
import { expectContains, FIXTURES, readFile, runCli, TMP } from "./support";

const CLASSIFICATION = `${FIXTURES}/classification.csv`;

/** The fixture's rows as a game would hold them: tables keyed by column, numbers as numbers. */
function gameRows(path: string): Array<{ [column: string]: string | number }> {
	const csv = parseCsv(readFile(path));
	return csv.rows.map((row) => {
		const record: { [column: string]: string | number } = {};
		for (const j of $range(0, csv.header.size() - 1)) record[csv.header[j]] = tonumber(row[j]) ?? row[j];
		return record;
	});
}

describe("hivemind predict and loadModel", () => {
	it("a model trained by the CLI and loaded with loadModel predicts exactly what the CLI predicted", () => {
		const modelPath = `${TMP}/same.json`;
		const predictionsPath = `${TMP}/same-predictions.csv`;
		expect(
			runCli(
				"train",
				"--model",
				"LogisticRegression",
				"--data",
				CLASSIFICATION,
				"--target",
				"result",
				"--out",
				modelPath,
				"--iterations",
				"200",
				"--params",
				'{"solver":"GradientDescent"}',
			).code,
		).toBe(0);
		const p = runCli("predict", "--model-file", modelPath, "--data", CLASSIFICATION, "--out", predictionsPath);
		expect(p.code).toBe(0);
		const cli = parseCsv(readFile(predictionsPath));
		expect(cli.header).toEqual(["result", "probability_lose", "probability_win"]);
		expect(cli.rows.size()).toBe(40);
		const rows = gameRows(CLASSIFICATION);
		const json = readFile(modelPath);
		// as the game gets the file: the JSON text, and HttpService:JSONDecode's table (e.g. from a DataStore)
		for (const source of [json, HttpService.JSONDecode(json)]) {
			const [labels, probabilities] = loadModel(source).predict(rows) as LuaTuple<[Array<string>, Array<Array<number>>]>;
			for (const i of $range(0, 39)) {
				expect(labels[i]).toBe(cli.rows[i][0]);
				expect(probabilities[i][0]).toBe(tonumber(cli.rows[i][1]));
				expect(probabilities[i][1]).toBe(tonumber(cli.rows[i][2]));
			}
		}
		// and every row is right (the classes are separated by a margin)
		const truth = parseCsv(readFile(CLASSIFICATION)).rows.map((row) => row[2]);
		expect(cli.rows.map((row) => row[0])).toEqual(truth);
	});

	it("a network and a nearest-centroid model too: list parameters, and no probability columns for distances", () => {
		const layers =
			'{"layers":[{"neurons":2},{"neurons":4,"activation":"Tanh"},{"neurons":2,"activation":"Softmax"}],"optimizer":"Adam","learningRate":0.05}';
		const networkPath = `${TMP}/network.json`;
		expect(
			runCli(
				"train",
				"--model",
				"NeuralNetwork",
				"--data",
				CLASSIFICATION,
				"--target",
				"result",
				"--out",
				networkPath,
				"--params",
				layers,
				"--iterations",
				"100",
			).code,
		).toBe(0);
		const cli = parseCsv(runCli("predict", "--model-file", networkPath, "--data", CLASSIFICATION).out);
		expect(cli.header).toEqual(["result", "probability_lose", "probability_win"]);
		const [labels, probabilities] = loadModel(readFile(networkPath)).predict(gameRows(CLASSIFICATION)) as LuaTuple<
			[Array<string>, Array<Array<number>>]
		>;
		for (const i of $range(0, 39)) {
			expect(labels[i]).toBe(cli.rows[i][0]);
			expect(probabilities[i][1]).toBe(tonumber(cli.rows[i][2]));
		}
		const centroidPath = `${TMP}/centroid.json`;
		expect(runCli("train", "--model", "NearestCentroid", "--data", CLASSIFICATION, "--target", "result", "--out", centroidPath).code).toBe(0);
		// its second value is the distances to the class centroids: named columns, not probabilities
		const centroid = parseCsv(runCli("predict", "--model-file", centroidPath, "--data", CLASSIFICATION).out);
		expect(centroid.header).toEqual(["result", "distance_lose", "distance_win"]);
		const loaded = loadModel(readFile(centroidPath));
		const [, distances] = loaded.predict(parseCsv(readFile(CLASSIFICATION)).rows.map((row) => [row[0], row[1]]));
		for (const i of $range(0, 4)) expect(tonumber(centroid.rows[i][2])).toBe((distances as Array<Array<number>>)[i][1]);
	});

	it("writes every output a model gives as named columns: decision values, scores, distances, variance", () => {
		const cases: Array<[string, string, Array<string>]> = [
			["SupportVectorMachine", "result", ["result", "decision"]],
			["OneVsAll", "result", ["result", "score_lose", "score_win"]],
			["KMeans", "", ["cluster", "distance_0", "distance_1", "distance_2"]],
			["BayesianLinearRegression", "speed", ["speed", "variance"]],
		];
		for (const [model, target, header] of cases) {
			const path = `${TMP}/outputs-${model}.json`;
			const args = ["train", "--model", model, "--data", CLASSIFICATION, "--out", path];
			if (target !== "") args.push("--target", target);
			const trained = runCli(...args);
			expect(trained.err).toBe("");
			expect(parseCsv(runCli("predict", "--model-file", path, "--data", CLASSIFICATION).out).header).toEqual(header);
		}
	});

	it("encodes categorical columns of game rows as in training", () => {
		const modelPath = `${TMP}/exact-game.json`;
		expect(
			runCli("train", "--model", "NormalLinearRegression", "--data", `${FIXTURES}/regression.csv`, "--target", "coins", "--out", modelPath)
				.code,
		).toBe(0);
		const loaded = loadModel(readFile(modelPath));
		const [predictions] = loaded.predict([
			{ level: 4, zone: "forest", hours: 2 },
			{ hours: 0.5, zone: "snow", level: 10, coins: 999 },
		]) as LuaTuple<[Array<Array<number>>]>;
		expectClose(predictions[0][0], 20, 1e-9);
		expectClose(predictions[1][0], 23.75, 1e-9);
	});

	it("prints the predictions as CSV on stdout, or as JSON", () => {
		const modelPath = `${TMP}/stdout.json`;
		expect(
			runCli(
				"train",
				"--model",
				"LogisticRegression",
				"--data",
				CLASSIFICATION,
				"--target",
				"result",
				"--out",
				modelPath,
				"--iterations",
				"100",
			).code,
		).toBe(0);
		const text = runCli("predict", "--model-file", modelPath, "--data", CLASSIFICATION);
		expect(text.code).toBe(0);
		expect(text.out.sub(1, 40)).toBe("result,probability_lose,probability_win\n");
		expect(parseCsv(text.out).rows.size()).toBe(40);
		const json = runCli("predict", "--model-file", modelPath, "--data", CLASSIFICATION, "--json");
		const result = decodeJson(json.out) as { header: Array<string>; rows: Array<Array<unknown>> };
		expect(result.header).toEqual(["result", "probability_lose", "probability_win"]);
		expect(result.rows.size()).toBe(40);
		expect(result.rows[0][0]).toBe(parseCsv(text.out).rows[0][0]);
	});
});

describe("hivemind evaluate", () => {
	it("prints the metrics and the confusion matrix of a saved classifier", () => {
		const modelPath = `${TMP}/evaluate.json`;
		expect(runCli("train", "--model", "LogisticRegression", "--data", CLASSIFICATION, "--target", "result", "--out", modelPath).code).toBe(0);
		const r = runCli("evaluate", "--model-file", modelPath, "--data", CLASSIFICATION, "--target", "result");
		expect(r.code).toBe(0);
		expectContains(r.out, "LogisticRegression on test/fixtures/classification.csv");
		expect(r.out.match("accuracy +1%.0000")[0]).never.toBe(undefined);
		expectContains(r.out, "true \\ predicted  lose  win\nlose                20    0\nwin                  0   20\n");
		const json = decodeJson(runCli("evaluate", "--model-file", modelPath, "--data", CLASSIFICATION, "--target", "result", "--json").out) as {
			report: { accuracy: number; f1: number; positiveLabel: string; sampleCount: number };
		};
		expect(json.report.accuracy).toBe(1);
		expect(json.report.f1).toBe(1);
		expect(json.report.positiveLabel).toBe("win");
		expect(json.report.sampleCount).toBe(40);
	});

	it("computes R², MSE and MAE of a saved regressor against the file's values", () => {
		const modelPath = `${TMP}/evaluate-line.json`;
		const data = `${FIXTURES}/line.csv`;
		expect(
			runCli("train", "--model", "NormalLinearRegression", "--data", data, "--target", "y", "--out", modelPath, "--test-split", "0").code,
		).toBe(0);
		const json = decodeJson(runCli("evaluate", "--model-file", modelPath, "--data", data, "--target", "y", "--json").out) as {
			task: string;
			report: { r2: number; meanSquaredError: number; meanAbsoluteError: number };
		};
		// least squares through (0,0), (1,1), (2,1), (3,2): y = 0.1 + 0.6x, residuals −0.1, 0.3, −0.3, 0.1
		// SSE 0.2, SST 2: R² = 0.9, MSE = 0.05, MAE = 0.2
		expect(json.task).toBe("regression");
		expectClose(json.report.r2, 0.9, 1e-12);
		expectClose(json.report.meanSquaredError, 0.05, 1e-12);
		expectClose(json.report.meanAbsoluteError, 0.2, 1e-12);
		const text = runCli("evaluate", "--model-file", modelPath, "--data", data, "--target", "y");
		expect(text.out.match("R² +0%.9000")[0]).never.toBe(undefined);
		expect(text.out.match("MSE +0%.0500")[0]).never.toBe(undefined);
	});
});
