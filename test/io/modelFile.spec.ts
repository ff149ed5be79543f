import { HttpService } from "@rbxts/services";
import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import { encodeJson } from "../../src/core/json";
import { FeatureEncoding } from "../../src/io/dataset";
import { loadModel } from "../../src/io/LoadedModel";
import { createModelFile, encodeModelFile, MODEL_FILE_VERSION, ModelFile, readModelFile } from "../../src/io/modelFile";
import { LinearRegression, LogisticRegression } from "../../src/models";
import { Adam } from "../../src/optimization";
import { StandardScaler } from "../../src/transformers/StandardScaler";

const ENCODING: FeatureEncoding = {
	columns: [
		{ name: "x", kind: "numeric" },
		{ name: "color", kind: "categorical", categories: ["blue", "red"] },
	],
};

/**
 * y = 1 + 2·z₁ + 3·z₂ + 4·z₃ on the scaled encoded columns. The scaler is fitted on
 * [[0, 1, 0], [2, 0, 1]]: means (1, 0.5, 0.5), population deviations (1, 0.5, 0.5).
 * The row (x = 3, red) encodes to (3, 0, 1), scales to (2, −1, 1), and predicts 1 + 4 − 3 + 4 = 6.
 */
function regressionFile(): ModelFile {
	const model = new LinearRegression({ learningRate: 0.05, optimizer: new Adam(), onIteration: () => {} });
	model.setModelParameters([[1], [2], [3], [4]]);
	const scaler = new StandardScaler().fit([
		[0, 1, 0],
		[2, 0, 1],
	]);
	return createModelFile(model, { encoding: ENCODING, scaler, target: "y" });
}

/** P(win) = σ(x): x = 2 → 0.8807970779778823; x = −1 → 0.2689414213699951. */
function classifierFile(): ModelFile {
	const model = new LogisticRegression({ classesList: ["lose", "win"] });
	model.setModelParameters([[0], [1]]);
	return createModelFile(model, { encoding: { columns: [{ name: "x", kind: "numeric" }] }, target: "won" });
}

describe("model file", () => {
	it("holds the format, the model, plain hyper-parameters, parameters, encoding, scaler and target", () => {
		const file = regressionFile();
		expect(file.format).toBe("hivemind-model");
		expect(file.formatVersion).toBe(MODEL_FILE_VERSION);
		expect(file.modelName).toBe("LinearRegression");
		expect(file.task).toBe("regression");
		expect(file.featureNames).toEqual(["x", "color=blue", "color=red"]);
		expect(file.hyperParameters.learningRate).toBe(0.05);
		// callbacks and optimizer objects are not data: left out (the default optimizer comes back on load)
		expect(file.hyperParameters.onIteration).toBe(undefined);
		expect(file.hyperParameters.optimizer).toBe(undefined);
		expect(file.parameters).toEqual([[1], [2], [3], [4]]);
		expect(file.scaler!.kind).toBe("StandardScaler");
		expect(file.target).toBe("y");
		expect(file.classes).toBe(undefined);
		expect(readModelFile(encodeModelFile(file))).toEqual(file);
	});

	it("stores the classes a classifier learned", () => {
		const model = new LogisticRegression({ maximumNumberOfIterations: 5 });
		const trained = new LogisticRegression({ classesList: ["a", "b"], maximumNumberOfIterations: 5 });
		trained.train([[0], [1]], ["a", "b"]);
		expect(createModelFile(trained, { encoding: { columns: [{ name: "x", kind: "numeric" }] } }).classes).toEqual(["a", "b"]);
		expect(createModelFile(trained, { encoding: { columns: [{ name: "x", kind: "numeric" }] } }).task).toBe("classification");
		expectError(
			() => createModelFile(model, { encoding: ENCODING }),
			"createModelFile: model must be trained (it has no parameters yet), got an untrained LogisticRegression",
		);
	});
});

