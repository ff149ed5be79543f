// SafeguardWrapper: updates that diverge are undone bit for bit and reported; normal ones pass.
import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import type { Matrix } from "../../../src/matrix/types";
import { LinearRegression } from "../../../src/models/linear/LinearRegression";
import { RidgeRegression } from "../../../src/models/linear/RidgeRegression";
import { setTrainingOutput } from "../../../src/models/base/output";
import { GradientMethodWrapper } from "../../../src/models/wrappers/GradientMethodWrapper";
import { Rejection, SafeguardWrapper } from "../../../src/models/wrappers/SafeguardWrapper";

// On X = {1, 2}, y = {3, 5} the mean squared error's Hessian (XᵀX·2/n) has largest eigenvalue
// (7 + √45)/2 ≈ 6.85: gradient descent diverges for learning rates above ≈ 0.29.
const X = [[1], [2]];
const y = [3, 5];

/** Runs `fn` with warnings captured; returns them. */
function warnings(fn: () => void): Array<string> {
	const warned = new Array<string>();
	const previous = setTrainingOutput({ warn: (line) => warned.push(line) });
	const [ok, message] = pcall(fn);
	setTrainingOutput(previous);
	if (!ok) error(message, 0);
	return warned;
}

/** The mean squared error of w = (bias, slope) on X, y. */
function costAt(w: Matrix): number {
	const r1 = w[0][0] + w[1][0] - 3;
	const r2 = w[0][0] + 2 * w[1][0] - 5;
	return (r1 * r1 + r2 * r2) / 2;
}

describe("SafeguardWrapper on train", () => {
	it("lets a normal update pass: the same as the model trained alone", () => {
		const guarded = new SafeguardWrapper({ model: new LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 5 }) });
		const alone = new LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 5 });
		const warned = warnings(() => expect(guarded.train(X, y)).toEqual(alone.train(X, y)));
		expect(guarded.getModelParameters()).toEqual(alone.getModelParameters());
		expect(warned.size()).toBe(0);
		expect(guarded.getRejections()).toEqual([]);
		expect(guarded.getStatistics()).toEqual({ accepted: 1, rejected: 0 });
	});

	it("rejects a diverging learning rate: parameters, optimizer states and counter restored bit for bit", () => {
		const model = new LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 5, optimizer: "Momentum" });
		const seen = new Array<Rejection>();
		const guarded = new SafeguardWrapper({ model, onRejected: (r) => seen.push(r) });
		guarded.train(X, y);
		const before = model.getTrainingState();
		const held = model.getModelParameters(true) as Matrix;
		model.setParameters({ learningRate: 1 });
		const warned = warnings(() => guarded.train(X, y));
		expect(model.getTrainingState()).toEqual(before);
		expect(held).toEqual(before.parameters as Matrix);
		expect(guarded.getStatistics()).toEqual({ accepted: 1, rejected: 1 });
		const [rejection] = guarded.getRejections();
		expect(rejection.call).toBe("train");
		expect(rejection.reason).toBe("costIncrease");
		expect(rejection.updateNumber).toBe(2);
		expectClose(rejection.costBefore!, costAt(before.parameters as Matrix), 1e-12);
		expect(rejection.costAfter! > 10 * rejection.costBefore!).toBe(true);
		expect(warned.size()).toBe(1);
		expect(warned[0]).toBe(rejection.message);
		expect(rejection.message.find("[Hivemind] SafeguardWrapper.train: rejected update 2: the cost rose from ", 1, true)[0]).toBe(1);
		expect(rejection.message.find("; parameters restored", 1, true)[0] !== undefined).toBe(true);
		expect(seen).toEqual([rejection]);
		// back to a sane rate, the model trains on from the restored state like an undisturbed twin
		model.setParameters({ learningRate: 0.1 });
		model.train(X, y);
		const twin = new LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 10, optimizer: "Momentum" });
		twin.train(X, y);
		expect(model.getModelParameters()).toEqual(twin.getModelParameters());
	});

	it("returns a fresh model to untrained when its first update is rejected", () => {
		const guarded = new SafeguardWrapper({
			model: new LinearRegression({ learningRate: 1, maximumNumberOfIterations: 5 }),
			warnOnRejection: false,
		});
		const warned = warnings(() => guarded.train(X, y));
		expect(warned.size()).toBe(0);
		expect(guarded.getModelParameters()).toBeUndefined();
		expect(guarded.getRejections()[0].costBefore).toBe(17);
	});

	it("judges the jump by maximumCostIncreaseFactor", () => {
		const run = (factor: number) => {
			const guarded = new SafeguardWrapper({
				model: new LinearRegression({ learningRate: 0.35, maximumNumberOfIterations: 3 }),
				maximumCostIncreaseFactor: factor,
				warnOnRejection: false,
			});
			guarded.train(X, y);
			return guarded.getStatistics().rejected;
		};
		// rate 0.35: |1 − 0.35·6.85| ≈ 1.4 per step along the steep direction, so the cost grows slowly
		expect(run(1)).toBe(1);
		expect(run(1e6)).toBe(0);
	});

	it("guards a GradientMethodWrapper's whole training call", () => {
		const inner = new GradientMethodWrapper({
			model: new LinearRegression({ learningRate: 0.05 }),
			method: "Stochastic",
			numberOfEpochs: 3,
			shuffle: false,
		});
		const guarded = new SafeguardWrapper({ model: inner, warnOnRejection: false });
		guarded.train(X, y);
		const before = guarded.getTrainingState();
		(inner.getModel() as LinearRegression).setParameters({ learningRate: 3 });
		guarded.train(X, y);
		expect(guarded.getTrainingState()).toEqual(before);
		expect(guarded.getStatistics()).toEqual({ accepted: 1, rejected: 1 });
	});
});

