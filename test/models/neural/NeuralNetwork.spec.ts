import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { Matrix, RandomGenerator } from "../../../src/matrix";
import type { Matrix as MatrixType } from "../../../src/matrix/types";
import { NeuralNetwork } from "../../../src/models/neural/NeuralNetwork";

const XOR_X = [
	[0, 0],
	[0, 1],
	[1, 0],
	[1, 1],
];
const XOR_Y = [0, 1, 1, 0];

function xorNetwork(options: object = {}) {
	const network = new NeuralNetwork({ optimizer: "Adam", learningRate: 0.05, maximumNumberOfIterations: 500, ...options });
	network.addLayer(2);
	network.addLayer(4, true, "Tanh");
	network.addLayer(2, true, "Softmax");
	return network;
}

/** 100 points of sin(x) on [−π, π] plus N(0, 0.1²) noise (seeded). */
function noisySine() {
	const rng = new RandomGenerator(1);
	const X = new Array<Array<number>>();
	const y = new Array<number>();
	for (const i of $range(0, 99)) {
		const x = -math.pi + (2 * math.pi * i) / 99;
		X.push([x]);
		y.push(math.sin(x) + rng.normal(0, 0.1));
	}
	return { X, y };
}

/** tanh([1 | X]·W1) then [1 | ·]·W2, computed with the matrix engine (no dropout). */
function manualForward(X: MatrixType, w: Array<MatrixType>): MatrixType {
	const ones = Matrix.ones(X.size(), 1);
	const hidden = Matrix.map(Matrix.matmul(Matrix.concatHorizontal(ones, X), w[0]), (v) => math.tanh(v));
	return Matrix.matmul(Matrix.concatHorizontal(ones, hidden), w[1]);
}

describe("NeuralNetwork: learning", () => {
	it("learns XOR: 100% accuracy with seed 42", () => {
		const network = xorNetwork();
		const costs = network.train(XOR_X, XOR_Y);
		expect(costs.size()).toBe(500);
		expect(costs[499] < costs[0]).toBe(true);
		const [labels, probabilities] = network.predict(XOR_X);
		expect(labels).toEqual([0, 1, 1, 0]);
		const p = probabilities as MatrixType;
		for (const i of $range(0, 3)) {
			expectClose(p[i][0] + p[i][1], 1, 1e-12);
			expect(p[i][XOR_Y[i]] > 0.9).toBe(true);
		}
	});

	it("fits a noisy sine: MSE against sin(x) below 0.005", () => {
		// The noise variance is 0.01, so the training cost cannot honestly go much below ~0.01; against
		// the noise-free sine a good fit is far better than half the noise variance (0.005). A constant
		// predicts with MSE 0.5 and the best straight line with about 0.19, so the bar needs the hidden layer.
		const { X, y } = noisySine();
		const network = new NeuralNetwork({ mode: "Regression", optimizer: "Adam", learningRate: 0.02, maximumNumberOfIterations: 1000 });
		network.createLayers([1, 16, 1], "Tanh");
		network.setLayerActivation(2, "None");
		const costs = network.train(X, y);
		const [predicted] = network.predict(X);
		let mse = 0;
		for (const i of $range(0, 99)) mse += ((predicted as MatrixType)[i][0] - math.sin(X[i][0])) ** 2;
		mse /= 100;
		expect(mse < 0.005).toBe(true);
		expect(costs[costs.size() - 1] > 0.005 && costs[costs.size() - 1] < 0.015).toBe(true);
	});

	it("gives the same result for the same seed, another for another seed", () => {
		const a = xorNetwork({ maximumNumberOfIterations: 20 });
		const b = xorNetwork({ maximumNumberOfIterations: 20 });
		const c = xorNetwork({ maximumNumberOfIterations: 20, seed: 7 });
		expect(a.train(XOR_X, XOR_Y)).toEqual(b.train(XOR_X, XOR_Y));
		c.train(XOR_X, XOR_Y);
		expect(a.getModelParameters()).toEqual(b.getModelParameters());
		expect(a.getModelParameters()).never.toEqual(c.getModelParameters());
	});

	it("keeps one weight matrix per layer, bias row first, with the chosen initializer", () => {
		const network = new NeuralNetwork({ initializer: "Zero", classesList: [0, 1] });
		network.addLayer(3);
		network.addLayer(4, false, "ReLU");
		network.addLayer(2, true, "Softmax");
		network.computeGradients([[1, 2, 3]], [0]);
		const [w1, w2] = network.getModelParameters() as Array<MatrixType>;
		expect(w1).toEqual(Matrix.zeros(3, 4));
		expect(w2).toEqual(Matrix.zeros(5, 2));
		expect(network.getLayers()).toEqual([
			{ neurons: 3, hasBias: true, activation: "None", dropoutRate: 0 },
			{ neurons: 4, hasBias: false, activation: "ReLU", dropoutRate: 0 },
			{ neurons: 2, hasBias: true, activation: "Softmax", dropoutRate: 0 },
		]);
		expect(network.getClassesList()).toEqual([0, 1]);
	});

	it("classifies with one Sigmoid output: probabilities [1 − p, p] and binary cross-entropy", () => {
		const network = new NeuralNetwork({ optimizer: "Adam", learningRate: 0.1, maximumNumberOfIterations: 200 });
		network.createLayers([1, 3, 1], "Sigmoid");
		const X = [[-2], [-1], [1], [2]];
		network.train(X, ["no", "no", "yes", "yes"]);
		const [labels, probabilities] = network.predict(X);
		expect(labels).toEqual(["no", "no", "yes", "yes"]);
		const [raw] = network.predict(X, true);
		for (const i of $range(0, 3)) {
			const p = (raw as MatrixType)[i][0];
			expectMatrixClose([(probabilities as MatrixType)[i]], [[1 - p, p]], 1e-15);
		}
	});

	it("regresses several outputs at once", () => {
		const network = new NeuralNetwork({ mode: "Regression", optimizer: "Adam", learningRate: 0.1, maximumNumberOfIterations: 1000 });
		network.createLayers([2, 2], "None");
		const X = [
			[0, 1],
			[1, 0],
			[1, 1],
			[2, 1],
		];
		// y = (x1 + x2, x1 − x2 + 1): a linear network recovers it exactly
		const y = X.map((r) => [r[0] + r[1], r[0] - r[1] + 1]);
		network.train(X, y);
		const [predicted, second] = network.predict([[3, -1]]);
		expectMatrixClose(predicted as MatrixType, [[2, 5]], 1e-3);
		expect(second).toBe(undefined);
	});
});

