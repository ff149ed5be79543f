import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
// Through the models index, which registers every model (OneVsAll resolves names in the registry).
import { OneVsAll } from "../../../src/models";
import { flattenPerClass, splitPerClass } from "../../../src/models/multiclass/perClassParameters";

// Three points on a line: L at −2, M at 0, R at 2.
//  L vs rest: max margin between −2 and 0 → f_L(x) = −x − 1 (support vectors −2 and 0).
//  R vs rest: by symmetry f_R(x) = x − 1.
//  M vs rest is not separable: by symmetry w = 0 and α₋₂ = α₂ = C/2, α₀ = C; the free α give
//  b = −1 (primal: C·(2(1 + b) + (1 − b)) is smallest at b = −1), so f_M(x) = −1.
const X = [[-2], [0], [2]];
const y = ["L", "M", "R"];

function svmOneVsAll() {
	const model = new OneVsAll({ modelName: "SupportVectorMachine", modelOptions: { kernel: "linear", C: 1, tolerance: 1e-12 } });
	model.train(X, y);
	return model;
}

describe("OneVsAll", () => {
	it("combines hand-solved one-vs-rest SVMs and predicts the highest score", () => {
		const model = svmOneVsAll();
		expect(model.getClassesList()).toEqual(["L", "M", "R"]);
		const [labels, scores] = model.predict([[-1], [0.5], [3]]);
		expect(labels).toEqual(["L", "R", "R"]);
		expectMatrixClose(
			scores,
			[
				[0, -1, -2],
				[-1.5, -1, -0.5],
				[-4, -1, 2],
			],
			1e-8,
		);
	});
	it("names every class's entries <class>.<entry> and restores them into a fresh model", () => {
		const model = svmOneVsAll();
		const p = model.getModelParameters() as { [name: string]: Array<Array<number>> };
		expectMatrixClose(p["1.supportVectors"], [[-2], [0]]);
		expectClose(p["3.bias"][0][0], -1, 1e-8);
		const copy = new OneVsAll({ modelName: "SupportVectorMachine", modelOptions: { kernel: "linear" }, classesList: ["L", "M", "R"] });
		copy.setModelParameters(model.getModelParameters()!);
		expect(copy.predict([[-1], [0.5]])[0]).toEqual(["L", "R"]);
	});
	it("scores with the per-class model's probability of its second label", () => {
		const model = new OneVsAll({ modelOptions: { maximumNumberOfIterations: 200, learningRate: 0.5 } });
		model.train(X, y);
		const [labels, scores] = model.predict([[-3], [3]]);
		expect(labels).toEqual(["L", "R"]);
		for (const row of scores) for (const v of row) expect(v > 0 && v < 1).toBe(true);
		// One (bias, weight) column per class, named by class number.
		const p = model.getModelParameters() as { [name: string]: Array<Array<number>> };
		expect([p["1"].size(), p["2"].size(), p["3"].size(), p["1"][0].size()]).toEqual([2, 2, 2, 1]);
		expect(p["1"][1][0] < 0 && p["3"][1][0] > 0).toBe(true);
	});
	it("rejects an unknown model name, its bad options, and parameters for the wrong classes", () => {
		expectError(
			() => new OneVsAll({ modelName: "Nope" }),
			'OneVsAll.new: modelName must be the name of a registered binary classifier (getRegisteredModels), got "Nope"',
		);
		expectError(() => new OneVsAll({ modelName: "LinearRegression" }), "modelName must be the name of a registered binary classifier");
		expectError(() => new OneVsAll({ modelOptions: { speed: 1 } }), 'LogisticRegression.new: unknown option "speed"');
		const model = svmOneVsAll();
		const p = model.getModelParameters() as { [name: string]: Array<Array<number>> };
		const twoClasses = { "1": [[0], [0]], "2": [[0], [0]] };
		expectError(
			() => model.setModelParameters(twoClasses),
			"OneVsAll.setModelParameters: parameters must hold 3 classes (one per class, named 1 … 3), got 2",
		);
		expectError(
			() => model.setModelParameters({ ...p, "3.gamma": [[-1]] }),
			"OneVsAll.setModelParameters: class 3's parameters were refused",
			"parameters.gamma must hold a number > 0, got -1",
		);
	});
});

describe("per-class parameter records", () => {
	it("flattens matrices, lists and records, and splits them back", () => {
		const parts = [[[1]], [[[2]], [[3]]], { w: [[4]], b: [[5]] }];
		const flat = flattenPerClass(parts);
		expect(flat).toEqual({ "1": [[1]], "2.1": [[2]], "2.2": [[3]], "3.b": [[5]], "3.w": [[4]] });
		expect(splitPerClass(flat, "test")).toEqual(parts);
	});
	it("names the problem with a malformed record", () => {
		expectError(
			() => splitPerClass({ x: [[1]] }, "Where"),
			'Where: parameters must be a record of per-class entries named <class> or <class>.<entry> (classes numbered from 1), got an entry named "x"',
		);
		expectError(() => splitPerClass({ "2": [[1]] }, "Where"), "Where: parameters must hold every class from 1 to 2, missing class 1");
		expectError(
			() => splitPerClass({ "1": [[1]], "1.w": [[1]] }, "Where"),
			'parameters of class 1 must be either "1" alone or "1.<entry>" entries, got both',
		);
		expectError(() => splitPerClass([[1]], "Where"), "Where: parameters must be a record of per-class entries");
	});
});
