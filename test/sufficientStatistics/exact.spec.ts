import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import { Matrix } from "../../src/matrix/types";
import { RandomGenerator } from "../../src/matrix/random";
import { concatHorizontal } from "../../src/matrix/shape";
import { splitRows } from "../distributed/support";
import { ones } from "../../src/matrix/creation";
import { mergeChain, mergeTree } from "../../src/sufficientStatistics/merge";
import { computeLinearPartial, finalizeLinear, mergeLinearPartials } from "../../src/sufficientStatistics/linear";
import { computeMomentsPartial, finalizeMoments, mergeMomentsPartials } from "../../src/sufficientStatistics/moments";
import { computeCovariancePartial, finalizeCovariance, finalizePca, mergeCovariancePartials } from "../../src/sufficientStatistics/covariance";
import { computeKMeansPartial, finalizeKMeans, mergeKMeansPartials } from "../../src/sufficientStatistics/kmeans";
import {
	computeBernoulliNaiveBayesPartial,
	computeGaussianNaiveBayesPartial,
	computeMultinomialNaiveBayesPartial,
	finalizeBernoulliNaiveBayes,
	finalizeGaussianNaiveBayes,
	finalizeMultinomialNaiveBayes,
	mergeCountNaiveBayesPartials,
	mergeGaussianNaiveBayesPartials,
} from "../../src/sufficientStatistics/naiveBayes";
import { hiddenOutput, initializeHiddenLayer } from "../../src/models/elm/hidden";
import { updateProblem, createUpdate } from "../../src/distributed/wire";

// 20 rows, 3 features centred near (50, −20, 5) (so naive Σxxᵀ would cancel), labels 0/1/2, split 2 + 7 + 4 + 7.
const rng = new RandomGenerator(2024);
const X: Matrix = [];
const labels: Matrix = [];
const counts: Matrix = [];
const targets: Matrix = [];
for (const i of $range(0, 19)) {
	const row = [50 + rng.normal(0, 3), -20 + rng.normal(0, 1), 5 + rng.normal(0, 0.5)];
	X.push(row);
	labels.push([i % 3]);
	counts.push([rng.integer(0, 5), rng.integer(0, 5), rng.integer(0, 5)]);
	targets.push([0.3 * row[0] - 2 * row[1] + row[2] + rng.normal(0, 0.1), row[0] - row[2]]);
}
const SIZES = [2, 7, 4, 7];
const shards = (m: Matrix) => splitRows(m, SIZES);
const XS = shards(X);
const LS = shards(labels);

/** Finalized chain and tree merges of the four shards' partials, and the centralized result. */
function threeWays<P extends defined, R>(compute: (k: number) => P, all: P, merge: (a: P, b: P) => P, finalize: (p: P) => R): [R, R, R] {
	const partials = SIZES.map((_, k) => compute(k));
	return [finalize(mergeChain(partials, merge)), finalize(mergeTree(partials, merge)), finalize(all)];
}

function expectSameMatrices(results: Array<{ [k: string]: unknown }>, fields: Array<string>) {
	const [chain, tree, central] = results;
	for (const field of fields) {
		expectMatrixClose(chain[field] as Matrix, central[field] as Matrix, 1e-9);
		expectMatrixClose(tree[field] as Matrix, central[field] as Matrix, 1e-9);
	}
}

