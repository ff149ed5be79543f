// Issue 10, items 1–5: each test reproduces a failure found on the old main and shows the fix.
import { describe, expect, it } from "../support/jest-globals";
import { expectError, expectMatrixClose } from "../support/numeric";
import { DistributedGradients } from "../../src/distributed/DistributedGradients";
import { DistributedModelParameters } from "../../src/distributed/DistributedModelParameters";
import { ModelParametersMerger } from "../../src/distributed/ModelParametersMerger";
import { parametersNorm, UpdateStatistics } from "../../src/distributed/UpdateGuard";
import { createUpdate } from "../../src/distributed/wire";
import { createIdentity } from "../../src/distributed/identity";
import { Matrix } from "../../src/matrix/types";
import { ModelParameters } from "../../src/parameters/tree";
import { Optimizer } from "../../src/optimization/optimizers/types";
import { RandomGenerator } from "../../src/matrix/random";
import { leastSquaresGradient } from "./support";

const quiet = { logRejections: false };

function balanced(s: UpdateStatistics): boolean {
	return s.received === s.accepted + s.rejected + s.pending + s.cleared && s.pending >= 0;
}

/** Shard k of y = slope·a + intercept on 10 rows, a ∈ [−1, 1] (seeded), with a bias column. */
function lineShard(k: number, intercept: number): [Matrix, Matrix] {
	const rng = new RandomGenerator(100 + k);
	const X: Matrix = [];
	const y: Matrix = [];
	for (const _ of $range(1, 10)) {
		const a = rng.uniform(-1, 1);
		X.push([1, a]);
		y.push([2 * a + intercept]);
	}
	return [X, y];
}

describe("1. the guard recovers after a distribution shift", () => {
	it("DistributedGradients: 300 converged rounds, then y = 2a + 5: at most ⌈20/2⌉ = 10 updates rejected, then every one accepted", () => {
		const main = new DistributedGradients({ optimizer: "Adam", learningRate: 0.05, ...quiet });
		main.setModelParameters([[0], [0]]);
		const round = (intercept: number) => {
			const theta = main.getModelParameters() as Matrix;
			let accepted = 0;
			for (const k of $range(0, 3)) {
				const [X, y] = lineShard(k, intercept);
				if (main.addGradients(leastSquaresGradient(X, y, theta), 10, main.getVersion())) accepted += 1;
			}
			main.applyPending();
			return accepted;
		};
		let before = 0;
		for (const _ of $range(1, 300)) before += round(1);
		expect(before).toBe(1200);
		expectMatrixClose(main.getModelParameters() as Matrix, [[1], [2]], 1e-3);
		// the old guard compared with accepted norms only: 0 of the next 1200 were accepted
		const perRound = new Array<number>();
		for (const _ of $range(1, 300)) perRound.push(round(5));
		const rejected = 1200 - perRound.reduce((a, b) => a + b, 0);
		expect(rejected >= 1 && rejected <= 10).toBe(true);
		for (const i of $range(3, 299)) expect(perRound[i]).toBe(4); // from the 4th round after the shift on, all accepted
		expectMatrixClose(main.getModelParameters() as Matrix, [[5], [2]], 1e-3);
		expect(balanced(main.getStatistics())).toBe(true);
	});
	it("DistributedModelParameters: after parameters jump 20× in norm, at most 10 are rejected, then the new ones merge", () => {
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 4, ...quiet });
		main.setMainModelParameters([[0, 0]]);
		for (const i of $range(1, 40)) main.addModelParameters([[1 + (i % 3) * 0.01, 1]]);
		let accepted = 0;
		const results = new Array<boolean>();
		for (const i of $range(1, 40)) results.push(main.addModelParameters([[20 + (i % 3) * 0.1, 20]]));
		results.forEach((ok) => (accepted += ok ? 1 : 0));
		expect(40 - accepted).toBe(10);
		expect(results.findIndex((ok) => ok)).toBe(10);
		expect((main.getMainModelParameters() as Matrix)[0][1]).toBe(20);
		expect(balanced(main.getStatistics())).toBe(true);
	});
});

/** A scoring model whose first predict yields the running thread once (as a model that yields to a frame budget would). */
class YieldingScorer {
	private yielded = false;
	private p: ModelParameters = [[0]];
	setModelParameters(p: ModelParameters) {
		this.p = p;
	}
	getModelParameters() {
		return this.p;
	}
	predict(X: Matrix): Matrix {
		if (!this.yielded) {
			this.yielded = true;
			coroutine.yield();
		}
		const w = (this.p as Matrix)[0][0];
		return X.map((row) => [row[0] * w]);
	}
}

