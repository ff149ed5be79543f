import { afterAll, describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { Matrix } from "../../src/matrix/types";
import { RandomGenerator } from "../../src/matrix/random";
import { LinearRegression, NeuralNetwork } from "../../src/models";
import { initializeHiddenLayer } from "../../src/models/elm/hidden";
import { ActorPool } from "../../src/parallel/ActorPool";
import { FrameBudget, rowsPerBlock, withFrameBudget, withFrameYield } from "../../src/parallel/FrameBudget";
import { getKernel } from "../../src/parallel/kernels";
import "../../src/parallel/matrixKernels";
import { rowsBetween, shardRanges } from "../../src/parallel/shards";
import { ShardedData } from "../../src/parallel/types";
import { countingYields, regressionData } from "./helpers";

// Kernels on the Actor stand-in (harness/actors.luau) in slices of the pool's frame budget: a
// worker yields between fixed row blocks and resumes in the (simulated) parallel phase. A budget
// of 1e-9 ms makes every budget check yield; 0 runs each kernel in one slice.
const kernelModules = [script.Parent!.FindFirstChild("specKernels") as ModuleScript];
const slicing = new ActorPool({ workers: 2, kernelModules, frameBudget: 1e-9 });
const whole = new ActorPool({ workers: 2, kernelModules, frameBudget: 0 });
afterAll(() => {
	slicing.destroy();
	whole.destroy();
});

const n = 4000;
const p = 24;
const [X, y] = regressionData(n, p, 31);
const Y = y.map((v) => [v]);
const ranges = shardRanges(n, 2);
const rng = new RandomGenerator(8);
const hidden = initializeHiddenLayer("Tanh", p, 12, rng);
const centroids = [0, 1, 2, 3, 4, 5, 6, 7].map((c) => X[c * 97]);
const withOnes = X.map((row) => [1, ...row]);
const weights = X[0].map((v) => [v / 2]);

/** One answer of the counting kernel: the wrapped kernel's result and the worker's yields while it ran. */
interface Counted {
	result: unknown;
	yields: number;
}

/** Runs `kernel` on every shard of `data` on `pool`, each worker counting its yields. */
function runCounted(pool: ActorPool, kernel: string, data: ShardedData, args: unknown): Array<Counted> {
	return pool.runKernel("specs.countingYields", data, { kernel, args }) as Array<Counted>;
}

/** The kernel run here on each shard's rows, unsliced (budget 0): what every worker must answer. */
function serially(kernel: string, inputs: Matrix, targets: Matrix | undefined, args: unknown): Array<unknown> {
	return ranges.map(([first, last]) =>
		withFrameBudget(0, () =>
			getKernel(kernel)(
				{ inputs: rowsBetween(inputs, first, last), targets: targets && rowsBetween(targets, first, last), firstRow: first },
				args,
			),
		),
	);
}

const cases: Array<[string, Matrix, unknown]> = [
	["gram", X, {}],
	["linearGradient", X, { weights }],
	["modelGradient", withOnes, { modelName: "LinearRegression", options: {}, key: "spec#1", parameters: [[0.5], ...weights] }],
	["kmeansAssign", X, { centroids }],
	["elmStatistics", X, { neuronType: "Tanh", hidden }],
	["elmSquaredError", X, { neuronType: "Tanh", hidden, output: [[0.1], ...hidden[0].map((_, j) => [j / 20])] }],
	["nearestNeighbours", X, { queries: [X[5], X[2500], X[3999]], k: 4, distance: "euclidean" }],
];

describe("kernels on a worker run in slices of the pool's frame budget", () => {
	for (const [kernel, inputs, args] of cases) {
		it(`${kernel}: yields several times per shard; bit-identical to budget 0 and to the kernel run here`, () => {
			const sliced = slicing.loadData(inputs, Y);
			const unsliced = whole.loadData(inputs, Y);
			const a = runCounted(slicing, kernel, sliced, args);
			const b = runCounted(whole, kernel, unsliced, args);
			slicing.releaseData(sliced);
			whole.releaseData(unsliced);
			for (const answer of a) expect(answer.yields >= 2).toBe(true);
			expect(b.map((answer) => answer.yields)).toEqual([0, 0]);
			const expected = serially(kernel, inputs, Y, args);
			expect(a.map((answer) => answer.result)).toEqual(expected);
			expect(b.map((answer) => answer.result)).toEqual(expected);
		});
	}
	it("gram: one yield before the first block and one per fixed row block (2000 rows a shard in blocks of rowsPerBlock(24·25/2 + 24) = 101)", () => {
		const data = slicing.loadData(X, Y);
		const answers = runCounted(slicing, "gram", data, {});
		slicing.releaseData(data);
		const blocks = math.ceil(2000 / rowsPerBlock((24 * 25) / 2 + 24));
		expect(blocks).toBe(20);
		expect(answers.map((answer) => answer.yields)).toEqual([1 + blocks, 1 + blocks]);
	});
});

describe("loading a shard on a worker", () => {
	it("turns the buffers into rows in slices too: one yield before each pass and one per fixed block (inputs 2 blocks of 1365 rows, targets 1)", () => {
		const counts = (pool: ActorPool) => {
			const small = pool.loadData([[1], [2]]);
			pool.runKernel("specs.startCountingYields", small, {});
			const data = pool.loadData(X, Y);
			const yields = pool.runKernel("specs.yieldsSoFar", small, {});
			pool.releaseData(data);
			pool.releaseData(small);
			return yields;
		};
		const blocks = math.ceil(2000 / rowsPerBlock(24)) + math.ceil(2000 / rowsPerBlock(1));
		expect(blocks).toBe(3);
		// two passes (inputs, targets), each checking before its first block
		expect(counts(slicing)).toEqual([2 + blocks, 2 + blocks]);
		expect(counts(whole)).toEqual([0, 0]);
	});
});

describe("a worker's resident shard", () => {
	it("keeps the f64 buffers it arrived in beside its rows, byte for byte the same values (inputs and targets; no targets when none were sent)", () => {
		const data = whole.loadData(X, Y);
		expect(whole.runKernel("specs.packedAsRows", data, {})).toEqual([
			[true, true],
			[true, true],
		]);
		whole.releaseData(data);
		const inputsOnly = whole.loadData(X);
		expect(whole.runKernel("specs.packedAsRows", inputsOnly, {})).toEqual([
			[true, true],
			[true, true],
		]);
		whole.releaseData(inputsOnly);
	});
});

describe("training with a slicing pool", () => {
	it("LinearRegression and a two-layer NeuralNetwork: parameters and costs bit-identical to a pool with budget 0", () => {
		const linear = (pool: ActorPool) => {
			const model = new LinearRegression({ maximumNumberOfIterations: 4, pool });
			const costs = model.train(X, y);
			return [costs, model.getModelParameters()];
		};
		expect(linear(slicing)).toEqual(linear(whole));
		const network = (pool: ActorPool) => {
			const model = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: 3, seed: 2, pool });
			model.createLayers([p, 5, 1], "Tanh");
			model.setLayerActivation(2, "None");
			const costs = model.train(X, y);
			return [costs, model.getModelParameters()];
		};
		expect(network(slicing)).toEqual(network(whole));
	});
});

