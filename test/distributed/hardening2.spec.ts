// Issue 10, items 6–11: each test reproduces a failure found on the old main and shows the fix.
import { describe, expect, it } from "../support/jest-globals";
import { expectError, expectMatrixClose } from "../support/numeric";
import { DistributedGradients } from "../../src/distributed/DistributedGradients";
import { DistributedModelParameters } from "../../src/distributed/DistributedModelParameters";
import { ModelParametersMerger } from "../../src/distributed/ModelParametersMerger";
import { FederatedTrainer } from "../../src/simulation/FederatedTrainer";
import { UpdateStatistics } from "../../src/distributed/UpdateGuard";
import { Matrix } from "../../src/matrix/types";
import { mergeLinearPartials } from "../../src/sufficientStatistics/linear";
import { computeMomentsPartial, mergeMomentsPartials } from "../../src/sufficientStatistics/moments";
import { LinearRegression } from "../../src/models/linear/LinearRegression";
import { RidgeRegression } from "../../src/models/linear/RidgeRegression";
import { ExtremeLearningMachine } from "../../src/models/elm/ExtremeLearningMachine";
import { createRegularizer } from "../../src/optimization/regularizers/regularizers";
import { createSchedule } from "../../src/optimization/schedules/schedules";
import { ManualSignal, MeanChild, regressionData, splitRows } from "./support";

const quiet = { logRejections: false };

function balanced(s: UpdateStatistics): boolean {
	return s.received === s.accepted + s.rejected + s.pending + s.cleared && s.pending >= 0;
}

/** A table with positions 1 and 3 only (a hole at 2), as a Luau caller might build. */
function withHole<T extends defined>(a: T, b: T): Array<T> {
	const t = new Array<T>();
	t[0] = a;
	t[2] = b;
	return t;
}

describe("6. tables with holes are refused, not merged or predicted silently", () => {
	it("merge({[1]=p1, [3]=p3}), sample counts with a hole, and predict on rows with a hole name the problem", () => {
		const merger = new ModelParametersMerger();
		expectError(
			() => merger.merge(withHole<Matrix>([[1]], [[3]])),
			"ModelParametersMerger.merge: parameterSetsArray must be an array of parameter sets (a dense array: positions 1…n, no holes), got a table with holes or non-position keys",
		);
		expectError(() => merger.setSampleCounts(withHole(1, 3)), "setSampleCounts: counts must be an array of numbers ≥ 0 (a dense array");
		const model = new LinearRegression({ maximumNumberOfIterations: 2 });
		model.train([[0], [1]], [[0], [1]]);
		expectError(() => model.predict(withHole([0.5], [2])), "X must be a dense array of rows (positions 1…n, no holes)");
		const main = new DistributedGradients({ ...quiet });
		main.setModelParameters([[[0]], [[0]]]);
		expect(main.addGradients(withHole<Matrix>([[1]], [[1]]) as never, 1)).toBe(false);
		expect(main.getStatistics().rejected).toBe(1);
	});
});

describe("7. corrupted statistics partials are refused", () => {
	const good = {
		xtx: [
			[2, 1],
			[1, 3],
		],
		xty: [[1], [2]],
		n: 2,
	};
	it("non-symmetric XᵀX, a negative diagonal, an entry beyond Cauchy–Schwarz, sums over no rows", () => {
		expectError(
			() =>
				mergeLinearPartials(good, {
					...good,
					xtx: [
						[2, 1],
						[0.5, 3],
					],
				}),
			"mergeLinearPartials: b.xtx must be symmetric, got b.xtx[1][2] = 1 and b.xtx[2][1] = 0.5",
		);
		expectError(
			() =>
				mergeLinearPartials(good, {
					...good,
					xtx: [
						[-2, 0],
						[0, 3],
					],
				}),
			"b.xtx[1][1] must be ≥ 0 (a sum of squares), got -2",
		);
		expectError(
			() =>
				mergeLinearPartials(good, {
					...good,
					xtx: [
						[1, 5],
						[5, 1],
					],
				}),
			"b.xtx[1][2] must be at most √(b.xtx[1][1]·b.xtx[2][2]) = 1 in size (Cauchy–Schwarz), got 5",
		);
		expectError(() => mergeLinearPartials({ ...good, n: 0 }, good), "a.xtx must be all zeros when a.n is 0 (sums over no rows), got 2 at [1][1]");
	});
	it("accepts sums so small that the product of two diagonal entries underflows (saturated ELM units)", () => {
		// √(1e-170 · 1e-170) underflows to 0 and refused |5e-171|; √1e-170 · √1e-170 = 1e-170 bounds it.
		const tiny = {
			...good,
			xtx: [
				[1e-170, 5e-171],
				[5e-171, 1e-170],
			],
		};
		expect(mergeLinearPartials(tiny, tiny).xtx).toEqual([
			[2e-170, 1e-170],
			[1e-170, 2e-170],
		]);
	});
	it("n inconsistent with the bias column, and a negative m2", () => {
		const [X, y] = regressionData(6, 3);
		const ridge = new RidgeRegression({ lambda: 0.5 });
		const partial = ridge.computePartial(
			X.map((row) => [row[1], row[2]]),
			y,
		);
		expectError(
			() => ridge.trainFromPartial({ ...partial, n: 7 }),
			"RidgeRegression.trainFromPartial: partial.n must equal partial.xtx[1][1] (the bias column of ones counts the rows), got n 7 and 6",
		);
		const moments = computeMomentsPartial([[1], [3]]);
		expectError(() => mergeMomentsPartials(moments, { ...moments, m2: [[-1]] }), "mergeMomentsPartials: b.m2[1][1] must be ≥ 0, got -1");
	});
	it("ELM partials of different hidden layers (seeds) neither merge nor train", () => {
		const X = [[0.1], [0.5], [0.9]];
		const y = [[1], [2], [3]];
		const a = new ExtremeLearningMachine({ hiddenNeurons: 3, mode: "Regression", seed: 1 });
		const b = new ExtremeLearningMachine({ hiddenNeurons: 3, mode: "Regression", seed: 2 });
		const pa = a.computePartial(X, y);
		const pb = b.computePartial(X, y);
		expectError(() => a.mergePartials(pa, pb), "mergeLinearPartials: b.layout must equal a.layout");
		expectError(
			() => a.trainFromPartial(pb),
			"ExtremeLearningMachine.trainFromPartial: partial.layout must be this model's hidden layer elm:2x3:",
		);
		a.trainFromPartial(a.mergePartials(pa, a.computePartial(X, y)));
		expect(a.getModelParameters()).never.toBe(undefined);
	});
});

