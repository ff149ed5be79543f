import { describe, expect, it } from "../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../support/numeric";
import { DistributedModelParameters } from "../../src/distributed/DistributedModelParameters";
import { ModelParametersMerger } from "../../src/distributed/ModelParametersMerger";
import { createUpdate } from "../../src/distributed/wire";
import { Matrix } from "../../src/matrix/types";
import { ModelParameters } from "../../src/parameters/tree";
import { NormalLinearRegression } from "../../src/models/linear/NormalLinearRegression";
import { ManualSignal, MeanChild, regressionData, splitRows } from "./support";

const quiet = { logRejections: false };

/** A merger that records how many entries each merge received. */
class CountingMerger extends ModelParametersMerger {
	sizes = new Array<number>();
	merge(children: Array<ModelParameters>) {
		this.sizes.push(children.size());
		return super.merge(children);
	}
}

describe("DistributedModelParameters: counting and merging", () => {
	it("with N = 10, merges all 10 queued entries in one call, then again after the next 10", () => {
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 10, ...quiet });
		main.setMainModelParameters([[0]]);
		const merger = new CountingMerger();
		main.setModelParametersMerger(merger);
		for (const v of $range(1, 9)) main.addModelParameters([[v]]);
		expect(main.getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel()).toBe(9);
		expect(main.getMainModelParameters()).toEqual([[0]]);
		main.addModelParameters([[10]]);
		expect(merger.sizes).toEqual([10]);
		expectMatrixClose(main.getMainModelParameters() as Matrix, [[5.5]], 1e-12); // mean of 1…10: every entry merged
		expect(main.getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel()).toBe(0);
		for (const v of $range(11, 20)) main.addModelParameters([[v]]);
		expect(merger.sizes).toEqual([10, 10]);
		expectMatrixClose(main.getMainModelParameters() as Matrix, [[15.5]], 1e-12);
		expect(main.getVersion()).toBe(2);
		const stats = main.getStatistics();
		expect([stats.received, stats.accepted, stats.pending]).toEqual([20, 20, 0]);
	});
	it("trains owned children, counts each call, and pushes the merge into every child", () => {
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 3, ...quiet });
		const a = new MeanChild();
		const b = new MeanChild();
		expect(main.addModel(a)).toBe(0);
		expect(main.addModel(b)).toBe(1);
		main.train([[0], [0]], [[1], [3]], 0); // a: 2
		main.train([[0]], [[8]], 1); // b: 8
		expect(main.getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel()).toBe(2);
		main.train([[0]], [[5]], 1); // b: 5 → merge mean(2, 8, 5) = 5
		expect(main.getMainModelParameters()).toEqual([[5]]);
		expect(a.parameters).toEqual([[5]]);
		expect(b.parameters).toEqual([[5]]);
		a.parameters![0][0] = 1;
		expect(b.parameters).toEqual([[5]]); // each child gets its own copy
	});
	it("uses sample counts with a SampleWeighted merger, and does not push when told not to", () => {
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 2, pushToChildren: false, ...quiet });
		main.setModelParametersMerger(new ModelParametersMerger({ mergeType: "SampleWeighted" }));
		const a = new MeanChild();
		main.addModel(a);
		main.train([[0], [0], [0]], [[2], [2], [2]], 0); // 3 samples, parameter 2
		main.addModelParameters([[10]], 1); // 1 sample
		expect(main.getMainModelParameters()).toEqual([[4]]); // (3·2 + 1·10) / 4
		expect(a.parameters).toEqual([[2]]);
	});
	it("merges exactly: FedAvg of exact least squares with a real model", () => {
		const [X, y] = regressionData(30, 5);
		const XS = splitRows(X, [10, 20]);
		const YS = splitRows(y, [10, 20]);
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 2, ...quiet });
		main.setModelParametersMerger(new ModelParametersMerger({ mergeType: "SampleWeighted" }));
		const children = [new NormalLinearRegression({ fitIntercept: false }), new NormalLinearRegression({ fitIntercept: false })];
		children.forEach((child) => main.addModel(child));
		main.train(XS[0], YS[0], 0);
		main.train(XS[1], YS[1], 1);
		const expected = children.map((child) => child.getModelParameters() as Matrix);
		const p0 = new NormalLinearRegression({ fitIntercept: false });
		p0.train(XS[0], YS[0]);
		const p1 = new NormalLinearRegression({ fitIntercept: false });
		p1.train(XS[1], YS[1]);
		const a = p0.getModelParameters() as Matrix;
		const b = p1.getModelParameters() as Matrix;
		expectMatrixClose(
			main.getMainModelParameters() as Matrix,
			a.map((row, i) => [(10 * row[0] + 20 * b[i][0]) / 30]),
			1e-12,
		);
		expectMatrixClose(expected[0], main.getMainModelParameters() as Matrix, 0); // pushed
	});
	it("mergeQueued merges whatever is queued; reset discards it (counted)", () => {
		const main = new DistributedModelParameters({ ...quiet });
		main.setMainModelParameters([[0]]);
		expect(main.mergeQueued()).toBe(0);
		main.addModelParameters([[1]]);
		main.addModelParameters([[3]]);
		expect(main.mergeQueued()).toBe(2);
		expect(main.getMainModelParameters()).toEqual([[2]]);
		main.addModelParameters([[7]]);
		main.reset();
		expect(main.getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel()).toBe(0);
		expect(main.getStatistics().cleared).toBe(1);
	});
	it("accepts wire-format parameter updates", () => {
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 1, modelName: "M", ...quiet });
		main.setMainModelParameters({ w: [[0, 0]] });
		main.addUpdate(createUpdate({ kind: "parameters", modelName: "M", round: 0, childId: 3, sampleCount: 4, data: { w: [[1, 2]] } }));
		expect(main.getMainModelParameters()).toEqual({ w: [[1, 2]] });
		expectError(
			() => main.addUpdate(createUpdate({ kind: "gradients", modelName: "M", round: 0, childId: 3, data: [[1]] })),
			'addUpdate: record.kind must be "parameters", got "gradients"',
		);
	});
});

