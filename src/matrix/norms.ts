//!native
/** Norms and trace. */
import { Matrix, Vector } from "./types";
import { describeShape } from "./validate";
import { gram } from "./product";
import { symmetricEigen } from "./linalg/eigen";

/** √(Σ m²ᵢⱼ). */
export function frobeniusNorm(m: Matrix): number {
	let s = 0;
	for (const row of m) for (const v of row) s += v * v;
	return math.sqrt(s);
}

/** The Euclidean length of a vector. */
export function vectorNorm(v: Vector): number {
	let s = 0;
	for (const x of v) s += x * x;
	return math.sqrt(s);
}

/** The spectral norm (largest singular value): √λmax(mᵀm). */
export function spectralNorm(m: Matrix): number {
	const { values } = symmetricEigen(gram(m));
	return math.sqrt(math.max(0, values[0]));
}

/** Sum of the diagonal of a square matrix. */
export function trace(m: Matrix): number {
	if (m.size() !== m[0].size()) error(`[Hivemind] Matrix.trace: matrix must be square, got ${describeShape(m)}`, 2);
	let s = 0;
	for (const i of $range(0, m.size() - 1)) s += m[i][i];
	return s;
}