describe("8. an error is not the same as 'not accepted'", () => {
	it("an add whose merge fails returns true: the update is queued, the failure goes to onError, no retry is needed", () => {
		const messages = new Array<string>();
		const main = new DistributedModelParameters({
			totalNumberOfChildModelUpdatesToUpdateMainModel: 2,
			...quiet,
			onError: (m) => messages.push(m),
		});
		main.setMainModelParameters([[0]]);
		main.setModelParametersMerger(new ModelParametersMerger({ mergeType: "Custom" })); // no weights: merging fails
		expect(main.addModelParameters([[1]])).toBe(true);
		expect(main.addModelParameters([[3]])).toBe(true); // the old code threw here, after queuing
		expect(messages.size()).toBe(1);
		expect(main.getPendingCount()).toBe(2);
		const custom = new ModelParametersMerger({ mergeType: "Custom" });
		custom.setCustomSplitPercentageArray([1, 3]);
		main.setModelParametersMerger(custom);
		expect(main.mergeQueued()).toBe(2);
		expect(main.getMainModelParameters()).toEqual([[2.5]]); // each update once
	});
	it("a failing background merger cannot grow the queue without bound: beyond maximumPendingUpdates, adds return false", () => {
		const signal = new ManualSignal();
		const messages = new Array<string>();
		const main = new DistributedModelParameters({
			totalNumberOfChildModelUpdatesToUpdateMainModel: 2,
			maximumPendingUpdates: 3,
			...quiet,
			onError: (m) => messages.push(m),
		});
		main.setMainModelParameters([[0]]);
		main.setModelParametersMerger(new ModelParametersMerger({ mergeType: "Custom" }));
		main.start(signal);
		for (const v of [1, 2, 3]) expect(main.addModelParameters([[v]])).toBe(true);
		signal.Fire();
		signal.Fire();
		expect(messages.size()).toBe(2);
		expect(main.addModelParameters([[4]])).toBe(false);
		const s = main.getStatistics();
		expect([s.received, s.pending, s.rejectedBacklog]).toEqual([4, 3, 1]);
		expect(s.lastRejection).toBe("the queue holds 3 updates, the most allowed (maximumPendingUpdates); merge or apply first");
		expect(balanced(s)).toBe(true);
		main.destroy();
	});
});

