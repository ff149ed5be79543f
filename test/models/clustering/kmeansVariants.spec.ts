import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix/random";
import { blobs } from "../../../src/models/base/examples";
import { KMeans } from "../../../src/models/clustering/KMeans";

type Rows = Array<Array<number>>;

function expectNonIncreasing(history: Array<number>) {
	for (const i of $range(1, history.size() - 1)) {
		if (history[i] > history[i - 1] * (1 + 1e-12)) error(`inertia rose at iteration ${i + 1}: ${history[i - 1]} → ${history[i]}`);
	}
	expect(history.size() > 1).toBe(true);
}

describe("KMeans variants", () => {
	const [X] = blobs(new RandomGenerator(3), 2, 600, 4);

	it("never increases the inertia between Lloyd iterations, for every distance", () => {
		for (const distance of ["euclidean", "manhattan", "cosine"] as const) {
			const kmeans = new KMeans({ numberOfClusters: 4, distance, numberOfInitializations: 1, initialization: "random", tolerance: 0, seed: 5 });
			expectNonIncreasing(kmeans.train(X));
		}
	});

	it("ends mini-batch and sequential training within 5% of the batch inertia on separated blobs", () => {
		const batch = new KMeans({ numberOfClusters: 4, seed: 1 });
		batch.train(X);
		const reference = batch.computeInertia(X);
		const mini = new KMeans({
			numberOfClusters: 4,
			seed: 1,
			algorithm: "minibatch",
			batchSize: 64,
			maximumNumberOfIterations: 100,
			tolerance: 0,
		});
		mini.train(X);
		const sequential = new KMeans({ numberOfClusters: 4, seed: 1, algorithm: "sequential", maximumNumberOfIterations: 5 });
		sequential.train(X);
		for (const model of [mini, sequential]) {
			const ratio = model.computeInertia(X) / reference;
			expect(ratio >= 1 - 1e-9 && ratio <= 1.05).toBe(true);
		}
	});

	it("keeps the best of numberOfInitializations runs", () => {
		const [Y] = blobs(new RandomGenerator(8), 2, 200, 6);
		let worst = 0;
		for (const seed of $range(1, 8)) {
			const one = new KMeans({ numberOfClusters: 6, numberOfInitializations: 1, initialization: "random", seed });
			one.train(Y);
			const ten = new KMeans({ numberOfClusters: 6, numberOfInitializations: 10, initialization: "random", seed });
			ten.train(Y);
			expect(ten.computeInertia(Y) <= one.computeInertia(Y) + 1e-9).toBe(true);
			worst = math.max(worst, one.computeInertia(Y) / ten.computeInertia(Y));
		}
		// some single random start lands in a worse local optimum than the best of ten
		expect(worst > 1.05).toBe(true);
	});

	it("returns each row's cluster and its distance to every centroid", () => {
		const kmeans = new KMeans({ numberOfClusters: 2, distance: "manhattan" });
		kmeans.setModelParameters([
			[0, 0],
			[4, 4],
		]);
		const [clusters, distances] = kmeans.predict([
			[1, 2],
			[4, 3],
		]);
		expect(clusters).toEqual([0, 1]);
		expectMatrixClose(distances, [
			[3, 5],
			[7, 1],
		]);
		expectClose(kmeans.computeInertia([[1, 2]]), 3);
	});

	it("clusters by angle with the cosine distance (a Lloyd step on unit rows, unit centroids)", () => {
		const rows: Rows = [
			[1, 0.1],
			[5, 0.4],
			[0.1, 2],
			[0.3, 7],
		];
		const kmeans = new KMeans({ numberOfClusters: 2, distance: "cosine", tolerance: 0 });
		kmeans.train(rows);
		const [clusters] = kmeans.predict(rows);
		expect(clusters[0]).toBe(clusters[1]);
		expect(clusters[2]).toBe(clusters[3]);
		expect(clusters[0]).never.toBe(clusters[2]);
		for (const c of kmeans.getModelParameters() as Rows) expectClose(c[0] * c[0] + c[1] * c[1], 1);
		// merged statistics of two shards give the centralized cosine step
		const start = [
			[1, 0],
			[0, 1],
		];
		const central = new KMeans({ numberOfClusters: 2, distance: "cosine", maximumNumberOfIterations: 1 });
		central.setModelParameters(start);
		central.train(rows);
		const main = new KMeans({ numberOfClusters: 2, distance: "cosine" });
		main.setModelParameters(start);
		main.trainFromPartial(main.mergePartials(main.computePartial([rows[0], rows[2]]), main.computePartial([rows[1], rows[3]])));
		expectMatrixClose(main.getModelParameters() as Rows, central.getModelParameters() as Rows, 1e-12);
	});

	it("yields every yieldInterval iterations and refuses parameter changes while paused", () => {
		const model = new KMeans({ numberOfClusters: 4, numberOfInitializations: 1, tolerance: 0, maximumNumberOfIterations: 6, yieldInterval: 2 });
		let history: Array<number> | undefined;
		task.spawn(() => (history = model.train(X)));
		expect(history).toBeUndefined(); // paused at its first yield
		expectError(
			() =>
				model.setModelParameters([
					[0, 0],
					[1, 1],
					[2, 2],
					[3, 3],
				]),
			"KMeans.setModelParameters: the model is training (paused at a yield)",
		);
		expectError(() => model.train(X), "KMeans.train: the model is training");
		while (history === undefined) task.wait();
		const reference = new KMeans({ numberOfClusters: 4, numberOfInitializations: 1, tolerance: 0, maximumNumberOfIterations: 6 });
		expect(reference.train(X)).toEqual(history);
		expect(model.getModelParameters()).toEqual(reference.getModelParameters());
	});

	it("names the option that rules out a combination", () => {
		expectError(
			() => new KMeans({ algorithm: "minibatch", distance: "manhattan" }).train(X),
			'KMeans.train: distance must be "euclidean" or "cosine" with algorithm "minibatch"',
		);
		const medians = new KMeans({ numberOfClusters: 1, distance: "manhattan" });
		medians.train(X);
		expectError(() => medians.computePartial(X), 'KMeans.computePartial: distance must be "euclidean" or "cosine" for mergeable statistics');
		expectError(() => new KMeans({ numberOfInitializations: 0 }), "KMeans.new: numberOfInitializations must be an integer ≥ 1, got 0");
		expectError(() => new KMeans({ algorithm: "elkan" as never }), 'algorithm must be one of "lloyd", "minibatch", "sequential", got "elkan"');
	});
});