describe("DistributedModelParameters: safety and background", () => {
	it("rejects NaN, wrong structures and outsized parameters, leaving the main parameters bit-identical", () => {
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 1, minimumNormHistory: 2, ...quiet });
		main.setMainModelParameters([[0, 0]]);
		main.addModelParameters([[0.1, 0.2]]);
		main.addModelParameters([[0.3, 0.4]]);
		const before = main.getMainModelParameters();
		expect(main.addModelParameters([[0 / 0, 1]])).toBe(false);
		expect(main.addModelParameters([[1]])).toBe(false);
		expect(main.addModelParameters([[300, 400]])).toBe(false);
		expect(main.getMainModelParameters()).toEqual(before);
		const stats = main.getStatistics();
		expect([stats.rejectedNonFinite, stats.rejectedStructure, stats.rejectedNorm, stats.accepted]).toEqual([1, 1, 1, 2]);
		expect(main.getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel()).toBe(0);
	});
	it("merges on the signal once the count is reached, and surfaces merge errors", () => {
		const signal = new ManualSignal();
		const messages = new Array<string>();
		const main = new DistributedModelParameters({
			totalNumberOfChildModelUpdatesToUpdateMainModel: 2,
			...quiet,
			onError: (m) => messages.push(m),
		});
		main.setMainModelParameters([[0]]);
		main.start(signal);
		main.addModelParameters([[1]]);
		main.addModelParameters([[3]]);
		expect(main.getMainModelParameters()).toEqual([[0]]); // background: merged on the next tick
		signal.Fire();
		expect(main.getMainModelParameters()).toEqual([[2]]);
		const custom = new ModelParametersMerger({ mergeType: "Custom" });
		main.setModelParametersMerger(custom); // no weights set: the merge fails
		main.addModelParameters([[1]]);
		main.addModelParameters([[1]]);
		signal.Fire();
		expect(messages.size()).toBe(1);
		expect(messages[0]).toBe(
			'[Hivemind] ModelParametersMerger.merge: mergeType "Custom" needs setCustomSplitPercentageArray(weights) first, got none',
		);
		expect(main.getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel()).toBe(2); // kept, not lost
		main.stop();
		main.destroy();
		expect(main.getStatistics().cleared).toBe(2);
		expectError(() => main.train([[1]], [[1]], 0), "DistributedModelParameters.train: this object was destroyed");
	});
});

