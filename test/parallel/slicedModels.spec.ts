// Issue 13: the statistics, online and kernel models, the shared data preparation and bulk predict
// run in fixed row blocks, so a run that yields at every block check (a tiny budget) gives the
// same bits as one that never yields.
import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { Matrix } from "../../src/matrix/types";
import { RandomGenerator } from "../../src/matrix/random";
import {
	BayesianLinearRegression,
	BisectingKMeans,
	FuzzyCMeans,
	GaussianMixture,
	GaussianNaiveBayes,
	IsolationForest,
	KMeans,
	LinearRegression,
	LogisticRegression,
	NearestCentroid,
	OneClassSupportVectorMachine,
	OneVsAll,
	PassiveAggressiveClassifier,
	PassiveAggressiveRegressor,
	RidgeRegression,
	SoftmaxRegression,
	SupportVectorMachine,
} from "../../src/models";
import { PCA } from "../../src/transformers/PCA";
import { assignmentBlock, assignmentPartial } from "../../src/models/clustering/kmeansSteps";
import { computeCovariancePartial, computeKMeansPartial, mergeKMeansPartials } from "../../src/sufficientStatistics";
import { FrameBudget } from "../../src/parallel/FrameBudget";
import { rowsBetween } from "../../src/parallel/shards";
import { sortWithinBudget } from "../../src/parallel/sort";
import { bothWays, countingYields, regressionData, withDefaultBudget } from "./helpers";

