//!native
/**
 * Kernels of the support vector machine, as plain functions of two rows:
 * linear `a·b`, polynomial `(γ a·b + coef0)^degree`, RBF `exp(−γ‖a − b‖²)`,
 * sigmoid `tanh(γ a·b + coef0)`.
 */
import { Matrix, Vector } from "../../matrix/types";
import { BufferRows } from "../../matrix/rowBuffers";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { symmetricBufferRows } from "../base/data";

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

/** Multiply-adds of one kernel value between rows of `p` entries (the exp, tanh or power counted as a few). */
function kernelCost(p: number): number {
	return p + 8;
}

/**
 * The symmetric n×n Gram matrix K[i][j] = k(x_i, x_j) as buffer rows (`matrix/rowBuffers.ts`; the
 * collector never scans them), each pair computed once, checking `budget` after each row.
 */
export function kernelGram(x: Matrix, settings: KernelSettings, budget = new FrameBudget()): BufferRows {
	return symmetricBufferRows(x.size(), (i, j) => kernelValue(x[i], x[j], settings), budget);
}

/** γ for "scale" (1 / (p · variance of all entries of X), 1 when X is constant) or "auto" (1 / p); the passes over X in fixed row blocks within `budget`. */
export function resolveGamma(gamma: number | "scale" | "auto", x: Matrix, budget = new FrameBudget()): number {
	if (typeIs(gamma, "number")) return gamma;
	const p = x[0].size();
	if (gamma === "auto") return 1 / p;
	let total = 0;
	let squares = 0;
	const block = rowsPerBlock(2 * p);
	forEachBlock(x.size(), block, budget, (first, last) => {
		for (const i of $range(first, last)) for (const v of x[i]) total += v;
	});
	const count = x.size() * p;
	const mean = total / count;
	forEachBlock(x.size(), block, budget, (first, last) => {
		for (const i of $range(first, last)) for (const v of x[i]) squares += (v - mean) * (v - mean);
	});
	const variance = squares / count;
	return variance > 0 ? 1 / (p * variance) : 1;
}

/**
 * offset + Σⱼ cⱼ·k(xᵢ, vⱼ) for each row xᵢ of `x` (`coefficients` m×1, one per row of `vectors`),
 * one block of kernel rows at a time within `budget` (never the whole n×m kernel matrix).
 */
export function kernelExpansion(
	x: Matrix,
	vectors: Matrix,
	coefficients: Matrix,
	settings: KernelSettings,
	offset: number,
	budget = new FrameBudget(),
): Array<number> {
	const m = vectors.size();
	const out = table.create<number>(x.size(), 0);
	forEachBlock(x.size(), rowsPerBlock(m * (kernelCost(x[0].size()) + 1)), budget, (first, last) => {
		for (const i of $range(first, last)) {
			const xi = x[i];
			let s = offset;
			for (const j of $range(0, m - 1)) s += kernelValue(xi, vectors[j], settings) * coefficients[j][0];
			out[i] = s;
		}
	});
	return out;
}
