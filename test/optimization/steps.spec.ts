import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectMatrixClose } from "../support/numeric";
import type { Matrix as Grid } from "../../src/matrix/types";
import {
	AdaDelta,
	AdaGrad,
	AdaMax,
	Adam,
	AdamW,
	GradientDescent,
	L2,
	Momentum,
	NAdam,
	Nesterov,
	Optimizer,
	OptimizerState,
	RAdam,
	RMSProp,
	RProp,
} from "../../src/optimization";

/** Runs `optimizer` from `start` over the gradients; returns the parameter after each step and the last state. */
function run(optimizer: Optimizer, start: Grid, gradients: Array<Grid>, learningRate: number) {
	const w = start.map((row) => [...row]);
	const trace = new Array<Grid>();
	let state: OptimizerState | undefined;
	for (const g of gradients) {
		state = optimizer.step(w, g, state, learningRate);
		trace.push(w.map((row) => [...row]));
	}
	return { trace, state: state as OptimizerState, w };
}

describe("hand-computed steps", () => {
	it("GradientDescent: w ← w − η·g", () => {
		const { trace, state } = run(new GradientDescent(), [[1, -2]], [[[0.5, -0.1]]], 0.1);
		expectMatrixClose(trace[0], [[0.95, -1.99]], 1e-15);
		expect(state.t).toBe(1);
	});

	it("Adam (η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8), two steps", () => {
		// t = 1, g = [0.5, −0.1]: m = 0.1·g = [0.05, −0.01], v = 0.001·g² = [2.5e-4, 1e-5];
		//   m̂ = m/0.1 = g, v̂ = v/0.001 = g², step = 0.1·g/(|g| + 1e-8):
		//   w₁ = 1 − 0.1·0.5/0.50000001 = 0.900000002, −2 + 0.1·0.1/0.10000001 = −1.90000001.
		// t = 2, g = [0.2, 0.3]: m = 0.9·0.05 + 0.1·0.2 = 0.065, v = 0.999·2.5e-4 + 0.001·0.04 = 2.8975e-4;
		//   m̂ = 0.065/(1 − 0.81) = 0.342105…, v̂ = 2.8975e-4/(1 − 0.998001) = 0.144947…,
		//   w₂ = 0.900000002 − 0.1·0.342105/(0.380720 + 1e-8) = 0.810142484;
		//   second entry: m = −0.009 + 0.03 = 0.021, v = 0.999e-5 + 9e-5 = 9.999e-5 → w₂ = −1.949418991.
		const { trace, state } = run(new Adam(), [[1, -2]], [[[0.5, -0.1]], [[0.2, 0.3]]], 0.1);
		expectMatrixClose(trace[0], [[0.900000002, -1.90000001]], 1e-12);
		expectMatrixClose(trace[1], [[0.8101424839029282, -1.9494189911200654]], 1e-12);
		expect(state.t).toBe(2);
		expectMatrixClose(state.m as Grid, [[0.065, 0.021]], 1e-12);
		expectMatrixClose(state.v as Grid, [[2.8975e-4, 9.999e-5]], 1e-12);
	});

	it("RMSProp (η = 0.01, ρ = 0.9, ε = 1e-8), two steps", () => {
		// t = 1, g = [0.5, −0.1]: s = 0.1·g² = [0.025, 0.001];
		//   w₁ = 1 − 0.01·0.5/(√0.025 + 1e-8) = 1 − 0.005/0.158113893 = 0.968377225,
		//   −2 + 0.001/(0.0316227766 + 1e-8) = −1.968377233.
		// t = 2, g = [0.2, 0.3]: s = 0.9·0.025 + 0.1·0.04 = 0.0265, 0.9·0.001 + 0.1·0.09 = 0.0099;
		//   w₂ = 0.968377225 − 0.002/0.162788206 = 0.956091324, −1.968377233 − 0.003/0.099498744 = −1.998528365.
		const { trace, state } = run(new RMSProp(), [[1, -2]], [[[0.5, -0.1]], [[0.2, 0.3]]], 0.01);
		expectMatrixClose(trace[0], [[0.968377225398316, -1.968377233398313]], 1e-12);
		expectMatrixClose(trace[1], [[0.956091323816354, -1.9985283648257866]], 1e-12);
		expectMatrixClose(state.meanSquare as Grid, [[0.0265, 0.0099]], 1e-12);
	});

	it("Momentum and Nesterov (η = 0.1, μ = 0.9), g = 1 twice", () => {
		// Momentum: v₁ = 1, w₁ = 1 − 0.1 = 0.9; v₂ = 0.9 + 1 = 1.9, w₂ = 0.9 − 0.19 = 0.71.
		const heavyBall = run(new Momentum(), [[1]], [[[1]], [[1]]], 0.1);
		expectMatrixClose(heavyBall.trace[0], [[0.9]], 1e-15);
		expectMatrixClose(heavyBall.trace[1], [[0.71]], 1e-15);
		expectMatrixClose(heavyBall.state.velocity as Grid, [[1.9]], 1e-15);
		// Nesterov: w₁ = 1 − 0.1·(1 + 0.9·1) = 0.81; w₂ = 0.81 − 0.1·(1 + 0.9·1.9) = 0.539.
		const lookAhead = run(new Nesterov(), [[1]], [[[1]], [[1]]], 0.1);
		expectMatrixClose(lookAhead.trace[0], [[0.81]], 1e-15);
		expectMatrixClose(lookAhead.trace[1], [[0.539]], 1e-15);
	});

	it("AdaGrad (η = 0.1), g = 2 then 1", () => {
		// s = 4: w₁ = 1 − 0.2/(2 + 1e-8) = 0.9000000005; s = 5: w₂ = w₁ − 0.1/(√5 + 1e-8) = 0.85527864115.
		const { trace, state } = run(new AdaGrad(), [[1]], [[[2]], [[1]]], 0.1);
		expectMatrixClose(trace[0], [[0.9000000005]], 1e-13);
		expectMatrixClose(trace[1], [[0.8552786411500042]], 1e-13);
		expectMatrixClose(state.sumOfSquares as Grid, [[5]], 1e-15);
	});

	it("AdaDelta (η = 1, ρ = 0.95, ε = 1e-6), g = 0.5 twice", () => {
		// E[g²] = 0.0125, Δ = √1e-6/√0.012501·0.5 = 0.00447196, E[Δ²] = 0.05·Δ² = 9.9992e-7, w₁ = 0.99552804;
		// E[g²] = 0.024375, Δ = √(9.9992e-7 + 1e-6)/√0.024376·0.5 = 0.00452892, w₂ = 0.99099912.
		const { trace, state } = run(new AdaDelta(), [[1]], [[[0.5]], [[0.5]]], 1);
		expectMatrixClose(trace[0], [[0.9955280429197062]], 1e-12);
		expectMatrixClose(trace[1], [[0.9909991182590161]], 1e-12);
		expectMatrixClose(state.meanSquareGradient as Grid, [[0.024375]], 1e-12);
		expectMatrixClose(state.meanSquareUpdate as Grid, [[1.9754819351898516e-6]], 1e-12);
	});

	it("AdaMax (η = 0.1), g = 0.5 then −0.2", () => {
		// t = 1: m = 0.05, u = 0.5, w₁ = 1 − 0.1·(0.05/0.1)/(0.5 + 1e-8) = 0.900000002.
		// t = 2: m = 0.045 − 0.02 = 0.025, u = max(0.4995, 0.2) = 0.4995,
		//   w₂ = w₁ − 0.1·(0.025/0.19)/(0.4995 + 1e-8) = 0.873657871.
		const { trace, state } = run(new AdaMax(), [[1]], [[[0.5]], [[-0.2]]], 0.1);
		expectMatrixClose(trace[0], [[0.900000002]], 1e-12);
		expectMatrixClose(trace[1], [[0.8736578709220805]], 1e-12);
		expectMatrixClose(state.v as Grid, [[0.4995]], 1e-15);
	});

	it("NAdam (η = 0.1), g = 0.5 then −0.2", () => {
		// t = 1: m = 0.05, v̂ = 0.25; look-ahead moment 0.9·0.05/(1 − 0.81) + 0.1·0.5/0.1 = 0.736842,
		//   w₁ = 1 − 0.1·0.736842/(0.5 + 1e-8) = 0.852631582.
		// t = 2: m = 0.025, v = 0.999·2.5e-4 + 0.001·0.04 = 2.8975e-4, v̂ = 0.144947;
		//   moment 0.9·0.025/(1 − 0.729) + 0.1·(−0.2)/0.19 = −0.022236…, w₂ = 0.858472448.
		const { trace } = run(new NAdam(), [[1]], [[[0.5]], [[-0.2]]], 0.1);
		expectMatrixClose(trace[0], [[0.8526315818947368]], 1e-12);
		expectMatrixClose(trace[1], [[0.8584724481008763]], 1e-12);
	});

	it("RAdam takes momentum steps until ρₜ > 5, then rectified Adam steps", () => {
		// β₂ = 0.999: ρ∞ = 1999, ρₜ = 1999 − 2t·0.999ᵗ/(1 − 0.999ᵗ) = 1, 1.9995, 2.9987, 3.9975, 4.9960 for
		// t = 1..5: w ← w − 0.1·m̂ with m̂ = 0.5 (constant g): 0.95, 0.9, 0.85, 0.8, 0.75.
		// t = 6: ρ₆ = 5.99416 > 5, r = √((ρ₆−4)(ρ₆−2)·1999/(1995·1997·ρ₆)) = 0.051642…, m̂/√v̂ = 1 − 2e-8
		//   → w₆ = 0.75 − 0.1·0.051642 = 0.747417889; t = 7: ρ₇ = 6.99200 → w₇ = 0.744144007.
		const gradients = new Array<Grid>();
		for (const _ of $range(1, 7)) gradients.push([[0.5]]);
		const { trace } = run(new RAdam(), [[1]], gradients, 0.1);
		const expected = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7474178887714561, 0.7441440073959373];
		for (const k of $range(0, 6)) expectClose(trace[k][0][0], expected[k], 1e-12, `w${k + 1}`);
	});
});

