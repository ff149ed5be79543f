import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix/random";
import { KMeans, kMeansPlusPlus } from "../../../src/models/clustering/KMeans";
import { PCA } from "../../../src/transformers/PCA";

type Rows = Array<Array<number>>;

describe("KMeans", () => {
	const X = [
		[0, 0],
		[0, 1],
		[10, 10],
		[10, 11],
	];
	it("makes the hand-computed Lloyd step from given centroids", () => {
		// Centroids (0,0), (0,1): (0,1), (10,10), (10,11) join cluster 2 (√181 < √200 for (10,10)).
		// Inertia before the step: 0 + 0 + 181 + 200 = 381; new cluster 2 mean (20/3, 22/3).
		const kmeans = new KMeans({ numberOfClusters: 2, maximumNumberOfIterations: 1 });
		kmeans.setModelParameters([
			[0, 0],
			[0, 1],
		]);
		expect(kmeans.train(X)).toEqual([381]);
		expectMatrixClose(kmeans.getModelParameters() as Rows, [
			[0, 0],
			[20 / 3, 22 / 3],
		]);
	});
	it("converges to the two groups from k-means++ seeds", () => {
		const kmeans = new KMeans({ numberOfClusters: 2, tolerance: 0 });
		const history = kmeans.train(X);
		// Final inertia: four rows each ½ from their centroid → 4 · ¼ = 1.
		expectClose(history[history.size() - 1], 1);
		const [clusters, distances] = kmeans.predict(X);
		expect(clusters[0]).toBe(clusters[1]);
		expect(clusters[2]).toBe(clusters[3]);
		expect(clusters[0]).never.toBe(clusters[2]);
		const centroids = kmeans.getModelParameters() as Rows;
		expectMatrixClose(
			[centroids[clusters[0]], centroids[clusters[2]]],
			[
				[0, 0.5],
				[10, 10.5],
			],
		);
		expectClose(distances[0][clusters[0]], 0.5);
	});
	it("seeds k-means++ by squared distance: a lone far row is always picked", () => {
		for (const seed of [1, 2, 3, 4, 5]) {
			const seeds = kMeansPlusPlus([[0], [0], [0], [5]], 2, new RandomGenerator(seed));
			expect(seeds[0][0] + seeds[1][0]).toBe(5);
		}
		// All rows equal (every squared distance 0): seeds fall back to uniform picks.
		expect(kMeansPlusPlus([[1], [1]], 2, new RandomGenerator(1))).toEqual([[1], [1]]);
	});
	it("runs a Lloyd iteration from merged shard statistics exactly like one on all rows", () => {
		const start = [
			[0, 0],
			[10, 10],
		];
		const central = new KMeans({ numberOfClusters: 2, maximumNumberOfIterations: 1 });
		central.setModelParameters(start);
		central.train(X);
		const main = new KMeans({ numberOfClusters: 2 });
		main.setModelParameters(start);
		main.trainFromPartial(main.mergePartials(main.computePartial([X[0], X[3]]), main.computePartial([X[1], X[2]])));
		expect(main.getModelParameters()).toEqual(central.getModelParameters());
	});
	it("rejects too few rows, bad options and centroid matrices of the wrong size", () => {
		expectError(
			() => new KMeans({ numberOfClusters: 3 }).train([[1], [2]]),
			"KMeans.train: X must have at least numberOfClusters (3) rows, got 2×1",
		);
		expectError(
			() => new KMeans({ initialization: "forgy" as never }),
			'KMeans.new: initialization must be one of "kmeans++", "random", got "forgy"',
		);
		expectError(() => new KMeans({ tolerance: -1 }), "tolerance must be a finite number ≥ 0, got -1");
		expectError(
			() => new KMeans().setModelParameters([[1, 2]]),
			"KMeans.setModelParameters: parameters must be the centroids, a single 3×p matrix (numberOfClusters rows), got 1×2",
		);
		expectError(() => new KMeans().computePartial(X), "KMeans.computePartial: the model has no parameters yet");
	});
	it('seeds from k random distinct rows with initialization = "random"', () => {
		const kmeans = new KMeans({ numberOfClusters: 4, initialization: "random", maximumNumberOfIterations: 1 });
		kmeans.train(X);
		const centroids = (kmeans.getModelParameters() as Rows).map((row) => `${row[0]},${row[1]}`);
		centroids.sort();
		expect(centroids).toEqual(["0,0", "0,1", "10,10", "10,11"]);
	});
});

