import { describe, expect, it } from "../support/jest-globals";
import { expectError, expectMatrixClose } from "../support/numeric";
import { Matrix } from "../../src/matrix";
import { computeElmPartial, finalizeElm, mergeElmPartials } from "../../src/statistics/elm";

// H with its leading column of ones (the output bias), T two targets.
const H = [
	[1, 0.5, -1],
	[1, 2, 0],
	[1, -1, 1],
	[1, 0, 3],
];
const T = [
	[1, 0],
	[2, 1],
	[0, 1],
	[3, -1],
];

describe("ELM sufficient statistics", () => {
	it("computes HᵀH and HᵀT by hand", () => {
		const p = computeElmPartial(H, T);
		expect(p.n).toBe(4);
		// column sums, Σh1² = 0.25+4+1 = 5.25, Σh1h2 = -0.5+0-1+0 = -1.5, Σh2² = 1+0+1+9 = 11
		expectMatrixClose(p.hth, [
			[4, 1.5, 3],
			[1.5, 5.25, -1.5],
			[3, -1.5, 11],
		]);
		expectMatrixClose(p.htt, [
			[6, 1],
			[4.5, 1],
			[8, -2],
		]);
	});
	it("merges two halves into the statistics of the whole, without modifying them", () => {
		const a = computeElmPartial(Matrix.sliceRows(H, 0, 1), Matrix.sliceRows(T, 0, 1));
		const b = computeElmPartial(Matrix.sliceRows(H, 1, 4), Matrix.sliceRows(T, 1, 4));
		const aBefore = Matrix.copy(a.hth);
		const merged = mergeElmPartials(a, b);
		const whole = computeElmPartial(H, T);
		expectMatrixClose(merged.hth, whole.hth);
		expectMatrixClose(merged.htt, whole.htt);
		expect(merged.n).toBe(4);
		expect(a.hth).toEqual(aBefore);
		expectMatrixClose(finalizeElm(merged, 0.1), finalizeElm(whole, 0.1));
	});
	it("adds the ridge once, leaving the bias unpenalized", () => {
		const p = computeElmPartial(H, T);
		const lambda = 0.5;
		const beta = finalizeElm(p, lambda);
		// (HᵀH + λ·diag(0, 1, 1))·β = HᵀT
		const system = Matrix.copy(p.hth);
		system[1][1] += lambda;
		system[2][2] += lambda;
		expectMatrixClose(Matrix.matmul(system, beta), p.htt, 1e-9);
	});
	it("rejects mismatched partials and empty ones", () => {
		const p = computeElmPartial(H, T);
		const q = computeElmPartial(Matrix.sliceRows(H, 0, 1), [[1]]);
		expectError(() => mergeElmPartials(p, q), "[Hivemind] mergeElmPartials: b must have the shapes of a (hth 3×3, htt 3×2), got hth 3×3, htt 3×1");
		expectError(() => finalizeElm({ hth: p.hth, htt: p.htt, n: 0 }, 1), "[Hivemind] finalizeElm: partial.n must be ≥ 1, got 0");
	});
});
