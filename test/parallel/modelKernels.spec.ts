import { afterAll, describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { Matrix } from "../../src/matrix/types";
import { ExtremeLearningMachine, KNearestNeighboursClassifier, KNearestNeighboursRegressor } from "../../src/models";
import { distanceBetween, DistanceName } from "../../src/models/neighbours/search";
import { ActorPool } from "../../src/parallel/ActorPool";
import { ShardedData, WorkerPool } from "../../src/parallel/types";
import { regressionData, relativeDifference } from "./helpers";

// The ELM's and KNN's kernels under the Actor stand-in (harness/actors.luau): three workers, each
// its own VM, messages copied by Roblox's rules, kernels run in a simulated parallel phase.
const pool = new ActorPool({ workers: 3, kernelModules: [script.Parent!.FindFirstChild("specKernels") as ModuleScript] });
afterAll(() => pool.destroy());

const [X, y] = regressionData(302, 4, 23);
const classes = y.map((v) => (v < 0 ? "low" : v < 1 ? "mid" : "high"));

/** A pool that counts its loads and releases and forwards everything to `pool` (or fails every kernel when `broken`). */
class CountingPool implements WorkerPool {
	loads = 0;
	releases = 0;
	constructor(private readonly broken = false) {}
	getWorkerCount() {
		return pool.getWorkerCount();
	}
	loadData(inputs: Matrix, targets?: Matrix) {
		this.loads += 1;
		return pool.loadData(inputs, targets);
	}
	runKernel(kernel: string, data: ShardedData, args: unknown) {
		if (this.broken) error("[Hivemind] spec: a worker failed", 0);
		return pool.runKernel(kernel, data, args);
	}
	releaseData(data: ShardedData) {
		this.releases += 1;
		pool.releaseData(data);
	}
}

describe("ExtremeLearningMachine with { pool }: HᵀH, HᵀT on the Actors", () => {
	it("trains as it does alone: output weights and training error equal (1e-12 relative), the hidden layer identical", () => {
		const options = { mode: "Regression" as const, hiddenNeurons: 12, neuronType: "Tanh" as const, lambda: 0.01 };
		const alone = new ExtremeLearningMachine(options);
		const pooled = new ExtremeLearningMachine({ ...options, pool });
		const [trainingError] = alone.train(X, y);
		const [pooledError] = pooled.train(X, y);
		expect(math.abs(pooledError - trainingError) <= 1e-12 * trainingError).toBe(true);
		const a = alone.getModelParameters()!;
		const b = pooled.getModelParameters()!;
		expect(b.hidden).toEqual(a.hidden);
		expect(relativeDifference(b.output, a.output) < 1e-12).toBe(true);
		const [predicted] = pooled.predict(X);
		const [expected] = alone.predict(X);
		expect(relativeDifference(predicted as Matrix, expected as Matrix) < 1e-12).toBe(true);
	});
	it("computePartial (classification, RBF neurons): the same statistics as alone (1e-12 relative), n and layout equal", () => {
		const options = { hiddenNeurons: 9, neuronType: "RBF" as const, seed: 3 };
		const alone = new ExtremeLearningMachine(options).computePartial(X, classes);
		const pooled = new ExtremeLearningMachine({ ...options, pool }).computePartial(X, classes);
		expect(pooled.n).toBe(302);
		expect(pooled.layout).toBe(alone.layout);
		expect(relativeDifference(pooled.xtx, alone.xtx) < 1e-12).toBe(true);
		expect(relativeDifference(pooled.xty, alone.xty) < 1e-12).toBe(true);
	});
	it("loads the rows once per call and frees them, also when the solve fails", () => {
		const counting = new CountingPool();
		new ExtremeLearningMachine({ mode: "Regression", hiddenNeurons: 5, pool: counting }).train(X, y);
		expect([counting.loads, counting.releases]).toEqual([1, 1]);
		const broken = new CountingPool(true);
		const model = new ExtremeLearningMachine({ mode: "Regression", hiddenNeurons: 5, pool: broken });
		expectError(() => model.train(X, y), "spec: a worker failed");
		expect([broken.loads, broken.releases]).toEqual([1, 1]);
		expect(model.getModelParameters()).toBe(undefined);
	});
	it("rejects a pool option that is not a pool", () => {
		expectError(() => new ExtremeLearningMachine({ pool: 5 as unknown as WorkerPool }), "pool", "a worker pool (ActorPool)", "5");
	});
});

/** The `k` nearest rows of `points` to `query` by brute force: every (distance, index) pair sorted. */
function bruteForce(points: Matrix, query: Array<number>, k: number, distance: DistanceName): Array<number> {
	const scored = points.map((row, i) => [distanceBetween(row, query, distance), i] as [number, number]);
	scored.sort((a, b) => (a[0] !== b[0] ? a[0] < b[0] : a[1] < b[1]));
	return scored.filter((_, i) => i < k).map(([, i]) => i);
}

// Rows on a small integer grid: many rows at equal distances from a query, ties across shard boundaries.
const grid = new Array<Array<number>>();
const gridTargets = new Array<number>();
for (const i of $range(0, 119)) {
	grid.push([i % 4, math.floor(i / 4) % 3, i % 5 === 0 ? 1 : 0]);
	gridTargets.push(i % 7);
}
const queries = [
	[1, 1, 0],
	[0, 0, 0],
	[3.5, 2, 1],
	[1.5, 0.5, 0.5],
];

describe("KNearestNeighbours with { pool }: distances on the Actors, per-shard top-k merged", () => {
	for (const distance of ["euclidean", "manhattan", "cosine"] as Array<DistanceName>) {
		it(`finds exactly the neighbours found alone and by brute force, ties to the lower row (${distance})`, () => {
			const alone = new KNearestNeighboursRegressor({ numberOfNeighbours: 7, distance });
			const pooled = new KNearestNeighboursRegressor({ numberOfNeighbours: 7, distance, pool });
			alone.train(grid, gridTargets);
			pooled.train(grid, gridTargets);
			const stored = alone.getModelParameters()!.inputs;
			const found = pooled["neighboursOfAll"](stored, queries);
			queries.forEach((query, q) => expect(found[q].indices).toEqual(bruteForce(stored, query, 7, distance)));
			expect(pooled.predict(queries)).toEqual(alone.predict(queries));
		});
	}
	it("classifier with distance weights: identical labels and vote shares", () => {
		const alone = new KNearestNeighboursClassifier({ numberOfNeighbours: 9, weights: "distance" });
		const pooled = new KNearestNeighboursClassifier({ numberOfNeighbours: 9, weights: "distance", pool });
		alone.train(X, classes);
		pooled.train(X, classes);
		const [labels, shares] = alone.predict(X);
		const [pooledLabels, pooledShares] = pooled.predict(X);
		expect(pooledLabels).toEqual(labels);
		expect(pooledShares).toEqual(shares);
	});
	it("more neighbours than a shard holds (k = 150 of 302 rows on 3 workers): identical predictions", () => {
		const alone = new KNearestNeighboursRegressor({ numberOfNeighbours: 150 });
		const pooled = new KNearestNeighboursRegressor({ numberOfNeighbours: 150, pool });
		alone.train(X, y);
		pooled.train(X, y);
		expect(pooled.predict(queries.map((q) => [...q, 0]))).toEqual(alone.predict(queries.map((q) => [...q, 0])));
	});
	it("keeps the stored rows resident across predict calls; frees them on train, setModelParameters and destroy", () => {
		const counting = new CountingPool();
		const counts = () => [counting.loads, counting.releases];
		const model = new KNearestNeighboursRegressor({ pool: counting });
		model.train(X, y);
		expect(counts()).toEqual([0, 0]);
		model.predict(X);
		model.predict(queries.map((q) => [...q, 0]));
		expect(counts()).toEqual([1, 0]);
		model.train(X, y);
		expect(counts()).toEqual([1, 1]);
		model.predict(X);
		model.setModelParameters(model.getModelParameters()!);
		expect(counts()).toEqual([2, 2]);
		model.predict(X);
		model.destroy();
		expect(counts()).toEqual([3, 3]);
	});
});

describe("Roblox's rules hold for these kernels (the stand-in fails a kernel that breaks them)", () => {
	it("a neuron given as a function cannot travel: Roblox's error, which is why the ELM sends the neuron type's name", () => {
		const data = pool.loadData(
			X,
			y.map((v) => [v]),
		);
		expectError(
			() => pool.runKernel("elmStatistics", data, { neuronType: (z: number) => math.tanh(z), hidden: [[0, 0, 0]] }),
			"Attempt to send a function value (argument 5.neuronType)",
		);
		pool.releaseData(data);
	});
	it("an ELM statistics kernel that requires its module lazily, in the parallel phase, fails with Roblox's error", () => {
		const data = pool.loadData(
			X,
			y.map((v) => [v]),
		);
		expectError(
			() => pool.runKernel("specs.elmStatisticsRequiringLazily", data, {}),
			"worker 1 failed",
			"require is not safe to call in parallel",
		);
		pool.releaseData(data);
	});
});
