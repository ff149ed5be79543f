// GradientModel.trainInBatches (the loop over caller-chosen batches) and get/setTrainingState,
// checked by hand on LinearRegression.
import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import type { Matrix } from "../../../src/matrix/types";
import { descentByHand } from "./byHand";
import { LinearRegression } from "../../../src/models/linear/LinearRegression";

const X = [[1], [2], [3], [4]];
const y = [3, 5, 6, 9];

/** Gradient descent by hand on X, y (see byHand.ts). */
function byHand(epochs: Array<Array<Array<number>>>, rate: number): LuaTuple<[Matrix, Array<number>]> {
	return descentByHand(X, y, epochs, rate);
}

describe("GradientModel.trainInBatches", () => {
	it("takes one step per given batch, epoch by epoch; the cost is the epoch's mean batch loss", () => {
		const plans = [[[3, 0], [2], [1]], [[1, 2, 3, 0]], [[0], [1]]];
		const model = new LinearRegression({ learningRate: 0.02 });
		const epochsSeen = new Array<number>();
		const costs = model.trainInBatches(X, y, 3, (epoch, n) => {
			expect(n).toBe(4);
			epochsSeen.push(epoch);
			return plans[epoch - 1];
		});
		const [expected, expectedCosts] = byHand(plans, 0.02);
		expect(epochsSeen).toEqual([1, 2, 3]);
		expectMatrixClose(model.getModelParameters() as Matrix, expected, 1e-13);
		expect(costs.size()).toBe(3);
		for (const k of $range(0, 2)) expectClose(costs[k], expectedCosts[k], 1e-13);
	});

	it("takes a full-batch step (like train) when the plan returns nil", () => {
		const planned = new LinearRegression({ learningRate: 0.02 });
		const plain = new LinearRegression({ learningRate: 0.02, maximumNumberOfIterations: 4 });
		expect(planned.trainInBatches(X, y, 4, () => undefined)).toEqual(plain.train(X, y));
		expect(planned.getModelParameters()).toEqual(plain.getModelParameters());
	});

	it("rejects bad epochs, plans and batches with messages, leaving the model as it was", () => {
		const model = new LinearRegression();
		expectError(
			() => model.trainInBatches(X, y, 0, () => undefined),
			"[Hivemind] LinearRegression.trainInBatches: numberOfEpochs must be an integer ≥ 1, got 0",
		);
		expectError(
			() => model.trainInBatches(X, y, 1, 3 as never),
			"LinearRegression.trainInBatches: plan must be a function(epoch, sampleCount) returning the epoch's batches, got number",
		);
		expectError(
			() => model.trainInBatches(X, y, 1, () => [] as never),
			"LinearRegression.trainInBatches: the batches of epoch 1 must be nil or a non-empty array of batches",
		);
		expectError(
			() => model.trainInBatches(X, y, 1, () => [[0, 1], []]),
			"LinearRegression.trainInBatches: batch 2 of epoch 1 must be a non-empty array of row indices, got a table",
		);
		expectError(() => model.trainInBatches(X, y, 1, () => [[0, 4]]), "batch 1 of epoch 1, entry 2 must be a row index in [0, 3], got 4");
		expectError(() => model.trainInBatches(X, y, 1, () => [[0.5]]), "entry 1 must be a row index in [0, 3], got 0.5");
		expect(model.getModelParameters()).toBeUndefined();
		model.train(X, y);
		const before = model.getTrainingState();
		expectError(
			() => model.trainInBatches(X, y, 2, (epoch) => (epoch === 2 ? [[9]] : [[0]])),
			"batch 1 of epoch 2, entry 1 must be a row index in [0, 3], got 9",
		);
		expect(model.getTrainingState()).toEqual(before);
		expectError(
			() => model.trainInBatches([[1, 2]], y, 1, () => undefined),
			"LinearRegression.trainInBatches: X must have 1 columns (features) like the training data, got 1×2",
		);
	});
});

describe("GradientModel training state", () => {
	it("returns to a saved state bit for bit: parameters, optimizer states and update counter", () => {
		const model = new LinearRegression({ optimizer: "Adam", learningRate: 0.1, maximumNumberOfIterations: 5 });
		model.train(X, y);
		const saved = model.getTrainingState();
		expect(saved.updateCount).toBe(5);
		const held = model.getModelParameters(true) as Matrix;
		model.train(X, y);
		expect(model.getModelParameters()).never.toEqual(saved.parameters);
		model.setTrainingState(saved);
		expect(model.getTrainingState()).toEqual(saved);
		// copied into the same matrices: a no-copy holder sees the restored values
		expect(held).toEqual(saved.parameters as Matrix);
		// and training on continues exactly as it did from there
		const twin = new LinearRegression({ optimizer: "Adam", learningRate: 0.1, maximumNumberOfIterations: 10 });
		twin.train(X, y);
		model.train(X, y);
		expect(model.getModelParameters()).toEqual(twin.getModelParameters());
	});

	it("a state without parameters makes the model untrained; a fresh model takes a state with some", () => {
		const model = new LinearRegression({ maximumNumberOfIterations: 3 });
		const empty = model.getTrainingState();
		expect(empty).toEqual({ optimizerStates: {}, updateCount: 0 });
		model.train(X, y);
		const trained = model.getTrainingState();
		model.setTrainingState(empty);
		expect(model.getModelParameters()).toBeUndefined();
		model.setTrainingState(trained);
		expect(model.getTrainingState()).toEqual(trained);
	});

	it("rejects bad states with messages", () => {
		const model = new LinearRegression({ maximumNumberOfIterations: 2 });
		model.train(X, y);
		const state = model.getTrainingState();
		expectError(
			() => model.setTrainingState(3 as never),
			"[Hivemind] LinearRegression.setTrainingState: state must be a table { parameters?, optimizerStates, updateCount } from getTrainingState, got number",
		);
		expectError(() => model.setTrainingState({ ...state, parameters: [[1], [2], [3]] }), "LinearRegression.setTrainingState");
		expectError(
			() => model.setTrainingState({ ...state, parameters: "x" as never }),
			"LinearRegression.setTrainingState: state.parameters must be",
		);
		expectError(
			() => model.setTrainingState({ ...state, updateCount: -1 }),
			"LinearRegression.setTrainingState: state.updateCount must be an integer ≥ 0, got -1",
		);
		expectError(
			() => model.setTrainingState({ ...state, optimizerStates: 5 as never }),
			"LinearRegression.setTrainingState: state.optimizerStates must be a table, got number",
		);
		expectError(
			() => model.setTrainingState({ ...state, optimizerStates: { "": { t: 0 / 0 } } }),
			'state.optimizerStates[""].t must be a finite number or a matrix of finite numbers, got NaN',
		);
		expect(model.getTrainingState()).toEqual(state);
	});

	it("replaces non-finite parameters left by a diverged applyGradients", () => {
		const model = new LinearRegression({ learningRate: 10 });
		model.setModelParameters([[0], [0]]);
		const state = model.getTrainingState();
		model.applyGradients([[1e308], [0]], 1);
		expect((model.getModelParameters() as Matrix)[0][0]).toBe(-math.huge);
		model.setTrainingState(state);
		expect(model.getModelParameters()).toEqual([[0], [0]]);
		model.applyGradients([[1e308], [0]], 1);
		model.setModelParameters([[1], [2]]);
		expect(model.getModelParameters()).toEqual([[1], [2]]);
	});
});
