import { describe, expect, it } from "../support/jest-globals.d";
import { getHost } from "../../cli/host";
import { expectContains, FIXTURES, runCli, TMP } from "./support";

const REGRESSION = `${FIXTURES}/regression.csv`;

/** Runs the tool and checks the exit code and that stderr holds every fragment. */
function expectFailure(code: number, args: Array<string>, ...fragments: Array<string>) {
	const r = runCli(...args);
	for (const fragment of fragments) expectContains(r.err, fragment);
	expect(r.code).toBe(code);
	expect(r.out).toBe("");
}

const train = (...more: Array<string>) => [
	"train",
	"--model",
	"LinearRegression",
	"--data",
	REGRESSION,
	"--target",
	"coins",
	"--out",
	`${TMP}/error.json`,
	...more,
];

describe("hivemind error messages", () => {
	it("names the file and the columns for a missing column", () => {
		expectFailure(
			2,
			["train", "--model", "LinearRegression", "--data", REGRESSION, "--target", "gold", "--out", `${TMP}/e.json`],
			'hivemind: test/fixtures/regression.csv: row 1: no column "gold" (columns: level, zone, hours, coins)',
		);
	});

	it("names the file, row and column of a bad number", () => {
		expectFailure(
			2,
			["train", "--model", "LinearRegression", "--data", `${FIXTURES}/bad-number.csv`, "--target", "coins", "--out", `${TMP}/e.json`],
			'hivemind: test/fixtures/bad-number.csv: row 3, column "hours": expected a number, got "lots"',
		);
		expectFailure(
			2,
			["predict", "--model-file", `${TMP}/error-model.json`, "--data", `${FIXTURES}/bad-number.csv`],
			"cannot read .cache/test-tmp/cli/error-model.json: no such file",
		);
	});

	it("lists the models for an unknown model (usage error, with the help)", () => {
		expectFailure(
			2,
			["train", "--model", "Forest", "--data", REGRESSION, "--target", "coins", "--out", `${TMP}/e.json`],
			"hivemind: train: --model must be one of ",
			"LinearRegression",
			'got "Forest" (see hivemind models)',
			"hivemind train: train a model",
		);
	});

	it("explains bad --params: text that is not JSON, not an object, an unknown option, a bad value", () => {
		expectFailure(
			2,
			train("--params", "{learningRate: 1}"),
			`hivemind: train: --params must be a JSON object such as '{"learningRate":0.05}', got text that does not parse`,
		);
		expectFailure(2, train("--params", "[1, 2]"), `--params must be a JSON object such as '{"learningRate":0.05}', got [1, 2]`);
		expectFailure(
			2,
			train("--params", '{"learningRat":0.1}'),
			'hivemind: LinearRegression.new: unknown option "learningRat"; valid options are ',
			"learningRate",
		);
		expectFailure(
			2,
			train("--params", '{"learningRate":-1}'),
			"hivemind: LinearRegression.new: learningRate must be a finite number > 0, got -1",
		);
	});

	it("rejects bad option values and combinations", () => {
		expectFailure(2, train("--scale", "log"), 'train: --scale must be standard, minmax or none, got "log"');
		expectFailure(
			2,
			train("--test-split", "1.5"),
			"train: --test-split must be 0 (no held-out part), a fraction in (0, 1) or a row count ≥ 1, got 1.5",
		);
		expectFailure(2, train("--iterations", "2.5"), "train: --iterations must be an integer ≥ 1, got 2.5");
		expectFailure(2, train("--iterations", "5", "--params", '{"maximumNumberOfIterations":5}'), "give the number of iterations once");
		expectFailure(
			2,
			["train", "--model", "RidgeRegression", "--data", REGRESSION, "--target", "coins", "--out", `${TMP}/e.json`, "--iterations", "5"],
			"--iterations does not apply to RidgeRegression",
		);
		expectFailure(2, ["train", "--model", "RidgeRegression", "--data", REGRESSION], "hivemind: train: missing option --out");
		expectFailure(
			2,
			["train", "--model", "RidgeRegression", "--data", REGRESSION, "--out", `${TMP}/e.json`],
			"train: --target is required for RidgeRegression",
		);
		expectFailure(2, train("--bogus"), "train: unknown option --bogus");
		expectFailure(
			2,
			["train", "--model", "RidgeRegression", "--data", `${FIXTURES}/nope.csv`, "--target", "y", "--out", `${TMP}/e.json`],
			"hivemind: cannot read test/fixtures/nope.csv: no such file",
		);
		expectFailure(2, ["frobnicate"], 'hivemind: unknown command "frobnicate"');
	});

	it("suggests a network's layers, and --scale none for count models", () => {
		expectFailure(
			2,
			["train", "--model", "NeuralNetwork", "--data", `${FIXTURES}/classification.csv`, "--target", "result", "--out", `${TMP}/e.json`],
			`hivemind: train: NeuralNetwork needs its layers in --params, e.g. --params '{"layers":[{"neurons":2},{"neurons":8,"activation":"Tanh"},{"neurons":2,"activation":"Softmax"}]}' (the input layer has one neuron per encoded feature: 2 here)`,
		);
		expectFailure(
			1,
			[
				"train",
				"--model",
				"MultinomialNaiveBayes",
				"--data",
				`${FIXTURES}/classification.csv`,
				"--target",
				"result",
				"--out",
				`${TMP}/e.json`,
				"--json",
			],
			"MultinomialNaiveBayes.train: X[",
			"must be a count ≥ 0",
			"(the features were scaled with --scale standard; models that take counts or categories need --scale none)",
		);
	});

	it("refuses model files from a newer format version, and files that are not model files", () => {
		const host = getHost();
		host.writeFile(`${TMP}/future.json`, '{"format":"hivemind-model","formatVersion":99}');
		expectFailure(
			2,
			["predict", "--model-file", `${TMP}/future.json`, "--data", REGRESSION],
			"hivemind: loadModel: the model file has format version 99, newer than this Hivemind reads (up to 1); update Hivemind to load it",
		);
		host.writeFile(`${TMP}/other.json`, '{"weights":[1,2]}');
		expectFailure(
			2,
			["evaluate", "--model-file", `${TMP}/other.json`, "--data", REGRESSION, "--target", "coins"],
			'loadModel: file.format must be "hivemind-model" (is this a Hivemind model file?), got nil',
		);
	});

	it("names the row and column of an unknown category at prediction", () => {
		expect(runCli(...train("--iterations", "5")).code).toBe(0);
		getHost().writeFile(`${TMP}/new-zone.csv`, "level,zone,hours\n1,desert,2\n2,ocean,3\n");
		expectFailure(
			2,
			["predict", "--model-file", `${TMP}/error.json`, "--data", `${TMP}/new-zone.csv`],
			`${TMP}/new-zone.csv: row 3, column "zone": unknown category "ocean" (known: desert, forest, snow)`,
		);
		expectFailure(
			2,
			["evaluate", "--model-file", `${TMP}/error.json`, "--data", `${TMP}/new-zone.csv`],
			"evaluate: --target is required for a regression model",
		);
	});
});