describe("SafeguardWrapper on applyGradients", () => {
	it("applies a normal gradient and rejects one that makes the parameters non-finite", () => {
		const model = new LinearRegression({ learningRate: 10 });
		const guarded = new SafeguardWrapper({ model, warnOnRejection: false });
		guarded.setModelParameters([[1], [1]]);
		guarded.applyGradients([[0.2], [-0.4]], 2);
		expectMatrixClose(guarded.getModelParameters() as Matrix, [[0], [3]], 1e-15);
		guarded.applyGradients([[1e308], [1e308]], 1);
		expect(guarded.getModelParameters()).toEqual([[0], [3]]);
		const [rejection] = guarded.getRejections();
		expect(rejection.call).toBe("applyGradients");
		expect(rejection.reason).toBe("nonfinite");
		expect(rejection.costBefore).toBeUndefined();
		expect(rejection.message).toBe(
			"[Hivemind] SafeguardWrapper.applyGradients: rejected update 2: the parameters became non-finite; parameters restored",
		);
	});

	it("compares the cost on the data given to setCostData", () => {
		const guarded = new SafeguardWrapper({ model: new LinearRegression({ learningRate: 0.1 }), warnOnRejection: false });
		guarded.setModelParameters([[1], [2]]);
		// w = (1, 2) fits perfectly: cost 0, so the floor minimumReferenceCost = 1e-8 is the reference
		guarded.setCostData(X, [3, 5]);
		guarded.applyGradients([[-1e-6], [0]], 1);
		expect(guarded.getStatistics()).toEqual({ accepted: 1, rejected: 0 });
		expectMatrixClose(guarded.getModelParameters() as Matrix, [[1 + 1e-7], [2]], 1e-15);
		guarded.applyGradients([[-10], [-10]], 1);
		expect(guarded.getStatistics()).toEqual({ accepted: 1, rejected: 1 });
		expect(guarded.getModelParameters()).toEqual([[1 + 1e-7], [2]]);
		expect(guarded.getRejections()[0].reason).toBe("costIncrease");
		expectClose(guarded.getRejections()[0].costAfter!, costAt([[2 + 1e-7], [3]]), 1e-12);
		// without cost data, only finiteness is checked
		guarded.setCostData();
		guarded.applyGradients([[-10], [-10]], 1);
		expectMatrixClose(guarded.getModelParameters() as Matrix, [[2 + 1e-7], [3]], 1e-15);
	});

	it("with minimumReferenceCost 0 a perfect fit rejects any increase", () => {
		const guarded = new SafeguardWrapper({ model: new LinearRegression({ learningRate: 0.1 }), minimumReferenceCost: 0, warnOnRejection: false });
		guarded.setModelParameters([[1], [2]]);
		guarded.setCostData(X, [3, 5]);
		guarded.applyGradients([[-1e-6], [0]], 1);
		expect(guarded.getModelParameters()).toEqual([[1], [2]]);
		expect(guarded.getStatistics().rejected).toBe(1);
	});

	it("keeps the latest rejectionHistorySize rejections and counts them all", () => {
		const guarded = new SafeguardWrapper({ model: new LinearRegression({ learningRate: 10 }), rejectionHistorySize: 2, warnOnRejection: false });
		guarded.setModelParameters([[0], [0]]);
		for (const _ of $range(1, 3)) guarded.applyGradients([[1e308], [0]], 1);
		expect(guarded.getRejections().map((r) => r.updateNumber)).toEqual([2, 3]);
		expect(guarded.getStatistics()).toEqual({ accepted: 0, rejected: 3 });
		const twin = guarded.clone();
		expect(twin.getRejections()).toEqual(guarded.getRejections());
		expect(twin.getModel()).never.toBe(guarded.getModel());
	});
});

