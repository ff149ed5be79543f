import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import { ModelParametersMerger } from "../../src/distributed/ModelParametersMerger";
import { Matrix } from "../../src/matrix/types";
import { matmul } from "../../src/matrix/product";
import { ModelParameters } from "../../src/parameters/tree";

/** A linear model ŷ = Xθ (θ 2×1): what the merger scores regression children with. */
class LinearStub {
	theta: Matrix = [[0], [0]];
	setModelParameters(p: ModelParameters) {
		this.theta = p as Matrix;
	}
	getModelParameters() {
		return this.theta;
	}
	predict(X: Matrix) {
		return matmul(X, this.theta);
	}
}

/** A classifier: label = argmax of the row of Xθ (θ 2×2), ties to the lower label. */
class ClassifierStub extends LinearStub {
	predict(X: Matrix) {
		return matmul(X, this.theta).map((row) => [row[1] > row[0] ? 1 : 0]);
	}
}

// Validation data: y = x₁ + 2x₂ exactly (θ = [1, 2]); ȳ = 2, Σ|y − ȳ| = 2.
const X = [
	[1, 0],
	[0, 1],
	[1, 1],
];
const y = [[1], [2], [3]];
const exact = [[1], [2]]; // predictions 1, 2, 3: error 0, score 1
const half = [[1], [2.5]]; // 1, 2.5, 3.5: error 1, score 1 − 1/2 = 0.5
const halfToo = [[1.5], [2]]; // 1.5, 2, 3.5: error 1, score 0.5
const zero = [[2], [2]]; // 2, 2, 4: error 2, score 0
const alsoZero = [[3], [3]]; // 3, 3, 6: error 6, score max(0, −2) = 0

function scored(mergeType: string, modelType = "Regression") {
	const merger = new ModelParametersMerger({ model: new LinearStub(), modelType: modelType as never, mergeType: mergeType as never });
	merger.setData(X, y);
	return merger;
}

describe("ModelParametersMerger: averages", () => {
	it("Average is the plain mean, on a matrix, a list and a record", () => {
		const merger = new ModelParametersMerger();
		expectMatrixClose(
			merger.merge([
				[[1], [2]],
				[[3], [6]],
				[[5], [10]],
			]) as Matrix,
			[[3], [6]],
		);
		const list = merger.merge([
			[[[1]], [[2, 4]]],
			[[[3]], [[0, 0]]],
		]) as Array<Matrix>;
		expectMatrixClose(list[0], [[2]]);
		expectMatrixClose(list[1], [[1, 2]]);
		const rec = merger.merge([
			{ weights: [[1], [1]], bias: [[0]] },
			{ weights: [[3], [5]], bias: [[1]] },
		]) as { [k: string]: Matrix };
		expectMatrixClose(rec.weights, [[2], [3]]);
		expectMatrixClose(rec.bias, [[0.5]]);
		expect(merger.getLastMergeWeights()).toEqual([0.5, 0.5]);
	});
	it("WeightedAverage weights children by their scores 1, 0.5, 0", () => {
		const merger = scored("WeightedAverage");
		const merged = merger.merge([exact, half, zero]) as Matrix;
		expect(merger.getLastScores()).toEqual([1, 0.5, 0]);
		// (2/3)·[1, 2] + (1/3)·[1, 2.5] = [1, 6.5/3]
		expectMatrixClose(merged, [[1], [6.5 / 3]]);
	});
	it("WeightedAverage falls back to the plain mean when every score is 0", () => {
		const merger = scored("WeightedAverage");
		expectMatrixClose(merger.merge([zero, alsoZero]) as Matrix, [[2.5], [2.5]]);
		expect(merger.getLastMergeWeights()).toEqual([0.5, 0.5]);
	});
	it("WeightedAverageEqual gives equal weights to the children with a positive score", () => {
		const merger = scored("WeightedAverageEqual");
		expectMatrixClose(merger.merge([exact, half, zero]) as Matrix, [[1], [2.25]]);
		expect(merger.getLastMergeWeights()).toEqual([0.5, 0.5, 0]);
		expectMatrixClose(merger.merge([zero, alsoZero]) as Matrix, [[2.5], [2.5]]);
	});
	it("scores classifiers by accuracy", () => {
		const merger = new ModelParametersMerger({ model: new ClassifierStub(), modelType: "Classification", mergeType: "WeightedAverage" });
		merger.setData(
			[
				[1, 0],
				[0, 1],
				[1, 1],
				[2, 1],
			],
			[[0], [1], [0], [0]],
		);
		const identity = [
			[1, 0],
			[0, 1],
		]; // labels 0, 1, 0, 0: accuracy 1
		const swap = [
			[0, 1],
			[1, 0],
		]; // labels 1, 0, 0, 1: accuracy 0.25
		const merged = merger.merge([identity, swap]) as Matrix;
		expect(merger.getLastScores()).toEqual([1, 0.25]);
		expectMatrixClose(merged, [
			[0.8, 0.2],
			[0.2, 0.8],
		]);
	});
	it("compares one-hot targets with n×k predictions by their argmax", () => {
		const model = {
			theta: [[0]] as Matrix,
			setModelParameters(p: ModelParameters) {
				this.theta = p as Matrix;
			},
			predict(x: Matrix) {
				return x;
			},
		};
		const merger = new ModelParametersMerger({ model, modelType: "Classification", mergeType: "WeightedAverage" });
		merger.setData(
			[
				[0.9, 0.1],
				[0.3, 0.7],
				[0.6, 0.4],
			],
			[
				[1, 0],
				[0, 1],
				[0, 1],
			],
		);
		merger.merge([[[1]], [[3]]]);
		expectClose(merger.getLastScores()![0], 2 / 3);
	});
	it("restores the scoring model's own parameters after scoring", () => {
		const model = new LinearStub();
		model.theta = [[7], [7]];
		const merger = new ModelParametersMerger({ model, mergeType: "Best" });
		merger.setData(X, y);
		merger.merge([exact, half]);
		expect(model.theta).toEqual([[7], [7]]);
	});
});