describe("NeuralNetwork: dropout, mini-batches, per-layer optimizers", () => {
	it("drops units only in training: predict is the plain forward pass", () => {
		const network = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: 5 });
		network.addLayer(2);
		network.addLayer(6, true, "Tanh", 0.5);
		network.addLayer(1, true, "None");
		const y = [[1], [0], [0], [1]];
		network.train(XOR_X, y);
		const [first] = network.predict(XOR_X);
		expect(network.predict(XOR_X)[0]).toEqual(first);
		expectMatrixClose(first as MatrixType, manualForward(XOR_X, network.getModelParameters() as Array<MatrixType>), 1e-12);
		// the training pass itself drew masks: without dropout the same seed trains differently
		const plain = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: 5 });
		plain.createLayers([2, 6, 1], "Tanh");
		plain.setLayerActivation(2, "None");
		plain.train(XOR_X, y);
		expect(plain.getModelParameters()).never.toEqual(network.getModelParameters());
	});

	it("restarts its dropout stream from a seed set later with setParameters", () => {
		const make = (seed: number) => {
			const network = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: 3, seed });
			network.addLayer(2, undefined, "None", 0.4);
			network.addLayer(4, true, "Tanh", 0.4);
			network.addLayer(1, true, "None");
			return network;
		};
		const y = [[1], [0], [0], [1]];
		const reseeded = make(1);
		const fresh = make(7);
		fresh.train(XOR_X, y);
		reseeded.setParameters({ seed: 7 });
		reseeded.train(XOR_X, y);
		expect(reseeded.getModelParameters()).toEqual(fresh.getModelParameters());
	});

	it("continues its dropout stream across train calls and clones: 2 × 10 iterations = 20", () => {
		const make = (iterations: number) => {
			const network = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: iterations, batchSize: 2 });
			network.addLayer(2, undefined, "None", 0.2);
			network.addLayer(5, true, "ReLU", 0.3);
			network.addLayer(1, true, "None");
			return network;
		};
		const y = [[1], [0], [0], [1]];
		const twice = make(10);
		twice.train(XOR_X, y);
		const twin = twice.clone();
		twice.train(XOR_X, y);
		twin.train(XOR_X, y);
		const once = make(20);
		once.train(XOR_X, y);
		expect(twice.getModelParameters()).toEqual(once.getModelParameters());
		expect(twin.getModelParameters()).toEqual(once.getModelParameters());
	});

	it("moves each layer with its own optimizer and keeps one optimizer state per layer", () => {
		const build = () => {
			const network = new NeuralNetwork({ mode: "Regression", optimizer: "GradientDescent", learningRate: 0.1, maximumNumberOfIterations: 1 });
			network.addLayer(2);
			network.addLayer(3, true, "Tanh");
			network.addLayer(1, true, "None", 0, "Adam");
			return network;
		};
		const y = [[1], [0], [0], [1]];
		const reference = build();
		const [gradient, n] = reference.computeGradients(XOR_X, y);
		const before = reference.getModelParameters() as Array<MatrixType>;
		const network = build();
		network.train(XOR_X, y);
		const [w1, w2] = network.getModelParameters() as Array<MatrixType>;
		const [g1, g2] = gradient as Array<MatrixType>;
		// layer 1, gradient descent: W − 0.1·g/n
		expectMatrixClose(w1, Matrix.subtract(before[0], Matrix.scale(g1, 0.1 / n)), 1e-12);
		// layer 2, Adam's first step (bias-corrected m̂ = g/n, v̂ = (g/n)²): W − 0.1·m̂/(√v̂ + 1e-8)
		const adam = Matrix.map(g2, (v) => (0.1 * (v / n)) / (math.abs(v / n) + 1e-8));
		expectMatrixClose(w2, Matrix.subtract(before[1], adam), 1e-9);
		const states = network.getOptimizerStates();
		// one step each: every optimizer state counts its steps
		expect(states["1"]).toEqual({ t: 1 });
		expect((states["2"] as { t: number }).t).toBe(1);
	});

	it("penalizes each layer with its own regularizer: cost difference λ/2·Σ(its non-bias weights)²", () => {
		const weights = [
			[
				[0.1, -0.2],
				[0.3, 0.2],
				[-0.1, 0.4],
			],
			[
				[0.5, -0.5],
				[1, 2],
				[-3, 1],
			],
		];
		const cost = (regularizer?: string) => {
			const layers = [{ neurons: 2 }, { neurons: 2, activation: "Tanh" as const }, { neurons: 2, activation: "Softmax" as const, regularizer }];
			const network = new NeuralNetwork({ layers, maximumNumberOfIterations: 1 });
			network.setModelParameters(weights);
			return network.train(XOR_X, XOR_Y)[0];
		};
		// L2 (λ = 0.01) on layer 2 only, its bias row exempt: ½·0.01·(1 + 4 + 9 + 1)
		expectClose(cost("L2") - cost(), 0.005 * 15, 1e-12);
		expectError(
			() => new NeuralNetwork({ layers: [{ neurons: 2 }, { neurons: 1, regularizer: "L3" }] }),
			'NeuralNetwork.new: layers[2].regularizer must be one of "ElasticNet", "L1", "L2" or a Regularizer object, got "L3"',
		);
	});

	it("runs mini-batch epochs: the cost is the epoch's mean batch loss and the result is seeded", () => {
		const { X, y } = noisySine();
		const build = (seed: number) => {
			const network = new NeuralNetwork({
				mode: "Regression",
				optimizer: "Adam",
				learningRate: 0.02,
				maximumNumberOfIterations: 100,
				batchSize: 16,
				seed,
			});
			network.createLayers([1, 8, 1], "Tanh");
			network.setLayerActivation(2, "None");
			return network;
		};
		const a = build(1);
		const costs = a.train(X, y);
		expect(costs.size()).toBe(100);
		expect(costs[99] < 0.05).toBe(true);
		const b = build(1);
		expect(b.train(X, y)).toEqual(costs);
		const c = build(2);
		expect(c.train(X, y)).never.toEqual(costs);
	});
});

