import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { Matrix } from "../../src/matrix";

const A = [
	[1, 2, 3],
	[4, 5, 6],
];
const B = [
	[7, 8],
	[9, 10],
	[11, 12],
];

describe("Matrix shape and access", () => {
	it("reads sizes and entries (0-based)", () => {
		expect(Matrix.rowCount(A)).toBe(2);
		expect(Matrix.columnCount(A)).toBe(3);
		expect(Matrix.shapeOf(A)).toEqual([2, 3]);
		expect(Matrix.shapeOf([[1], [2], [3]])).toEqual([3, 1]);
		expect(Matrix.get(A, 0, 0)).toBe(1);
		expect(Matrix.get(A, 1, 2)).toBe(6);
		const m = Matrix.zeros(2, 3);
		Matrix.set(m, 1, 0, 5);
		expect(m).toEqual([
			[0, 0, 0],
			[5, 0, 0],
		]);
	});

	it("extracts rows, columns, slices and selections as copies", () => {
		const row = Matrix.getRow(A, 1);
		expect(row).toEqual([[4, 5, 6]]);
		row[0][0] = 0;
		expect(A[1][0]).toBe(4);
		expect(Matrix.getColumn(A, 1)).toEqual([[2], [5]]);
		expect(Matrix.getColumn([[1, 2, 3]], 2)).toEqual([[3]]);
		expect(Matrix.sliceRows(B, 1, 3)).toEqual([
			[9, 10],
			[11, 12],
		]);
		expect(Matrix.sliceRows(B, 0, 1)).toEqual([[7, 8]]);
		const slice = Matrix.sliceRows(B, 0, 2);
		slice[0][0] = 0;
		expect(B[0][0]).toBe(7);
		expect(Matrix.selectRows(B, [2, 0, 2])).toEqual([
			[11, 12],
			[7, 8],
			[11, 12],
		]);
	});

	it("concatenates side by side and on top of each other", () => {
		expect(
			Matrix.concatHorizontal(
				[[1], [2]],
				[
					[3, 4],
					[5, 6],
				],
			),
		).toEqual([
			[1, 3, 4],
			[2, 5, 6],
		]);
		expect(Matrix.concatHorizontal([[1, 2]], [[3]])).toEqual([[1, 2, 3]]);
		expect(
			Matrix.concatVertical(
				[[1, 2]],
				A.map((r) => [r[0], r[1]]),
			),
		).toEqual([
			[1, 2],
			[1, 2],
			[4, 5],
		]);
		expect(Matrix.concatVertical([[1]], [[2]])).toEqual([[1], [2]]);
		const joined = Matrix.concatVertical(A, A);
		joined[0][0] = 0;
		expect(A[0][0]).toBe(1);
	});

	it("transposes every shape, including the 4-row blocks and their remainder", () => {
		expect(Matrix.transpose(A)).toEqual([
			[1, 4],
			[2, 5],
			[3, 6],
		]);
		expect(Matrix.transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
		expect(Matrix.transpose([[1], [2], [3]])).toEqual([[1, 2, 3]]);
		expect(Matrix.transpose([[7]])).toEqual([[7]]);
		// 5×2: one block of four rows and one leftover row
		expect(
			Matrix.transpose([
				[1, 2],
				[3, 4],
				[5, 6],
				[7, 8],
				[9, 10],
			]),
		).toEqual([
			[1, 3, 5, 7, 9],
			[2, 4, 6, 8, 10],
		]);
		// 8×1: two full blocks
		expect(Matrix.transpose([[1], [2], [3], [4], [5], [6], [7], [8]])).toEqual([[1, 2, 3, 4, 5, 6, 7, 8]]);
	});

	it("flattens row by row and reshapes back", () => {
		expect(Matrix.flatten(A)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(Matrix.flatten([[1], [2]])).toEqual([1, 2]);
		expect(Matrix.reshape([1, 2, 3, 4, 5, 6], 3, 2)).toEqual([
			[1, 2],
			[3, 4],
			[5, 6],
		]);
		expect(Matrix.reshape([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
		expect(Matrix.reshape(Matrix.flatten(B), 3, 2)).toEqual(B);
	});

	it("rejects out-of-range indices", () => {
		expectError(() => Matrix.get(A, 2, 0), "[Hivemind] Matrix.get: i must be an integer in [0, 1], got 2");
		expectError(() => Matrix.get(A, 0, -1), "[Hivemind] Matrix.get: j must be an integer in [0, 2], got -1");
		expectError(() => Matrix.set(A, 0.5, 0, 1), "[Hivemind] Matrix.set: i must be an integer in [0, 1], got 0.5");
		expectError(() => Matrix.get(5 as never, 0, 0), "[Hivemind] Matrix.get: m must be a matrix (array of rows), got number");
		expectError(() => Matrix.getRow(A, 2), "[Hivemind] Matrix.getRow: i must be an integer in [0, 1], got 2");
		expectError(() => Matrix.getColumn(A, 3), "[Hivemind] Matrix.getColumn: j must be an integer in [0, 2], got 3");
		expectError(() => Matrix.sliceRows(A, 2, 2), "[Hivemind] Matrix.sliceRows: start must be an integer in [0, 1], got 2");
		expectError(() => Matrix.sliceRows(A, 1, 1), "[Hivemind] Matrix.sliceRows: endExclusive must be an integer in [2, 2], got 1");
		expectError(() => Matrix.sliceRows(A, 0, 3), "endExclusive must be an integer in [1, 2], got 3");
		expectError(
			() => Matrix.selectRows(A, []),
			"[Hivemind] Matrix.selectRows: indices must be a non-empty array of row indices, got an empty table",
		);
		expectError(() => Matrix.selectRows(A, [0, 5]), "[Hivemind] Matrix.selectRows: indices[2] must be a row index in [0, 1], got 5");
		expectError(() => Matrix.rowCount(undefined as never), "[Hivemind] Matrix.rowCount: m must be a matrix (array of rows), got nil");
		expectError(() => Matrix.columnCount([] as never), "[Hivemind] Matrix.columnCount: m must be a matrix (array of rows), got an empty table");
		expectError(() => Matrix.shapeOf([[]]), "[Hivemind] Matrix.shapeOf: m must be a matrix (array of rows), got 1×0");
	});

	it("rejects mismatched joins and reshapes, naming both shapes", () => {
		expectError(
			() => Matrix.concatHorizontal(A, B),
			"[Hivemind] Matrix.concatHorizontal: cannot join 2×3 and 3×2 side by side (row counts differ)",
		);
		expectError(() => Matrix.concatVertical(A, B), "[Hivemind] Matrix.concatVertical: cannot stack 2×3 on 3×2 (column counts differ)");
		expectError(() => Matrix.concatVertical(A, 1 as never), "[Hivemind] Matrix.concatVertical: b must be a matrix (array of rows), got number");
		expectError(() => Matrix.reshape([1, 2, 3], 2, 2), "[Hivemind] Matrix.reshape: 3 values cannot fill 2×2");
		expectError(() => Matrix.reshape([1, 2], 0, 2), "[Hivemind] Matrix.reshape: rows must be an integer ≥ 1, got 0");
		expectError(() => Matrix.reshape([1, 0 / 0], 1, 2), "[Hivemind] Matrix.reshape: values[2] must be a finite number");
		expectError(() => Matrix.transpose("m" as never), "[Hivemind] Matrix.transpose: m must be a matrix (array of rows), got string");
		expectError(() => Matrix.flatten({} as never), "[Hivemind] Matrix.flatten: m must be a matrix (array of rows), got an empty table");
	});
});