describe("ModelParametersMerger: Best, Custom, SampleWeighted, RegressionMean", () => {
	it("Best returns a copy of the highest-scoring child", () => {
		const merger = scored("Best");
		const merged = merger.merge([half, exact, zero]) as Matrix;
		expect(merged).toEqual(exact);
		merged[0][0] = 99;
		expect(exact[0][0]).toBe(1);
	});
	it("Best breaks ties by the lowest child index, every time", () => {
		const merger = scored("Best");
		expect(merger.merge([zero, halfToo, half])).toEqual(halfToo);
		expect(merger.merge([zero, half, halfToo])).toEqual(half);
		for (const _ of $range(1, 5)) expect(merger.merge([zero, halfToo, half])).toEqual(halfToo);
	});
	it("Custom normalises the given weights", () => {
		const merger = new ModelParametersMerger({ mergeType: "Custom" });
		merger.setCustomSplitPercentageArray([1, 3, 0]);
		// 0.25·[1, 2] + 0.75·[3, 6] = [2.5, 5]
		expectMatrixClose(
			merger.merge([
				[[1], [2]],
				[[3], [6]],
				[[100], [100]],
			]) as Matrix,
			[[2.5], [5]],
		);
	});
	it("SampleWeighted is FedAvg: weights ∝ sample counts", () => {
		const merger = new ModelParametersMerger({ mergeType: "SampleWeighted" });
		merger.setSampleCounts([10, 30, 60]);
		// 0.1·1 + 0.3·2 + 0.6·4 = 3.1
		expectMatrixClose(merger.merge([[[1]], [[2]], [[4]]]) as Matrix, [[3.1]]);
	});
	it("RegressionMean equals least squares on the union of the children's data", () => {
		// child 1: X₁ = [[1,0],[1,1]], y₁ = [1,3] → θ₁ = [1, 2]; child 2: X₂ = [[1,2],[1,3]], y₂ = [4,7] → θ₂ = [−2, 3].
		// Union: x̄ = 1.5, ȳ = 3.75, Sxx = 5, Sxy = 9.5 → slope 1.9, intercept 0.9.
		const merger = new ModelParametersMerger({ mergeType: "RegressionMean" });
		merger.setGramMatrices([
			[
				[2, 1],
				[1, 1],
			],
			[
				[2, 5],
				[5, 13],
			],
		]);
		expectMatrixClose(
			merger.merge([
				[[1], [2]],
				[[-2], [3]],
			]) as Matrix,
			[[0.9], [1.9]],
			1e-12,
		);
	});
});

describe("ModelParametersMerger: robust merges", () => {
	const honest = [[[1, 10]], [[2, 20]], [[3, 30]], [[4, 40]]];
	const attacker = [[3000, 30000]]; // child 3 × 1000
	it("Median ignores a child sending parameters ×1000", () => {
		const merger = new ModelParametersMerger({ mergeType: "Median" });
		expectMatrixClose(merger.merge([...honest, attacker]) as Matrix, [[3, 30]]);
		expectMatrixClose(merger.merge(honest) as Matrix, [[2.5, 25]]);
		expect(merger.getLastMergeWeights()).toBe(undefined);
	});
	it("TrimmedMean drops ⌊trimFraction · children⌋ values at each end", () => {
		const merger = new ModelParametersMerger({ mergeType: "TrimmedMean", trimFraction: 0.2 });
		// sorted 1, 2, 3, 4, 3000: drop one at each end → mean(2, 3, 4) = 3
		expectMatrixClose(merger.merge([...honest, attacker]) as Matrix, [[3, 30]]);
		const none = new ModelParametersMerger({ mergeType: "TrimmedMean", trimFraction: 0 });
		expectMatrixClose(none.merge(honest) as Matrix, [[2.5, 25]]);
	});
});

