// GradientMethodWrapper: batch, mini-batch and stochastic epochs of the wrapped model's own steps,
// checked against the model itself and against steps computed by hand.
import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix/random";
import type { Matrix } from "../../../src/matrix/types";
import { descentByHand } from "../base/byHand";
import { LinearRegression } from "../../../src/models/linear/LinearRegression";
import { LogisticRegression } from "../../../src/models/linear/LogisticRegression";
import { RidgeRegression } from "../../../src/models/linear/RidgeRegression";
import { NeuralNetwork } from "../../../src/models/neural/NeuralNetwork";
import { setTrainingOutput } from "../../../src/models/base/output";
import { GradientMethodWrapper } from "../../../src/models/wrappers/GradientMethodWrapper";

const X = [[1], [2], [3], [4]];
const y = [3, 5, 6, 9];

/** Gradient descent by hand on X, y (see byHand.ts). */
function byHand(epochs: Array<Array<Array<number>>>, rate: number): LuaTuple<[Matrix, Array<number>]> {
	return descentByHand(X, y, epochs, rate);
}

function expectHistoryClose(actual: Array<number>, expected: Array<number>) {
	expect(actual.size()).toBe(expected.size());
	for (const k of $range(0, expected.size() - 1)) expectClose(actual[k], expected[k], 1e-12);
}

describe("GradientMethodWrapper methods", () => {
	it("Batch with 1 epoch equals one full-batch step of the model (regularizer and optimizer included)", () => {
		const options = { learningRate: 0.05, optimizer: "Adam", regularizer: "L2" };
		const wrapper = new GradientMethodWrapper({ model: new LinearRegression(options), method: "Batch", numberOfEpochs: 1 });
		const model = new LinearRegression({ ...options, maximumNumberOfIterations: 1 });
		expect(wrapper.train(X, y)).toEqual(model.train(X, y));
		expect(wrapper.getModelParameters()).toEqual(model.getModelParameters());
		expect(wrapper.getTrainingState()).toEqual(model.getTrainingState());
		// and by hand without the extras: mean gradient (−11.5, −33.5) from w = 0 → w = 0.05·(11.5, 33.5)
		const plain = new GradientMethodWrapper({ model: new LinearRegression({ learningRate: 0.05 }), method: "Batch", numberOfEpochs: 1 });
		const [expected, costs] = byHand([[[0, 1, 2, 3]]], 0.05);
		expectHistoryClose(plain.train(X, y), costs);
		expectMatrixClose(plain.getModelParameters() as Matrix, expected, 1e-15);
		expectMatrixClose(expected, [[0.575], [1.675]], 1e-15);
	});

	it("Stochastic without shuffling equals n sequential single-sample steps per epoch", () => {
		const wrapper = new GradientMethodWrapper({
			model: new LinearRegression({ learningRate: 0.01 }),
			method: "Stochastic",
			shuffle: false,
			numberOfEpochs: 3,
		});
		const costs = wrapper.train(X, y);
		const epoch = [[0], [1], [2], [3]];
		const [expected, expectedCosts] = byHand([epoch, epoch, epoch], 0.01);
		expectMatrixClose(wrapper.getModelParameters() as Matrix, expected, 1e-13);
		expectHistoryClose(costs, expectedCosts);
	});

	it("MiniBatch cuts the rows in order into batches of batchSize (the last one smaller)", () => {
		const wrapper = new GradientMethodWrapper({
			model: new LinearRegression({ learningRate: 0.02 }),
			batchSize: 3,
			shuffle: false,
			numberOfEpochs: 2,
		});
		const costs = wrapper.train(X, y);
		const epoch = [[0, 1, 2], [3]];
		const [expected, expectedCosts] = byHand([epoch, epoch], 0.02);
		expectMatrixClose(wrapper.getModelParameters() as Matrix, expected, 1e-13);
		expectHistoryClose(costs, expectedCosts);
	});

	it("shuffles each epoch from the seed: reproducible, continued across calls and clones", () => {
		const make = (seed: number, epochs: number) =>
			new GradientMethodWrapper({
				model: new LinearRegression({ learningRate: 0.02 }),
				method: "MiniBatch",
				batchSize: 2,
				numberOfEpochs: epochs,
				seed,
			});
		// by hand: the permutations of one seeded stream, cut into pairs
		const stream = new RandomGenerator(9);
		const epochs = new Array<Array<Array<number>>>();
		for (const _ of $range(1, 4)) {
			const order = stream.permutation(4);
			epochs.push([
				[order[0], order[1]],
				[order[2], order[3]],
			]);
		}
		const [expected] = byHand(epochs, 0.02);
		const once = make(9, 4);
		once.train(X, y);
		expectMatrixClose(once.getModelParameters() as Matrix, expected, 1e-13);
		const again = make(9, 4);
		again.train(X, y);
		expect(again.getModelParameters()).toEqual(once.getModelParameters());
		const twice = make(9, 2);
		twice.train(X, y);
		const twin = twice.clone();
		twice.train(X, y);
		twin.train(X, y);
		expect(twice.getModelParameters()).toEqual(once.getModelParameters());
		expect(twin.getModelParameters()).toEqual(once.getModelParameters());
		const other = make(10, 4);
		other.train(X, y);
		expect(other.getModelParameters()).never.toEqual(once.getModelParameters());
	});

	it("takes one full-batch step when batchSize ≥ n, and defaults the epochs to the model's maximumNumberOfIterations", () => {
		const wrapper = new GradientMethodWrapper({ model: new LinearRegression({ maximumNumberOfIterations: 3 }), batchSize: 4 });
		const model = new LinearRegression({ maximumNumberOfIterations: 3 });
		expect(wrapper.getNumberOfEpochs()).toBe(3);
		expect(wrapper.train(X, y)).toEqual(model.train(X, y));
		expect(wrapper.getModelParameters()).toEqual(model.getModelParameters());
	});
});