describe("statistics: chain and tree merges over 4 uneven shards equal the centralized result", () => {
	it("linear and ridge regression", () => {
		const design = concatHorizontal(ones(20, 1), X);
		const DS = shards(design);
		const targetShards = shards(targets);
		for (const lambda of [0, 2.5]) {
			const results = threeWays(
				(k) => computeLinearPartial(DS[k], targetShards[k]),
				computeLinearPartial(design, targets),
				mergeLinearPartials,
				(p) => ({
					w: finalizeLinear(p, lambda, [0]),
				}),
			);
			expectSameMatrices(results, ["w"]);
		}
	});
	it("moments (Chan–Golub–LeVeque)", () => {
		const results = threeWays(
			(k) => computeMomentsPartial(XS[k]),
			computeMomentsPartial(X),
			mergeMomentsPartials,
			(p) => finalizeMoments(p, 1),
		);
		expectSameMatrices(results as never, ["mean", "variance", "standardDeviation"]);
		expect(results[0].n).toBe(20);
	});
	it("covariance and PCA", () => {
		const cov = threeWays(
			(k) => computeCovariancePartial(XS[k]),
			computeCovariancePartial(X),
			mergeCovariancePartials,
			(p) => finalizeCovariance(p, 1),
		);
		expectSameMatrices(cov as never, ["mean", "covariance"]);
		const pca = threeWays(
			(k) => computeCovariancePartial(XS[k]),
			computeCovariancePartial(X),
			mergeCovariancePartials,
			(p) => finalizePca(p, 2),
		);
		expectSameMatrices(pca as never, ["mean", "components", "explainedVariance", "explainedVarianceRatio"]);
	});
	it("one k-means Lloyd iteration", () => {
		const centroids = [X[0], X[5], X[11]].map((row) => [...row]);
		const results = threeWays(
			(k) => computeKMeansPartial(XS[k], centroids),
			computeKMeansPartial(X, centroids),
			mergeKMeansPartials,
			(p) => finalizeKMeans(p, centroids),
		);
		expectSameMatrices(results as never, ["centroids", "counts"]);
		expectClose(results[0].inertia, results[2].inertia, 1e-9);
		expectClose(results[1].inertia, results[2].inertia, 1e-9);
	});
	it("Gaussian, Multinomial and Bernoulli naive Bayes", () => {
		const classes = [0, 1, 2];
		const gaussian = threeWays(
			(k) => computeGaussianNaiveBayesPartial(XS[k], LS[k], classes),
			computeGaussianNaiveBayesPartial(X, labels, classes),
			mergeGaussianNaiveBayesPartials,
			(p) => finalizeGaussianNaiveBayes(p),
		);
		expectSameMatrices(gaussian as never, ["priors", "means", "variances"]);
		const CS = shards(counts);
		const multinomial = threeWays(
			(k) => computeMultinomialNaiveBayesPartial(CS[k], LS[k], classes),
			computeMultinomialNaiveBayesPartial(counts, labels, classes),
			mergeCountNaiveBayesPartials,
			(p) => finalizeMultinomialNaiveBayes(p, 0.5),
		);
		expectSameMatrices(multinomial as never, ["priors", "featureProbabilities"]);
		const bernoulli = threeWays(
			(k) => computeBernoulliNaiveBayesPartial(CS[k], LS[k], classes, 2),
			computeBernoulliNaiveBayesPartial(counts, labels, classes, 2),
			mergeCountNaiveBayesPartials,
			(p) => finalizeBernoulliNaiveBayes(p),
		);
		expectSameMatrices(bernoulli as never, ["priors", "featureProbabilities"]);
	});
	it("the Extreme Learning Machine with one shared random hidden layer", () => {
		const hidden = initializeHiddenLayer("Tanh", 3, 5, new RandomGenerator(9));
		// the ELM's output layer is ridge regression on H (hiddenOutput includes the bias column of ones)
		const H = hiddenOutput("Tanh", hidden, X);
		const HS = shards(H);
		const targetShards = shards(targets);
		const results = threeWays(
			(k) => computeLinearPartial(HS[k], targetShards[k]),
			computeLinearPartial(H, targets),
			mergeLinearPartials,
			(p) => ({ beta: finalizeLinear(p, 0.1, [0]) }),
		);
		expectSameMatrices(results, ["beta"]);
	});
	it("partials are valid statistics payloads", () => {
		const partial = computeGaussianNaiveBayesPartial(XS[1], LS[1], [0, 1, 2]);
		expect(
			updateProblem(createUpdate({ kind: "statistics", modelName: "GaussianNaiveBayes", round: 1, childId: 1, data: partial as never })),
		).toBe(undefined);
	});
});