describe("ModelParametersMerger: validation", () => {
	it("rejects bad options", () => {
		expectError(
			() => new ModelParametersMerger({ mergeType: "Mean" as never }),
			"[Hivemind] ModelParametersMerger.new: mergeType must be one of",
			'got "Mean"',
		);
		expectError(() => new ModelParametersMerger({ trimFraction: 0.5 }), "trimFraction must be a number in [0, 0.5), got 0.5");
		expectError(
			() => new ModelParametersMerger({ modelType: "Ranking" as never }),
			'modelType must be one of "Regression", "Classification", "Clustering", got "Ranking"',
		);
		expectError(
			() => new ModelParametersMerger({ model: {} as never }),
			"model must be a model with setModelParameters and predict, got a table",
		);
		expectError(() => new ModelParametersMerger({ colour: 1 } as never), 'unknown option "colour"');
	});
	it("rejects bad data, weights, counts and Gram matrices", () => {
		const merger = new ModelParametersMerger();
		expectError(() => merger.setData(X, [[1]]), "[Hivemind] ModelParametersMerger.setData: y must have 3 rows like X, got 1×1");
		expectError(() => merger.setData([[0 / 0]], [[1]]), "X[1][1] must be finite");
		expectError(
			() => merger.setCustomSplitPercentageArray([1, -1]),
			"ModelParametersMerger.setCustomSplitPercentageArray: weights[2] must be a finite number ≥ 0, got -1",
		);
		expectError(() => merger.setCustomSplitPercentageArray([0, 0]), "weights must have a positive sum, got 0");
		expectError(() => merger.setCustomSplitPercentageArray([] as never), "weights must be a non-empty array of numbers ≥ 0, got an empty table");
		expectError(
			() => merger.setSampleCounts([1, 0 / 0]),
			"ModelParametersMerger.setSampleCounts: counts[2] must be a finite number ≥ 0, got NaN",
		);
		expectError(() => merger.setGramMatrices([[[1, 2]]]), "ModelParametersMerger.setGramMatrices: grams[1] must be square, got 1×2");
		expectError(() => merger.setGramMatrices([] as never), "grams must be a non-empty array of matrices");
	});
	it("names the child and both shapes on a mismatch", () => {
		const merger = new ModelParametersMerger();
		expectError(
			() =>
				merger.merge([
					[[1], [2]],
					[[1], [2]],
					[[1], [2], [3]],
				]),
			"[Hivemind] ModelParametersMerger.merge: the matrix of child 2 must be 2×1 like child 0, got 3×1",
		);
		expectError(() => merger.merge([{ w: [[1], [2]] }, { w: [[1, 2]] }]), 'entry "w" of child 1 must be 2×1 like child 0, got 1×2');
		expectError(() => merger.merge([]), "parameterSetsArray must be a non-empty array of parameter sets");
		expectError(
			() => merger.merge([[[1]], 5 as never]),
			"child 1 must be a matrix, a list of matrices or a string-keyed table of matrices, got number",
		);
	});
	it("says what a merge type is missing", () => {
		expectError(
			() => new ModelParametersMerger({ mergeType: "Best" }).merge([exact]),
			'mergeType "Best" needs options.model to score children, got none',
		);
		expectError(
			() => new ModelParametersMerger({ mergeType: "Best", model: new LinearStub() }).merge([exact]),
			'mergeType "Best" needs validation data from setData(X, y), got none',
		);
		expectError(
			() => new ModelParametersMerger({ mergeType: "Custom" }).merge([exact]),
			'mergeType "Custom" needs setCustomSplitPercentageArray(weights) first',
		);
		const custom = new ModelParametersMerger({ mergeType: "Custom" });
		custom.setCustomSplitPercentageArray([1, 2]);
		expectError(() => custom.merge([exact]), 'mergeType "Custom" needs 1 weights (one per child), got 2');
		expectError(() => new ModelParametersMerger({ mergeType: "SampleWeighted" }).merge([exact]), "needs setSampleCounts(counts) first");
		expectError(() => new ModelParametersMerger({ mergeType: "RegressionMean" }).merge([exact]), "needs setGramMatrices(grams) first");
		const regression = new ModelParametersMerger({ mergeType: "RegressionMean" });
		regression.setGramMatrices([[[1]]]);
		expectError(() => regression.merge([exact]), "the parameters must have 1 rows to match the 1×1 Gram matrices, got 2×1");
		const wrongPredict = new ModelParametersMerger({
			mergeType: "Best",
			model: {
				setModelParameters() {},
				predict() {
					return [[1]];
				},
			},
		});
		wrongPredict.setData(X, y);
		expectError(() => wrongPredict.merge([exact]), "model.predict(X) must give 3×1 like y, got 1×1");
	});
});
