import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import { Matrix, RandomGenerator } from "../../src/matrix";

const S = [
	[4, 2, 0.6],
	[2, 5, 1],
	[0.6, 1, 3],
];
// det P = 0·(1·1 − 0·0) − 2·(1·1 − 0·3) + 1·(1·0 − 1·3) = −5
const P = [
	[0, 2, 1],
	[1, 1, 0],
	[3, 0, 1],
];

describe("Matrix Cholesky", () => {
	it("factorizes hand-computed examples", () => {
		expect(
			Matrix.cholesky([
				[4, 2],
				[2, 5],
			]),
		).toEqual([
			[2, 0],
			[1, 2],
		]);
		expect(
			Matrix.cholesky([
				[4, 12, -16],
				[12, 37, -43],
				[-16, -43, 98],
			]),
		).toEqual([
			[2, 0, 0],
			[6, 1, 0],
			[-8, 5, 3],
		]);
		expect(Matrix.cholesky([[9]])).toEqual([[3]]);
	});
	it("gives L·Lᵀ = A and solves through the factor", () => {
		const L = Matrix.cholesky(S);
		expectMatrixClose(Matrix.matmulTranspose(L, L), S, 1e-14);
		const x = [
			[1, 0],
			[-2, 1],
			[3, 2],
		];
		expectMatrixClose(Matrix.solveCholesky(L, Matrix.matmul(S, x)), x, 1e-13);
		expectMatrixClose(Matrix.solveCholesky([[3]], [[6, 9]]), [[2 / 3, 1]], 1e-15);
	});
	it("says when the matrix is not square, not symmetric or not positive definite", () => {
		expectError(() => Matrix.cholesky([[1, 2]]), "[Hivemind] Matrix.cholesky: matrix must be square, got 1×2");
		expectError(
			() =>
				Matrix.cholesky([
					[1, 2],
					[3, 4],
				]),
			"[Hivemind] Matrix.cholesky: matrix must be symmetric, got a[1][2] = 2 and a[2][1] = 3",
		);
		expectError(
			() =>
				Matrix.cholesky([
					[1, 2],
					[2, 1],
				]),
			"[Hivemind] Matrix.cholesky: matrix is not positive definite (pivot -3 at row 2)",
		);
		expectError(
			() =>
				Matrix.cholesky([
					[1, 1],
					[1, 1],
				]),
			"[Hivemind] Matrix.cholesky: matrix is not positive definite (pivot 0 at row 2)",
		);
		expectError(() => Matrix.cholesky([[-1]]), "matrix is not positive definite (pivot -1 at row 1)");
		expectError(() => Matrix.cholesky(2 as never), "[Hivemind] Matrix.cholesky: a must be a matrix (array of rows), got number");
		expectError(() => Matrix.solveCholesky([[1]], [[1], [2]]), "[Hivemind] Matrix.solveCholesky: right-hand side must have 1 rows, got 2×1");
		expectError(() => Matrix.solveCholesky([[1, 0]], [[1]]), "[Hivemind] Matrix.solveCholesky: l must be square, got 1×2");
	});
	it("factorizes and solves into given matrices: the hand-computed factor, the upper triangle zeroed, b solved in place", () => {
		const A = [
			[4, 12, -16],
			[12, 37, -43],
			[-16, -43, 98],
		];
		const out = [
			[7, 7, 7],
			[7, 7, 7],
			[7, 7, 7],
		];
		expect(Matrix.choleskyInto(out, A) === out).toBe(true);
		expect(out).toEqual([
			[2, 0, 0],
			[6, 1, 0],
			[-8, 5, 3],
		]);
		// A·[1, 2, 3]ᵀ = [−20, −43, 192]ᵀ by hand; all in integers, so exact
		const b = [[-20], [-43], [192]];
		const x = [[0], [0], [0]];
		expect(Matrix.solveCholeskyInto(x, out, b) === x).toBe(true);
		expect(x).toEqual([[1], [2], [3]]);
		expect(b).toEqual([[-20], [-43], [192]]);
		// in place (out = b), and bit for bit the allocating solve on a system that rounds
		const L = Matrix.cholesky(S);
		const rhs = [
			[1, 0.3],
			[-2, 1],
			[0.7, 2],
		];
		const expected = Matrix.solveCholesky(L, rhs);
		expect(Matrix.solveCholeskyInto(rhs, L, rhs)).toEqual(expected);
	});
	it("says what is wrong with choleskyInto's and solveCholeskyInto's arguments", () => {
		const square = [
			[4, 2],
			[2, 5],
		];
		expectError(() => Matrix.choleskyInto([[0, 0]], square), "[Hivemind] Matrix.choleskyInto: out must be 2×2 like a, got 1×2");
		expectError(() => Matrix.choleskyInto(square, square), "[Hivemind] Matrix.choleskyInto: out must not be a");
		expectError(
			() => Matrix.choleskyInto(2 as never, square),
			"[Hivemind] Matrix.choleskyInto: out must be a matrix (array of rows), got number",
		);
		expectError(() => Matrix.choleskyInto([[0]], [[1, 2]]), "[Hivemind] Matrix.choleskyInto: matrix must be square, got 1×2");
		expectError(
			() =>
				Matrix.choleskyInto(
					[
						[0, 0],
						[0, 0],
					],
					[
						[1, 2],
						[2, 1],
					],
				),
			"[Hivemind] Matrix.choleskyInto: matrix is not positive definite (pivot -3 at row 2)",
		);
		expectError(
			() => Matrix.solveCholeskyInto([[0]], [[1]], [[1], [2]]),
			"[Hivemind] Matrix.solveCholeskyInto: right-hand side must have 1 rows, got 2×1",
		);
		expectError(() => Matrix.solveCholeskyInto([[0, 0]], [[2]], [[1]]), "[Hivemind] Matrix.solveCholeskyInto: out must be 1×1 like b, got 1×2");
		expectError(() => Matrix.solveCholeskyInto([[0]], [[1, 0]], [[1]]), "[Hivemind] Matrix.solveCholeskyInto: l must be square, got 1×2");
	});
});