describe("statistics: finalized values by hand", () => {
	it("moments", () => {
		const m = finalizeMoments(mergeMomentsPartials(computeMomentsPartial([[1], [2]]), computeMomentsPartial([[3], [4]])));
		expectMatrixClose(m.mean, [[2.5]]);
		expectMatrixClose(m.variance, [[1.25]]);
		expectMatrixClose(finalizeMoments(computeMomentsPartial([[1], [2], [3], [4]]), 1).variance, [[5 / 3]]);
	});
	it("covariance and PCA", () => {
		const p = mergeCovariancePartials(
			computeCovariancePartial([
				[2, 0],
				[-2, 0],
			]),
			computeCovariancePartial([
				[0, 1],
				[0, -1],
			]),
		);
		expectMatrixClose(finalizeCovariance(p).covariance, [
			[2, 0],
			[0, 0.5],
		]);
		const pca = finalizePca(p);
		expectMatrixClose(
			pca.components,
			[
				[1, 0],
				[0, 1],
			],
			1e-12,
		);
		expectMatrixClose(pca.explainedVariance, [[2, 0.5]]);
		expectMatrixClose(pca.explainedVarianceRatio, [[0.8, 0.2]]);
		const line = finalizePca(
			computeCovariancePartial([
				[-1, -2],
				[1, 2],
			]),
			1,
		);
		expectMatrixClose(line.components, [[1 / math.sqrt(5)], [2 / math.sqrt(5)]], 1e-12);
	});
	it("linear and ridge regression", () => {
		// y = 1 + 2x on x = 0, 1, 2 exactly
		const design = [
			[1, 0],
			[1, 1],
			[1, 2],
		];
		const p = computeLinearPartial(design, [[1], [3], [5]]);
		expectMatrixClose(finalizeLinear(p), [[1], [2]]);
		// XᵀX = [[3,3],[3,5]], Xᵀy = [9, 13]; λ = 1 on the slope only: [[3,3],[3,6]]w = [9,13] → w₂ = (13 − 9)/3 = 4/3, w₁ = 3 − 4/3 = 5/3
		expectMatrixClose(finalizeLinear(p, 1, [0]), [[5 / 3], [4 / 3]]);
	});
	it("k-means: new centroids, counts, inertia, and an empty cluster keeps its centroid", () => {
		const step = finalizeKMeans(computeKMeansPartial([[0], [1], [10], [11]], [[0], [10], [100]]), [[0], [10], [100]]);
		expectMatrixClose(step.centroids, [[0.5], [10.5], [100]]);
		expectMatrixClose(step.counts, [[2], [2], [0]]);
		expectClose(step.inertia, 2);
		// a row equally far from two centroids goes to the lower index
		expectMatrixClose(computeKMeansPartial([[5]], [[0], [10]]).counts, [[1], [0]]);
	});
	it("Gaussian naive Bayes with variance smoothing", () => {
		// class 0: 1, 3 (mean 2, var 1); class 1: 10, 14 (mean 12, var 4); all: mean 7, var 27.5 → ε = 0.01·27.5
		const p = computeGaussianNaiveBayesPartial([[1], [3], [10], [14]], [[0], [0], [1], [1]], [0, 1]);
		const g = finalizeGaussianNaiveBayes(p, 0.01);
		expectMatrixClose(g.priors, [[0.5], [0.5]]);
		expectMatrixClose(g.means, [[2], [12]]);
		expectMatrixClose(g.variances, [[1.275], [4.275]]);
		expect(g.classes).toEqual([0, 1]);
	});
	it("Multinomial and Bernoulli naive Bayes", () => {
		const m = finalizeMultinomialNaiveBayes(
			computeMultinomialNaiveBayesPartial(
				[
					[2, 1],
					[0, 3],
					[4, 0],
				],
				[[0], [1], [0]],
				[0, 1],
			),
		);
		expectMatrixClose(m.priors, [[2 / 3], [1 / 3]]);
		expectMatrixClose(m.featureProbabilities, [
			[7 / 9, 2 / 9],
			[1 / 5, 4 / 5],
		]);
		const b = finalizeBernoulliNaiveBayes(
			computeBernoulliNaiveBayesPartial(
				[
					[1, 0],
					[1, 1],
					[0, 1],
				],
				[[0], [0], [1]],
				[0, 1],
			),
		);
		expectMatrixClose(b.featureProbabilities, [
			[3 / 4, 1 / 2],
			[1 / 3, 2 / 3],
		]);
	});
	it("mergeChain and mergeTree visit the partials in the documented orders", () => {
		const join = (a: string, b: string) => `(${a}${b})`;
		expect(mergeChain(["1", "2", "3", "4", "5"], join)).toBe("((((12)3)4)5)");
		expect(mergeTree(["1", "2", "3", "4", "5"], join)).toBe("(((12)(34))5)");
	});
});

