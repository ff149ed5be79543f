import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectMatrixClose } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix";
import { activate, elementwiseActivation, isActivationName } from "../../../src/models/neural/activations";
import { INITIALIZER_NAMES, initializeLayerWeights } from "../../../src/models/neural/initializers";

describe("activations", () => {
	it("give the textbook values", () => {
		const z = [[-1, 0, 1]];
		expectMatrixClose(activate("Sigmoid", z), [[0.2689414213699951, 0.5, 0.7310585786300049]], 1e-12);
		expectMatrixClose(activate("Tanh", z), [[-0.7615941559557649, 0, 0.7615941559557649]], 1e-12);
		expectMatrixClose(activate("ReLU", z), [[0, 0, 1]]);
		expectMatrixClose(activate("LeakyReLU", z), [[-0.01, 0, 1]]);
		expectMatrixClose(activate("ELU", z), [[-0.6321205588285577, 0, 1]], 1e-12);
		expectMatrixClose(activate("SiLU", z), [[-0.2689414213699951, 0, 0.7310585786300049]], 1e-12);
		expectMatrixClose(activate("Swish", z), activate("SiLU", z));
		// Mish(1) = tanh(ln(1 + e)); Mish(−1) = −tanh(ln(1 + 1/e))
		expectMatrixClose(activate("Mish", z), [[-0.30340146137410895, 0, 0.8650983882673103]], 1e-12);
		expectMatrixClose(activate("Gaussian", z), [[0.36787944117144233, 1, 0.36787944117144233]], 1e-12);
		expectMatrixClose(activate("SoftPlus", z), [[0.31326168751822286, 0.6931471805599453, 1.3132616875182228]], 1e-12);
		expectMatrixClose(activate("None", z), z);
		expectMatrixClose(activate("Softmax", [[0, math.log(3)]]), [[0.25, 0.75]], 1e-12);
	});
	it("stay finite for huge inputs (stable sigmoid, softplus and softmax)", () => {
		expectMatrixClose(activate("Sigmoid", [[-800, 800]]), [[0, 1]]);
		expectMatrixClose(activate("SoftPlus", [[-800, 800]]), [[0, 800]]);
		expectMatrixClose(
			activate("Softmax", [
				[1000, 1000 + math.log(3)],
				[-1000, -1000],
			]),
			[
				[0.25, 0.75],
				[0.5, 0.5],
			],
			1e-12,
		);
		expectMatrixClose(activate("StableSoftmax", [[1000, 1000 + math.log(3)]]), [[0.25, 0.75]], 1e-12);
		expectMatrixClose(activate("Mish", [[-800, 800]]), [[0, 800]]);
	});
	it("have derivatives by hand", () => {
		const at = (name: "Sigmoid" | "Tanh" | "ELU" | "SoftPlus" | "Gaussian" | "ReLU", x: number) => {
			const f = elementwiseActivation(name)!;
			return f.derivative(x, f.value(x));
		};
		expectClose(at("Sigmoid", 0), 0.25);
		expectClose(at("Tanh", 0), 1);
		expectClose(at("ELU", -1), math.exp(-1), 1e-12);
		expectClose(at("SoftPlus", 0), 0.5);
		expectClose(at("Gaussian", 1), -2 * math.exp(-1), 1e-12);
		expect(at("ReLU", 0)).toBe(0);
		expect(elementwiseActivation("Softmax")).toBe(undefined);
	});
	it("recognise names", () => {
		expect(isActivationName("ReLU")).toBe(true);
		expect(isActivationName("relu")).toBe(false);
		expect(isActivationName(3)).toBe(false);
	});
});

describe("weight initializers", () => {
	it("draw with the documented scale, bias rows at 0, reproducibly", () => {
		const fanIn = 200;
		const fanOut = 100;
		const expectedStd: { [name: string]: number } = {
			Zero: 0,
			Uniform: 1 / math.sqrt(3),
			Normal: 1,
			XavierUniform: math.sqrt(2 / (fanIn + fanOut)),
			XavierNormal: math.sqrt(2 / (fanIn + fanOut)),
			HeUniform: math.sqrt(2 / fanIn),
			HeNormal: math.sqrt(2 / fanIn),
			LeCunUniform: math.sqrt(1 / fanIn),
			LeCunNormal: math.sqrt(1 / fanIn),
		};
		for (const name of INITIALIZER_NAMES) {
			const w = initializeLayerWeights(name, fanIn, fanOut, true, new RandomGenerator(1));
			expect(w.size()).toBe(fanIn + 1);
			expect(w[0]).toEqual(table.create(fanOut, 0));
			let sum = 0;
			let sumSq = 0;
			for (const i of $range(1, fanIn))
				for (const v of w[i]) {
					sum += v;
					sumSq += v * v;
				}
			const count = fanIn * fanOut;
			const std = math.sqrt(sumSq / count - (sum / count) ** 2);
			// 20 000 draws: the sample std is within 2% of the true one
			expectClose(std, expectedStd[name], 0.02 * math.max(expectedStd[name], 1e-9), `${name} std`);
			expect(initializeLayerWeights(name, fanIn, fanOut, true, new RandomGenerator(1))).toEqual(w);
		}
		expect(initializeLayerWeights("Normal", 2, 3, false, new RandomGenerator(1)).size()).toBe(2);
	});
});
