import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose } from "../support/numeric";
import { Matrix } from "../../src/matrix";
import type { Matrix as Grid } from "../../src/matrix/types";
import { createOptimizer, Optimizer, OptimizerState, OPTIMIZER_NAMES } from "../../src/optimization";

// f(w) = ½‖A·w − b‖², ∇f = Aᵀ(A·w − b).
// AᵀA = [[5, 5], [5, 11]], Aᵀb = [4, 10], det = 30, so w* = (1/30)·[[11, −5], [−5, 5]]·[4, 10]
// = [−0.2, 1]; A·w* − b = [0.6 − 1, 2.8 − 2, 1 − 3] = [−0.4, 0.8, −2], f* = ½·4.8 = 2.4.
// From w₀ = [3, −2]: A·w₀ − b = [3, −5, −5], f(w₀) = ½·59 = 29.5.
const A = [
	[2, 1],
	[1, 3],
	[0, 1],
];
const b = [[1], [2], [3]];
const OPTIMUM = [[-0.2], [1]];

function cost(w: Grid): number {
	const r = Matrix.subtract(Matrix.matmul(A, w), b);
	return 0.5 * Matrix.sum(Matrix.multiply(r, r));
}

function gradientAt(w: Grid): Grid {
	return Matrix.transposeMatmul(A, Matrix.subtract(Matrix.matmul(A, w), b));
}

function descend(optimizer: Optimizer, learningRate: number, steps: number): Grid {
	const w = [[3], [-2]];
	let state: OptimizerState | undefined;
	for (const _ of $range(1, steps)) state = optimizer.step(w, gradientAt(w), state, learningRate);
	return w;
}

function distanceToOptimum(w: Grid): number {
	return Matrix.frobeniusNorm(Matrix.subtract(w, OPTIMUM));
}

// Learning rate, steps, and how close (‖w − w*‖, from 4.4 at w₀) each optimizer must end.
// RMSProp keeps stepping ≈ η near the optimum (it oscillates), AdaDelta is slow, and AdamW's
// decoupled decay moves its fixed point off w*.
const RUNS: { [name: string]: [number, number, number] } = {
	GradientDescent: [0.05, 500, 1e-9],
	Momentum: [0.02, 500, 1e-9],
	Nesterov: [0.02, 500, 1e-9],
	AdaGrad: [0.5, 2000, 1e-6],
	AdaDelta: [1, 3000, 5e-2],
	RMSProp: [0.01, 2000, 2e-2],
	Adam: [0.05, 2000, 1e-6],
	AdamW: [0.05, 2000, 1e-2],
	NAdam: [0.05, 2000, 1e-6],
	AdaMax: [0.05, 2000, 1e-6],
	RAdam: [0.05, 2000, 1e-6],
	RProp: [0.1, 300, 1e-5],
	// Gravity bounds each step by ~1/(2·max|g|): from w₀ (max|g| = 17) it creeps until the gradient is small
	Gravity: [1, 5000, 1e-6],
	AdaFactor: [0.005, 2000, 1e-6],
};

describe("every optimizer on a convex quadratic", () => {
	it("has a run for each registered optimizer", () => {
		const names = new Array<string>();
		for (const [name] of pairs(RUNS)) names.push(name as string);
		names.sort();
		expect(names).toEqual([...OPTIMIZER_NAMES]);
	});
	it("checks the closed-form optimum", () => {
		expectClose(cost([[3], [-2]]), 29.5);
		expectClose(cost(OPTIMUM), 2.4);
		expect(Matrix.frobeniusNorm(gradientAt(OPTIMUM)) < 1e-12).toBe(true);
	});
	for (const name of OPTIMIZER_NAMES) {
		it(`${name} lowers f(w) and ends near w*`, () => {
			const [learningRate, steps, tolerance] = RUNS[name];
			const w = descend(createOptimizer(name), learningRate, steps);
			const f = cost(w);
			expect(f < 29.5).toBe(true);
			expect(f - 2.4 < 1e-2).toBe(true);
			const distance = distanceToOptimum(w);
			if (distance > tolerance) error(`${name}: ‖w − w*‖ = ${distance} > ${tolerance}`);
			expect(distance <= tolerance).toBe(true);
		});
	}
});