describe("2. a merge that yields owns a snapshot of the queue", () => {
	it("adds made while the scorer yields wait for the next merge: none lost, none merged twice, counts never negative", () => {
		const merger = new ModelParametersMerger({ model: new YieldingScorer(), mergeType: "WeightedAverage" });
		merger.setData([[1], [2]], [[2], [4]]);
		// the same merges without yields or concurrency, for reference
		const reference = new ModelParametersMerger({ model: new YieldingScorer(), mergeType: "WeightedAverage" });
		reference.setData([[1], [2]], [[2], [4]]);
		const thread0 = coroutine.create(() => reference.merge([[[0]]]));
		coroutine.resume(thread0); // spends the reference scorer's one yield
		coroutine.resume(thread0);
		const first = reference.merge([[[1]], [[3]]]) as Matrix;
		const second = reference.merge([[[10]], [[20]], [[30]]]) as Matrix;
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 2, ...quiet });
		main.setMainModelParameters([[0]]);
		main.setModelParametersMerger(merger);
		main.addModelParameters([[1]]);
		const thread = coroutine.create(() => main.addModelParameters([[3]])); // the 2nd add merges; the scorer yields inside
		coroutine.resume(thread);
		expect(coroutine.status(thread)).toBe("suspended");
		// meanwhile, another thread adds three updates (the old code started a nested merge here: pending −8)
		for (const v of [10, 20, 30]) expect(main.addModelParameters([[v]])).toBe(true);
		expect(main.getPendingCount()).toBe(3);
		expectError(() => main.mergeQueued(), "a merge or round is in progress");
		const [ok, result] = coroutine.resume(thread);
		expect([ok, result]).toEqual([true, true]);
		expectMatrixClose(main.getMainModelParameters() as Matrix, first, 0); // the snapshot [1, 3] only
		expect(first[0][0] > 1 && first[0][0] < 3).toBe(true);
		let s = main.getStatistics();
		expect([s.received, s.accepted, s.pending]).toEqual([5, 2, 3]);
		expect(main.mergeQueued()).toBe(3);
		expectMatrixClose(main.getMainModelParameters() as Matrix, second, 0);
		s = main.getStatistics();
		expect([s.received, s.accepted, s.pending]).toEqual([5, 5, 0]);
		expect(balanced(s)).toBe(true);
	});
});

describe("3. the main structure is fixed explicitly, never by the first update", () => {
	it("an update before the structure is fixed throws and changes nothing; a mis-shaped first update is rejected and honest ones complete the round", () => {
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 2, ...quiet });
		expectError(
			() => main.addModelParameters([[1, 2, 3]]),
			"DistributedModelParameters.addModelParameters: the main parameters' structure must be fixed first (setMainModelParameters or options.model), got none",
		);
		expect(main.getStatistics().received).toBe(0);
		main.setMainModelParameters([[0, 0]]);
		expect(main.addModelParameters([[1, 2, 3]])).toBe(false);
		expect(main.addModelParameters([[1, 1]])).toBe(true);
		expect(main.addModelParameters([[3, 3]])).toBe(true);
		expect(main.getMainModelParameters()).toEqual([[2, 2]]);
		expect(main.getStatistics().rejectedStructure).toBe(1);
	});
	it("a model template fixes the structure and names the model", () => {
		const template = {
			modelName: "LinearRegression",
			train: () => 0,
			getModelParameters: () => [[0], [0]] as Matrix,
			setModelParameters: () => undefined,
		};
		const main = new DistributedModelParameters({ model: template, totalNumberOfChildModelUpdatesToUpdateMainModel: 1, ...quiet });
		expect(main.getMainModelParameters()).toEqual([[0], [0]]);
		expect(main.addUpdate(createUpdate({ kind: "parameters", modelName: "LinearRegression", round: 0, childId: 0, data: [[1, 2]] }))).toBe(false);
		expect(main.addUpdate(createUpdate({ kind: "parameters", modelName: "LinearRegression", round: 0, childId: 1, data: [[1], [2]] }))).toBe(
			true,
		);
		expect(main.getMainModelParameters()).toEqual([[1], [2]]);
	});
});

/** An optimizer that writes NaN into the parameters. */
const nanOptimizer: Optimizer = {
	optimizerName: "Broken",
	getOptions: () => ({}),
	step(parameters: Matrix) {
		parameters[0][0] = 0 / 0;
		return {};
	},
} as unknown as Optimizer;

