//!native
/**
 * Kernels of the support vector machine, as plain functions of two rows:
 * linear `a·b`, polynomial `(γ a·b + coef0)^degree`, RBF `exp(−γ‖a − b‖²)`,
 * sigmoid `tanh(γ a·b + coef0)`.
 */
import { Matrix, Vector } from "../../matrix/types";

/** The kernel names an SVM accepts. */
export type KernelName = "linear" | "polynomial" | "rbf" | "sigmoid";

/** Every kernel name, in the order the error messages list them. */
export const KERNEL_NAMES: ReadonlyArray<KernelName> = ["linear", "polynomial", "rbf", "sigmoid"];

/** A kernel with its resolved hyper-parameters (γ already a number). */
export interface KernelSettings {
	/** Which kernel. */
	readonly kernel: KernelName;
	/** Polynomial degree (polynomial only). */
	readonly degree: number;
	/** γ > 0 (polynomial, RBF, sigmoid). */
	readonly gamma: number;
	/** The additive constant (polynomial, sigmoid). */
	readonly coef0: number;
}

function dotRows(a: Vector, b: Vector): number {
	let s = 0;
	for (const j of $range(0, a.size() - 1)) s += a[j] * b[j];
	return s;
}

/** k(a, b) for two rows of the same length. */
export function kernelValue(a: Vector, b: Vector, settings: KernelSettings): number {
	const kernel = settings.kernel;
	if (kernel === "rbf") {
		let d = 0;
		for (const j of $range(0, a.size() - 1)) {
			const e = a[j] - b[j];
			d += e * e;
		}
		return math.exp(-settings.gamma * d);
	}
	const ab = dotRows(a, b);
	if (kernel === "linear") return ab;
	if (kernel === "polynomial") return (settings.gamma * ab + settings.coef0) ** settings.degree;
	return math.tanh(settings.gamma * ab + settings.coef0);
}

/** The n×m matrix K[i][j] = k(a_i, b_j) of the rows of `a` (n×p) against the rows of `b` (m×p). */
export function kernelMatrix(a: Matrix, b: Matrix, settings: KernelSettings): Matrix {
	const n = a.size();
	const m = b.size();
	const out = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) {
		const ai = a[i];
		const row = table.create<number>(m, 0);
		for (const j of $range(0, m - 1)) row[j] = kernelValue(ai, b[j], settings);
		out[i] = row;
	}
	return out;
}

/** The symmetric n×n Gram matrix K[i][j] = k(x_i, x_j), each pair computed once. */
export function kernelGram(x: Matrix, settings: KernelSettings): Matrix {
	const n = x.size();
	const out = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) out[i] = table.create<number>(n, 0);
	for (const i of $range(0, n - 1)) {
		const xi = x[i];
		const row = out[i];
		for (const j of $range(i, n - 1)) {
			const v = kernelValue(xi, x[j], settings);
			row[j] = v;
			out[j][i] = v;
		}
	}
	return out;
}

/** γ for "scale" (1 / (p · variance of all entries of X), 1 when X is constant) or "auto" (1 / p). */
export function resolveGamma(gamma: number | "scale" | "auto", x: Matrix): number {
	if (typeIs(gamma, "number")) return gamma;
	const p = x[0].size();
	if (gamma === "auto") return 1 / p;
	let total = 0;
	let squares = 0;
	for (const row of x) for (const v of row) total += v;
	const count = x.size() * p;
	const mean = total / count;
	for (const row of x) for (const v of row) squares += (v - mean) * (v - mean);
	const variance = squares / count;
	return variance > 0 ? 1 / (p * variance) : 1;
}