describe("statistics: validation", () => {
	it("rejects bad data and partials with messages naming them", () => {
		expectError(() => computeMomentsPartial([[1, 0 / 0]]), "[Hivemind] computeMomentsPartial: X[1][2] must be finite");
		expectError(() => computeLinearPartial([[1], [2]], [[1]]), "[Hivemind] computeLinearPartial: y must have 2 rows like X, got 1×1");
		expectError(
			() => mergeMomentsPartials(computeMomentsPartial([[1, 2]]), computeMomentsPartial([[1]])),
			"[Hivemind] mergeMomentsPartials: b.mean must be 1×2 like a.mean, got 1×1",
		);
		expectError(
			() => mergeLinearPartials({ xtx: [[1]], xty: [[1]], n: -1 }, { xtx: [[1]], xty: [[1]], n: 1 }),
			"mergeLinearPartials: a.n must be an integer ≥ 0, got -1",
		);
		expectError(() => mergeCovariancePartials(5 as never, 5 as never), "mergeCovariancePartials: a must be a partial (a table), got 5");
		expectError(() => finalizeMoments(computeMomentsPartial([[1]]), 1), "finalizeMoments: partial.n must be > 1 for ddof 1, got 1");
		expectError(() => finalizeMoments(computeMomentsPartial([[1]]), 2), "finalizeMoments: ddof must be 0 or 1, got 2");
		expectError(() => finalizeCovariance(computeCovariancePartial([[1]]), 3), "finalizeCovariance: ddof must be 0 or 1, got 3");
		expectError(() => finalizePca(computeCovariancePartial([[1, 2]]), 3), "finalizePca: numberOfComponents must be an integer in [1, 2], got 3");
		expectError(() => finalizeLinear(computeLinearPartial([[1]], [[1]]), -1), "finalizeLinear: lambda must be a finite number ≥ 0, got -1");
		expectError(() => finalizeLinear({ xtx: [[0]], xty: [[0]], n: 0 }), "finalizeLinear: partial.n must be ≥ 1, got 0");
		expectError(
			() => finalizeLinear({ xtx: [[1]], xty: [[1]], n: 0 }),
			"finalizeLinear: partial.xtx must be all zeros when partial.n is 0 (sums over no rows), got 1 at [1][1]",
		);
		expectError(() => mergeChain([], mergeMomentsPartials), "mergeChain: partials must be a non-empty array of partials");
		expectError(() => mergeTree(5 as never, mergeMomentsPartials), "mergeTree: partials must be a non-empty array of partials");
	});
	it("rejects bad centroids and class lists", () => {
		expectError(() => computeKMeansPartial([[1, 2]], [[1]]), "computeKMeansPartial: centroids must have 2 columns like X, got 1×1");
		expectError(
			() => finalizeKMeans(computeKMeansPartial([[1]], [[1]]), [[1], [2]]),
			"finalizeKMeans: centroids must be 1×1 like partial.sums, got 2×1",
		);
		expectError(
			() => computeGaussianNaiveBayesPartial([[1]], [[7]], [0, 1]),
			"computeGaussianNaiveBayesPartial: y[1][1] must be one of the classes, got 7",
		);
		expectError(() => computeGaussianNaiveBayesPartial([[1]], [[0, 1]], [0, 1]), "y must be one column of labels (n×1), got 1×2");
		expectError(() => computeMultinomialNaiveBayesPartial([[1]], [[0]], [0, 0]), "classes must be a non-empty array of distinct finite numbers");
		expectError(
			() => computeMultinomialNaiveBayesPartial([[1, -1]], [[0]], [0]),
			"computeMultinomialNaiveBayesPartial: X[1][2] must be a count ≥ 0, got -1",
		);
		expectError(() => computeBernoulliNaiveBayesPartial([[1]], [[0]], [0], 0 / 0), "threshold must be a finite number, got NaN");
		const a = computeMultinomialNaiveBayesPartial([[1]], [[0]], [0, 1]);
		const b = computeMultinomialNaiveBayesPartial([[1]], [[1]], [1, 0]);
		expectError(() => mergeCountNaiveBayesPartials(a, b), "mergeCountNaiveBayesPartials: b.classes must equal a.classes (0, 1), got 1, 0");
		const g = computeGaussianNaiveBayesPartial([[1]], [[0]], [0]);
		expectError(() => mergeGaussianNaiveBayesPartials(g, { ...g, classes: [1] }), "b.classes must equal a.classes (0), got 1");
		expectError(() => finalizeMultinomialNaiveBayes(a, 0), "finalizeMultinomialNaiveBayes: alpha must be a finite number > 0, got 0");
		expectError(() => finalizeBernoulliNaiveBayes({ ...a, n: 0 }), "finalizeBernoulliNaiveBayes: partial.n must be ≥ 1, got 0");
		expectError(() => finalizeGaussianNaiveBayes(g, -1), "finalizeGaussianNaiveBayes: varianceSmoothing must be a finite number ≥ 0, got -1");
	});
});
