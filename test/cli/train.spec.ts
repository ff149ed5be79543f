import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose } from "../support/numeric";
import { decodeJson } from "../../src/core/json";
import { parseCsv } from "../../src/io/csv";
import { readModelFile } from "../../src/io/modelFile";
import { expectContains, FIXTURES, isFile, readFile, removeFile, runCli, TMP } from "./support";

const CLASSIFICATION = `${FIXTURES}/classification.csv`;
const REGRESSION = `${FIXTURES}/regression.csv`;

function count(text: string, pattern: string): number {
	const [, n] = text.gsub(pattern, "");
	return n;
}

describe("hivemind train", () => {
	it("trains a logistic model with a progress line every 10%, prints metrics and the confusion matrix, and writes the model and both plots", () => {
		const out = `${TMP}/logistic.json`;
		const plot = `${TMP}/logistic.svg`;
		for (const path of [out, plot, `${TMP}/logistic.regions.svg`]) removeFile(path);
		const r = runCli("train", "--model", "LogisticRegression", "--data", CLASSIFICATION, "--target", "result", "--out", out, "--plot", plot);
		expect(r.err).toBe("");
		expect(r.code).toBe(0);
		// 40 rows, 20 per class; a stratified 0.2 split holds out 4 of each
		expectContains(r.out, "Training LogisticRegression on 32 rows (8 held out), 2 features, scaling: standard");
		// non-terminal output: iterations 1, 50, 100, ..., 500 (11 lines); zero weights give cost ln 2
		expect(count(r.out, "%[[#-]+%] %d+/500")).toBe(11);
		expectContains(r.out, "[------------------------------] 1/500  cost 0.693147");
		expectContains(r.out, "[##############################] 500/500  cost ");
		// the classes are separated by a margin of 0.25: every row is classified right
		expect(r.out.match("accuracy +1%.0000 +1%.0000")[0]).never.toBe(undefined);
		expect(r.out.match("F1 %(positive class win%) +1%.0000 +1%.0000")[0]).never.toBe(undefined);
		expectContains(
			r.out,
			"confusion matrix (held-out rows):\ntrue \\ predicted  lose  win\nlose                 4    0\nwin                  0    4\n",
		);
		expectContains(r.out, `model saved to ${out}`);
		const file = readModelFile(readFile(out));
		expect(file.modelName).toBe("LogisticRegression");
		expect(file.classes).toEqual(["lose", "win"]);
		expect(file.featureNames).toEqual(["aim", "speed"]);
		expect(file.target).toBe("result");
		expect(file.scaler!.kind).toBe("StandardScaler");
		expect(readFile(plot).sub(1, 4)).toBe("<svg");
		expectContains(readFile(plot), "LogisticRegression: training cost");
		expectContains(readFile(`${TMP}/logistic.regions.svg`), "decision regions");
	});

	it("prints the run as JSON with --json (no progress), with the cost history and both reports", () => {
		const r = runCli(
			"train",
			"--model",
			"LogisticRegression",
			"--data",
			CLASSIFICATION,
			"--target",
			"result",
			"--out",
			`${TMP}/logistic-json.json`,
			"--iterations",
			"50",
			"--json",
		);
		expect(r.code).toBe(0);
		const result = decodeJson(r.out) as {
			iterations: number;
			costHistory: Array<number>;
			classes: Array<string>;
			train: { accuracy: number; sampleCount: number };
			heldOut: { accuracy: number; confusion: { labels: Array<string>; matrix: Array<Array<number>> } };
		};
		expect(result.iterations).toBe(50);
		expect(result.costHistory.size()).toBe(50);
		expectClose(result.costHistory[0], math.log(2), 1e-12);
		expect(result.costHistory[49] < result.costHistory[0]).toBe(true);
		expect(result.classes).toEqual(["lose", "win"]);
		expect(result.train.sampleCount).toBe(32);
		expect(result.heldOut.confusion).toEqual({
			labels: ["lose", "win"],
			matrix: [
				[4, 0],
				[0, 4],
			],
		});
	});

	it("fits an exact regression with one-hot columns: R² = 1 and the predictions of new rows by hand", () => {
		const out = `${TMP}/exact.json`;
		const r = runCli("train", "--model", "NormalLinearRegression", "--data", REGRESSION, "--target", "coins", "--out", out, "--json");
		expect(r.code).toBe(0);
		const result = decodeJson(r.out) as {
			train: { r2: number; meanSquaredError: number };
			heldOut: { r2: number; sampleCount: number };
			featureNames: Array<string>;
		};
		// coins = 5 + 2·level + 1.5·hours + (desert 0, forest 4, snow −2) exactly
		expect(result.featureNames).toEqual(["level", "zone=desert", "zone=forest", "zone=snow", "hours"]);
		expectClose(result.train.r2, 1, 1e-9);
		expect(result.train.meanSquaredError < 1e-18).toBe(true);
		expect(result.heldOut.sampleCount).toBe(6);
		expectClose(result.heldOut.r2, 1, 1e-9);
		const predictions = `${TMP}/exact-predictions.csv`;
		const p = runCli("predict", "--model-file", out, "--data", `${FIXTURES}/regression-new.csv`, "--out", predictions);
		expect(p.code).toBe(0);
		expectContains(p.out, `3 predictions written to ${predictions}`);
		const written = parseCsv(readFile(predictions));
		expect(written.header).toEqual(["coins"]);
		// (4, forest, 2): 5 + 8 + 3 + 4; (10, snow, 0.5): 5 + 20 + 0.75 − 2; (1, desert, 7.25): 5 + 2 + 10.875
		const expected = [20, 23.75, 17.875];
		for (const i of $range(0, 2)) expectClose(tonumber(written.rows[i][0])!, expected[i], 1e-9);
	});

	it("trains a gradient regression without scaling or held-out rows, and reports that exact models fit in one step", () => {
		const r = runCli(
			"train",
			"--model",
			"RidgeRegression",
			"--data",
			REGRESSION,
			"--target",
			"coins",
			"--out",
			`${TMP}/ridge.json`,
			"--test-split",
			"0",
			"--scale",
			"none",
		);
		expect(r.code).toBe(0);
		expectContains(r.out, "Training RidgeRegression on 30 rows (0 held out), 5 features, scaling: none");
		expectContains(r.out, "fitted in one step, cost ");
		expect(r.out.find("held-out", 1, true)[0]).toBe(undefined);
		expect(readModelFile(readFile(`${TMP}/ridge.json`)).scaler).toBe(undefined);
	});

	it("takes model options from --params and the seed into the split", () => {
		const a = runCli(
			"train",
			"--model",
			"LinearRegression",
			"--data",
			REGRESSION,
			"--target",
			"coins",
			"--out",
			`${TMP}/linear.json`,
			"--params",
			'{"learningRate":0.05,"optimizer":"Adam"}',
			"--iterations",
			"20",
			"--json",
		);
		expect(a.code).toBe(0);
		const file = readModelFile(readFile(`${TMP}/linear.json`));
		expect(file.hyperParameters.learningRate).toBe(0.05);
		expect(file.hyperParameters.optimizer).toBe("Adam");
		expect(file.hyperParameters.maximumNumberOfIterations).toBe(20);
		const runWithSeed = (seed: string, name: string) => {
			const r = runCli(
				"train",
				"--model",
				"LinearRegression",
				"--data",
				REGRESSION,
				"--target",
				"coins",
				"--out",
				`${TMP}/${name}.json`,
				"--iterations",
				"20",
				"--seed",
				seed,
				"--json",
			);
			return (decodeJson(r.out) as { heldOut: { meanSquaredError: number } }).heldOut.meanSquaredError;
		};
		expect(runWithSeed("3", "seed3a")).toBe(runWithSeed("3", "seed3b"));
		expect(runWithSeed("3", "seed3a")).never.toBe(runWithSeed("4", "seed4"));
		expect(readModelFile(readFile(`${TMP}/seed3a.json`)).parameters).toEqual(readModelFile(readFile(`${TMP}/seed3b.json`)).parameters);
	});

	it("writes nothing when the data is bad", () => {
		removeFile(`${TMP}/never.json`);
		const r = runCli(
			"train",
			"--model",
			"LinearRegression",
			"--data",
			`${FIXTURES}/bad-number.csv`,
			"--target",
			"coins",
			"--out",
			`${TMP}/never.json`,
		);
		expect(r.code).toBe(2);
		expect(isFile(`${TMP}/never.json`)).toBe(false);
	});
});

