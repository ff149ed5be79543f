import { describe, expect, it } from "../support/jest-globals.d";
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

/** The textbook triple loop, an independent oracle for the blocked kernels. */
function naiveProduct(a: Array<Array<number>>, b: Array<Array<number>>) {
	const out = new Array<Array<number>>();
	for (const i of $range(0, a.size() - 1)) {
		const row = new Array<number>();
		for (const j of $range(0, b[0].size() - 1)) {
			let s = 0;
			for (const k of $range(0, b.size() - 1)) s += a[i][k] * b[k][j];
			row.push(s);
		}
		out.push(row);
	}
	return out;
}

/** Small integers, so products are exact and can be compared with toEqual. */
function integerMatrix(rows: number, cols: number, rng: RandomGenerator) {
	return Matrix.map(Matrix.zeros(rows, cols), () => rng.integer(-9, 9));
}

describe("Matrix products", () => {
	it("multiplies by hand-computed examples, including 1×n, n×1 and non-square shapes", () => {
		expect(Matrix.matmul(A, B)).toEqual([
			[58, 64],
			[139, 154],
		]);
		expect(Matrix.matmul([[1, 2, 3]], [[1], [2], [3]])).toEqual([[14]]);
		expect(Matrix.matmul([[1], [2]], [[3, 4]])).toEqual([
			[3, 4],
			[6, 8],
		]);
		expect(Matrix.matmul([[2]], [[3, -1]])).toEqual([[6, -2]]);
		// 3×5 · 5×3: one pair of rows plus an odd row, one block of four inner terms plus one
		const left = Matrix.reshape([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 3, 5);
		expect(Matrix.matmul(left, Matrix.transpose(left))).toEqual([
			[55, 130, 205],
			[130, 330, 530],
			[205, 530, 855],
		]);
	});

	it("agrees exactly with the naive triple loop on every small shape", () => {
		const rng = new RandomGenerator(11);
		for (const r of $range(1, 6)) {
			for (const n of $range(1, 9)) {
				const c = ((r + n) % 5) + 1;
				const a = integerMatrix(r, n, rng);
				const b = integerMatrix(n, c, rng);
				expect(Matrix.matmul(a, b)).toEqual(naiveProduct(a, b));
			}
		}
	});

	it("computes the transposed products without forming a transpose", () => {
		expect(Matrix.transposeMatmul(B, B)).toEqual([
			[251, 278],
			[278, 308],
		]);
		expect(Matrix.transposeMatmul(B, [[1], [0], [-1]])).toEqual([[-4], [-4]]);
		expect(Matrix.transposeMatmul([[1, 2]], [[3, 4, 5]])).toEqual([
			[3, 4, 5],
			[6, 8, 10],
		]);
		const rng = new RandomGenerator(5);
		for (const n of $range(1, 9)) {
			const a = integerMatrix(n, 3, rng);
			const b1 = integerMatrix(n, 1, rng);
			const b3 = integerMatrix(n, 3, rng);
			expect(Matrix.transposeMatmul(a, b1)).toEqual(naiveProduct(Matrix.transpose(a), b1));
			expect(Matrix.transposeMatmul(a, b3)).toEqual(naiveProduct(Matrix.transpose(a), b3));
			expect(Matrix.matmulTranspose(a, b3)).toEqual(naiveProduct(a, Matrix.transpose(b3)));
			expect(Matrix.gram(a)).toEqual(naiveProduct(Matrix.transpose(a), a));
		}
		expect(Matrix.matmulTranspose(A, A)).toEqual([
			[14, 32],
			[32, 77],
		]);
		expect(Matrix.gram(B)).toEqual([
			[251, 278],
			[278, 308],
		]);
		expect(Matrix.gram([[1, 2, 3]])).toEqual([
			[1, 2, 3],
			[2, 4, 6],
			[3, 6, 9],
		]);
	});

	it("multiplies matrices by vectors, and vectors together", () => {
		expect(Matrix.matVec(A, [1, 0, -1])).toEqual([-2, -2]);
		expect(Matrix.matVec([[2], [3]], [4])).toEqual([8, 12]);
		expect(Matrix.outer([1, 2], [3, 4, 5])).toEqual([
			[3, 4, 5],
			[6, 8, 10],
		]);
		expect(Matrix.outer([2], [3])).toEqual([[6]]);
		expect(Matrix.dot([1, 2, 3], [4, 5, 6])).toBe(32);
		expect(Matrix.dot([-2], [3])).toBe(-6);
	});

	it("writes products into existing matrices", () => {
		const out = Matrix.filled(2, 2, 99);
		expect(Matrix.matmulInto(out, A, B)).toBe(out);
		expect(out).toEqual([
			[58, 64],
			[139, 154],
		]);
		const g = Matrix.filled(2, 2, 99);
		Matrix.transposeMatmulInto(g, B, B);
		expect(g).toEqual([
			[251, 278],
			[278, 308],
		]);
		const g1 = Matrix.filled(2, 1, 99);
		Matrix.transposeMatmulInto(g1, B, [[1], [0], [-1]]);
		expect(g1).toEqual([[-4], [-4]]);
	});

	it("rejects misaligned products, naming both shapes", () => {
		expectError(() => Matrix.matmul(A, A), "[Hivemind] Matrix.matmul: cannot multiply 2×3 by 2×3 (a has 3 columns, b has 2 rows)");
		expectError(() => Matrix.matmul(A, 2 as never), "[Hivemind] Matrix.matmul: b must be a matrix (array of rows), got number");
		expectError(() => Matrix.matmul([[]], A), "[Hivemind] Matrix.matmul: a must be a matrix (array of rows), got 1×0");
		expectError(() => Matrix.matVec(A, [1, 2]), "[Hivemind] Matrix.matVec: cannot multiply 2×3 by a vector of length 2");
		expectError(() => Matrix.matVec(A, 5 as never), "[Hivemind] Matrix.matVec: cannot multiply 2×3 by a vector of length number");
		expectError(() => Matrix.outer([], [1]), "[Hivemind] Matrix.outer: u must be a non-empty array of numbers, got an empty table");
		expectError(() => Matrix.dot([1], [1, 2]), "[Hivemind] Matrix.dot: u and v must have equal length, got 1 and 2");
		expectError(() => Matrix.dot([1], 2 as never), "[Hivemind] Matrix.dot: u and v must be arrays of numbers, got table and number");
		expectError(
			() => Matrix.transposeMatmul(A, B),
			"[Hivemind] Matrix.transposeMatmul: cannot multiply the transpose of 2×3 by 3×2 (row counts differ)",
		);
		expectError(
			() => Matrix.matmulTranspose(A, B),
			"[Hivemind] Matrix.matmulTranspose: cannot multiply 2×3 by the transpose of 3×2 (column counts differ)",
		);
		expectError(() => Matrix.gram(1 as never), "[Hivemind] Matrix.gram: x must be a matrix (array of rows), got number");
		expectError(() => Matrix.matmulInto(Matrix.zeros(2, 3), A, B), "[Hivemind] Matrix.matmulInto: cannot write 2×3 · 3×2 into 2×3");
		expectError(() => Matrix.matmulInto(Matrix.zeros(2, 2), A, A), "cannot write 2×3 · 2×3 into 2×2");
		const square = Matrix.identity(2);
		expectError(() => Matrix.matmulInto(square, square, Matrix.identity(2)), "[Hivemind] Matrix.matmulInto: out must not be a or b");
		expectError(
			() => Matrix.transposeMatmulInto(Matrix.zeros(3, 2), B, B),
			"[Hivemind] Matrix.transposeMatmulInto: cannot write the transpose of 3×2 · 3×2 into 3×2",
		);
		expectError(
			() => Matrix.transposeMatmulInto(square, square, Matrix.identity(2)),
			"[Hivemind] Matrix.transposeMatmulInto: out must not be a or b",
		);
	});
});

describe("Matrix fused residual gradient", () => {
	// y = 1 + 2x, w = (1, 1): predictions 1, 2, 3, residuals 0, −1, −2.
	const X = [
		[1, 0],
		[1, 1],
		[1, 2],
	];
	it("returns xᵀ(x·w − y) and the summed squared residual for one output", () => {
		const out = Matrix.filled(2, 1, 99);
		const sse = Matrix.residualGradientInto(out, X, [[1], [1]], [[1], [3], [5]]);
		// xᵀr = (0 − 1 − 2, 0·0 + 1·(−1) + 2·(−2)) = (−3, −5); Σr² = 0 + 1 + 4
		expect(out).toEqual([[-3], [-5]]);
		expect(sse).toBe(5);
	});
	it("handles several outputs (w p×k, y n×k)", () => {
		const out = Matrix.filled(2, 2, 99);
		const sse = Matrix.residualGradientInto(
			out,
			X,
			[
				[1, 0],
				[1, 1],
			],
			[
				[1, 0],
				[3, 1],
				[5, 1],
			],
		);
		// x·w = [[1,0],[2,1],[3,2]], r = [[0,0],[−1,0],[−2,1]]
		expect(out).toEqual([
			[-3, 1],
			[-5, 2],
		]);
		expect(sse).toBe(6);
	});
	it("agrees with the unfused xᵀ(x·w − y)", () => {
		const rng = new RandomGenerator(3);
		const x = Matrix.randomNormal(9, 4, rng);
		const w = Matrix.randomNormal(4, 1, rng);
		const y = Matrix.randomNormal(9, 1, rng);
		const r = Matrix.subtract(Matrix.matmul(x, w), y);
		const out = Matrix.zeros(4, 1);
		const sse = Matrix.residualGradientInto(out, x, w, y);
		expectMatrixClose(out, Matrix.matmul(Matrix.transpose(x), r), 1e-12);
		expectClose(sse, Matrix.sum(Matrix.multiply(r, r)), 1e-12);
	});
	it("keeps each call's sums its own when two calls interleave (pacers that yield between blocks, as a frame budget does)", () => {
		const rng = new RandomGenerator(4);
		const [x1, w1, y1] = [Matrix.randomNormal(30, 4, rng), Matrix.randomNormal(4, 1, rng), Matrix.randomNormal(30, 1, rng)];
		const [x2, w2, y2] = [Matrix.randomNormal(21, 6, rng), Matrix.randomNormal(6, 1, rng), Matrix.randomNormal(21, 1, rng)];
		const alone1 = Matrix.zeros(4, 1);
		const alone2 = Matrix.zeros(6, 1);
		const losses = [Matrix.residualGradientInto(alone1, x1, w1, y1), Matrix.residualGradientInto(alone2, x2, w2, y2)];
		const yielding = { blockRows: 4, between: () => coroutine.yield() };
		const out1 = Matrix.zeros(4, 1);
		const out2 = Matrix.zeros(6, 1);
		const together = [0, 0];
		const threads = [
			coroutine.create(() => {
				together[0] = Matrix.residualGradientInto(out1, x1, w1, y1, yielding);
			}),
			coroutine.create(() => {
				together[1] = Matrix.residualGradientInto(out2, x2, w2, y2, yielding);
			}),
		];
		let rounds = 0;
		while (threads.some((t) => coroutine.status(t) !== "dead")) {
			for (const t of threads) if (coroutine.status(t) !== "dead") coroutine.resume(t);
			rounds += 1;
		}
		expect(rounds > 5).toBe(true);
		expect(together).toEqual(losses);
		expect(out1).toEqual(alone1);
		expect(out2).toEqual(alone2);
	});
	it("rejects mismatched shapes and an aliased output", () => {
		expectError(
			() => Matrix.residualGradientInto(Matrix.zeros(2, 1), X, [[1], [1]], [[1], [3]]),
			"[Hivemind] Matrix.residualGradientInto: shapes must be x n×p, w p×k, y n×k, out p×k, got x 3×2, w 2×1, y 2×1, out 2×1",
		);
		const w = [[1], [1]];
		expectError(() => Matrix.residualGradientInto(w, X, w, [[1], [3], [5]]), "[Hivemind] Matrix.residualGradientInto: out must not be w");
		expectError(() => Matrix.residualGradientInto(Matrix.zeros(2, 1), X, w, 3 as never), "Matrix.residualGradientInto: y must be a matrix");
	});
});

describe("Matrix norms and trace", () => {
	it("computes Frobenius, vector and spectral norms and the trace", () => {
		expect(Matrix.frobeniusNorm([[3, 4]])).toBe(5);
		expect(
			Matrix.frobeniusNorm([
				[1, 2],
				[2, 4],
			]),
		).toBe(5);
		expect(Matrix.vectorNorm([1, 2, 2])).toBe(3);
		// MᵀM = [[25, 20], [20, 25]] has eigenvalues 45 and 5
		expectClose(
			Matrix.spectralNorm([
				[3, 0],
				[4, 5],
			]),
			math.sqrt(45),
			1e-12,
		);
		expectClose(Matrix.spectralNorm([[1, 2, 2]]), 3, 1e-12);
		expectClose(Matrix.spectralNorm([[1], [2], [2]]), 3, 1e-12);
		expectClose(
			Matrix.spectralNorm([
				[2, 0],
				[0, -5],
			]),
			5,
			1e-12,
		);
		expect(
			Matrix.trace([
				[1, 2],
				[3, 4],
			]),
		).toBe(5);
		expect(Matrix.trace([[-3]])).toBe(-3);
	});
	it("rejects non-matrices and non-square traces", () => {
		expectError(() => Matrix.trace(A), "[Hivemind] Matrix.trace: matrix must be square, got 2×3");
		expectError(() => Matrix.frobeniusNorm(1 as never), "[Hivemind] Matrix.frobeniusNorm: m must be a matrix (array of rows), got number");
		expectError(() => Matrix.spectralNorm([] as never), "[Hivemind] Matrix.spectralNorm: m must be a matrix (array of rows), got an empty table");
		expectError(() => Matrix.vectorNorm(2 as never), "[Hivemind] Matrix.vectorNorm: v must be an array of numbers, got number");
	});
});