describe("NeuralNetwork: errors", () => {
	it("rejects bad options, naming them", () => {
		expectError(
			() => new NeuralNetwork({ initializer: "Glorot" as never }),
			'[Hivemind] NeuralNetwork.new: initializer must be one of "Zero"',
			'got "Glorot"',
		);
		expectError(
			() => new NeuralNetwork({ mode: "Clustering" as never }),
			'NeuralNetwork.new: mode must be one of "Classification", "Regression", got "Clustering"',
		);
		expectError(() => new NeuralNetwork({ costFunction: "Bogus" }), "NeuralNetwork.new: costFunction must be one of", 'got "Bogus"');
		expectError(() => new NeuralNetwork({ batchSize: -1 }), "NeuralNetwork.new: batchSize must be an integer ≥ 0, got -1");
		expectError(
			() => new NeuralNetwork({ layers: [{ neurons: 0 }] }),
			"[Hivemind] NeuralNetwork.new: layers[1].neurons must be an integer ≥ 1, got 0",
		);
		expectError(
			() => new NeuralNetwork({ layers: [{ neurons: 2 }, { neurons: 1, activation: "Relu" as never }] }),
			'NeuralNetwork.new: layers[2].activation must be one of "ELU"',
			'got "Relu"',
		);
		expectError(() => new NeuralNetwork({ layers: 3 as never }), "NeuralNetwork.new: layers must be an array of layer tables, got 3");
	});

	it("rejects bad layers, naming the argument", () => {
		const network = new NeuralNetwork();
		expectError(() => network.addLayer(2.5), "[Hivemind] NeuralNetwork.addLayer: neurons must be an integer ≥ 1, got 2.5");
		expectError(() => network.addLayer(2, "yes" as never), 'NeuralNetwork.addLayer: hasBias must be a boolean, got "yes"');
		expectError(() => network.addLayer(2, undefined, "None", 1), "NeuralNetwork.addLayer: dropoutRate must be a number in [0, 1), got 1");
		expectError(
			() => network.addLayer(2, undefined, "None", 0, "Adamm"),
			'NeuralNetwork.addLayer: optimizer must be one of "AdaDelta"',
			'got "Adamm"',
		);
		expectError(
			() => network.createLayers([3]),
			"NeuralNetwork.createLayers: neuronsPerLayer must be an array of at least 2 layer sizes (input and output)",
		);
		expectError(() => network.createLayers([3, 0]), "NeuralNetwork.createLayers: neuronsPerLayer[2] must be an integer ≥ 1, got 0");
		expectError(() => network.createLayers([3, 2], "Softmaxx" as never), "NeuralNetwork.createLayers: activation must be one of");
		expectError(
			() => network.train(XOR_X, XOR_Y),
			"NeuralNetwork.train: the network must have at least 2 layers (input and output; add them with addLayer or createLayers), got 0",
		);
		network.createLayers([2, 2], "Softmax");
		expectError(() => network.setLayerActivation(5, "ReLU"), "NeuralNetwork.setLayerActivation: layerIndex must be an integer in [0, 1], got 5");
		expect(network.getLayers().size()).toBe(2);
	});

	it("rejects training that cannot fit the layers", () => {
		const dropped = new NeuralNetwork({ layers: [{ neurons: 2 }, { neurons: 2, activation: "Softmax", dropoutRate: 0.5 }] });
		expectError(() => dropped.train(XOR_X, XOR_Y), "NeuralNetwork.train: the output layer's dropoutRate must be 0, got 0.5");
		const network = xorNetwork();
		expectError(
			() => network.train(XOR_X, [0, 1, 2, 0]),
			"NeuralNetwork.train: the output layer must have one neuron per class (3), or 1 neuron for 2 classes, got 2 neurons",
		);
		expectError(() => network.train([[1, 2, 3]], [0]), "NeuralNetwork.train: X must have 2 columns (features)", "got 1×3");
		const regression = new NeuralNetwork({ mode: "Regression", layers: [{ neurons: 2 }, { neurons: 1 }] });
		expectError(
			() =>
				regression.train(XOR_X, [
					[1, 2],
					[3, 4],
					[5, 6],
					[7, 8],
				]),
			"NeuralNetwork.train: y must have 1 columns (outputs) like the model, got 4×2",
		);
		network.train(XOR_X, XOR_Y);
		expectError(() => network.addLayer(3), "NeuralNetwork.addLayer: the layers cannot change once the model has parameters");
		expectError(() => network.setParameters({ layers: [] }), "NeuralNetwork.setParameters: layers cannot change once the model has parameters");
		expectError(
			() => network.setModelParameters([Matrix.zeros(3, 4), Matrix.zeros(4, 2)]),
			"NeuralNetwork.setModelParameters: parameters must be a list of 2 weight matrices shaped 3×4, 5×2 (one per layer after the input, bias row first), got 3×4, 4×2",
		);
		expectError(
			() => network.setModelParameters({ weights: Matrix.zeros(3, 4) }),
			"NeuralNetwork.setModelParameters: parameters must be a list of 2 weight matrices",
		);
	});
});