describe("RProp", () => {
	it("grows steps on the same sign, shrinks and skips on a sign change", () => {
		// Initial step = η = 0.1. Step 1, g = [1, 1]: w = [−0.1, −0.1].
		// Step 2, g = [2, −1]: entry 1 same sign: Δ = 0.12, w = −0.22; entry 2 flipped: Δ = 0.05,
		//   not moved (−0.1), remembered gradient 0.
		// Step 3, g = [1, −1]: entry 1: Δ = 0.144, w = −0.364; entry 2: product with 0 → Δ stays 0.05,
		//   w = −0.1 + 0.05 = −0.05.
		const { trace, state } = run(new RProp(), [[0, 0]], [[[1, 1]], [[2, -1]], [[1, -1]]], 0.1);
		expectMatrixClose(trace[0], [[-0.1, -0.1]], 1e-15);
		expectMatrixClose(trace[1], [[-0.22, -0.1]], 1e-15);
		expectMatrixClose(trace[2], [[-0.364, -0.05]], 1e-15);
		expectMatrixClose(state.stepSize as Grid, [[0.144, 0.05]], 1e-15);
		expectMatrixClose(state.previousGradient as Grid, [[1, -1]], 0);
	});
	it("keeps step sizes within [minimumStep, maximumStep] and ignores the gradient's size", () => {
		// Δ: 0.1 → min(0.12, 0.11) = 0.11 → 0.11; a flip then gives max(0.055, 0.08) = 0.08.
		const optimizer = new RProp({ maximumStep: 0.11, minimumStep: 0.08 });
		const { trace, state } = run(optimizer, [[0]], [[[1000]], [[1e-3]], [[5]], [[-5]]], 0.1);
		expectMatrixClose(trace[2], [[-0.32]], 1e-15);
		expectMatrixClose(trace[3], [[-0.32]], 1e-15);
		expectMatrixClose(state.stepSize as Grid, [[0.08]], 1e-15);
	});
});

