import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { Matrix } from "../../src/matrix";

const A = [
	[1, 2, 3],
	[4, 5, 6],
];

describe("Matrix element-wise", () => {
	it("adds and subtracts with every broadcast: same shape, 1×c row, r×1 column, scalar", () => {
		expect(Matrix.add(A, A)).toEqual([
			[2, 4, 6],
			[8, 10, 12],
		]);
		expect(Matrix.add(A, [[10, 20, 30]])).toEqual([
			[11, 22, 33],
			[14, 25, 36],
		]);
		expect(Matrix.add(A, [[100], [200]])).toEqual([
			[101, 102, 103],
			[204, 205, 206],
		]);
		expect(Matrix.add(A, 1)).toEqual([
			[2, 3, 4],
			[5, 6, 7],
		]);
		expect(Matrix.subtract(A, [[1, 2, 3]])).toEqual([
			[0, 0, 0],
			[3, 3, 3],
		]);
		expect(Matrix.subtract(A, [[1], [4]])).toEqual([
			[0, 1, 2],
			[0, 1, 2],
		]);
		expect(Matrix.subtract([[1], [2]], 0.5)).toEqual([[0.5], [1.5]]);
	});

	it("multiplies, divides and raises to powers with broadcasting", () => {
		expect(Matrix.multiply(A, A)).toEqual([
			[1, 4, 9],
			[16, 25, 36],
		]);
		expect(Matrix.multiply(A, [[2], [10]])).toEqual([
			[2, 4, 6],
			[40, 50, 60],
		]);
		expect(Matrix.multiply(A, [[0, 1, -1]])).toEqual([
			[0, 2, -3],
			[0, 5, -6],
		]);
		expect(Matrix.divide(A, A)).toEqual(Matrix.ones(2, 3));
		expect(Matrix.divide(A, [[1], [2]])).toEqual([
			[1, 2, 3],
			[2, 2.5, 3],
		]);
		expect(Matrix.divide([[1, 3]], 4)).toEqual([[0.25, 0.75]]);
		expect(Matrix.divide([[1, -1]], 0)).toEqual([[math.huge, -math.huge]]);
		expect(Matrix.power([[2, 3]], 2)).toEqual([[4, 9]]);
		expect(Matrix.power([[2, 4]], [[3, 0.5]])).toEqual([[8, 2]]);
		expect(Matrix.power([[2], [3]], [[1], [2]])).toEqual([[2], [9]]);
	});

	it("scales, negates and maps with 0-based indices", () => {
		expect(Matrix.scale([[1], [-2]], 3)).toEqual([[3], [-6]]);
		expect(Matrix.negate([[1, -1, 0]])).toEqual([[-1, 1, -0]]);
		expect(Matrix.map(A, (v, i, j) => v * 100 + i * 10 + j)).toEqual([
			[100, 201, 302],
			[410, 511, 612],
		]);
	});

	it("builds comparison masks and clips", () => {
		expect(Matrix.greaterThan(A, 3)).toEqual([
			[0, 0, 0],
			[1, 1, 1],
		]);
		expect(Matrix.greaterThan(A, [[2], [5]])).toEqual([
			[0, 0, 1],
			[0, 0, 1],
		]);
		expect(Matrix.lessThan([[1, 5]], [[2, 2]])).toEqual([[1, 0]]);
		expect(Matrix.lessThan(A, [[2, 2, 4]])).toEqual([
			[1, 0, 1],
			[0, 0, 0],
		]);
		expect(Matrix.equalTo([[1, 5]], 5)).toEqual([[0, 1]]);
		expect(Matrix.equalTo(A, A)).toEqual(Matrix.ones(2, 3));
		expect(Matrix.clip([[-5, 0.5, 5]], 0, 1)).toEqual([[0, 0.5, 1]]);
		expect(Matrix.clip([[-5], [5]], -1, -1)).toEqual([[-1], [-1]]);
	});

	it("leaves its inputs untouched", () => {
		const a = [[1, 2]];
		const b = [[3, 4]];
		Matrix.add(a, b);
		Matrix.multiply(a, 2);
		Matrix.clip(a, 0, 1);
		Matrix.negate(a);
		expect(a).toEqual([[1, 2]]);
		expect(b).toEqual([[3, 4]]);
	});

	it("names the operation and both shapes when they cannot broadcast", () => {
		expectError(
			() => Matrix.add(A, Matrix.zeros(3, 2)),
			"[Hivemind] Matrix.add: shapes 2×3 and 3×2 are not compatible (b must be 2×3, 1×3, 2×1 or a number)",
		);
		expectError(() => Matrix.subtract(A, [[1, 2]]), "[Hivemind] Matrix.subtract: shapes 2×3 and 1×2 are not compatible");
		expectError(() => Matrix.multiply(A, [[1], [2], [3]]), "[Hivemind] Matrix.multiply: shapes 2×3 and 3×1 are not compatible");
		expectError(() => Matrix.divide(A, "x" as never), "[Hivemind] Matrix.divide: b must be a matrix or a number, got string");
		expectError(() => Matrix.power(5 as never, 2), "[Hivemind] Matrix.power: a must be a matrix (array of rows), got number");
		expectError(() => Matrix.greaterThan(A, [[1, 2]]), "[Hivemind] Matrix.greaterThan: shapes 2×3 and 1×2");
		expectError(() => Matrix.lessThan(A, [] as never), "[Hivemind] Matrix.lessThan: b must be a matrix or a number, got an empty table");
		expectError(() => Matrix.equalTo([[]], 1), "[Hivemind] Matrix.equalTo: a must be a matrix (array of rows), got 1×0");
	});

	it("rejects bad scalars, functions and bounds", () => {
		expectError(() => Matrix.scale(A, "2" as never), "[Hivemind] Matrix.scale: s must be a number, got string");
		expectError(() => Matrix.scale(2 as never, 2), "[Hivemind] Matrix.scale: a must be a matrix (array of rows), got number");
		expectError(() => Matrix.negate([] as never), "[Hivemind] Matrix.negate: a must be a matrix (array of rows), got an empty table");
		expectError(() => Matrix.map(A, 5 as never), "[Hivemind] Matrix.map: fn must be a function, got number");
		expectError(() => Matrix.clip(A, 1, 0), "[Hivemind] Matrix.clip: low and high must be numbers with low ≤ high, got 1 and 0");
	});
});

