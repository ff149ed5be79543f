import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import type { Matrix as Grid } from "../../src/matrix/types";
import { AdaFactor, createOptimizer, Gravity, Optimizer, OptimizerState } from "../../src/optimization";

function run(optimizer: Optimizer, start: Grid, gradients: Array<Grid>, learningRate: number) {
	const w = start.map((row) => [...row]);
	const trace = new Array<Grid>();
	let state: OptimizerState | undefined;
	for (const g of gradients) {
		state = optimizer.step(w, g, state, learningRate);
		trace.push(w.map((row) => [...row]));
	}
	return { trace, state: state as OptimizerState };
}

describe("Gravity (Bahrami & Zadeh 2021), by hand", () => {
	it("two steps from a zero velocity: ζ = g/(1 + (g·max|g|)²), β̂ = (β(t−1) + 1)/(t + 1)", () => {
		// t = 1, g = [0.5, −0.1], M = 0.5: ζ = [0.5/1.0625, −0.1/1.0025], β̂ = 1/2, v = ζ/2,
		//   w = [1, −2] − 0.1·v = [0.976470588235…, −1.995012468827…].
		// t = 2, g = [0.2, 0.3], M = 0.3: ζ = [0.2/1.0036, 0.3/1.0081], β̂ = 1.9/3,
		//   v = β̂·v + (1 − β̂)·ζ = [0.222089888167…, 0.077528461688…], w −= 0.1·v.
		const { trace, state } = run(new Gravity({ initialStepSize: 0 }), [[1, -2]], [[[0.5, -0.1]], [[0.2, 0.3]]], 0.1);
		expectMatrixClose(trace[0], [[0.9764705882352941, -1.9950124688279303]], 1e-14);
		expectMatrixClose(trace[1], [[0.9542615994185637, -2.0027653149967395]], 1e-14);
		expectMatrixClose(state.velocity as Grid, [[0.22208988816730357, 0.0775284616880904]], 1e-14);
		expect(state.t).toBe(2);
	});

	it("weight decay adds λ·w to the gradient; a zero gradient moves nothing", () => {
		// g' = 0 + 0.5·2 = 1, M = 1: ζ = 1/2, v = ζ/2 = 0.25, w = 2 − 0.1·0.25 = 1.975.
		const { trace } = run(new Gravity({ initialStepSize: 0, weightDecayRate: 0.5 }), [[2]], [[[0]]], 0.1);
		expectClose(trace[0][0][0], 1.975, 1e-15);
		const still = run(new Gravity({ initialStepSize: 0 }), [[3, 4]], [[[0, 0]]], 0.1);
		expect(still.trace[0]).toEqual([[3, 4]]);
	});

	it("the initial velocity is seeded N(0, (α/η)²)", () => {
		const w = new Array<Array<number>>();
		const g = new Array<Array<number>>();
		for (const _ of $range(1, 60)) {
			w.push(new Array<number>(50, 0));
			g.push(new Array<number>(50, 0));
		}
		const optimizer = new Gravity({ initialStepSize: 0.02, seed: 7 });
		const state = optimizer.step(w, g, undefined, 0.1);
		// the zero gradient leaves v = v₀/2 (β̂ = 1/2, ζ = 0): v₀ ~ N(0, 0.2²) over 3000 draws
		let sum = 0;
		let squares = 0;
		for (const row of state.velocity as Grid)
			for (const v of row) {
				sum += 2 * v;
				squares += 4 * v * v;
			}
		const mean = sum / 3000;
		expect(math.abs(mean)).toBeLessThan(0.02);
		expectClose(math.sqrt(squares / 3000 - mean * mean), 0.2, 0.01);
		const again = new Gravity({ initialStepSize: 0.02, seed: 7 }).step(
			w.map((r) => [...r]),
			g,
			undefined,
			0.1,
		);
		expect(again.velocity).toEqual(state.velocity);
	});

	it("by name, and option errors", () => {
		expect(createOptimizer("gravity").optimizerName).toBe("Gravity");
		expectError(() => new Gravity({ movingAverage: 1 }), "[Hivemind] Gravity.new: movingAverage must be a number in [0, 1), got 1");
		expectError(() => new Gravity({ initialStepSize: -1 }), "Gravity.new: initialStepSize must be");
	});
});

