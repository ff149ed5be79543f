import { afterAll, describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { KMeans, LinearRegression, LogisticRegression, NeuralNetwork, SoftmaxRegression } from "../../src/models";
import { ActorPool } from "../../src/parallel/ActorPool";
import { GramPartial } from "../../src/parallel/matrixKernels";
import { countedCalls } from "./specKernels";
import { regressionData, relativeDifference } from "./helpers";

// Runs under harness/actors.luau: each worker is a Script in its own VM, messages are copied by
// Roblox's rules, kernels run in a simulated parallel phase.
const pool = new ActorPool({ workers: 2, kernelModules: [script.Parent!.FindFirstChild("specKernels") as ModuleScript] });
afterAll(() => pool.destroy());

const [X, y] = regressionData(301, 4, 11);
const labels = y.map((v) => (v > 0.5 ? 1 : 0));
const classes = y.map((v) => (v < 0 ? "low" : v < 1 ? "mid" : "high"));

describe("ActorPool: resident shards and kernels", () => {
	it("keeps consecutive shards, earlier ones larger (151 + 150 rows)", () => {
		const data = pool.loadData(X);
		expect(pool.runKernel("specs.firstRow", data, {})).toEqual([
			[0, 151],
			[151, 150],
		]);
		pool.releaseData(data);
	});
	it("sums XᵀX and Xᵀy over the shards in shard order: equal to the sums over all rows (1e-12 relative)", () => {
		const data = pool.loadData(
			X,
			y.map((v) => [v]),
		);
		const parts = pool.runKernel("gram", data, {}) as Array<GramPartial>;
		pool.releaseData(data);
		const xtx = new Array<Array<number>>();
		const xty = new Array<Array<number>>();
		for (const a of $range(0, 3)) {
			xtx.push([]);
			let sy = 0;
			for (const i of $range(0, 300)) sy += X[i][a] * y[i];
			xty.push([sy]);
			for (const b of $range(0, 3)) {
				let s = 0;
				for (const i of $range(0, 300)) s += X[i][a] * X[i][b];
				xtx[a].push(s);
			}
		}
		const summed = parts[0].xtx.map((row, i) => row.map((v, j) => v + parts[1].xtx[i][j]));
		const summedY = parts[0].xty!.map((row, i) => [row[0] + parts[1].xty![i][0]]);
		expect(relativeDifference(summed, xtx) < 1e-12).toBe(true);
		expect(relativeDifference(summedY, xty) < 1e-12).toBe(true);
	});
});

describe("models with { pool } train as they do alone (1e-12 relative)", () => {
	it("LinearRegression", () => {
		const alone = new LinearRegression({ maximumNumberOfIterations: 20 });
		const pooled = new LinearRegression({ maximumNumberOfIterations: 20, pool });
		const costs = alone.train(X, y);
		const pooledCosts = pooled.train(X, y);
		expect(relativeDifference(pooled.getModelParameters()!, alone.getModelParameters()!) < 1e-12).toBe(true);
		expect(math.abs(pooledCosts[19] - costs[19]) <= 1e-12 * costs[19]).toBe(true);
	});
	it("LogisticRegression and SoftmaxRegression", () => {
		const logistic = new LogisticRegression({ maximumNumberOfIterations: 10 });
		const logisticPooled = new LogisticRegression({ maximumNumberOfIterations: 10, pool });
		logistic.train(X, labels);
		logisticPooled.train(X, labels);
		expect(relativeDifference(logisticPooled.getModelParameters()!, logistic.getModelParameters()!) < 1e-12).toBe(true);
		const softmax = new SoftmaxRegression({ maximumNumberOfIterations: 10, optimizer: "Adam" });
		const softmaxPooled = new SoftmaxRegression({ maximumNumberOfIterations: 10, optimizer: "Adam", pool });
		softmax.train(X, classes);
		softmaxPooled.train(X, classes);
		expect(relativeDifference(softmaxPooled.getModelParameters()!, softmax.getModelParameters()!) < 1e-12).toBe(true);
	});
	it("NeuralNetwork (two layers)", () => {
		const make = (withPool: boolean) => {
			const network = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: 10, seed: 5, pool: withPool ? pool : undefined });
			network.createLayers([4, 6, 1], "Tanh");
			network.setLayerActivation(2, "None");
			return network;
		};
		const alone = make(false);
		const pooled = make(true);
		alone.train(X, y);
		pooled.train(X, y);
		expect(relativeDifference(pooled.getModelParameters()!, alone.getModelParameters()!) < 1e-12).toBe(true);
	});
});

