//!native
/** Norms and trace. */
import { Matrix, Vector } from "./types";
import { assertMatrixShape, describeShape } from "./validate";
import { gram, matmulTranspose } from "./product";
import { symmetricEigen } from "./linalg/eigen";

/** √(Σ m²ᵢⱼ). */
export function frobeniusNorm(m: Matrix): number {
	assertMatrixShape(m, "m", "Matrix.frobeniusNorm");
	let s = 0;
	for (const row of m) for (const v of row) s += v * v;
	return math.sqrt(s);
}

/** The Euclidean length of a vector. */
export function vectorNorm(v: Vector): number {
	if (!typeIs(v, "table")) error(`[Hivemind] Matrix.vectorNorm: v must be an array of numbers, got ${typeOf(v)}`, 2);
	let s = 0;
	for (const x of v) s += x * x;
	return math.sqrt(s);
}

/** The spectral norm (largest singular value): √λmax of mᵀm or m·mᵀ, whichever is smaller. */
export function spectralNorm(m: Matrix): number {
	assertMatrixShape(m, "m", "Matrix.spectralNorm");
	const { values } = symmetricEigen(m.size() < m[0].size() ? matmulTranspose(m, m) : gram(m));
	return math.sqrt(math.max(0, values[0]));
}

/** Sum of the diagonal of a square matrix. */
export function trace(m: Matrix): number {
	assertMatrixShape(m, "m", "Matrix.trace");
	if (m.size() !== m[0].size()) error(`[Hivemind] Matrix.trace: matrix must be square, got ${describeShape(m)}`, 2);
	let s = 0;
	for (const i of $range(0, m.size() - 1)) s += m[i][i];
	return s;
}