describe("AdaFactor (Shazeer & Stern 2018), by hand", () => {
	it("a matrix entry keeps factored row and column sums: V̂ = R·C / ΣR", () => {
		// t = 1 (β̂₂ = 0): R = [1 + 4, 9 + 16] = [5, 25], C = [10, 20], ΣR = 30,
		// V̂ = [[50, 100], [250, 500]] / 30, U = g/√V̂, RMS(U) = √0.96 < 1 (no clipping), w = −0.1·U.
		const { trace, state } = run(
			new AdaFactor(),
			[
				[0, 0],
				[0, 0],
			],
			[
				[
					[1, 2],
					[3, 4],
				],
			],
			0.1,
		);
		expectMatrixClose(
			trace[0],
			[
				[-0.07745966692414835, -0.10954451150103323],
				[-0.10392304845413264, -0.09797958971132713],
			],
			1e-14,
		);
		expectMatrixClose(state.rowSums as Grid, [[5], [25]], 1e-12);
		expectMatrixClose(state.columnSums as Grid, [[10, 20]], 1e-12);
		expect(state.secondMoment).toBe(undefined);
		// update clipping d = 0.5: U / (RMS(U)/0.5)
		const clipped = run(
			new AdaFactor({ clipThreshold: 0.5 }),
			[
				[0, 0],
				[0, 0],
			],
			[
				[
					[1, 2],
					[3, 4],
				],
			],
			0.1,
		);
		expectMatrixClose(
			clipped.trace[0],
			[
				[-0.03952847075210475, -0.05590169943749475],
				[-0.053033008588991064, -0.05],
			],
			1e-14,
		);
	});

	it("a vector entry keeps the full second moment, β̂₂ = 1 − t^(−0.8)", () => {
		// t = 1: V = g², U = sign(g), w = [0.9, −1.9]. t = 2: β̂₂ = 1 − 2^(−0.8),
		// V = β̂₂·[0.25, 0.01] + 2^(−0.8)·[0.04, 0.09], RMS(U) > 1 so U is divided by it.
		const { trace, state } = run(new AdaFactor(), [[1, -2]], [[[0.5, -0.1]], [[0.2, 0.3]]], 0.1);
		expectMatrixClose(trace[0], [[0.9, -1.9]], 1e-14);
		expectMatrixClose(trace[1], [[0.8443986644813128, -2.026832112772386]], 1e-13);
		expectMatrixClose(state.secondMoment as Grid, [[0.12938667272531135, 0.055947934199881394]], 1e-14);
	});

	it("β₁ averages the clipped update; scaleParameter multiplies by max(ε₂, RMS(w))", () => {
		// vector, t = 1: Û = sign(g) = [1, −1]; m = (1 − 0.9)·Û = [0.1, −0.1]; w = [1, −2] − 0.1·m.
		const withMomentum = run(new AdaFactor({ beta1: 0.9 }), [[1, -2]], [[[0.5, -0.1]]], 0.1);
		expectMatrixClose(withMomentum.trace[0], [[0.99, -1.99]], 1e-15);
		// RMS([3, 4]) = √12.5; w = [3, 4] − 0.1·√12.5·[1, 1]
		const scaled = run(new AdaFactor({ scaleParameter: true }), [[3, 4]], [[[1, 1]]], 0.1);
		expectMatrixClose(scaled.trace[0], [[3 - 0.1 * math.sqrt(12.5), 4 - 0.1 * math.sqrt(12.5)]], 1e-14);
	});

	it("checks a restored state's shapes and its options", () => {
		const optimizer = new AdaFactor();
		expectError(
			() =>
				optimizer.step(
					[
						[1, 2],
						[3, 4],
					],
					[
						[1, 1],
						[1, 1],
					],
					{ t: 1, rowSums: [[1]], columnSums: [[1, 1]] },
					0.1,
				),
			"[Hivemind] AdaFactor.step: state.rowSums must be a 2×1 matrix, got 1×1",
		);
		expectError(() => new AdaFactor({ clipThreshold: 0 }), "[Hivemind] AdaFactor.new: clipThreshold must be");
		expect(createOptimizer("AdaFactor").optimizerName).toBe("AdaFactor");
	});
});