describe("Roblox's rules after a worker's yield", () => {
	it("a kernel that requires a module after yielding still fails: it resumed in the parallel phase", () => {
		const data = slicing.loadData(X.filter((_, i) => i < 10));
		const [ok, err] = pcall(() => slicing.runKernel("specs.requireAfterYield", data, {}));
		slicing.releaseData(data);
		expect(ok).toBe(false);
		expect(tostring(err).find("require is not safe to call in parallel", 1, true)[0] !== undefined).toBe(true);
	});
	it("task.desynchronize() in the parallel phase returns at once; a thread spawned there runs there (require fails)", () => {
		const data = whole.loadData([[1], [2]]);
		expect(whole.runKernel("specs.desynchronizeWhenParallel", data, {})).toEqual([false, false]);
		const messages = whole.runKernel("specs.requireInSpawnedThread", data, {}) as Array<string>;
		whole.releaseData(data);
		for (const message of messages) expect(message.find("require is not safe to call in parallel", 1, true)[0] !== undefined).toBe(true);
	});
	it("validates the pool's frameBudget option", () => {
		expectError(
			() => new ActorPool({ frameBudget: -1 }),
			"[Hivemind] ActorPool.new: frameBudget must be a finite number ≥ 0 (milliseconds; 0 = one slice), got -1",
		);
		expectError(() => new ActorPool({ frameBudget: math.huge }), "frameBudget must be a finite number ≥ 0", "got inf");
	});
});

describe("withFrameYield", () => {
	it("makes every budget in the thread yield its way instead of task.wait(), until it returns or throws", () => {
		let calls = 0;
		const own = () => {
			calls += 1;
		};
		const yields = countingYields(() =>
			withFrameYield(own, () => {
				const budget = new FrameBudget(1e-9);
				budget.check();
				budget.check();
			}),
		);
		expect([calls, yields]).toEqual([2, 2]);
		expectError(() => withFrameYield(own, () => error("[Hivemind] spec: thrown", 0)), "spec: thrown");
		// outside it, budgets yield with task.wait() again
		expect(new FrameBudget(1e-9).check()).toBe(true);
		expect(calls).toBe(2);
	});
});