describe("DistributedModelParameters: validation", () => {
	it("rejects bad options and arguments", () => {
		expectError(
			() => new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 0 }),
			"[Hivemind] DistributedModelParameters.new: totalNumberOfChildModelUpdatesToUpdateMainModel must be an integer ≥ 1, got 0",
		);
		expectError(() => new DistributedModelParameters({ pushToChildren: "yes" as never }), 'pushToChildren must be a boolean, got "yes"');
		expectError(() => new DistributedModelParameters({ stalenessBound: 1 } as never), 'unknown option "stalenessBound"');
		const main = new DistributedModelParameters({ ...quiet });
		expectError(
			() => main.setModelParametersMerger({} as never),
			"setModelParametersMerger: merger must be a ModelParametersMerger, got a table",
		);
		expectError(() => main.setMainModelParameters([[1, 2], [3]] as never), "setMainModelParameters: parameters must be a matrix");
		expectError(
			() => main.addModelParameters(4 as never),
			"addModelParameters: parameters must be a matrix, a list of matrices or a string-keyed table of matrices, got 4",
		);
		expectError(() => main.addModelParameters([[1]], 2.5), "addModelParameters: sampleCount must be an integer ≥ 1 or nil, got 2.5");
		expectError(
			() => main.addModel({ train() {} } as never),
			"addModel: child must be a model with train, getModelParameters and setModelParameters, got a table",
		);
		expectError(() => main.train([[1]], [[1]], 0), "train: childIndex must be a child index, but no child was added (addModel), got 0");
		main.addModel(new MeanChild());
		expectError(() => main.train([[1]], [[1]], 1), "train: childIndex must be an integer in [0, 0], got 1");
		expectError(() => main.start({} as never), "DistributedModelParameters.start: signal must be a signal with Connect");
	});
});

describe("DistributedModelParameters pushing merges into children", () => {
	it("gives every other child the merge when one child refuses it, then reports that child", () => {
		const messages = new Array<string>();
		const main = new DistributedModelParameters({
			totalNumberOfChildModelUpdatesToUpdateMainModel: 3,
			...quiet,
			onError: (m) => messages.push(m),
		});
		const first = new MeanChild();
		const refusing = new MeanChild();
		refusing.setModelParameters = () => error("full");
		const last = new MeanChild();
		main.addModel(first);
		main.addModel(refusing);
		main.addModel(last);
		main.train([[0]], [[1]], 0);
		main.train([[0]], [[2]], 2);
		main.train([[0]], [[6]], 1); // the add is acknowledged; the push failure goes to onError
		expect(messages.size()).toBe(1);
		expect(messages[0].find("the merge succeeded, but pushing it failed for child 1", 1, true)[0]).never.toBe(undefined);
		expect(messages[0].find("full", 1, true)[0]).never.toBe(undefined);
		// mean of 1, 2 and 6: the merge is kept, and children 0 and 2 both have it
		expectMatrixClose(main.getMainModelParameters() as Matrix, [[3]], 1e-12);
		expectMatrixClose(first.getModelParameters()!, [[3]], 1e-12);
		expectMatrixClose(last.getModelParameters()!, [[3]], 1e-12);
		expect(main.getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel()).toBe(0);
	});
	it("names addUpdate when a record is not valid wire format", () => {
		const main = new DistributedModelParameters(quiet);
		expectError(() => main.addUpdate({ kind: "parameters" } as never), "[Hivemind] DistributedModelParameters.addUpdate: ");
	});
});