describe("loadModel", () => {
	it("predicts from raw rows through the encoding and the scaler (by hand: 6)", () => {
		const json = encodeModelFile(regressionFile());
		for (const source of [json, HttpService.JSONDecode(json)]) {
			const loaded = loadModel(source);
			expect(loaded.columns).toEqual(["x", "color"]);
			const [byName] = loaded.predict([{ x: 3, color: "red" }]) as LuaTuple<[Array<Array<number>>]>;
			expectMatrixClose(byName, [[6]], 1e-12);
			const [positional] = loaded.predict([[3, "red"]]) as LuaTuple<[Array<Array<number>>]>;
			expectMatrixClose(positional, [[6]], 1e-12);
			const [single] = loaded.predict({ color: "red", x: "3", ignored: true }) as LuaTuple<[Array<Array<number>>]>;
			expectMatrixClose(single, [[6]], 1e-12);
			// (0, blue) → (0, 1, 0) → (−1, 1, −1): 1 − 2 + 3 − 4 = −2
			expectMatrixClose(loaded.encode([{ x: 0, color: "blue" }]), [[-1, 1, -1]], 1e-12);
			const table_ = loaded.predictTable([{ x: 0, color: "blue" }]);
			expect(table_.header).toEqual(["y"]);
			expectClose(table_.rows[0][0] as number, -2, 1e-12);
		}
	});

	it("gives a classifier's labels and probabilities, with their columns", () => {
		const loaded = loadModel(encodeModelFile(classifierFile()));
		expect(loaded.classes).toEqual(["lose", "win"]);
		const [labels, probabilities] = loaded.predict([{ x: 2 }, { x: -1 }]) as LuaTuple<[Array<string>, Array<Array<number>>]>;
		expect(labels).toEqual(["win", "lose"]);
		expectMatrixClose(
			probabilities,
			[
				[1 - 0.8807970779778823, 0.8807970779778823],
				[1 - 0.2689414213699951, 0.2689414213699951],
			],
			1e-15,
		);
		const predicted = loaded.predictTable([{ x: 2 }]);
		expect(predicted.header).toEqual(["won", "probability_lose", "probability_win"]);
		expect(predicted.rows[0][0]).toBe("win");
		expect(loaded.getModelFile()).toEqual(classifierFile());
	});

	it("names the row and column of bad raw rows", () => {
		const loaded = loadModel(encodeModelFile(regressionFile()));
		expectError(
			() =>
				loaded.predict([
					{ x: 1, color: "red" },
					{ x: 1, color: "green" },
				]),
			'LoadedModel.predict: rows[2], column "color": unknown category "green" (known: blue, red)',
		);
		expectError(() => loaded.predict([{ color: "red" }]), 'LoadedModel.predict: rows[1]: no column "x"');
		expectError(() => loaded.predict([{ x: "fast", color: "red" }]), 'rows[1], column "x": expected a number, got "fast"');
		expectError(() => loaded.predict([{ x: 0 / 0, color: "red" }]), 'rows[1], column "x": expected a number, got nan');
		expectError(() => loaded.predict([[1, "red", 3]]), "LoadedModel.predict: rows[1] must have 2 values (x, color), got 3");
		expectError(() => loaded.predict([]), "LoadedModel.predict: rows must hold at least one row, got an empty table");
		expectError(() => loaded.predict(5), "LoadedModel.predict: rows must be an array of rows");
	});

	it("refuses files from a newer format version and files that are not model files", () => {
		const file = regressionFile() as unknown as { [key: string]: unknown };
		const edited = (changes: { [key: string]: unknown }) => {
			const copy = table.clone(file);
			for (const [key, value] of pairs(changes)) copy[key] = value;
			return encodeJson(copy);
		};
		expectError(
			() => loadModel(edited({ formatVersion: MODEL_FILE_VERSION + 1 })),
			`loadModel: the model file has format version ${MODEL_FILE_VERSION + 1}, newer than this Hivemind reads (up to ${MODEL_FILE_VERSION}); update Hivemind to load it`,
		);
		expectError(
			() => loadModel(edited({ format: "other" })),
			'loadModel: file.format must be "hivemind-model" (is this a Hivemind model file?), got "other"',
		);
		expectError(
			() => loadModel(edited({ modelName: "Forest" })),
			"loadModel: file.modelName must be one of the registered models (",
			'got "Forest"',
		);
		expectError(
			() => loadModel(edited({ featureNames: ["x"] })),
			"loadModel: file.featureNames must be the encoded columns (x, color=blue, color=red), got x",
		);
		expectError(
			() => loadModel(edited({ task: "dreaming" })),
			'file.task must be "regression", "classification" or "clustering", got "dreaming"',
		);
		expectError(
			() => loadModel(edited({ task: "classification" })),
			'loadModel: file.task must be "regression" for LinearRegression, got "classification"',
		);
		const classifier = classifierFile() as unknown as { [key: string]: unknown };
		classifier.classes = undefined;
		expectError(() => loadModel(encodeJson(classifier)), "file.classes must list the class labels of a classifier, got nil");
		// a zero scale for a column whose values vary (M2 = 0 while min < max) is refused at load
		const scaler = table.clone(file.scaler as { kind: string; options: unknown; statistics: { [k: string]: unknown } });
		scaler.statistics = { ...scaler.statistics, m2: [[0, 0.5, 0.5]] };
		expectError(
			() => loadModel(edited({ scaler })),
			'loadModel: file.scaler.statistics give column "x" a zero or non-finite scale (min 0, max 2, m2 0); refit the scaler',
		);
		expectError(
			() => loadModel(edited({ scaler: { kind: "RobustScaler" } })),
			'loadModel: file.scaler.kind must be "StandardScaler" or "MinMaxScaler", got "RobustScaler"',
		);
		expectError(
			() =>
				loadModel(
					edited({
						encoding: {
							columns: [
								{ name: "x", kind: "numeric" },
								{ name: "x", kind: "numeric" },
							],
						},
					}),
				),
			`loadModel: file.encoding.columns[2].name must differ from the other columns' names, got "x" twice`,
		);
		expectError(
			() => loadModel(edited({ encoding: { columns: [{ name: "x", kind: "text" }] } })),
			'file.encoding.columns[1].kind must be "numeric" or "categorical", got "text"',
		);
		expectError(
			() => loadModel(edited({ parameters: [[1], [2]] })),
			"loadModel: file.parameters must fit the 3 encoded input columns (x, color=blue, color=red), but predicting fails: LinearRegression.predict: X must have 1 columns",
		);
		expectError(() => loadModel(edited({ parameters: [1, 2] })), "loadModel: file.parameters must be");
		expectError(() => loadModel("{not json"), "loadModel: json must be a model file's JSON text, got text that does not parse");
		expectError(() => loadModel(42), "loadModel: json must be a model file (its JSON text, or the table HttpService:JSONDecode returns), got 42");
	});
});