describe("GradientMethodWrapper as a model", () => {
	it("predicts, gets and sets parameters through the wrapped model (which it trains in place)", () => {
		const inner = new LinearRegression({ learningRate: 0.02 });
		const wrapper = new GradientMethodWrapper({ model: inner, method: "Stochastic", numberOfEpochs: 5 });
		wrapper.train(X, y);
		expect(wrapper.getModel()).toBe(inner);
		expect(wrapper.getModelParameters(true)).toBe(inner.getModelParameters(true));
		const [predicted, second] = wrapper.predict([[5]]);
		expect(predicted).toEqual(inner.predict([[5]]));
		expect(second).toBeUndefined();
		wrapper.setModelParameters([[1], [2]]);
		expectMatrixClose(wrapper.predict([[5]])[0] as Matrix, [[11]], 1e-15);
		expect(inner.getModelParameters()).toEqual([[1], [2]]);
	});

	it("passes a classifier's labels and probabilities through", () => {
		const labels = ["low", "low", "high", "high"];
		const wrapper = new GradientMethodWrapper({
			model: new LogisticRegression({ classesList: ["low", "high"], learningRate: 0.5 }),
			method: "Stochastic",
			numberOfEpochs: 200,
			seed: 1,
		});
		const costs = wrapper.train(X, labels);
		expect(costs.size()).toBe(200);
		expect(costs[199] < costs[0]).toBe(true);
		const [predicted, probabilities] = wrapper.predict(X);
		expect(predicted).toEqual(labels);
		expect((probabilities as Matrix)[0].size()).toBe(2);
	});

	it("trains a network's list of layers over mini-batches like the network's own batchSize loop over the same batches", () => {
		const build = () => {
			const network = new NeuralNetwork({ mode: "Regression", learningRate: 0.05 });
			network.createLayers([1, 3, 1], "Tanh");
			network.setLayerActivation(2, "None");
			return network;
		};
		const wrapper = new GradientMethodWrapper({ model: build(), batchSize: 2, shuffle: false, numberOfEpochs: 4 });
		wrapper.train(X, [[0.3], [0.5], [0.6], [0.9]]);
		const direct = build();
		direct.trainInBatches(X, [[0.3], [0.5], [0.6], [0.9]], 4, () => [
			[0, 1],
			[2, 3],
		]);
		expect(wrapper.getModelParameters()).toEqual(direct.getModelParameters());
		expect((wrapper.getModelParameters() as Array<Matrix>).size()).toBe(2);
	});

	it("prints one `Iteration: n  Cost: c` line per epoch when the model's isOutputPrinted is on", () => {
		const lines = new Array<string>();
		const previous = setTrainingOutput({ print: (line) => lines.push(line) });
		const wrapper = new GradientMethodWrapper({
			model: new LinearRegression({ isOutputPrinted: true }),
			method: "Stochastic",
			numberOfEpochs: 3,
		});
		const [ok, message] = pcall(() => wrapper.train(X, y));
		setTrainingOutput(previous);
		expect(ok).toBe(true);
		expect((message as Array<number>).size()).toBe(3);
		expect(lines.map((line) => line.match("^Iteration: (%d+)  Cost: ")[0])).toEqual(["1", "2", "3"]);
	});
});