describe("KMeans with { pool }", () => {
	it("runs the assignment step on the Actors: same inertias and centroids as alone (1e-12 relative)", () => {
		const alone = new KMeans({ numberOfClusters: 3, maximumNumberOfIterations: 6 });
		const pooled = new KMeans({ numberOfClusters: 3, maximumNumberOfIterations: 6, pool });
		const inertias = alone.train(X);
		const pooledInertias = pooled.train(X);
		expect(pooledInertias.size()).toBe(inertias.size());
		inertias.forEach((v, i) => expect(math.abs(pooledInertias[i] - v) <= 1e-12 * v).toBe(true));
		expect(relativeDifference(pooled.getModelParameters()!, alone.getModelParameters()!) < 1e-12).toBe(true);
	});
	it("cosine (unit rows) runs on the Actors too (1e-12); manhattan medians run here: identical to alone", () => {
		const cosine = (withPool: boolean) =>
			new KMeans({
				numberOfClusters: 3,
				maximumNumberOfIterations: 6,
				numberOfInitializations: 2,
				distance: "cosine",
				pool: withPool ? pool : undefined,
			});
		const [alone, pooled] = [cosine(false), cosine(true)];
		const inertias = alone.train(X);
		pooled.train(X).forEach((v, i) => expect(math.abs(v - inertias[i]) <= 1e-12 * inertias[i]).toBe(true));
		expect(relativeDifference(pooled.getModelParameters()!, alone.getModelParameters()!) < 1e-12).toBe(true);
		const medians = new KMeans({ numberOfClusters: 3, maximumNumberOfIterations: 6, numberOfInitializations: 2, distance: "manhattan" });
		const pooledMedians = new KMeans({
			numberOfClusters: 3,
			maximumNumberOfIterations: 6,
			numberOfInitializations: 2,
			distance: "manhattan",
			pool,
		});
		expect(pooledMedians.train(X)).toEqual(medians.train(X));
		expect(pooledMedians.getModelParameters()).toEqual(medians.getModelParameters());
	});
});

describe("Roblox's rules, enforced by the stand-in", () => {
	const data = pool.loadData(X);
	it("fails a kernel that requires a module in the parallel phase", () => {
		expectError(
			() => pool.runKernel("specs.requireInParallel", data, {}),
			"ActorPool.runKernel: worker 1 failed",
			"require is not safe to call in parallel",
		);
	});
	it("fails a kernel that writes an Instance property in the parallel phase", () => {
		expectError(() => pool.runKernel("specs.writeProperty", data, {}), "Property ModuleScript.Name is not safe to write in parallel");
	});
	it("refuses to send functions, either way", () => {
		expectError(() => pool.runKernel("specs.echo", data, { f: () => 1 }), "Attempt to send a function value (argument 5.f)");
		expectError(() => pool.runKernel("specs.returnFunction", data, {}), "worker 1 failed", "Attempt to send a function value");
	});
	it("copies tables and buffers, drops metatables, passes Instances by reference", () => {
		const b = buffer.create(8);
		buffer.writef64(b, 0, 1.25);
		const folder = new Instance("Folder");
		const sent = { list: [1, 2], b, folder };
		const [back] = pool.runKernel("specs.echo", data, sent) as Array<typeof sent>;
		expect(back.list).toEqual([1, 2]);
		expect(back.list === sent.list).toBe(false);
		expect(back.b === b).toBe(false);
		expect(buffer.readf64(back.b, 0)).toBe(1.25);
		expect(back.folder === folder).toBe(true);
		const [instance] = pool.runKernel("specs.withMetatable", data, {}) as Array<{ value: number }>;
		expect(instance.value).toBe(1);
		expect(getmetatable(instance)).toBe(undefined);
	});
	it("gives each worker its own module state (its own VM)", () => {
		expect(pool.runKernel("specs.countCalls", data, {})).toEqual([1, 1]);
		expect(pool.runKernel("specs.countCalls", data, {})).toEqual([2, 2]);
		expect(countedCalls()).toBe(0);
	});
	it("validates its options", () => {
		expectError(() => new ActorPool({ workers: 0 }), "[Hivemind] ActorPool.new: workers must be an integer in [1, 1024], got 0");
		expectError(
			() => new ActorPool({ kernelModules: [5 as unknown as ModuleScript] }),
			"[Hivemind] ActorPool.new: kernelModules[1] must be a ModuleScript, got number",
		);
	});
});