describe("9. a model paused mid-train refuses parameter changes", () => {
	it("setModelParameters and a merge pushed during a yieldInterval pause are refused; training ends as if uninterrupted", () => {
		const [X, y] = regressionData(20, 4);
		const options = { fitIntercept: false, maximumNumberOfIterations: 6, yieldInterval: 2, learningRate: 0.1 };
		const model = new LinearRegression(options);
		model.setModelParameters([[0], [0], [0]]);
		const messages = new Array<string>();
		const main = new DistributedModelParameters({
			totalNumberOfChildModelUpdatesToUpdateMainModel: 1,
			...quiet,
			onError: (m) => messages.push(m),
		});
		main.setMainModelParameters([[0], [0], [0]]);
		main.addModel(model);
		let done = false;
		task.spawn(() => {
			model.train(X, y);
			done = true;
		});
		expect(done).toBe(false); // paused at its first yield
		expectError(
			() => model.setModelParameters([[9], [9], [9]]),
			"LinearRegression.setModelParameters: the model is training (paused at a yield); change its learned state after train returns",
		);
		expectError(() => model.applyGradients([[1], [1], [1]], 1), "LinearRegression.applyGradients: the model is training");
		main.addModelParameters([[5], [5], [5]]); // merges and pushes into the training child: refused, reported
		expect(messages.size()).toBe(1);
		expect(messages[0].find("the model is training", 1, true)[0]).never.toBe(undefined);
		while (!done) task.wait();
		const reference = new LinearRegression(options);
		reference.setModelParameters([[0], [0], [0]]);
		reference.train(X, y);
		expect(model.getModelParameters()).toEqual(reference.getModelParameters());
		model.setModelParameters([[1], [1], [1]]); // accepted again once train returned
	});
});

describe("10. one step rule: the main model's step is the model's own", () => {
	it("regularized, clipped, scheduled Adam: distributed gradients equal the model's own mini-batch steps on the union to 1e-12", () => {
		const [X, y] = regressionData(40, 9);
		const sizes = [7, 13, 20];
		const XS = splitRows(X, sizes);
		const YS = splitRows(y, sizes);
		const options = () => ({
			fitIntercept: false,
			optimizer: "Adam",
			learningRate: 0.2,
			regularizer: createRegularizer("L2", { lambda: 0.3 }),
			gradientClipNorm: 0.8,
			learningRateSchedule: createSchedule("ExponentialDecay", { decayRate: 0.9 }),
		});
		const mainModel = new LinearRegression(options());
		mainModel.setModelParameters([[0.5], [-0.5], [0]]);
		const main = new DistributedGradients({ model: mainModel, ...quiet });
		const reference = new LinearRegression(options());
		reference.setModelParameters([[0.5], [-0.5], [0]]);
		const all = new Array<number>();
		for (const i of $range(0, 39)) all.push(i);
		const children = sizes.map(() => new LinearRegression(options()));
		for (const _ of $range(1, 25)) {
			children.forEach((child, k) => {
				child.setModelParameters(main.getModelParameters()!);
				const [g, n] = child.computeGradients(XS[k], YS[k]);
				expect(main.addGradients(g, n, main.getVersion())).toBe(true);
			});
			expect(main.applyPending()).toBe(3);
			reference.trainInBatches(X, y, 1, () => [all]);
			expectMatrixClose(mainModel.getModelParameters() as Matrix, reference.getModelParameters() as Matrix, 1e-12);
		}
		expect(mainModel.getOptimizerStates()).never.toEqual({});
	});
	it("averaging per sample only: 'Sum' is gone, 'Mean' averages each child's mean gradient", () => {
		expectError(
			() => new DistributedGradients({ averaging: "Sum" as never }),
			'DistributedGradients.new: averaging must be one of "SampleWeighted", "Mean", got "Sum"',
		);
		const main = new DistributedGradients({ averaging: "Mean", learningRate: 1, ...quiet });
		main.setModelParameters([[10]]);
		main.addGradients([[5000]], 1000); // mean gradient 5 (the old Mean stepped by (5000 + 4) / 2)
		main.addGradients([[4]], 4); // mean gradient 1
		main.applyPending();
		expect(main.getModelParameters()).toEqual([[7]]); // 10 − (5 + 1)/2
	});
});

/** A child whose training yields the given parameters. */
class FixedChild extends MeanChild {
	constructor(private readonly result: Matrix) {
		super();
	}
	train() {
		this.parameters = this.result.map((row) => [...row]);
		return [0];
	}
}

describe("11. FederatedTrainer's parameter payloads pass the guard", () => {
	it("an outsized and a NaN child are rejected and counted; the merge is FedAvg of the honest ones", () => {
		const trainer = new FederatedTrainer({ schedule: { kind: "Synchronous" } });
		trainer.addChild(new FixedChild([[1]]), [[0]], [[0]]);
		trainer.addChild(new FixedChild([[2]]), [[0], [0]], [[0], [0]]);
		trainer.addChild(new FixedChild([[3]]), [[0]], [[0]]);
		trainer.addChild(new FixedChild([[1e6]]), [[0]], [[0]]);
		trainer.addChild(new FixedChild([[0 / 0]]), [[0]], [[0]]);
		const [report] = trainer.train(1);
		expect(report.updated).toBe(true);
		expectMatrixClose(trainer.getMainModelParameters() as Matrix, [[(1 + 2 * 2 + 3) / 4]], 1e-12);
		const s = trainer.getStatistics()!;
		expect([s.received, s.accepted, s.rejectedNorm, s.rejectedNonFinite]).toEqual([5, 3, 1, 1]);
		expect(balanced(s)).toBe(true);
	});
});