describe("statistics, online and kernel models within the frame budget", () => {
	const [X, y] = regressionData(3000, 6, 31);
	const labels = y.map((v) => (v > 0.5 ? 1 : 0));
	const classes = y.map((v) => (v < -0.5 ? "low" : v < 1.5 ? "mid" : "high"));
	const targets2 = y.map((v, i) => [v, X[i][0] - v]);

	it("data preparation, RidgeRegression (two outputs), BayesianLinearRegression and LinearRegression predict: bit-identical sliced and unsliced", () => {
		const [unsliced, sliced, yields] = bothWays(() => {
			const ridge = new RidgeRegression({ lambda: 0.5 });
			const bayes = new BayesianLinearRegression();
			const linear = new LinearRegression({ maximumNumberOfIterations: 2, frameBudget: 0 });
			const costs = [ridge.train(X, targets2), bayes.train(X, y)];
			linear.train(X, y);
			return [costs, ridge.predict(X), bayes.predict(X), linear.predict(X), ridge.getModelParameters(), bayes.getModelParameters()];
		});
		// X copied, the bias column, the targets, the statistics and each prediction: several blocks each
		expect(yields > 40).toBe(true);
		expect(sliced).toEqual(unsliced);
	});

	it("LogisticRegression and SoftmaxRegression bulk predict: bit-identical labels and probabilities sliced and unsliced", () => {
		const logistic = new LogisticRegression({ maximumNumberOfIterations: 3, frameBudget: 0 });
		const softmax = new SoftmaxRegression({ maximumNumberOfIterations: 3, frameBudget: 0 });
		logistic.train(X, labels);
		softmax.train(X, classes);
		const [unsliced, sliced, yields] = bothWays(() => [[...logistic.predict(X)], [...softmax.predict(X)]]);
		expect(yields > 10).toBe(true);
		expect(sliced).toEqual(unsliced);
	});

	it("GaussianNaiveBayes, NearestCentroid and OneVsAll: bit-identical training and bulk predictions sliced and unsliced", () => {
		const [unsliced, sliced, yields] = bothWays(() => {
			const bayes = new GaussianNaiveBayes();
			const centroid = new NearestCentroid();
			const ova = new OneVsAll({ modelName: "PassiveAggressiveClassifier", modelOptions: { maximumNumberOfIterations: 2 } });
			const costs = [bayes.train(X, classes), centroid.train(X, classes), ova.train(X, classes)];
			return [costs, [...bayes.predict(X)], [...centroid.predict(X)], [...ova.predict(X)], ova.getModelParameters()];
		});
		expect(yields > 40).toBe(true);
		expect(sliced).toEqual(unsliced);
	});

	it("labels given as an n×1 matrix and as one-hot rows: the same classes sliced and unsliced as from the label vector", () => {
		const column = labels.map((v) => [v]);
		const oneHot = labels.map((v) => (v === 1 ? [0, 1] : [1, 0]));
		const [unsliced, sliced, yields] = bothWays(() => {
			const fromColumn = new GaussianNaiveBayes();
			const fromOneHot = new GaussianNaiveBayes();
			fromColumn.train(X, column);
			fromOneHot.train(X, oneHot);
			return [fromColumn.getModelParameters(), fromOneHot.getModelParameters()];
		});
		expect(yields > 10).toBe(true);
		expect(sliced).toEqual(unsliced);
		const fromVector = new GaussianNaiveBayes();
		fromVector.train(X, labels);
		expect(sliced[0]).toEqual(fromVector.getModelParameters());
		expect(sliced[1]).toEqual(fromVector.getModelParameters());
	});

	it("PassiveAggressive classifier and regressor: bit-identical weights, losses and predictions sliced and unsliced (shuffled passes)", () => {
		const [unsliced, sliced, yields] = bothWays(() => {
			const classifier = new PassiveAggressiveClassifier({ maximumNumberOfIterations: 3, classesList: [0, 1] });
			const regressor = new PassiveAggressiveRegressor({ maximumNumberOfIterations: 3 });
			const costs = [classifier.train(X, labels), regressor.train(X, y)];
			return [costs, [...classifier.predict(X)], regressor.predict(X), classifier.getModelParameters(), regressor.getModelParameters()];
		});
		expect(yields > 30).toBe(true);
		expect(sliced).toEqual(unsliced);
	});

	it("PCA: bit-identical components, transform and inverse sliced and unsliced; its statistics equal computeCovariancePartial's", () => {
		const [unsliced, sliced, yields] = bothWays(() => {
			const pca = new PCA({ numberOfComponents: 3 });
			const cost = pca.train(X);
			const Z = pca.transform(X);
			return [cost, pca.getModelParameters(), Z, pca.inverseTransform(Z), pca.computePartial(X)];
		});
		expect(yields > 10).toBe(true);
		expect(sliced).toEqual(unsliced);
		// the blocked passes make the same additions as the one-call statistics
		expect(sliced[4]).toEqual(computeCovariancePartial(X));
	});

	it("SupportVectorMachine and OneClassSupportVectorMachine: bit-identical solutions and predictions sliced and unsliced", () => {
		const small = X.filter((_, i) => i < 250);
		const smallLabels = labels.filter((_, i) => i < 250);
		const [unsliced, sliced, yields] = bothWays(() => {
			const svm = new SupportVectorMachine({ classesList: [0, 1], C: 2 });
			const detector = new OneClassSupportVectorMachine({ nu: 0.2, contamination: 0.1 });
			const costs = [svm.train(small, smallLabels), detector.train(small)];
			return [costs, [...svm.predict(X)], [...detector.predict(X)], detector.score(X), svm.getModelParameters(), detector.getModelParameters()];
		});
		// SMO checks the budget after every pair update
		expect(yields > 50).toBe(true);
		expect(sliced).toEqual(unsliced);
	});

	it("KMeans with cosine distance and random seeds: bit-identical sliced and unsliced", () => {
		const [unsliced, sliced, yields] = bothWays(() => {
			const kmeans = new KMeans({
				numberOfClusters: 4,
				distance: "cosine",
				initialization: "random",
				numberOfInitializations: 2,
				maximumNumberOfIterations: 4,
			});
			const inertias = kmeans.train(X);
			return [inertias, kmeans.getModelParameters(), [...kmeans.predict(X)]];
		});
		expect(yields > 10).toBe(true);
		expect(sliced).toEqual(unsliced);
	});

	it("BisectingKMeans, FuzzyCMeans, IsolationForest and GaussianMixture (random seeds): bit-identical training and predictions sliced and unsliced", () => {
		const [unsliced, sliced, yields] = bothWays(() => {
			const bisecting = new BisectingKMeans({ numberOfClusters: 3, maximumNumberOfIterations: 4 });
			const fuzzy = new FuzzyCMeans({ numberOfClusters: 3, maximumNumberOfIterations: 3 });
			const forest = new IsolationForest({ numberOfTrees: 20, contamination: 0.1 });
			const mixture = new GaussianMixture({
				numberOfComponents: 3,
				initialization: "random",
				numberOfInitializations: 1,
				maximumNumberOfIterations: 2,
			});
			const costs = [bisecting.train(X), fuzzy.train(X), forest.train(X), mixture.train(X)];
			return [
				costs,
				[...bisecting.predict(X)],
				[...fuzzy.predict(X)],
				[...forest.predict(X)],
				forest.getModelParameters(),
				mixture.getModelParameters(),
				[...mixture.predict(X)],
				mixture.score(X),
			];
		});
		expect(yields > 50).toBe(true);
		expect(sliced).toEqual(unsliced);
	});

	it("refuses a large X with a bad entry or an extra key far down, naming it, and leaves the model as it was", () => {
		const ridge = new RidgeRegression();
		ridge.train(X, y);
		const before = ridge.getModelParameters();
		const bad = X.map((row) => table.clone(row));
		bad[2900][3] = 0 / 0;
		expectError(() => withDefaultBudget(1e-6, () => ridge.train(bad, y)), "RidgeRegression.train: X[2901][4] must be finite");
		const keyed = table.clone(X);
		(keyed as unknown as { [key: string]: unknown }).extra = 1;
		expectError(() => withDefaultBudget(1e-6, () => ridge.train(keyed, y)), "RidgeRegression.train: X must be a dense array of rows");
		const badLabels = labels.map((v) => [v]);
		badLabels[2999] = [1, 2];
		expectError(() => withDefaultBudget(1e-6, () => new GaussianNaiveBayes().train(X, badLabels)), "row 3000 has 2 columns and row 1 has 1");
		expect(ridge.getModelParameters()).toEqual(before);
	});

	it("the Lloyd step in its preallocated buffers makes the additions of merging each block's partial in order", () => {
		const centres = [X[0], X[1], X[2], X[3]];
		const block = assignmentBlock(X, centres);
		let expected = computeKMeansPartial(rowsBetween(X, 0, block - 1), centres);
		for (const first of $range(block, X.size() - 1, block)) {
			expected = mergeKMeansPartials(expected, computeKMeansPartial(rowsBetween(X, first, math.min(X.size() - 1, first + block - 1)), centres));
		}
		expect(X.size() > 2 * block).toBe(true);
		expect(assignmentPartial(X, centres, new FrameBudget(0))).toEqual(expected);
	});
});