describe("AdamW", () => {
	it("decays the weights outside the moments, unlike Adam with an L2 gradient", () => {
		// w = 1, g = 0.5, λ = 0.1, η = 0.1, first step (m̂/√v̂ = g/|g| up to ε):
		// Adam + L2: g' = g + λw = 0.6, w₁ = 1 − 0.1·0.6/(0.6 + 1e-8) = 0.9000000016667 — the decay is
		//   normalized away by the second moment;
		// AdamW: w ← (1 − 0.1·0.1)·1 = 0.99, then − 0.1·0.5/(0.5 + 1e-8): w₁ = 0.890000002.
		const w = [[1]];
		const l2 = new L2({ lambda: 0.1 });
		const coupled = new Adam().step(w, l2.addGradientInPlace([[0.5]], w, []), undefined, 0.1);
		expectClose(w[0][0], 0.9000000016666666, 1e-13);
		expectMatrixClose(coupled.m as Grid, [[0.06]], 1e-15);
		const v = [[1]];
		const decoupled = new AdamW({ weightDecay: 0.1 }).step(v, [[0.5]], undefined, 0.1);
		expectClose(v[0][0], 0.890000002, 1e-13);
		expectMatrixClose(decoupled.m as Grid, [[0.05]], 1e-15);
	});
	it("with weightDecay 0 is Adam", () => {
		const gradients = [[[0.5, -0.1]], [[0.2, 0.3]]];
		const plain = run(new Adam(), [[1, -2]], gradients, 0.1);
		const decoupled = run(new AdamW({ weightDecay: 0 }), [[1, -2]], gradients, 0.1);
		expect(decoupled.trace).toEqual(plain.trace);
	});
});
