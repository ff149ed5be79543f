// A DataPredict-style call reaching Hivemind's native API is a clear error pointing at
// Hivemind.DataPredict, never a different result (issue 16's list of silent porting traps).
import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { NeuralNetwork } from "../../src/models/neural/NeuralNetwork";
import { LinearRegression } from "../../src/models/linear/LinearRegression";
import { LogisticRegression } from "../../src/models/linear/LogisticRegression";
import { ModelParametersMerger } from "../../src/distributed/ModelParametersMerger";
import { DistributedModelParameters } from "../../src/distributed/DistributedModelParameters";

/** The methods as a Luau script calls them: any arguments. */
interface Loose {
	addLayer(...args: Array<unknown>): unknown;
	merge(...args: Array<unknown>): unknown;
	train(...args: Array<unknown>): unknown;
	predict(...args: Array<unknown>): unknown;
}

const HINT = "Hivemind.DataPredict takes DataPredict's calls unchanged";

describe("native API: DataPredict-style calls are errors naming Hivemind.DataPredict", () => {
	it("NeuralNetwork.addLayer: DataPredict's input-layer hasBiasNeuron and its 6 arguments", () => {
		const network = new NeuralNetwork();
		// DataPredict: addLayer(2, true, "None") — the bias neuron comes from the data's column of ones
		expectError(
			() => network.addLayer(2, true, "None"),
			"[Hivemind] NeuralNetwork.addLayer: the input layer takes no hasBias, got true",
			"its 4th argument is a learning rate, here a dropout rate",
			HINT,
		);
		expectError(() => network.addLayer(2, false), "the input layer takes no hasBias, got false");
		expect(network.getLayers().size()).toBe(0);
		network.addLayer(2);
		// DataPredict: addLayer(3, true, "Tanh", learningRate, Optimizer, Regularization)
		expectError(
			() => (network as unknown as Loose).addLayer(3, true, "Tanh", 0.01, undefined, {}),
			"NeuralNetwork.addLayer: takes at most 5 arguments",
			HINT,
		);
		expect(network.getLayers().size()).toBe(1);
	});

	it("NeuralNetwork.createLayers: DataPredict's learning rate in place of hasBias", () => {
		const network = new NeuralNetwork();
		expectError(
			() => network.createLayers([2, 3, 2], "Tanh", 0.01 as never),
			"NeuralNetwork.createLayers: takes (neuronsPerLayer, activation, hasBias, dropoutRate) with a boolean hasBias, got 0.01",
			HINT,
		);
		expect(network.getLayers().size()).toBe(0);
	});

	it("ModelParametersMerger.merge: DataPredict's variadic merge(p1, p2, ...)", () => {
		const merger = new ModelParametersMerger();
		// two networks' parameters (lists of same-shape matrices) would otherwise merge each one's layers
		const p1 = [[[1, 2]], [[3, 4]]];
		const p2 = [[[5, 6]], [[7, 8]]];
		expectError(
			() => (merger as unknown as Loose).merge(p1, p2),
			"[Hivemind] ModelParametersMerger.merge: takes ONE array of the children's parameter sets",
			HINT,
		);
		expect(merger.merge([p1, p2])).toEqual([[[3, 4]], [[5, 6]]]);
	});

	it("DistributedModelParameters.train: a 1-based child index past the end, and extra arguments", () => {
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 5 });
		main.addModel(new LinearRegression({ maximumNumberOfIterations: 5 }));
		expectError(
			() => main.train([[1]], [[2]], 1),
			"[Hivemind] DistributedModelParameters.train: childIndex must be an integer in [0, 0], got 1 (0-based: the first child is 0)",
			HINT,
		);
		expectError(
			() => (main as unknown as Loose).train([[1]], [[2]], 0, true),
			"DistributedModelParameters.train: takes (X, y, childIndex), got 4 arguments",
			HINT,
		);
		expect(main.getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel()).toBe(0);
	});

	it("LogisticRegression.predict: DataPredict's returnOriginalOutput", () => {
		const model = new LogisticRegression({ maximumNumberOfIterations: 5 });
		model.train([[0], [1]], [0, 1]);
		expectError(
			() => (model as unknown as Loose).predict([[0.5]], true),
			"[Hivemind] LogisticRegression.predict: takes only X (it returns the labels and the n×k probabilities), got 2 arguments",
			HINT,
		);
	});

	it("constructors and setParameters: DataPredict's positional numbers where an options table belongs", () => {
		expectError(() => new LinearRegression(500 as never), "[Hivemind] LinearRegression.new: options must be a table of options, got 500", HINT);
		const model = new LinearRegression();
		expectError(
			() => model.setParameters(1 as never),
			"[Hivemind] LinearRegression.setParameters: changes must be a table of options, got 1",
			HINT,
		);
		expect(model.getOptions().maximumNumberOfIterations).toBe(500);
	});
});
