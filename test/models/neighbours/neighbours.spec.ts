import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { KNearestNeighboursClassifier } from "../../../src/models/neighbours/KNearestNeighboursClassifier";
import { KNearestNeighboursRegressor } from "../../../src/models/neighbours/KNearestNeighboursRegressor";
import { NearestCentroid } from "../../../src/models/neighbours/NearestCentroid";

const X = [[0], [1], [2], [10], [11]];
const y = ["a", "a", "b", "b", "b"];

describe("KNearestNeighboursClassifier", () => {
	it("votes among the k nearest rows, uniformly or by inverse distance", () => {
		// Query 0.9: distances 0.9, 0.1, 1.1, 9.1, 10.1 → neighbours 1 (a), 0 (a), 2 (b).
		const uniform = new KNearestNeighboursClassifier({ numberOfNeighbours: 3 });
		uniform.train(X, y);
		const [labels, probabilities] = uniform.predict([[0.9], [10.4]]);
		expect(labels).toEqual(["a", "b"]);
		expectMatrixClose(probabilities, [
			[2 / 3, 1 / 3],
			[0, 1],
		]);
		const weighted = new KNearestNeighboursClassifier({ numberOfNeighbours: 3, weights: "distance" });
		weighted.train(X, y);
		const a = 1 / 0.1 + 1 / 0.9;
		const b = 1 / 1.1;
		expectMatrixClose(weighted.predict([[0.9]])[1], [[a / (a + b), b / (a + b)]], 1e-12);
	});
	it("lets rows at distance 0 outvote all others with distance weights", () => {
		const model = new KNearestNeighboursClassifier({ numberOfNeighbours: 5, weights: "distance" });
		model.train(X, y);
		expectMatrixClose(model.predict([[2]])[1], [[0, 1]]);
	});
	it("breaks ties deterministically: equal votes to the first class, equal distances to the first stored row", () => {
		// Query 1.5 is 0.5 from both 1 (a) and 2 (b).
		const two = new KNearestNeighboursClassifier({ numberOfNeighbours: 2 });
		two.train(X, y);
		const [votes, shares] = two.predict([[1.5]]);
		expect(votes).toEqual(["a"]);
		expectMatrixClose(shares, [[0.5, 0.5]]);
		const one = new KNearestNeighboursClassifier({ numberOfNeighbours: 1, classesList: ["b", "a"] });
		one.train([X[2], X[1]], ["b", "a"]);
		// Stored canonically (1 before 2), so the tie goes to row 1 whatever the training order.
		expect(one.predict([[1.5]])[0]).toEqual(["a"]);
	});
	it("uses all rows when k exceeds them, and measures cosine distance by angle", () => {
		const model = new KNearestNeighboursClassifier({ numberOfNeighbours: 9 });
		model.train(X, y);
		expectMatrixClose(model.predict([[0]])[1], [[0.4, 0.6]]);
		const angle = new KNearestNeighboursClassifier({ numberOfNeighbours: 1, distance: "cosine" });
		angle.train(
			[
				[1, 0],
				[0, 1],
				[20, 1],
			],
			["flat", "up", "flat2"],
		);
		expect(angle.predict([[5, 0.3]])[0]).toEqual(["flat2"]);
	});
	it("stores parameters independent of the row order", () => {
		const a = new KNearestNeighboursClassifier();
		a.train(X, y);
		const b = new KNearestNeighboursClassifier();
		b.train([X[3], X[0], X[4], X[2], X[1]], [y[3], y[0], y[4], y[2], y[1]]);
		expect(b.getModelParameters()).toEqual(a.getModelParameters());
		expect(a.getModelParameters()).toEqual({ inputs: X, targets: [[0], [0], [1], [1], [1]] });
	});
	it("rejects bad options and stored targets that are not class indices", () => {
		expectError(
			() => new KNearestNeighboursClassifier({ numberOfNeighbours: 0 }),
			"KNearestNeighboursClassifier.new: numberOfNeighbours must be an integer ≥ 1, got 0",
		);
		expectError(
			() => new KNearestNeighboursClassifier({ distance: "chebyshev" as never }),
			'distance must be one of "euclidean", "manhattan", "cosine", got "chebyshev"',
		);
		expectError(
			() => new KNearestNeighboursClassifier({ weights: "inverse" as never }),
			'weights must be one of "uniform", "distance", got "inverse"',
		);
		const model = new KNearestNeighboursClassifier({ classesList: ["a", "b"] });
		expectError(
			() => model.setModelParameters({ inputs: [[0], [1]], targets: [[0]] }),
			"KNearestNeighboursClassifier.setModelParameters: parameters.targets must be 2×m, got 1×1",
		);
		expectError(
			() => model.setModelParameters({ inputs: [[0]], targets: [[2]] }),
			"parameters.targets must be an n×1 column of class indices in [0, 1], got 2",
		);
		expectError(() => model.setModelParameters({ inputs: [[0]], values: [[0]] }), "parameters must be a record {inputs, targets}");
	});
});

