// Spreadsheets exported the usual ways (test/fixtures/inputs, written by make.py there): each gives
// the clear error or the correct model, and the training report lists what the reader decided.
import { describe, expect, it } from "../support/jest-globals";
import { decodeJson } from "../../src/core/json";
import { readModelFile } from "../../src/io/modelFile";
import { loadModel } from "../../src/io/LoadedModel";
import { expectContains, FIXTURES, isFile, readFile, removeFile, runCli, TMP } from "./support";

const INPUTS = `${FIXTURES}/inputs`;

interface TrainJson {
	decisions: Array<string>;
	featureNames: Array<string>;
	classes?: Array<string>;
	heldOut: { r2?: number; accuracy?: number; sampleCount: number };
	train: { sampleCount: number };
}

function trainJson(...args: Array<string>): TrainJson {
	const r = runCli(...["train", ...args, "--json"]);
	if (r.code !== 0) error(`train failed (${r.code}): ${r.err}`);
	return decodeJson(r.out) as TrainJson;
}

function expectDecision(decisions: Array<string>, fragment: string) {
	expectContains(decisions.join("\n"), fragment);
}

describe("hivemind train: inputs from spreadsheets", () => {
	it("removes a UTF-8 byte-order mark: the model's column is aim, predicted from a normal CSV and in the game", () => {
		const out = `${TMP}/bom.json`;
		const report = trainJson("--model", "LogisticRegression", "--data", `${INPUTS}/bom.csv`, "--target", "result", "--out", out);
		expect(report.featureNames).toEqual(["aim", "speed"]);
		expectDecision(report.decisions, "byte-order mark (UTF-8) removed");
		expect(readModelFile(readFile(out)).encoding.columns[0].name).toBe("aim");
		const [labels] = loadModel(readFile(out)).predict([{ aim: 0.9, speed: 0.9 }]);
		expect(labels).toEqual(["win"]);
		expect(runCli("predict", "--model-file", out, "--data", `${FIXTURES}/classification.csv`).code).toBe(0);
	});

	it("decides a column's type from every value: n/a first is a missing value, named, or filled on request", () => {
		const base = ["--model", "NormalLinearRegression", "--data", `${INPUTS}/first-na.csv`, "--target", "y", "--out", `${TMP}/first-na.json`];
		const refused = runCli(...["train", ...base]);
		expect(refused.code).toBe(2);
		expectContains(
			refused.err,
			'first-na.csv: row 2, column "x1": missing value "n/a" (2 missing in the column: rows 2, 11; give --missing mean, median or drop)',
		);
		const filled = trainJson(...[...base, "--missing", "median"]);
		expect(filled.featureNames).toEqual(["x1", "x2"]);
		expectDecision(filled.decisions, 'column "x1": numeric');
		expectDecision(filled.decisions, 'column "x1": 2 missing (rows 2, 11) filled with the median');
		const dropped = trainJson(...[...base, "--missing", "drop"]);
		expectDecision(dropped.decisions, "rows kept: 58 of 60 (2 dropped)");
		expect(dropped.train.sampleCount + dropped.heldOut.sampleCount).toBe(58);
		expect(dropped.heldOut.r2! > 0.99).toBe(true);
	});

	it("sniffs a semicolon delimiter (and takes --delimiter), for a classifier and for KMeans", () => {
		const report = trainJson(
			"--model",
			"LogisticRegression",
			"--data",
			`${INPUTS}/semicolon.csv`,
			"--target",
			"result",
			"--out",
			`${TMP}/semi.json`,
		);
		expect(report.featureNames).toEqual(["aim", "speed"]);
		expectDecision(report.decisions, 'delimiter: ";" (sniffed from the header: 0 ",", 2 ";", 0 tab');
		const clusters = trainJson(
			"--model",
			"KMeans",
			"--data",
			`${INPUTS}/semicolon.csv`,
			"--out",
			`${TMP}/semi-k.json`,
			"--categorical",
			"result",
		);
		expect(clusters.featureNames).toEqual(["aim", "speed", "result=lose", "result=win"]);
		const forced = runCli(
			"train",
			"--model",
			"LogisticRegression",
			"--data",
			`${INPUTS}/semicolon.csv`,
			"--target",
			"result",
			"--out",
			`${TMP}/e.json`,
			"--delimiter",
			",",
		);
		expect(forced.code).toBe(2);
		expectContains(
			forced.err,
			'row 1: no column "result" (columns: aim;speed;result); the header is one column: is the delimiter right? (--delimiter)',
		);
	});

	it("trims fields: ', ' separators give the classes lose and win", () => {
		const report = trainJson(
			"--model",
			"LogisticRegression",
			"--data",
			`${INPUTS}/spaces.csv`,
			"--target",
			"result",
			"--out",
			`${TMP}/spaces.json`,
		);
		expect(report.classes).toEqual(["lose", "win"]);
		expect(report.featureNames).toEqual(["aim", "speed"]);
		expectDecision(report.decisions, "spaces around 82 unquoted fields trimmed");
	});

	it("treats an empty categorical cell as missing, and reads 0x10 as text, not 16", () => {
		const empty = runCli(
			"train",
			"--model",
			"RidgeRegression",
			"--data",
			`${INPUTS}/categorical-empty.csv`,
			"--target",
			"coins",
			"--out",
			`${TMP}/e.json`,
		);
		expect(empty.code).toBe(2);
		expectContains(
			empty.err,
			'categorical-empty.csv: row 4, column "weapon": missing value "" (1 missing in the column: row 4; give --missing mean, median or drop)',
		);
		const filled = trainJson(
			"--model",
			"RidgeRegression",
			"--data",
			`${INPUTS}/categorical-empty.csv`,
			"--target",
			"coins",
			"--out",
			`${TMP}/cat.json`,
			"--missing",
			"mean",
			"--test-split",
			"0",
		);
		expectDecision(filled.decisions, 'column "weapon": 1 missing (row 4) filled with the most frequent category "bow"');
		const hex = runCli("train", "--model", "RidgeRegression", "--data", `${INPUTS}/hex.csv`, "--target", "y", "--out", `${TMP}/e.json`);
		expect(hex.code).toBe(2);
		expectContains(hex.err, 'hex.csv: row 4, column "x": expected a number, got "0x10" (4 other values of the column are numbers;');
	});

	it("refuses UTF-16 text, naming row and column", () => {
		const r = runCli("train", "--model", "RidgeRegression", "--data", `${INPUTS}/utf16.csv`, "--target", "y", "--out", `${TMP}/e.json`);
		expect(r.code).toBe(2);
		expectContains(r.err, "utf16.csv: row 1, column 1: the file is UTF-16 text");
	});
});

