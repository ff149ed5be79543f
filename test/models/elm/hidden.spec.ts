import { describe, expect, it } from "../../support/jest-globals.d";
import { expectMatrixClose } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix";
import { ELM_NEURON_TYPES, hiddenOutput, initializeHiddenLayer } from "../../../src/models/elm/hidden";

// row 0: biases (or RBF widths), rows 1–2: weights (or RBF centres, one per column)
const hidden = [
	[0.5, -1],
	[1, 0],
	[-2, 1],
];
const x = [
	[1, 2],
	[0, -1],
];

describe("ELM hidden layer", () => {
	it("computes additive neurons g(b + x·W) after a column of ones", () => {
		// z = [[0.5 + 1 − 4, −1 + 0 + 2], [0.5 + 0 + 2, −1 + 0 − 1]] = [[−2.5, 1], [2.5, −2]]
		expectMatrixClose(hiddenOutput("ReLU", hidden, x), [
			[1, 0, 1],
			[1, 2.5, 0],
		]);
		expectMatrixClose(hiddenOutput("Sine", hidden, x), [
			[1, math.sin(-2.5), math.sin(1)],
			[1, math.sin(2.5), math.sin(-2)],
		]);
		expectMatrixClose(hiddenOutput("Tanh", hidden, x), [
			[1, math.tanh(-2.5), math.tanh(1)],
			[1, math.tanh(2.5), math.tanh(-2)],
		]);
		const s = (v: number) => 1 / (1 + math.exp(-v));
		expectMatrixClose(
			hiddenOutput("Sigmoid", hidden, x),
			[
				[1, s(-2.5), s(1)],
				[1, s(2.5), s(-2)],
			],
			1e-12,
		);
	});
	it("computes RBF neurons exp(−γ‖x − c‖²)", () => {
		// centres c1 = (1, −2), c2 = (0, 1); widths 0.5 and −1 (negative only to test the formula)
		// ‖(1,2) − c1‖² = 16, ‖(1,2) − c2‖² = 2, ‖(0,−1) − c1‖² = 2, ‖(0,−1) − c2‖² = 4
		const expected = [
			[1, math.exp(-0.5 * 16), math.exp(2)],
			[1, math.exp(-0.5 * 2), math.exp(4)],
		];
		expectMatrixClose(hiddenOutput("RBF", hidden, x), expected, 1e-12);
		expectMatrixClose(hiddenOutput("Gaussian", hidden, x), expected, 1e-12);
	});
	it("draws a seeded layer: U(−1, 1) weights, positive RBF widths scaled by 1/features", () => {
		for (const neuronType of ELM_NEURON_TYPES) {
			const layer = initializeHiddenLayer(neuronType, 4, 6, new RandomGenerator(3));
			expect(layer.size()).toBe(5);
			expect(layer[0].size()).toBe(6);
			expect(initializeHiddenLayer(neuronType, 4, 6, new RandomGenerator(3))).toEqual(layer);
			for (const i of $range(0, 4)) {
				for (const v of layer[i]) {
					if (i === 0 && (neuronType === "RBF" || neuronType === "Gaussian")) expect(v >= 0.5 / 4 && v < 2 / 4).toBe(true);
					else expect(v >= -1 && v < 1).toBe(true);
				}
			}
		}
	});
});
