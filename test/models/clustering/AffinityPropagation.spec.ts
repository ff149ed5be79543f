import { describe, expect, it } from "../../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../../support/numeric";
import { AffinityPropagation } from "../../../src/models/clustering/AffinityPropagation";
import { affinityPropagationStep, similarities } from "../../../src/models/clustering/affinity";
import { fromBufferRows, toBufferRows } from "../../../src/matrix/rowBuffers";

describe("AffinityPropagation", () => {
	it("makes the hand-computed first message update on three rows", () => {
		// Rows 0, 1, 3; preference −5: S = [[−5, −1, −9], [−1, −5, −4], [−9, −4, −5]], R = A = 0, damping ½.
		// R(i,k) = S(i,k) − max_{k'≠k} S(i,k'): row 0: −5 − (−1) = −4, −1 − (−5) = 4, −9 − (−1) = −8;
		// row 1: −1 − (−4) = 3, −5 − (−1) = −4, −4 − (−1) = −3; row 2: −9 − (−4) = −5, −4 − (−5) = 1, −5 − (−4) = −1. Halved.
		// A(k,k) = Σ_{i≠k} max(0, R(i,k)); A(i,k) = min(0, R(k,k) + Σ_{i'∉{i,k}} max(0, R(i',k))). Halved.
		const s = similarities([[0], [1], [3]], -5);
		const r = toBufferRows([
			[0, 0, 0],
			[0, 0, 0],
			[0, 0, 0],
		]);
		const a = toBufferRows([
			[0, 0, 0],
			[0, 0, 0],
			[0, 0, 0],
		]);
		affinityPropagationStep(s, r, a, 0.5);
		expectMatrixClose(fromBufferRows(r), [
			[-2, 2, -4],
			[1.5, -2, -1.5],
			[-2.5, 0.5, -0.5],
		]);
		expectMatrixClose(fromBufferRows(a), [
			[0.75, -0.75, -0.25],
			[-1, 1.25, -0.25],
			[-0.25, 0, 0],
		]);
	});

	it("finds the hand-solved exemplars: the middle row of each group", () => {
		// Two groups 0,1,2 and 10,11,12: the middle row has the largest summed similarity in its group.
		const rows = [[11], [0], [12], [2], [10], [1]];
		const model = new AffinityPropagation();
		model.train(rows);
		expect(model.getExemplars()).toEqual([[1], [11]]);
		expect(model.predict(rows)[0]).toEqual([1, 0, 1, 0, 1, 0]);
	});

	it("makes fewer clusters with a lower preference", () => {
		const rows = [[0], [1], [2], [10], [11], [12]];
		const low = new AffinityPropagation({ preference: -1000 });
		low.train(rows);
		expect(low.getExemplars().size()).toBe(1);
	});

	it("rejects bad options, naming them", () => {
		expectError(() => new AffinityPropagation({ damping: 0.2 }), "AffinityPropagation.new: damping must be a number in [0.5, 1), got 0.2");
		expectError(() => new AffinityPropagation({ preference: "mean" as never }), "AffinityPropagation.new: preference must be");
	});
});