describe("hivemind train: targets that do not fit the model", () => {
	it("says a regression target given to a classifier is one, naming the fitting models", () => {
		const r = runCli(
			"train",
			"--model",
			"LogisticRegression",
			"--data",
			`${FIXTURES}/regression.csv`,
			"--target",
			"coins",
			"--out",
			`${TMP}/e.json`,
		);
		expect(r.code).toBe(2);
		expectContains(r.err, 'train: the target "coins" has 30 distinct numbers in 30 rows');
		expectContains(r.err, "a regression target; LogisticRegression is a classifier: use a regressor such as RidgeRegression");
	});

	it("names the classes a binary model was given and suggests the multiclass ones", () => {
		const r = runCli(
			"train",
			"--model",
			"LogisticRegression",
			"--data",
			`${FIXTURES}/regression.csv`,
			"--target",
			"zone",
			"--out",
			`${TMP}/e.json`,
		);
		expect(r.code).toBe(2);
		expectContains(
			r.err,
			`train: the target "zone" has 3 classes (desert, forest, snow) and LogisticRegression separates 2; use SoftmaxRegression, OneVsAll (--model OneVsAll --params '{"modelName":"LogisticRegression"}')`,
		);
	});

	it("says text in a regression target needs a classifier", () => {
		const r = runCli(
			"train",
			"--model",
			"RidgeRegression",
			"--data",
			`${FIXTURES}/classification.csv`,
			"--target",
			"result",
			"--out",
			`${TMP}/e.json`,
		);
		expect(r.code).toBe(2);
		expectContains(
			r.err,
			'row 2, column "result": expected a number, got "win" (a regression target holds numbers; class labels need a classifier)',
		);
	});

	it("gives count models trained with --scale minmax the scaling hint at held-out prediction too", () => {
		const r = runCli(
			"train",
			"--model",
			"MultinomialNaiveBayes",
			"--data",
			`${FIXTURES}/classification.csv`,
			"--target",
			"result",
			"--out",
			`${TMP}/e.json`,
			"--scale",
			"minmax",
			"--seed",
			"5",
		);
		expect(r.code).toBe(1);
		expectContains(r.err, "MultinomialNaiveBayes.predict: X[");
		expectContains(r.err, "(the features were scaled with --scale minmax; models that take counts or categories need --scale none)");
	});

	it("saves nothing and exits 1 when training diverges", () => {
		removeFile(`${TMP}/diverged.json`);
		const r = runCli(
			"train",
			"--model",
			"LinearRegression",
			"--data",
			`${FIXTURES}/regression.csv`,
			"--target",
			"coins",
			"--out",
			`${TMP}/diverged.json`,
			"--params",
			'{"learningRate":5}',
			"--iterations",
			"200",
		);
		expect(r.code).toBe(1);
		expectContains(r.err, "hivemind: training diverged: ");
		expectContains(r.err, "nothing saved");
		expect(isFile(`${TMP}/diverged.json`)).toBe(false);
	});
});