describe("GradientMethodWrapper errors", () => {
	it("rejects bad options with messages", () => {
		const model = new LinearRegression();
		expectError(
			() => new GradientMethodWrapper(),
			"[Hivemind] GradientMethodWrapper.new: model must be given (a gradient model such as LinearRegression.new()), got nil",
		);
		expectError(
			() => new GradientMethodWrapper({ model, method: "Mini" as never }),
			'GradientMethodWrapper.new: method must be one of "Batch", "MiniBatch", "Stochastic", got "Mini"',
		);
		expectError(() => new GradientMethodWrapper({ model, batchSize: 0 }), "GradientMethodWrapper.new: batchSize must be an integer ≥ 1, got 0");
		expectError(
			() => new GradientMethodWrapper({ model, numberOfEpochs: 1.5 }),
			"GradientMethodWrapper.new: numberOfEpochs must be an integer ≥ 1, got 1.5",
		);
		expectError(
			() => new GradientMethodWrapper({ model, shuffle: "yes" as never }),
			'GradientMethodWrapper.new: shuffle must be a boolean, got "yes"',
		);
		expectError(
			() => new GradientMethodWrapper({ model: new RidgeRegression() as never }),
			"GradientMethodWrapper.new: model must be a gradient model (e.g. LinearRegression.new(), NeuralNetwork.new()), got a table",
		);
		expectError(() => new GradientMethodWrapper({ model, learningRate: 1 } as never), 'GradientMethodWrapper.new: unknown option "learningRate"');
		const wrapper = new GradientMethodWrapper({ model });
		expectError(
			() => wrapper.setParameters({ method: "Full" as never }),
			'GradientMethodWrapper.setParameters: method must be one of "Batch", "MiniBatch", "Stochastic", got "Full"',
		);
	});

	it("names itself in the wrapped model's errors and leaves the model as it was", () => {
		const wrapper = new GradientMethodWrapper({ model: new LinearRegression(), numberOfEpochs: 2 });
		expectError(() => wrapper.predict(X), "[Hivemind] GradientMethodWrapper.predict: the model has no parameters yet");
		expectError(() => wrapper.train([[1], [0 / 0]], [1, 2]), "[Hivemind] GradientMethodWrapper.train: X[2][1] must be finite");
		expectError(() => wrapper.train(X, [1, 2]), "GradientMethodWrapper.train: y must have 4 rows like X (4×1), got");
		expect(wrapper.getModelParameters()).toBeUndefined();
		wrapper.train(X, y);
		expectError(() => wrapper.setModelParameters([[1]]), "[Hivemind] GradientMethodWrapper.setModelParameters:");
		expectError(() => wrapper.applyGradients([[1]], 1), "[Hivemind] GradientMethodWrapper.applyGradients:");
		wrapper.destroy();
		expectError(() => wrapper.train(X, y), "[Hivemind] GradientMethodWrapper.train: the model was destroyed");
		expectError(() => wrapper.getModel().predict(X), "the model was destroyed");
	});
});
