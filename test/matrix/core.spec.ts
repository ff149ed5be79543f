import { describe, expect, it } from "../support/jest-globals";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import { Matrix, RandomGenerator } from "../../src/matrix";

const A = [
	[1, 2, 3],
	[4, 5, 6],
];
const B = [
	[7, 8],
	[9, 10],
	[11, 12],
];

describe("creation", () => {
	it("builds constants, identity and copies", () => {
		expect(Matrix.zeros(2, 3)).toEqual([
			[0, 0, 0],
			[0, 0, 0],
		]);
		expect(Matrix.ones(1, 2)).toEqual([[1, 1]]);
		expect(Matrix.filled(2, 1, 7)).toEqual([[7], [7]]);
		expect(Matrix.identity(3)).toEqual([
			[1, 0, 0],
			[0, 1, 0],
			[0, 0, 1],
		]);
		const copy = Matrix.fromArray(A);
		copy[0][0] = 99;
		expect(A[0][0]).toBe(1);
		expect(Matrix.columnOf([1, 2])).toEqual([[1], [2]]);
		expect(Matrix.rowOf([1, 2])).toEqual([[1, 2]]);
	});
	it("fills from a seeded generator reproducibly", () => {
		const a = Matrix.randomUniform(2, 2, new RandomGenerator(1), -1, 1);
		const b = Matrix.randomUniform(2, 2, new RandomGenerator(1), -1, 1);
		expect(a).toEqual(b);
		for (const row of a) for (const v of row) expect(v >= -1 && v < 1).toBe(true);
		expect(Matrix.randomNormal(3, 1, new RandomGenerator(2))).toEqual(Matrix.randomNormal(3, 1, new RandomGenerator(2)));
	});
	it("rejects bad sizes and data with messages naming the argument", () => {
		expectError(() => Matrix.zeros(0, 2), "Matrix.filled: rows must be an integer ≥ 1, got 0");
		expectError(() => Matrix.fromArray([[1, 2], [3]]), "data must be rectangular, but row 2 has 1 columns and row 1 has 2");
		expectError(() => Matrix.fromArray([[1, 0 / 0]]), "data[1][2] must be finite, got nan");
		expectError(() => Matrix.fromArray([] as never), "data must have at least one row");
		expectError(() => Matrix.fromArray([[1, "x" as never]]), "data[1][2] must be a number, got string");
		expectError(() => Matrix.randomNormal(1, 1, new RandomGenerator(1), 0, -1), "std must be ≥ 0");
	});
});