describe("Matrix in place", () => {
	it("adds, subtracts, multiplies and divides into the target with broadcasting, returning it", () => {
		const t = [
			[1, 2],
			[3, 4],
		];
		expect(Matrix.addInPlace(t, Matrix.ones(2, 2))).toBe(t);
		expect(t).toEqual([
			[2, 3],
			[4, 5],
		]);
		Matrix.subtractInPlace(t, [[1, 1]]);
		expect(t).toEqual([
			[1, 2],
			[3, 4],
		]);
		Matrix.multiplyInPlace(t, [[2], [10]]);
		expect(t).toEqual([
			[2, 4],
			[30, 40],
		]);
		Matrix.divideInPlace(t, 2);
		expect(t).toEqual([
			[1, 2],
			[15, 20],
		]);
		Matrix.addInPlace(t, [[1], [-1]]);
		Matrix.subtractInPlace(t, 1);
		Matrix.divideInPlace(t, [[1, 2]]);
		Matrix.multiplyInPlace(t, t);
		expect(t).toEqual([
			[1, 1],
			[169, 81],
		]);
	});

	it("scales, adds scaled copies, maps, fills and copies", () => {
		const t = [
			[1, 2],
			[3, 4],
		];
		Matrix.scaleInPlace(t, 0.5);
		expect(t).toEqual([
			[0.5, 1],
			[1.5, 2],
		]);
		Matrix.addScaledInPlace(t, Matrix.ones(2, 2), -1);
		expect(t).toEqual([
			[-0.5, 0],
			[0.5, 1],
		]);
		Matrix.mapInPlace(t, (v, i, j) => v * 2 + i * 10 + j);
		expect(t).toEqual([
			[-1, 1],
			[11, 13],
		]);
		Matrix.copyInto(t, Matrix.identity(2));
		expect(t).toEqual(Matrix.identity(2));
		Matrix.fillInPlace(t, 3);
		expect(t).toEqual(Matrix.filled(2, 2, 3));
		const col = [[1], [2], [3]];
		Matrix.addScaledInPlace(col, [[1], [1], [1]], 2);
		expect(col).toEqual([[3], [4], [5]]);
	});

	it("rejects mismatched shapes and bad arguments", () => {
		expectError(
			() => Matrix.addInPlace(Matrix.zeros(2, 2), Matrix.zeros(2, 3)),
			"[Hivemind] Matrix.addInPlace: shapes 2×2 and 2×3 are not compatible (other must be 2×2, 1×2, 2×1 or a number)",
		);
		expectError(() => Matrix.subtractInPlace(Matrix.zeros(1, 2), [[1], [2]]), "[Hivemind] Matrix.subtractInPlace: shapes 1×2 and 2×1");
		expectError(
			() => Matrix.multiplyInPlace(5 as never, 1),
			"[Hivemind] Matrix.multiplyInPlace: target must be a matrix (array of rows), got number",
		);
		expectError(
			() => Matrix.divideInPlace(Matrix.zeros(1, 1), true as never),
			"[Hivemind] Matrix.divideInPlace: other must be a matrix or a number, got boolean",
		);
		expectError(() => Matrix.scaleInPlace(Matrix.zeros(1, 1), undefined as never), "[Hivemind] Matrix.scaleInPlace: s must be a number, got nil");
		expectError(
			() => Matrix.addScaledInPlace(Matrix.zeros(2, 1), Matrix.zeros(1, 2), 1),
			"[Hivemind] Matrix.addScaledInPlace: shapes 2×1 and 1×2 must match",
		);
		expectError(
			() => Matrix.addScaledInPlace(Matrix.zeros(1, 1), Matrix.zeros(1, 1), "s" as never),
			"Matrix.addScaledInPlace: s must be a number, got string",
		);
		expectError(
			() => Matrix.copyInto(Matrix.zeros(1, 1), 3 as never),
			"[Hivemind] Matrix.copyInto: other must be a matrix (array of rows), got number",
		);
		expectError(() => Matrix.copyInto(Matrix.zeros(1, 1), Matrix.zeros(1, 2)), "[Hivemind] Matrix.copyInto: shapes 1×1 and 1×2 must match");
		expectError(() => Matrix.mapInPlace(Matrix.zeros(1, 1), {} as never), "[Hivemind] Matrix.mapInPlace: fn must be a function, got table");
		expectError(() => Matrix.fillInPlace(Matrix.zeros(1, 1), "0" as never), "[Hivemind] Matrix.fillInPlace: value must be a number, got string");
	});
});