describe("4. NaN or inf never reaches the main parameters", () => {
	it("two finite gradients of 1e308 overflow their sum: the round is rejected, nothing changes", () => {
		const main = new DistributedGradients({ learningRate: 1, ...quiet });
		main.setModelParameters([[1]]);
		expect(main.addGradients([[1e308]], 1)).toBe(true);
		expect(main.addGradients([[1e308]], 1)).toBe(true);
		expect(main.applyPending()).toBe(0);
		expect(main.getModelParameters()).toEqual([[1]]);
		const s = main.getStatistics();
		expect([s.rejectedNonFinite, s.accepted, s.pending]).toEqual([2, 0, 0]);
		expect(main.getVersion()).toBe(0);
	});
	it("a step of learning rate 1e300 that overflows, and an optimizer writing NaN, are undone", () => {
		const huge = new DistributedGradients({ learningRate: 1e300, ...quiet });
		huge.setModelParameters([[1]]);
		huge.addGradients([[1e10]], 1);
		expect(huge.applyPending()).toBe(0);
		expect(huge.getModelParameters()).toEqual([[1]]);
		expect(huge.getStatistics().lastRejection).toBe("the round's step would make the main.parameters[1][1][1] non-finite; the step was undone");
		const broken = new DistributedGradients({ optimizer: nanOptimizer, ...quiet });
		broken.setModelParameters([[1]]);
		broken.addGradients([[1]], 1);
		expect(broken.applyPending()).toBe(0);
		expect(broken.getModelParameters()).toEqual([[1]]);
	});
	it("one accepted gradient whose square overflows Adam's second moment is rolled back with the optimizer state, so later steps still move", () => {
		const main = new DistributedGradients({ optimizer: "Adam", learningRate: 0.1, maximumNormMultiple: math.huge, ...quiet });
		main.setModelParameters([[0]]);
		main.addGradients([[1]], 1);
		main.applyPending();
		const after1 = (main.getModelParameters() as Matrix)[0][0];
		main.addGradients([[1e200]], 1); // g² = inf in the second moment
		expect(main.applyPending()).toBe(0);
		expect((main.getModelParameters() as Matrix)[0][0]).toBe(after1);
		main.addGradients([[1]], 1);
		expect(main.applyPending()).toBe(1);
		expect((main.getModelParameters() as Matrix)[0][0] < after1 - 0.05).toBe(true); // Adam moved about −lr again, not 0
	});
	it("the guard's norm does not overflow: entries of 1e200 have norm √2·1e200, not inf", () => {
		expect(parametersNorm([[1e200, 1e200]])).toBe(math.sqrt(2) * 1e200);
		const main = new DistributedGradients({ learningRate: 1e-300, ...quiet });
		main.setModelParameters([[0, 0]]);
		for (const _ of $range(1, 3)) main.addGradients([[1, 1]], 1);
		main.applyPending();
		expect(main.addGradients([[1e200, 1e200]], 1)).toBe(false); // the rule still works
		expect(main.getStatistics().rejectedNorm).toBe(1);
	});
});

describe("5. each update identity is applied once; another model's is refused", () => {
	it("the same (childId, round) delivered twice moves the main model once", () => {
		const main = new DistributedGradients({ learningRate: 1, modelName: "LinearRegression", ...quiet });
		main.setModelParameters([[0]]);
		const record = createUpdate({ kind: "gradients", modelName: "LinearRegression", round: 3, childId: 7, sampleCount: 1, data: [[1]] });
		expect(main.addUpdate(record)).toBe(true);
		expect(main.addUpdate(record)).toBe(false); // queued: a duplicate
		main.applyPending();
		expect(main.addUpdate(record)).toBe(false); // applied: still a duplicate
		main.applyPending();
		expect(main.getModelParameters()).toEqual([[-1]]);
		const s = main.getStatistics();
		expect([s.received, s.accepted, s.rejectedDuplicate]).toEqual([3, 1, 2]);
		expect(main.getUpdateState(createIdentity({ kind: "gradients", modelName: "LinearRegression", childId: 7, round: 3 }))).toBe("applied");
		expect(s.lastRejection).toBe("the update gradients|7|3|0|LinearRegression was received before; it is not applied again");
	});
	it("an update of another model with the same shapes is refused, in both aggregators", () => {
		const gradients = new DistributedGradients({ modelName: "LinearRegression", ...quiet });
		gradients.setModelParameters([[0]]);
		expect(
			gradients.addUpdate(
				createUpdate({ kind: "gradients", modelName: "LogisticRegression", round: 0, childId: 0, sampleCount: 1, data: [[1]] }),
			),
		).toBe(false);
		expect(gradients.getStatistics().rejectedOtherModel).toBe(1);
		const parameters = new DistributedModelParameters({
			modelName: "LinearRegression",
			totalNumberOfChildModelUpdatesToUpdateMainModel: 1,
			...quiet,
		});
		parameters.setMainModelParameters([[0]]);
		expect(parameters.addUpdate(createUpdate({ kind: "parameters", modelName: "LogisticRegression", round: 0, childId: 0, data: [[5]] }))).toBe(
			false,
		);
		expect(parameters.getMainModelParameters()).toEqual([[0]]);
		expect(parameters.getStatistics().lastRejection).toBe(
			'the record is for the model "LogisticRegression", this aggregator accepts "LinearRegression"',
		);
		expectError(
			() =>
				new DistributedGradients().addUpdate(
					createUpdate({ kind: "gradients", modelName: "M", round: 0, childId: 0, sampleCount: 1, data: [[1]] }),
				),
			"DistributedGradients.addUpdate: options.modelName must be set to accept records",
		);
	});
});
