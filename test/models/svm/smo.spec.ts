import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectMatrixClose } from "../../support/numeric";
import { kernelExpansion, kernelGram, kernelValue, KernelSettings } from "../../../src/models/svm/kernels";
import { fromBufferRows } from "../../../src/matrix/rowBuffers";
import { solveSmo } from "../../../src/models/svm/smo";

const linear: KernelSettings = { kernel: "linear", degree: 3, gamma: 1, coef0: 0 };

describe("SVM kernels", () => {
	it("evaluates each kernel by hand", () => {
		const a = [1, 2];
		const b = [3, -1];
		// a·b = 3 − 2 = 1, ‖a − b‖² = 4 + 9 = 13
		expectClose(kernelValue(a, b, linear), 1);
		expectClose(kernelValue(a, b, { kernel: "polynomial", degree: 3, gamma: 0.5, coef0: 1 }), 1.5 ** 3);
		expectClose(kernelValue(a, b, { kernel: "rbf", degree: 3, gamma: 0.1, coef0: 0 }), math.exp(-1.3));
		expectClose(kernelValue(a, b, { kernel: "sigmoid", degree: 3, gamma: 2, coef0: -1 }), math.tanh(1));
	});
	it("builds the Gram matrix and the kernel expansion", () => {
		const x = [
			[1, 0],
			[0, 2],
		];
		expectMatrixClose(fromBufferRows(kernelGram(x, linear)), [
			[1, 0],
			[0, 4],
		]);
		// offset 0.5 + 3·k(x, (1, 1)) − 1·k(x, (2, 0)): row (1, 0): 0.5 + 3 − 2 = 1.5; row (0, 2): 0.5 + 6 − 0 = 6.5
		const values = kernelExpansion(
			x,
			[
				[1, 1],
				[2, 0],
			],
			[[3], [-1]],
			linear,
			0.5,
		);
		expectClose(values[0], 1.5);
		expectClose(values[1], 6.5);
	});
});

describe("SMO dual solver", () => {
	it("finds the hand-derived maximum-margin solution (linear kernel)", () => {
		// Negatives (0,0), (−1,0); positives (2,0), (0,2), (3,3). The closest point of the positive
		// hull to the origin is (1,1) (midpoint of (2,0)–(0,2)), so the margin lies along (1,1):
		// hyperplane x₁ + x₂ = 1, w = (1, 1), b = −1 (f(0,0) = −1, f(2,0) = f(0,2) = 1, margin 1/√2).
		// Support vectors: the first three. w = Σ αᵢyᵢxᵢ = α₂(2,0) + α₃(0,2) gives α₂ = α₃ = ½,
		// Σ αᵢyᵢ = 0 gives α₁ = 1. (3,3) and (−1,0) lie outside the margin (f = 5, −2): α = 0.
		const x = [
			[0, 0],
			[2, 0],
			[0, 2],
			[3, 3],
			[-1, 0],
		];
		const y = [-1, 1, 1, 1, -1];
		const result = solveSmo(kernelGram(x, linear), y, 10, 1e-10, 1000);
		expect(result.converged).toBe(true);
		const expected = [1, 0.5, 0.5, 0, 0];
		for (const i of $range(0, 4)) expectClose(result.alpha[i], expected[i], 1e-8, `alpha[${i + 1}]`);
		expectClose(result.bias, -1, 1e-8);
	});
	it("caps α at C on an overlapping soft margin", () => {
		// (1,0) → +1, (−1,0) → −1. Hard margin: α = ½ each (w = 2α = 1). With C = 0.1 both α = C:
		// w = 0.2, b = 0 by symmetry; primal ½w² + C·2·(1 − w) has its minimum at w = 2C = 0.2.
		const result = solveSmo(
			kernelGram(
				[
					[1, 0],
					[-1, 0],
				],
				linear,
			),
			[1, -1],
			0.1,
			1e-10,
			100,
		);
		expectClose(result.alpha[0], 0.1);
		expectClose(result.alpha[1], 0.1);
		expectClose(result.bias, 0, 1e-12);
	});
	it("solves XOR with the RBF kernel: α = 1 / (1 − e^(−γ))², b = 0", () => {
		// By symmetry all α are equal and b = 0; f(0,0) = −1 needs α(1 − 2e^(−γ) + e^(−2γ)) = 1.
		const x = [
			[0, 0],
			[1, 1],
			[1, 0],
			[0, 1],
		];
		const y = [-1, -1, 1, 1];
		const settings: KernelSettings = { kernel: "rbf", degree: 3, gamma: 1, coef0: 0 };
		const result = solveSmo(kernelGram(x, settings), y, 100, 1e-12, 1000);
		const alpha = 1 / (1 - math.exp(-1)) ** 2;
		for (const i of $range(0, 3)) expectClose(result.alpha[i], alpha, 1e-8, `alpha[${i + 1}]`);
		expectClose(result.bias, 0, 1e-9);
	});
	it("stops at the iteration limit and reports it", () => {
		const x = [
			[0, 0],
			[2, 0],
			[0, 2],
			[3, 3],
			[-1, 0],
		];
		const result = solveSmo(kernelGram(x, linear), [-1, 1, 1, 1, -1], 10, 1e-12, 1);
		expect(result.iterations).toBe(1);
		expect(result.converged).toBe(false);
	});
	it("gives α = 0 and a bias predicting the only class when every label is the same", () => {
		// Σ yα = 0 with all y = 1 forces α = 0; then f ≡ b and KKT (y f ≥ 1) gives b = 1.
		const result = solveSmo(kernelGram([[1], [2]], linear), [1, 1], 1, 1e-6, 100);
		expect(result.alpha[0]).toBe(0);
		expect(result.alpha[1]).toBe(0);
		expectClose(result.bias, 1);
	});
});