describe("Matrix LU, solve, inverse and determinant", () => {
	it("decomposes with partial pivoting (hand-computed)", () => {
		// Column 1 pivots on row 3 (|3|), column 2 on the old row 1 (|2|): PA = LU with
		// L = [[1,0,0],[0,1,0],[1/3,1/2,1]], U = [[3,0,1],[0,2,1],[0,0,−5/6]].
		const d = Matrix.luDecompose(P);
		expect(d.pivots).toEqual([2, 0, 1]);
		expect(d.sign).toBe(1);
		expect(d.singular).toBe(false);
		expectMatrixClose(
			d.lu,
			[
				[3, 0, 1],
				[0, 2, 1],
				[1 / 3, 1 / 2, -5 / 6],
			],
			1e-15,
		);
		expectMatrixClose(Matrix.luSolve(d, [[7], [3], [6]]), [[1], [2], [3]], 1e-14);
	});
	it("solves, inverts and takes determinants of known matrices", () => {
		// P·(1, 2, 3) = (7, 3, 6)
		expectMatrixClose(Matrix.solve(P, [[7], [3], [6]]), [[1], [2], [3]], 1e-14);
		const x = [
			[1, 2],
			[3, 4],
			[5, 6],
		];
		expectMatrixClose(Matrix.solve(P, Matrix.matmul(P, x)), x, 1e-13);
		expectMatrixClose(Matrix.solve([[2]], [[3, 4]]), [[1.5, 2]], 1e-15);
		expectMatrixClose(
			Matrix.inverse([
				[4, 7],
				[2, 6],
			]),
			[
				[0.6, -0.7],
				[-0.2, 0.4],
			],
			1e-15,
		);
		expectMatrixClose(Matrix.matmul(Matrix.inverse(P), P), Matrix.identity(3), 1e-14);
		expectMatrixClose(Matrix.matmul(P, Matrix.inverse(P)), Matrix.identity(3), 1e-14);
		expectClose(Matrix.determinant(P), -5, 1e-14);
		expectClose(
			Matrix.determinant([
				[1, 2],
				[3, 4],
			]),
			-2,
			1e-14,
		);
		expectClose(
			Matrix.determinant([
				[2, -3, 1],
				[2, 0, -1],
				[1, 4, 5],
			]),
			49,
			1e-13,
		);
		expect(
			Matrix.determinant([
				[2, 1, 1],
				[0, 3, 1],
				[0, 0, 4],
			]),
		).toBe(24);
		expect(
			Matrix.determinant([
				[0, 1],
				[1, 0],
			]),
		).toBe(-1);
		expect(Matrix.determinant([[5]])).toBe(5);
		expect(
			Matrix.determinant([
				[1, 2],
				[2, 4],
			]),
		).toBe(0);
		expect(
			Matrix.determinant([
				[1e-20, 0],
				[0, 1],
			]),
		).toBe(1e-20);
	});
	it("solves a random well-conditioned system back to its solution", () => {
		const rng = new RandomGenerator(8);
		const a = Matrix.add(Matrix.randomNormal(12, 12, rng), Matrix.scale(Matrix.identity(12), 6));
		const x = Matrix.randomNormal(12, 2, rng);
		expectMatrixClose(Matrix.solve(a, Matrix.matmul(a, x)), x, 1e-12);
		expectMatrixClose(Matrix.matmul(Matrix.inverse(a), a), Matrix.identity(12), 1e-12);
	});
	it("says when a system is singular or malformed", () => {
		expectError(
			() =>
				Matrix.solve(
					[
						[1, 2],
						[2, 4],
					],
					[[1], [2]],
				),
			"[Hivemind] Matrix.solve: matrix is singular (pivot 0 at column 2)",
		);
		expectError(
			() =>
				Matrix.inverse([
					[0, 0],
					[0, 0],
				]),
			"[Hivemind] Matrix.inverse: matrix is singular (pivot 0 at column 1)",
		);
		expectError(() => Matrix.solve([[1, 2, 3]], [[1]]), "[Hivemind] Matrix.solve: a must be square, got 1×3");
		expectError(() => Matrix.solve([[1]], [[1], [2]]), "[Hivemind] Matrix.solve: b must have 1 rows, got 2×1");
		expectError(() => Matrix.solve([[0 / 0]], [[1]]), "[Hivemind] Matrix.solve: a[1][1] must be finite");
		expectError(() => Matrix.inverse([[1, 2]]), "[Hivemind] Matrix.inverse: a must be square, got 1×2");
		expectError(() => Matrix.determinant([[1], [2]]), "[Hivemind] Matrix.determinant: a must be square, got 2×1");
		expectError(() => Matrix.luDecompose([[1, 2]]), "[Hivemind] Matrix.luDecompose: matrix must be square, got 1×2");
		expectError(() => Matrix.luSolve(Matrix.luDecompose(P), [[1]]), "[Hivemind] Matrix.luSolve: right-hand side must have 3 rows, got 1×1");
		expectError(
			() =>
				Matrix.luSolve(
					Matrix.luDecompose([
						[1, 1],
						[1, 1],
					]),
					[[1], [1]],
				),
			"[Hivemind] Matrix.luSolve: matrix is singular (pivot 0 at column 2)",
		);
		expectError(() => Matrix.luSolve(5 as never, [[1]]), "[Hivemind] Matrix.luSolve: decomposition must come from luDecompose, got number");
	});
});