describe("SafeguardWrapper errors", () => {
	it("rejects bad options with messages", () => {
		const model = new LinearRegression();
		expectError(
			() => new SafeguardWrapper(),
			"[Hivemind] SafeguardWrapper.new: model must be given (a gradient model such as LinearRegression.new()), got nil",
		);
		expectError(
			() => new SafeguardWrapper({ model, maximumCostIncreaseFactor: 0.5 }),
			"SafeguardWrapper.new: maximumCostIncreaseFactor must be a finite number ≥ 1, got 0.5",
		);
		expectError(
			() => new SafeguardWrapper({ model, minimumReferenceCost: -1 }),
			"SafeguardWrapper.new: minimumReferenceCost must be a finite number ≥ 0, got -1",
		);
		expectError(
			() => new SafeguardWrapper({ model, rejectionHistorySize: 0 }),
			"SafeguardWrapper.new: rejectionHistorySize must be an integer ≥ 1, got 0",
		);
		expectError(() => new SafeguardWrapper({ model, onRejected: 1 as never }), "SafeguardWrapper.new: onRejected must be a function, got 1");
		expectError(
			() => new SafeguardWrapper({ model: new RidgeRegression() as never }),
			"SafeguardWrapper.new: model must be a gradient model (e.g. LinearRegression.new()) or a wrapper of one, got a table",
		);
	});

	it("names itself in the wrapped model's errors and leaves the model as it was", () => {
		const guarded = new SafeguardWrapper({ model: new LinearRegression() });
		expectError(() => guarded.train([[1], [math.huge]], y), "[Hivemind] SafeguardWrapper.train: X[2][1] must be finite");
		expect(guarded.getModelParameters()).toBeUndefined();
		expectError(() => guarded.applyGradients([[1], [1]], 1), "[Hivemind] SafeguardWrapper.applyGradients: the model has no parameters yet");
		guarded.train(X, y);
		const before = guarded.getTrainingState();
		expectError(() => guarded.applyGradients([[1], [1]], 0), "SafeguardWrapper.applyGradients: sampleCount must be an integer ≥ 1, got 0");
		expectError(
			() => guarded.setCostData([[1, 2]], y),
			"[Hivemind] SafeguardWrapper.setCostData: X must have 1 columns (features) like the training data, got 1×2",
		);
		expect(guarded.getTrainingState()).toEqual(before);
		expect(guarded.getStatistics()).toEqual({ accepted: 1, rejected: 0 });
	});
});