describe("the merge sort within a frame budget", () => {
	it("sorts as table.sort does and checks the budget every 1024 moves, also inside the long last merges", () => {
		const rng = new RandomGenerator(4);
		const values = new Array<number>();
		for (const _ of $range(1, 5000)) values.push(rng.integer(0, 1000));
		let sorted: Array<number> = [];
		const yields = countingYields(() => (sorted = sortWithinBudget(values, (a, b) => a < b, new FrameBudget(1e-6))));
		const expected = table.clone(values);
		expected.sort((a, b) => a < b);
		expect(sorted).toEqual(expected);
		// 13 passes of 5000 moves: ⌊65000 / 1024⌋ = 63 checks, each yielding at a tiny budget
		expect(yields).toBe(63);
		expect(values.size()).toBe(5000);
	});
});

/** A matrix whose rows are `m`'s, in reverse order (the same table rows). */
function reversed(m: Matrix): Matrix {
	const out = new Array<Array<number>>();
	for (const i of $range(m.size() - 1, 0, -1)) out.push(m[i]);
	return out;
}

describe("canonical row order within a frame budget", () => {
	it("KMeans seeds from the canonical order, so reversed rows give the same centroids when sliced", () => {
		const [X] = regressionData(2000, 4, 5);
		const a = withDefaultBudget(1e-6, () => {
			const kmeans = new KMeans({ numberOfClusters: 3, numberOfInitializations: 1, maximumNumberOfIterations: 3 });
			kmeans.train(X);
			return kmeans.getModelParameters();
		});
		const b = withDefaultBudget(0, () => {
			const kmeans = new KMeans({ numberOfClusters: 3, numberOfInitializations: 1, maximumNumberOfIterations: 3 });
			kmeans.train(reversed(X));
			return kmeans.getModelParameters();
		});
		expect(a).toEqual(b);
	});
});