describe("Matrix least squares and ridge", () => {
	it("fits exact and noisy data by the normal equations", () => {
		expectMatrixClose(
			Matrix.leastSquares(
				[
					[1, 0],
					[1, 1],
					[1, 2],
				],
				[[1], [3], [5]],
			),
			[[1], [2]],
			1e-13,
		);
		// XᵀX = [[4, 6], [6, 14]], Xᵀy = [[9], [18]] → w = (1/20)·[[14, −6], [−6, 4]]·(9, 18) = (0.9, 0.9)
		expectMatrixClose(
			Matrix.leastSquares(
				[
					[1, 0],
					[1, 1],
					[1, 2],
					[1, 3],
				],
				[[1], [2], [2], [4]],
			),
			[[0.9], [0.9]],
			1e-13,
		);
	});
	it("solves the ridge system, leaving unpenalized indices alone", () => {
		const X = [
			[1, 0],
			[1, 1],
			[1, 2],
		];
		const xtx = Matrix.gram(X); // [[3, 3], [3, 5]]
		const xty = Matrix.transposeMatmul(X, [[1], [3], [5]]); // [[9], [13]]
		// (XᵀX + diag(0, 1))·w = Xᵀy: [[3, 3], [3, 6]]·w = (9, 13) → w = (5/3, 4/3)
		expectMatrixClose(Matrix.solveRidge(xtx, xty, 1, [0]), [[5 / 3], [4 / 3]], 1e-14);
		// (XᵀX + I)·w = Xᵀy: [[4, 3], [3, 6]]·w = (9, 13) → w = (1/15)·(54 − 39, −27 + 52) = (1, 5/3)
		expectMatrixClose(Matrix.solveRidge(xtx, xty, 1), [[1], [5 / 3]], 1e-14);
		expectMatrixClose(Matrix.solveRidge(xtx, xty, 0), [[1], [2]], 1e-13);
		// Singular XᵀX made solvable by λ
		expectMatrixClose(
			Matrix.solveRidge(
				[
					[1, 1],
					[1, 1],
				],
				[[2], [2]],
				1,
			),
			[[2 / 3], [2 / 3]],
			1e-14,
		);
		// A non-symmetric system falls back to LU
		expectMatrixClose(
			Matrix.solveRidge(
				[
					[2, 1],
					[0, 1],
				],
				[[3], [1]],
				0,
			),
			[[1], [1]],
			1e-14,
		);
	});
	it("says when the system is singular and rejects bad arguments", () => {
		expectError(
			() =>
				Matrix.solveRidge(
					[
						[1, 1],
						[1, 1],
					],
					[[1], [1]],
					0,
				),
			"[Hivemind] Matrix.solveRidge: the system is singular (pivot 0 at column 2); add regularization",
		);
		expectError(
			() =>
				Matrix.leastSquares(
					[
						[1, 1],
						[2, 2],
						[3, 3],
					],
					[[1], [2], [3]],
				),
			"[Hivemind] Matrix.leastSquares: the system is singular",
		);
		expectError(
			() => Matrix.leastSquares([[1], [2]], [[1]]),
			"[Hivemind] Matrix.leastSquares: x and y must have the same number of rows, got 2×1 and 1×1",
		);
		expectError(() => Matrix.leastSquares([[1], [math.huge]], [[1], [1]]), "[Hivemind] Matrix.leastSquares: x[2][1] must be finite");
		expectError(
			() => Matrix.solveRidge(Matrix.identity(2), [[1], [1]], -1),
			"[Hivemind] Matrix.solveRidge: lambda must be a finite number ≥ 0, got -1",
		);
		expectError(() => Matrix.solveRidge(Matrix.identity(2), [[1], [1]], 0 / 0), "lambda must be a finite number ≥ 0, got");
		expectError(
			() => Matrix.solveRidge(Matrix.identity(2), [[1], [1], [1]], 1),
			"[Hivemind] Matrix.solveRidge: xty must have 2 rows like xtx, got 3×1",
		);
		expectError(() => Matrix.solveRidge([[1, 2]], [[1]], 1), "[Hivemind] Matrix.solveRidge: xtx must be square, got 1×2");
		expectError(
			() => Matrix.solveRidge(Matrix.identity(2), [[1], [1]], 1, [2]),
			"[Hivemind] Matrix.solveRidge: unpenalized[1] must be an index in [0, 1], got 2",
		);
		expectError(
			() => Matrix.solveRidge(Matrix.identity(2), [[1], [1]], 1, 0 as never),
			"[Hivemind] Matrix.solveRidge: unpenalized must be an array of indices, got number",
		);
	});
});

