import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import {
	clipByGlobalNorm,
	clipByGlobalNormInPlace,
	clipByNorm,
	clipByNormInPlace,
	clipByValue,
	clipByValueInPlace,
	globalNorm,
} from "../../src/optimization";

describe("gradient clipping", () => {
	it("by value: clamps each entry to [−limit, limit]", () => {
		const g = [
			[3, -0.5],
			[-7, 1],
		];
		expect(clipByValue(g, 1)).toEqual([
			[1, -0.5],
			[-1, 1],
		]);
		expect(g[0][0]).toBe(3);
		const same = clipByValueInPlace(g, 2);
		expect(same).toBe(g);
		expect(g).toEqual([
			[2, -0.5],
			[-2, 1],
		]);
	});
	it("by norm: rescales to Frobenius norm maxNorm when above it", () => {
		// ‖[[3, 4]]‖ = 5 → ·(1/5) = [[0.6, 0.8]].
		const g = [[3, 4]];
		expectMatrixClose(clipByNorm(g, 1), [[0.6, 0.8]], 1e-15);
		expect(g).toEqual([[3, 4]]);
		expect(clipByNorm(g, 5)).toEqual([[3, 4]]);
		expect(clipByNorm(g, 10)).toEqual([[3, 4]]);
		// ‖[[1, 2], [2, 4]]‖ = 5 → ·(2/5).
		const h = [
			[1, 2],
			[2, 4],
		];
		expect(clipByNormInPlace(h, 2)).toBe(h);
		expectMatrixClose(
			h,
			[
				[0.4, 0.8],
				[0.8, 1.6],
			],
			1e-15,
		);
	});
	it("by global norm: one factor for all the matrices", () => {
		// √(3² + 4²) = 5 → each ·(1/5): keeps the ratio between the matrices.
		const list = [[[3]], [[4]]];
		expectClose(globalNorm(list), 5, 1e-15);
		const clipped = clipByGlobalNorm(list, 1);
		expectMatrixClose(clipped[0], [[0.6]], 1e-15);
		expectMatrixClose(clipped[1], [[0.8]], 1e-15);
		expect(list[0]).toEqual([[3]]);
		// √(1 + 4 + 4 + 16) = 5; below maxNorm 6: unchanged.
		const other = [[[1, 2]], [[2], [4]]];
		expectClose(globalNorm(other), 5, 1e-15);
		expect(clipByGlobalNormInPlace(other, 6)).toEqual([[[1, 2]], [[2], [4]]]);
		expect(clipByGlobalNormInPlace(other, 2.5)).toBe(other);
		expectMatrixClose(other[0], [[0.5, 1]], 1e-15);
		expectMatrixClose(other[1], [[1], [2]], 1e-15);
	});
	it("rejects bad limits and gradients", () => {
		expectError(() => clipByValue([[1]], 0), "[Hivemind] clipByValue: limit must be a finite number > 0, got 0");
		expectError(() => clipByValueInPlace([[1]], -1), "[Hivemind] clipByValueInPlace: limit must be a finite number > 0, got -1");
		expectError(() => clipByNorm([[1]], math.huge), "[Hivemind] clipByNorm: maxNorm must be a finite number > 0, got inf");
		expectError(() => clipByNormInPlace([[1]], "1" as never), '[Hivemind] clipByNormInPlace: maxNorm must be a finite number > 0, got "1"');
		expectError(() => clipByNorm([[1, 0 / 0]], 1), "[Hivemind] clipByNorm: gradient[1][2] must be finite, got NaN");
		expectError(() => clipByGlobalNorm([], 1), "[Hivemind] clipByGlobalNorm: gradients must be a non-empty array of matrices, got a table");
		expectError(() => clipByGlobalNormInPlace([[[1]], [[1], [2, 3]]], 1), "[Hivemind] clipByGlobalNormInPlace: gradients[2] must be rectangular");
		expectError(() => clipByGlobalNorm([[[1]]], 0), "[Hivemind] clipByGlobalNorm: maxNorm must be a finite number > 0, got 0");
		expectError(() => globalNorm(5 as never), "[Hivemind] globalNorm: gradients must be a non-empty array of matrices, got 5");
	});
});