describe("shape and access", () => {
	it("reads sizes, entries, rows, columns and slices (0-based)", () => {
		expect(Matrix.shapeOf(A)).toEqual([2, 3]);
		expect(Matrix.get(A, 1, 2)).toBe(6);
		expect(Matrix.getRow(A, 1)).toEqual([[4, 5, 6]]);
		expect(Matrix.getColumn(A, 1)).toEqual([[2], [5]]);
		expect(Matrix.sliceRows(B, 1, 3)).toEqual([
			[9, 10],
			[11, 12],
		]);
		expect(Matrix.selectRows(B, [2, 0])).toEqual([
			[11, 12],
			[7, 8],
		]);
		const m = Matrix.zeros(1, 1);
		Matrix.set(m, 0, 0, 5);
		expect(m).toEqual([[5]]);
	});
	it("concatenates, transposes, flattens and reshapes", () => {
		expect(Matrix.concatHorizontal([[1], [2]], [[3, 4], [5, 6]])).toEqual([
			[1, 3, 4],
			[2, 5, 6],
		]);
		expect(Matrix.concatVertical([[1, 2]], [[3, 4]])).toEqual([
			[1, 2],
			[3, 4],
		]);
		expect(Matrix.transpose(A)).toEqual([
			[1, 4],
			[2, 5],
			[3, 6],
		]);
		expect(Matrix.transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
		expect(Matrix.flatten(A)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(Matrix.reshape([1, 2, 3, 4, 5, 6], 3, 2)).toEqual([
			[1, 2],
			[3, 4],
			[5, 6],
		]);
	});
	it("rejects out-of-range indices and mismatched joins", () => {
		expectError(() => Matrix.get(A, 2, 0), "Matrix.get: i must be an integer in [0, 1], got 2");
		expectError(() => Matrix.getColumn(A, 3), "j must be an integer in [0, 2], got 3");
		expectError(() => Matrix.sliceRows(A, 1, 1), "endExclusive must be an integer in [2, 2], got 1");
		expectError(() => Matrix.selectRows(A, [0, 5]), "indices[2] must be a row index in [0, 1], got 5");
		expectError(() => Matrix.concatHorizontal(A, B), "cannot join 2×3 and 3×2 side by side");
		expectError(() => Matrix.concatVertical(A, B), "cannot stack 2×3 on 3×2");
		expectError(() => Matrix.reshape([1, 2, 3], 2, 2), "3 values cannot fill 2×2");
	});
});

describe("element-wise", () => {
	it("broadcasts scalars, rows and columns", () => {
		expect(Matrix.add(A, 1)).toEqual([
			[2, 3, 4],
			[5, 6, 7],
		]);
		expect(Matrix.subtract(A, [[1, 2, 3]])).toEqual([
			[0, 0, 0],
			[3, 3, 3],
		]);
		expect(Matrix.multiply(A, [[2], [10]])).toEqual([
			[2, 4, 6],
			[40, 50, 60],
		]);
		expect(Matrix.divide(A, A)).toEqual(Matrix.ones(2, 3));
		expect(Matrix.power([[2, 3]], 2)).toEqual([[4, 9]]);
		expect(Matrix.scale([[1], [-2]], 3)).toEqual([[3], [-6]]);
		expect(Matrix.negate([[1, -1]])).toEqual([[-1, 1]]);
		expect(Matrix.map(A, (v, i, j) => v * 10 + i + j)).toEqual([
			[10, 21, 32],
			[41, 52, 63],
		]);
		expect(Matrix.greaterThan(A, 3)).toEqual([
			[0, 0, 0],
			[1, 1, 1],
		]);
		expect(Matrix.lessThan([[1, 5]], [[2, 2]])).toEqual([[1, 0]]);
		expect(Matrix.equalTo([[1, 5]], 5)).toEqual([[0, 1]]);
		expect(Matrix.clip([[-5, 0.5, 5]], 0, 1)).toEqual([[0, 0.5, 1]]);
	});
	it("names both shapes when they cannot broadcast", () => {
		expectError(() => Matrix.add(A, B), "Matrix.add: shapes 2×3 and 3×2 are not compatible (b must be 2×3, 1×3, 2×1 or a number)");
		expectError(() => Matrix.multiply(A, [[1, 2]]), "Matrix.multiply: shapes 2×3 and 1×2");
	});
});

describe("products and norms", () => {
	it("multiplies matrices, including 1×n and n×1 and odd sizes", () => {
		expect(Matrix.matmul(A, B)).toEqual([
			[58, 64],
			[139, 154],
		]);
		expect(Matrix.matmul([[1, 2, 3]], [[1], [2], [3]])).toEqual([[14]]);
		expect(Matrix.matmul([[1], [2]], [[3, 4]])).toEqual([
			[3, 4],
			[6, 8],
		]);
		// 3×5 · 5×3 exercises the two-row pass, the odd last row and the unroll remainder.
		const left = Matrix.reshape([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 3, 5);
		const right = Matrix.transpose(left);
		expect(Matrix.matmul(left, right)).toEqual([
			[55, 130, 205],
			[130, 330, 530],
			[205, 530, 855],
		]);
		expect(Matrix.gram(right)).toEqual(Matrix.matmul(left, right));
		expect(Matrix.transposeMatmul(B, B)).toEqual(Matrix.matmul(Matrix.transpose(B), B));
		expect(Matrix.matmulTranspose(A, A)).toEqual(Matrix.matmul(A, Matrix.transpose(A)));
		expect(Matrix.matVec(A, [1, 0, -1])).toEqual([-2, -2]);
		expect(Matrix.outer([1, 2], [3, 4, 5])).toEqual([
			[3, 4, 5],
			[6, 8, 10],
		]);
		expect(Matrix.dot([1, 2, 3], [4, 5, 6])).toBe(32);
	});
	it("computes norms and trace", () => {
		expectClose(Matrix.frobeniusNorm([[3, 4]]), 5);
		expectClose(Matrix.vectorNorm([1, 2, 2]), 3);
		// singular values of [[3,0],[4,5]] are √45 and √5
		expectClose(Matrix.spectralNorm([[3, 0], [4, 5]]), math.sqrt(45), 1e-9);
		expect(Matrix.trace([[1, 2], [3, 4]])).toBe(5);
	});
	it("rejects misaligned products", () => {
		expectError(() => Matrix.matmul(A, A), "Matrix.matmul: cannot multiply 2×3 by 2×3 (a has 3 columns, b has 2 rows)");
		expectError(() => Matrix.matVec(A, [1, 2]), "cannot multiply 2×3 by a vector of length 2");
		expectError(() => Matrix.transposeMatmul(A, B), "row counts differ");
		expectError(() => Matrix.matmulTranspose(A, B), "column counts differ");
		expectError(() => Matrix.dot([1], [1, 2]), "vectors must have equal length, got 1 and 2");
		expectError(() => Matrix.trace(A), "matrix must be square, got 2×3");
	});
});

describe("reductions", () => {
	const M = [
		[1, 5, 3],
		[4, 2, 6],
	];
	it("reduces over everything and along each axis", () => {
		expect(Matrix.sum(M)).toBe(21);
		expect(Matrix.sum(M, 0)).toEqual([[5, 7, 9]]);
		expect(Matrix.sum(M, 1)).toEqual([[9], [12]]);
		expect(Matrix.mean(M)).toBe(3.5);
		expect(Matrix.mean(M, 0)).toEqual([[2.5, 3.5, 4.5]]);
		expect(Matrix.mean(M, 1)).toEqual([[3], [4]]);
		expectClose(Matrix.variance(M), 17.5 / 6);
		expect(Matrix.variance(M, 0)).toEqual([[2.25, 2.25, 2.25]]);
		expect(Matrix.variance(M, 1, 1)).toEqual([[4], [4]]);
		expect(Matrix.standardDeviation(M, 0)).toEqual([[1.5, 1.5, 1.5]]);
		expect(Matrix.min(M)).toBe(1);
		expect(Matrix.max(M)).toBe(6);
		expect(Matrix.min(M, 0)).toEqual([[1, 2, 3]]);
		expect(Matrix.max(M, 1)).toEqual([[5], [6]]);
		expect(Matrix.argmax(M)).toEqual([1, 2]);
		expect(Matrix.argmin(M)).toEqual([0, 0]);
		expect(Matrix.argmax(M, 1)).toEqual([1, 2]);
		expect(Matrix.argmin(M, 0)).toEqual([0, 1, 0]);
		expect(Matrix.argmax([[2, 2]], 1)).toEqual([0]);
	});
	it("rejects bad axes and degrees of freedom", () => {
		expectError(() => Matrix.sum(M, 2 as never), "axis must be 0 (down rows) or 1 (across columns), got 2");
		expectError(() => Matrix.variance([[1, 2]], 0, 1), "ddof 1 leaves no degrees of freedom for 1 entries");
	});
});

describe("in place", () => {
	it("updates the target and returns it", () => {
		const t = [
			[1, 2],
			[3, 4],
		];
		expect(Matrix.addInPlace(t, Matrix.ones(2, 2))).toBe(t);
		expect(t).toEqual([
			[2, 3],
			[4, 5],
		]);
		Matrix.subtractInPlace(t, [
			[1, 1],
			[1, 1],
		]);
		Matrix.multiplyInPlace(t, [
			[2, 2],
			[2, 2],
		]);
		Matrix.scaleInPlace(t, 0.5);
		expect(t).toEqual([
			[1, 2],
			[3, 4],
		]);
		Matrix.addScaledInPlace(t, Matrix.ones(2, 2), -1);
		expect(t).toEqual([
			[0, 1],
			[2, 3],
		]);
		Matrix.mapInPlace(t, (v) => v * v);
		expect(t).toEqual([
			[0, 1],
			[4, 9],
		]);
		Matrix.copyInto(t, Matrix.identity(2));
		expect(t).toEqual(Matrix.identity(2));
		Matrix.fillInPlace(t, 3);
		expect(t).toEqual(Matrix.filled(2, 2, 3));
		const out = Matrix.zeros(2, 2);
		Matrix.matmulInto(out, A, B);
		expect(out).toEqual([
			[58, 64],
			[139, 154],
		]);
	});
	it("rejects mismatched shapes", () => {
		expectError(() => Matrix.addInPlace(Matrix.zeros(2, 2), Matrix.zeros(2, 3)), "Matrix.addInPlace: shapes 2×2 and 2×3 must match");
		expectError(() => Matrix.matmulInto(Matrix.zeros(2, 3), A, B), "cannot write 2×3 · 3×2 into 2×3");
	});
});

describe("linear algebra", () => {
	const S = [
		[4, 2, 0.6],
		[2, 5, 1],
		[0.6, 1, 3],
	];
	it("factorizes with Cholesky and solves", () => {
		const L = Matrix.cholesky([
			[4, 2],
			[2, 5],
		]);
		expect(L).toEqual([
			[2, 0],
			[1, 2],
		]);
		expectMatrixClose(Matrix.matmulTranspose(Matrix.cholesky(S), Matrix.cholesky(S)), S, 1e-12);
		const x = [[1], [-2], [3]];
		expectMatrixClose(Matrix.solveCholesky(Matrix.cholesky(S), Matrix.matmul(S, x)), x, 1e-12);
	});
	it("solves with LU and partial pivoting, inverts, and takes determinants", () => {
		const P = [
			[0, 2, 1],
			[1, 1, 0],
			[3, 0, 1],
		];
		const x = [
			[1, 2],
			[3, 4],
			[5, 6],
		];
		expectMatrixClose(Matrix.solve(P, Matrix.matmul(P, x)), x, 1e-12);
		expectMatrixClose(Matrix.matmul(Matrix.inverse(P), P), Matrix.identity(3), 1e-12);
		// det P = 0(1·1−0·0) − 2(1·1−0·3) + 1(1·0−1·3) = −5
		expectClose(Matrix.determinant(P), -5, 1e-12);
		expect(Matrix.determinant([[1, 2], [2, 4]])).toBe(0);
	});
	it("solves least squares and the ridge system with an unpenalized bias", () => {
		// y = 1 + 2x exactly
		const X = [
			[1, 0],
			[1, 1],
			[1, 2],
		];
		const y = [[1], [3], [5]];
		expectMatrixClose(Matrix.leastSquares(X, y), [[1], [2]], 1e-12);
		// (XᵀX + diag(0, 1)) w = Xᵀy: XᵀX = [[3,3],[3,5]], Xᵀy = [[9],[13]] → [[3,3],[3,6]] w = [[9],[13]]
		// w2 = (13 − 9)/3 = 4/3, w1 = 3 − 4/3 = 5/3
		expectMatrixClose(Matrix.solveRidge(Matrix.gram(X), Matrix.transposeMatmul(X, y), 1, [0]), [[5 / 3], [4 / 3]], 1e-12);
	});
	it("finds symmetric eigenpairs (A·v = λ·v), largest first", () => {
		const { values, vectors } = Matrix.symmetricEigen([
			[2, 1],
			[1, 2],
		]);
		expectClose(values[0], 3, 1e-12);
		expectClose(values[1], 1, 1e-12);
		const r = 1 / math.sqrt(2);
		expectMatrixClose(vectors, [
			[r, r],
			[r, -r],
		], 1e-9);
		const eig = Matrix.symmetricEigen(S);
		for (const k of $range(0, 2)) {
			const v = Matrix.getColumn(eig.vectors, k);
			expectMatrixClose(Matrix.matmul(S, v), Matrix.scale(v, eig.values[k]), 1e-9);
		}
		expectClose(eig.values[0] + eig.values[1] + eig.values[2], Matrix.trace(S), 1e-12);
	});
	it("says when a system is singular or not positive definite", () => {
		expectError(() => Matrix.solve([[1, 2], [2, 4]], [[1], [2]]), "Matrix.solve: matrix is singular (pivot 0 at column 2)");
		expectError(() => Matrix.inverse([[0, 0], [0, 0]]), "Matrix.inverse: matrix is singular (pivot 0 at column 1)");
		expectError(() => Matrix.cholesky([[1, 2], [2, 1]]), "Matrix.cholesky: matrix is not positive definite (pivot -3 at row 2)");
		expectError(() => Matrix.solve(A, [[1], [2]]), "Matrix.solve: a must be square, got 2×3");
		expectError(() => Matrix.solveRidge([[1, 1], [1, 1]], [[1], [1]], 0), "the system is singular");
		expectError(() => Matrix.solveRidge(Matrix.identity(2), [[1], [1]], -1), "lambda must be a number ≥ 0, got -1");
	});
});