describe("Matrix symmetric eigen-decomposition", () => {
	it("finds known eigenpairs, largest first, largest component positive", () => {
		const two = Matrix.symmetricEigen([
			[2, 1],
			[1, 2],
		]);
		expectClose(two.values[0], 3, 1e-14);
		expectClose(two.values[1], 1, 1e-14);
		const r = 1 / math.sqrt(2);
		expectMatrixClose(
			two.vectors,
			[
				[r, r],
				[r, -r],
			],
			1e-12,
		);
		// The second-difference matrix has eigenvalues 2 + √2, 2, 2 − √2
		const tri = Matrix.symmetricEigen([
			[2, -1, 0],
			[-1, 2, -1],
			[0, -1, 2],
		]);
		expectClose(tri.values[0], 2 + math.sqrt(2), 1e-13);
		expectClose(tri.values[1], 2, 1e-13);
		expectClose(tri.values[2], 2 - math.sqrt(2), 1e-13);
		expectMatrixClose(
			tri.vectors,
			[
				[-0.5, r, 0.5],
				[r, 0, r],
				[-0.5, -r, 0.5],
			],
			1e-12,
		);
		const diag = Matrix.symmetricEigen([
			[1, 0],
			[0, 3],
		]);
		expect(diag.values).toEqual([3, 1]);
		expect(diag.vectors).toEqual([
			[0, 1],
			[1, 0],
		]);
		expect(Matrix.symmetricEigen([[-4]])).toEqual({ values: [-4], vectors: [[1]] });
	});
	it("satisfies A·v = λ·v with orthonormal vectors", () => {
		const eig = Matrix.symmetricEigen(S);
		for (const k of $range(0, 2)) {
			const v = Matrix.getColumn(eig.vectors, k);
			expectMatrixClose(Matrix.matmul(S, v), Matrix.scale(v, eig.values[k]), 1e-12);
		}
		expectMatrixClose(Matrix.gram(eig.vectors), Matrix.identity(3), 1e-12);
		expectClose(eig.values[0] + eig.values[1] + eig.values[2], Matrix.trace(S), 1e-13);
		expect(eig.values[0] >= eig.values[1] && eig.values[1] >= eig.values[2]).toBe(true);
	});
	it("rejects non-square, non-symmetric and non-finite input", () => {
		expectError(() => Matrix.symmetricEigen([[1, 2]]), "[Hivemind] Matrix.symmetricEigen: matrix must be square, got 1×2");
		expectError(
			() =>
				Matrix.symmetricEigen([
					[1, 1],
					[2, 1],
				]),
			"[Hivemind] Matrix.symmetricEigen: matrix must be symmetric, got a[1][2] = 1 and a[2][1] = 2",
		);
		expectError(() => Matrix.symmetricEigen([[0 / 0]]), "[Hivemind] Matrix.symmetricEigen: a[1][1] must be finite");
	});
});