describe("hivemind train (clustering)", () => {
	it("clusters without a target: the centroids are the blob means, predict writes a cluster column", () => {
		const out = `${TMP}/kmeans.json`;
		const r = runCli(
			"train",
			"--model",
			"KMeans",
			"--data",
			`${FIXTURES}/blobs.csv`,
			"--params",
			'{"numberOfClusters":2}',
			"--scale",
			"none",
			"--test-split",
			"0",
			"--out",
			out,
		);
		expect(r.err).toBe("");
		expect(r.code).toBe(0);
		expect(r.out.match("cluster 0 +3\n")[0]).never.toBe(undefined);
		expect(r.out.match("cluster 1 +3\n")[0]).never.toBe(undefined);
		const file = readModelFile(readFile(out));
		expect(file.task).toBe("clustering");
		const centroids = table.clone(file.parameters as Array<Array<number>>);
		centroids.sort((a, b) => a[0] < b[0]);
		// (0,0), (0,1), (1,0) → (1/3, 1/3); (10,10), (10,11), (11,10) → (31/3, 31/3)
		expectClose(centroids[0][0], 1 / 3, 1e-12);
		expectClose(centroids[0][1], 1 / 3, 1e-12);
		expectClose(centroids[1][0], 31 / 3, 1e-12);
		expectClose(centroids[1][1], 31 / 3, 1e-12);
		const p = runCli("predict", "--model-file", out, "--data", `${FIXTURES}/blobs.csv`);
		const predicted = parseCsv(p.out);
		expect(predicted.header).toEqual(["cluster", "distance_0", "distance_1"]);
		// each row's own cluster is the nearer one
		for (const row of predicted.rows) expect(tonumber(row[1 + tonumber(row[0])!])! < tonumber(row[2 - tonumber(row[0])!])!).toBe(true);
		const clusters = predicted.rows.map((row) => row[0]);
		expect(clusters[0]).toBe(clusters[1]);
		expect(clusters[0]).toBe(clusters[2]);
		expect(clusters[3]).toBe(clusters[4]);
		expect(clusters[3]).never.toBe(clusters[0]);
	});

	it("refuses transformers, which predict nothing", () => {
		const r = runCli("train", "--model", "PCA", "--data", `${FIXTURES}/blobs.csv`, "--out", `${TMP}/pca.json`);
		expect(r.code).toBe(2);
		expect(r.err.find("train: --model PCA transforms data and predicts nothing", 1, true)[0]).never.toBe(undefined);
	});

	it("refuses outlier detectors and generative networks, which model files do not describe yet", () => {
		for (const [model, kind] of [
			["IsolationForest", "an outlier detector"],
			["WassersteinGAN", "a generative network"],
		]) {
			const r = runCli("train", "--model", model, "--data", `${FIXTURES}/blobs.csv`, "--out", `${TMP}/${model}.json`);
			expect(r.code).toBe(2);
			expect(r.err.find(`train: --model ${model} is ${kind}, which the command line does not train yet`, 1, true)[0]).never.toBe(undefined);
		}
	});
});