describe("PCA", () => {
	// Mean 0, variance 2 along x, ½ along y, no covariance: components e₁, e₂; ratios 0.8, 0.2.
	const X = [
		[2, 0],
		[-2, 0],
		[0, 1],
		[0, -1],
	];
	it("finds the hand-computed components, variances and projections", () => {
		const pca = new PCA();
		expect(pca.train(X)).toEqual([0]);
		const p = pca.getModelParameters() as { [name: string]: Rows };
		expectMatrixClose(p.components, [
			[1, 0],
			[0, 1],
		]);
		expect(pca.getExplainedVariance()).toEqual([2, 0.5]);
		expectMatrixClose([pca.getExplainedVarianceRatio()], [[0.8, 0.2]]);
		expectMatrixClose(pca.transform([[1, 3]]), [[1, 3]]);
	});
	it("keeps numberOfComponents, reconstructing the best rank-k approximation", () => {
		const pca = new PCA({ numberOfComponents: 1 });
		// The discarded direction's variance is the mean squared reconstruction error: ½.
		expectMatrixClose([pca.train(X)], [[0.5]]);
		expectMatrixClose(pca.predict([[1, 3]]), [[1]]);
		expectMatrixClose(pca.inverseTransform([[1]]), [[1, 0]]);
	});
	it("fixes each component's sign and recovers a tilted direction", () => {
		// Points on the line y = x: covariance [[2.5, 2.5], [2.5, 2.5]], eigenvalues 5 and 0.
		const pca = new PCA();
		pca.train([
			[1, 1],
			[-1, -1],
			[2, 2],
			[-2, -2],
		]);
		const r = 1 / math.sqrt(2);
		expectMatrixClose((pca.getModelParameters() as { [name: string]: Rows }).components, [
			[r, r],
			[r, -r],
		]);
		expectMatrixClose(pca.transform([[2, 2]]), [[2 * math.sqrt(2), 0]], 1e-12);
	});
	it("fits from merged shard statistics like from all rows", () => {
		const central = new PCA();
		central.train(X);
		const main = new PCA();
		main.trainFromPartial(main.mergePartials(main.computePartial([X[0], X[2]]), main.computePartial([X[1], X[3]])));
		expectMatrixClose(
			(main.getModelParameters() as { [k: string]: Rows }).components,
			(central.getModelParameters() as { [k: string]: Rows }).components,
			1e-12,
		);
	});
	it("rejects too many components, wrong widths and inconsistent parameters", () => {
		expectError(
			() => new PCA({ numberOfComponents: 3 }).train(X),
			"PCA.train: numberOfComponents (3) must be ≤ the number of features of X, got 4×2",
		);
		expectError(() => new PCA({ numberOfComponents: 0 }), "PCA.new: numberOfComponents must be an integer ≥ 1, got 0");
		const pca = new PCA({ numberOfComponents: 1 });
		pca.train(X);
		expectError(() => pca.inverseTransform([[1, 2]]), "PCA.inverseTransform: Z must have 1 columns");
		expectError(() => pca.transform([[1]]), "PCA.transform: X must have 2 columns (features) like the training data, got 1×1");
		const good = { components: [[1], [0]], explainedVariance: [[2]], explainedVarianceRatio: [[0.8]], mean: [[0, 0]] };
		expectError(() => new PCA().setModelParameters({ ...good, mean: [[0]] }), "PCA.setModelParameters: parameters.mean must be 1×2, got 1×1");
		expectError(
			() => new PCA({ numberOfComponents: 2 }).setModelParameters(good),
			"parameters.components must have numberOfComponents (2) columns, got 2×1",
		);
	});
});
