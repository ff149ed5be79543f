import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose } from "../../support/numeric";
import { Matrix, RandomGenerator } from "../../../src/matrix";
import type { Matrix as MatrixType } from "../../../src/matrix/types";
import { ACTIVATION_NAMES, ActivationName } from "../../../src/models/neural/activations";
import { initializeLayerWeights } from "../../../src/models/neural/initializers";
import { DenseLayer, backwardPass, costAndGradients, forwardPass } from "../../../src/models/neural/network";
import { createCost } from "../../../src/costs";
import type { CostFunction } from "../../../src/costs/types";

/** L = Σ c ⊙ output: a loss whose gradient with respect to the output is exactly c. */
function linearLoss(weights: Array<MatrixType>, layers: Array<DenseLayer>, x: MatrixType, c: MatrixType): number {
	const cache = forwardPass(weights, layers, x);
	const out = cache.activations[cache.activations.size() - 1];
	let total = 0;
	for (const i of $range(0, out.size() - 1)) for (const j of $range(0, out[0].size() - 1)) total += c[i][j] * out[i][j];
	return total;
}

function tinyNetwork(hidden: ActivationName, output: ActivationName, seed: number) {
	const rng = new RandomGenerator(seed);
	const layers: Array<DenseLayer> = [
		{ neurons: 3, hasBias: false, activation: "None", dropoutRate: 0 },
		{ neurons: 4, hasBias: true, activation: hidden, dropoutRate: 0 },
		{ neurons: 3, hasBias: false, activation: hidden, dropoutRate: 0 },
		{ neurons: 2, hasBias: true, activation: output, dropoutRate: 0 },
	];
	const weights = new Array<MatrixType>();
	for (const l of $range(1, layers.size() - 1)) {
		const w = initializeLayerWeights("Normal", layers[l - 1].neurons, layers[l].neurons, layers[l].hasBias, rng);
		// non-zero biases so the bias rows are checked too
		if (layers[l].hasBias) for (const j of $range(0, w[0].size() - 1)) w[0][j] = rng.normal(0, 0.5);
		weights.push(w);
	}
	const x = Matrix.randomNormal(5, 3, rng);
	const c = Matrix.randomNormal(5, 2, rng);
	return { layers, weights, x, c };
}

describe("NeuralNetwork backpropagation", () => {
	for (const name of ACTIVATION_NAMES) {
		it(`matches central finite differences with ${name} activations`, () => {
			const { layers, weights, x, c } = tinyNetwork(name, name, 11);
			const cache = forwardPass(weights, layers, x);
			const gradients = backwardPass(weights, layers, cache, Matrix.copy(c), false);
			const h = 1e-5;
			for (const l of $range(0, weights.size() - 1)) {
				const w = weights[l];
				expect(gradients[l].size()).toBe(w.size());
				for (const i of $range(0, w.size() - 1)) {
					for (const j of $range(0, w[0].size() - 1)) {
						const saved = w[i][j];
						w[i][j] = saved + h;
						const up = linearLoss(weights, layers, x, c);
						w[i][j] = saved - h;
						const down = linearLoss(weights, layers, x, c);
						w[i][j] = saved;
						expectClose(gradients[l][i][j], (up - down) / (2 * h), 1e-5, `${name} layer ${l + 1} [${i + 1}][${j + 1}]`);
					}
				}
			}
		});
	}

	/** Central differences of the summed cost over every weight, against costAndGradients. */
	function checkCostGradient(
		layers: Array<DenseLayer>,
		weights: Array<MatrixType>,
		x: MatrixType,
		y: MatrixType,
		cost: CostFunction,
		dropoutSeed?: number,
	) {
		const rngOf = () => (dropoutSeed === undefined ? undefined : new RandomGenerator(dropoutSeed));
		const { gradients } = costAndGradients(weights, layers, x, y, cost, rngOf());
		const h = 1e-6;
		for (const l of $range(0, weights.size() - 1)) {
			const w = weights[l];
			for (const i of $range(0, w.size() - 1)) {
				for (const j of $range(0, w[0].size() - 1)) {
					const saved = w[i][j];
					w[i][j] = saved + h;
					const up = costAndGradients(weights, layers, x, y, cost, rngOf()).cost;
					w[i][j] = saved - h;
					const down = costAndGradients(weights, layers, x, y, cost, rngOf()).cost;
					w[i][j] = saved;
					expectClose(gradients[l][i][j], (up - down) / (2 * h), 1e-5, `${cost.costName} layer ${l + 1} [${i + 1}][${j + 1}]`);
				}
			}
		}
	}

	it("uses the fused a − y gradient for Softmax + categorical and Sigmoid + binary cross-entropy, matching differences", () => {
		const soft = tinyNetwork("Tanh", "Softmax", 3);
		const oneHot = [
			[1, 0],
			[0, 1],
			[0, 1],
			[1, 0],
			[0, 1],
		];
		checkCostGradient(soft.layers, soft.weights, soft.x, oneHot, createCost("CategoricalCrossEntropy"));
		const sig = tinyNetwork("ReLU", "Sigmoid", 4);
		checkCostGradient(sig.layers, sig.weights, sig.x, oneHot, createCost("BinaryCrossEntropy"));
	});

	it("chains the cost gradient through the output activation for the other costs", () => {
		const net = tinyNetwork("ELU", "None", 5);
		checkCostGradient(net.layers, net.weights, net.x, net.c, createCost("MeanSquaredError"));
		const soft = tinyNetwork("SiLU", "Softmax", 6);
		checkCostGradient(
			soft.layers,
			soft.weights,
			soft.x,
			[
				[0.2, 0.8],
				[1, 0],
				[0.5, 0.5],
				[0, 1],
				[0.9, 0.1],
			],
			createCost("MeanSquaredError"),
		);
	});

	it("backpropagates through inverted dropout masks (same mask for every evaluation)", () => {
		const net = tinyNetwork("Sigmoid", "None", 7);
		net.layers[0].dropoutRate = 0.3;
		net.layers[1].dropoutRate = 0.5;
		checkCostGradient(net.layers, net.weights, net.x, net.c, createCost("MeanSquaredError"), 99);
		// the masks are 0 or 1/(1 − rate), and differ from the no-dropout pass
		const cache = forwardPass(net.weights, net.layers, net.x, new RandomGenerator(99));
		let zeros = 0;
		for (const row of cache.masks[1]!) {
			for (const m of row) {
				expect(m === 0 || m === 2).toBe(true);
				if (m === 0) zeros += 1;
			}
		}
		expect(zeros > 0 && zeros < 20).toBe(true);
		expect(cache.masks[2]).toBe(undefined);
		const plain = forwardPass(net.weights, net.layers, net.x);
		expect(plain.masks[0]).toBe(undefined);
		expect(plain.activations[2]).never.toEqual(cache.activations[2]);
	});
});