describe("KNearestNeighboursRegressor", () => {
	const inputs = [[0], [1], [2], [10]];
	it("averages the k nearest targets, uniformly or by inverse distance", () => {
		// Query 0.4: neighbours 0 (d 0.4, y 0) and 1 (d 0.6, y 2).
		const uniform = new KNearestNeighboursRegressor({ numberOfNeighbours: 2 });
		uniform.train(inputs, [0, 2, 4, 20]);
		expectMatrixClose(uniform.predict([[0.4]]), [[1]]);
		const weighted = new KNearestNeighboursRegressor({ numberOfNeighbours: 2, weights: "distance" });
		weighted.train(inputs, [0, 2, 4, 20]);
		// (0 / 0.4 + 2 / 0.6) / (1 / 0.4 + 1 / 0.6) = 0.8
		expectClose(weighted.predict([[0.4]])[0][0], 0.8, 1e-12);
		const multi = new KNearestNeighboursRegressor({ numberOfNeighbours: 2 });
		multi.train(inputs, [
			[0, 1],
			[2, 1],
			[4, 1],
			[20, 1],
		]);
		expectMatrixClose(multi.predict([[0.4]]), [[1, 1]]);
	});
	it("uses manhattan distances with ties to the first stored row", () => {
		// From (1,1): (0,0) at 2, (0,2) at 2, (3,0) at 3.
		const model = new KNearestNeighboursRegressor({ numberOfNeighbours: 2, distance: "manhattan" });
		model.train(
			[
				[3, 0],
				[0, 2],
				[0, 0],
			],
			[30, 20, 10],
		);
		expectMatrixClose(model.predict([[1, 1]]), [[15]]);
	});
	it("rejects targets of the wrong length", () => {
		const model = new KNearestNeighboursRegressor();
		expectError(() => model.train(inputs, [1, 2]), "KNearestNeighboursRegressor.train: y must have 4 rows like X (4×1), got");
	});
});

describe("NearestCentroid", () => {
	const points = [
		[0, 0],
		[2, 0],
		[10, 10],
		[12, 10],
	];
	const labels = ["a", "a", "b", "b"];
	it("predicts the nearest class mean and reports the distances", () => {
		const model = new NearestCentroid();
		model.train(points, labels);
		expect(model.getModelParameters()).toEqual({
			centroids: [
				[1, 0],
				[11, 10],
			],
			counts: [[2], [2]],
		});
		const [predicted, distances] = model.predict([[5, 4]]);
		expect(predicted).toEqual(["a"]);
		expectMatrixClose(distances, [[math.sqrt(32), math.sqrt(72)]]);
		const manhattan = new NearestCentroid({ distance: "manhattan" });
		manhattan.train(points, labels);
		// (6,5) is 10 from both means: the tie goes to the first class.
		const [tied, d] = manhattan.predict([[6, 5]]);
		expect(tied).toEqual(["a"]);
		expectMatrixClose(d, [[10, 10]]);
	});
	it("folds later batches into the means exactly, never predicting a class without rows", () => {
		const model = new NearestCentroid({ classesList: ["a", "b"] });
		model.train([points[0], points[1]], ["a", "a"]);
		const [only, far] = model.predict([[11, 10]]);
		expect(only).toEqual(["a"]);
		expect(far[0][1]).toBe(math.huge);
		model.train([points[2], points[3]], ["b", "b"]);
		expect(model.getModelParameters()).toEqual({
			centroids: [
				[1, 0],
				[11, 10],
			],
			counts: [[2], [2]],
		});
		model.train([[4, 0]], ["a"]);
		expectMatrixClose((model.getModelParameters() as { [k: string]: Array<Array<number>> }).centroids, [
			[2, 0],
			[11, 10],
		]);
	});
	it("rejects inconsistent parameters and bad options", () => {
		expectError(
			() => new NearestCentroid({ distance: "hamming" as never }),
			'NearestCentroid.new: distance must be one of "euclidean", "manhattan", "cosine", got "hamming"',
		);
		const model = new NearestCentroid({ classesList: ["a", "b"] });
		expectError(
			() => model.setModelParameters({ centroids: [[0, 0]], counts: [[1]] }),
			"NearestCentroid.setModelParameters: parameters.centroids must be 2×m, got 1×2",
		);
		expectError(() => model.setModelParameters({ centroids: [[0], [1]], counts: [[1], [1], [1]] }), "parameters.counts must be 2×1, got 3×1");
		expectError(
			() => model.setModelParameters({ centroids: [[0], [1]], counts: [[0], [0]] }),
			"parameters.counts must sum to at least 1 (rows seen), got 0",
		);
	});
});
