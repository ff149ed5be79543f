import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError } from "../support/numeric";
import { Matrix } from "../../src/matrix";

const M = [
	[1, 5, 3],
	[4, 2, 6],
];

describe("Matrix reductions", () => {
	it("sums and averages over everything and along each axis", () => {
		expect(Matrix.sum(M)).toBe(21);
		expect(Matrix.sum(M, 0)).toEqual([[5, 7, 9]]);
		expect(Matrix.sum(M, 1)).toEqual([[9], [12]]);
		expect(Matrix.sum([[1, 2, 3]], 0)).toEqual([[1, 2, 3]]);
		expect(Matrix.sum([[1], [2]], 1)).toEqual([[1], [2]]);
		expect(Matrix.sum([[1], [2]], 0)).toEqual([[3]]);
		expect(Matrix.mean(M)).toBe(3.5);
		expect(Matrix.mean(M, 0)).toEqual([[2.5, 3.5, 4.5]]);
		expect(Matrix.mean(M, 1)).toEqual([[3], [4]]);
		expect(Matrix.mean([[4]])).toBe(4);
	});

	it("computes variances and standard deviations with ddof", () => {
		// deviations from 3.5: 2.5², 1.5², 0.5², 0.5², 1.5², 2.5² sum to 17.5
		expectClose(Matrix.variance(M), 17.5 / 6, 1e-15);
		expectClose(Matrix.variance(M, undefined, 1) as number, 3.5, 1e-15);
		expect(Matrix.variance(M, 0)).toEqual([[2.25, 2.25, 2.25]]);
		expect(Matrix.variance(M, 0, 1)).toEqual([[4.5, 4.5, 4.5]]);
		expect(Matrix.variance(M, 1, 1)).toEqual([[4], [4]]);
		expect(Matrix.variance([[7, 7]], 1)).toEqual([[0]]);
		expect(Matrix.standardDeviation(M, 0)).toEqual([[1.5, 1.5, 1.5]]);
		expect(Matrix.standardDeviation(M, 1, 1)).toEqual([[2], [2]]);
		expectClose(Matrix.standardDeviation(M), math.sqrt(17.5 / 6), 1e-15);
	});

	it("finds minima, maxima and their 0-based positions, first on ties", () => {
		expect(Matrix.min(M)).toBe(1);
		expect(Matrix.max(M)).toBe(6);
		expect(Matrix.min(M, 0)).toEqual([[1, 2, 3]]);
		expect(Matrix.max(M, 0)).toEqual([[4, 5, 6]]);
		expect(Matrix.min(M, 1)).toEqual([[1], [2]]);
		expect(Matrix.max(M, 1)).toEqual([[5], [6]]);
		expect(Matrix.argmax(M)).toEqual([1, 2]);
		expect(Matrix.argmin(M)).toEqual([0, 0]);
		expect(Matrix.argmax(M, 0)).toEqual([1, 0, 1]);
		expect(Matrix.argmin(M, 0)).toEqual([0, 1, 0]);
		expect(Matrix.argmax(M, 1)).toEqual([1, 2]);
		expect(Matrix.argmin(M, 1)).toEqual([0, 1]);
		expect(Matrix.argmax([[2, 2]], 1)).toEqual([0]);
		expect(Matrix.argmin([[1], [1]], 0)).toEqual([0]);
		expect(Matrix.argmax([[3, 3]])).toEqual([0, 0]);
		expect(Matrix.argmin([[-1], [-4], [-4]])).toEqual([1, 0]);
		expect(Matrix.max([[-2]], 0)).toEqual([[-2]]);
	});

	it("rejects bad axes, degrees of freedom and non-matrices", () => {
		expectError(() => Matrix.sum(M, 2 as never), "[Hivemind] Matrix.sum: axis must be 0 (down rows) or 1 (across columns), got 2");
		expectError(() => Matrix.mean(M, "0" as never), "[Hivemind] Matrix.mean: axis must be 0 (down rows) or 1 (across columns), got 0");
		expectError(() => Matrix.variance(M, -1 as never), "[Hivemind] Matrix.variance: axis must be 0");
		expectError(() => Matrix.standardDeviation(M, 3 as never), "[Hivemind] Matrix.standardDeviation: axis must be 0");
		expectError(() => Matrix.min(M, 2 as never), "[Hivemind] Matrix.min: axis must be 0");
		expectError(() => Matrix.max(M, 2 as never), "[Hivemind] Matrix.max: axis must be 0");
		expectError(() => Matrix.argmax(M, 2 as never), "[Hivemind] Matrix.argmax: axis must be 0");
		expectError(() => Matrix.argmin(M, 2 as never), "[Hivemind] Matrix.argmin: axis must be 0");
		expectError(() => Matrix.variance([[1, 2]], 0, 1), "[Hivemind] Matrix.variance: ddof 1 leaves no degrees of freedom for 1 entries");
		expectError(() => Matrix.variance([[1]], undefined, 1), "ddof 1 leaves no degrees of freedom for 1 entries");
		expectError(() => Matrix.variance(M, 0, -1), "[Hivemind] Matrix.variance: ddof must be a number ≥ 0, got -1");
		expectError(() => Matrix.sum(5 as never), "[Hivemind] Matrix.sum: m must be a matrix (array of rows), got number");
		expectError(() => Matrix.mean([] as never), "[Hivemind] Matrix.mean: m must be a matrix (array of rows), got an empty table");
		expectError(() => Matrix.max([[]]), "[Hivemind] Matrix.max: m must be a matrix (array of rows), got 1×0");
		expectError(() => Matrix.argmin("m" as never), "[Hivemind] Matrix.argmin: m must be a matrix (array of rows), got string");
	});
});
