//!native
/**
 * Activation functions for dense layers, each with its value and its derivative.
 *
 * Element-wise activations give `value(x)` and `derivative(x, y)` (y = value(x), so the sigmoid's
 * derivative costs one multiplication). Softmax works on whole rows: its value is computed stably
 * (the row maximum subtracted before `exp`), and its backward pass is the Jacobian–vector product
 * dz = s ⊙ (da − (da · s)), never forming the Jacobian.
 */
import { Matrix } from "../../matrix/types";

/** The activation names a layer accepts (`"Swish"` is SiLU, `"StableSoftmax"` is Softmax). */
export type ActivationName =
	"None" | "Sigmoid" | "Tanh" | "ReLU" | "LeakyReLU" | "ELU" | "SiLU" | "Swish" | "Mish" | "Gaussian" | "SoftPlus" | "Softmax" | "StableSoftmax";

/** An element-wise activation: its value and its derivative at x (given y = value(x)). */
export interface ElementwiseActivation {
	/** f(x). */
	readonly value: (x: number) => number;
	/** f′(x); `y` is f(x), passed so derivatives that reuse it (sigmoid, tanh) are cheap. */
	readonly derivative: (x: number, y: number) => number;
}

/** Slope of LeakyReLU for negative inputs. */
export const LEAKY_RELU_SLOPE = 0.01;
/** α of ELU: f(x) = α(eˣ − 1) for x ≤ 0. */
export const ELU_ALPHA = 1;

/** The logistic function 1 / (1 + e⁻ˣ), without overflow for large |x|. */
export function sigmoid(x: number): number {
	if (x >= 0) return 1 / (1 + math.exp(-x));
	const e = math.exp(x);
	return e / (1 + e);
}

/** log(1 + eˣ), without overflow for large x and without losing small values for very negative x. */
export function softPlus(x: number): number {
	return math.max(x, 0) + math.log(1 + math.exp(-math.abs(x)));
}

function mishValue(x: number): number {
	return x * math.tanh(softPlus(x));
}

function mishDerivative(x: number): number {
	const t = math.tanh(softPlus(x));
	return t + x * (1 - t * t) * sigmoid(x);
}

function siluValue(x: number): number {
	return x * sigmoid(x);
}

function siluDerivative(x: number, y: number): number {
	const s = sigmoid(x);
	return s + y * (1 - s);
}

const ELEMENTWISE: { [name: string]: ElementwiseActivation } = {
	None: { value: (x) => x, derivative: () => 1 },
	Sigmoid: { value: sigmoid, derivative: (_, y) => y * (1 - y) },
	Tanh: { value: (x) => math.tanh(x), derivative: (_, y) => 1 - y * y },
	ReLU: { value: (x) => (x > 0 ? x : 0), derivative: (x) => (x > 0 ? 1 : 0) },
	LeakyReLU: {
		value: (x) => (x > 0 ? x : LEAKY_RELU_SLOPE * x),
		derivative: (x) => (x > 0 ? 1 : LEAKY_RELU_SLOPE),
	},
	ELU: {
		value: (x) => (x > 0 ? x : ELU_ALPHA * (math.exp(x) - 1)),
		derivative: (x, y) => (x > 0 ? 1 : y + ELU_ALPHA),
	},
	SiLU: { value: siluValue, derivative: siluDerivative },
	Swish: { value: siluValue, derivative: siluDerivative },
	Mish: { value: mishValue, derivative: mishDerivative },
	Gaussian: { value: (x) => math.exp(-x * x), derivative: (x, y) => -2 * x * y },
	SoftPlus: { value: softPlus, derivative: sigmoid },
};

/** Every accepted activation name, sorted (for error messages and option validation). */
export const ACTIVATION_NAMES: ReadonlyArray<ActivationName> = [
	"ELU",
	"Gaussian",
	"LeakyReLU",
	"Mish",
	"None",
	"ReLU",
	"SiLU",
	"Sigmoid",
	"SoftPlus",
	"Softmax",
	"StableSoftmax",
	"Swish",
	"Tanh",
];

/** True when `name` is an accepted activation name. */
export function isActivationName(name: unknown): name is ActivationName {
	return typeIs(name, "string") && (ACTIVATION_NAMES as Array<string>).includes(name);
}

/** True for the row-wise Softmax (and its alias StableSoftmax). */
export function isSoftmax(name: ActivationName): boolean {
	return name === "Softmax" || name === "StableSoftmax";
}

/** The element-wise value/derivative pair of `name` (undefined for Softmax, which works on rows). */
export function elementwiseActivation(name: ActivationName): ElementwiseActivation | undefined {
	return ELEMENTWISE[name];
}

/** Writes the stable softmax of row `z` into `out` (same length). */
export function softmaxRow(z: Array<number>, out: Array<number>) {
	const c = z.size();
	let largest = -math.huge;
	for (const j of $range(0, c - 1)) if (z[j] > largest) largest = z[j];
	let total = 0;
	for (const j of $range(0, c - 1)) {
		const e = math.exp(z[j] - largest);
		out[j] = e;
		total += e;
	}
	for (const j of $range(0, c - 1)) out[j] /= total;
}

/** One softmax row before it is copied out (so `out` may be `z`), reused by every call: training allocates nothing per block. */
const softmaxScratch: Array<number> = [];

/** Writes f(z) into `out` (same shape as z; `out` may be z itself). */
export function activateInto(name: ActivationName, z: Matrix, out: Matrix) {
	const r = z.size();
	const c = z[0].size();
	if (isSoftmax(name)) {
		const row = softmaxScratch;
		for (const i of $range(0, r - 1)) {
			softmaxRow(z[i], row);
			const o = out[i];
			for (const j of $range(0, c - 1)) o[j] = row[j];
		}
		return;
	}
	const f = ELEMENTWISE[name].value;
	for (const i of $range(0, r - 1)) {
		const zi = z[i];
		const o = out[i];
		for (const j of $range(0, c - 1)) o[j] = f(zi[j]);
	}
}

/** f(z) as a new matrix (rows are samples; Softmax normalizes each row). */
export function activate(name: ActivationName, z: Matrix): Matrix {
	const r = z.size();
	const c = z[0].size();
	const out = table.create<Array<number>>(r);
	for (const i of $range(0, r - 1)) out[i] = table.create<number>(c, 0);
	activateInto(name, z, out);
	return out;
}

/** The gradient with respect to z from the gradient with respect to a = f(z), IN PLACE on `upstream` (returned). */
export function backpropagateActivationInPlace(name: ActivationName, z: Matrix, a: Matrix, upstream: Matrix): Matrix {
	const r = z.size();
	const c = z[0].size();
	if (isSoftmax(name)) {
		for (const i of $range(0, r - 1)) {
			const ai = a[i];
			const gi = upstream[i];
			let inner = 0;
			for (const j of $range(0, c - 1)) inner += gi[j] * ai[j];
			for (const j of $range(0, c - 1)) gi[j] = ai[j] * (gi[j] - inner);
		}
		return upstream;
	}
	if (name === "None") return upstream;
	const d = ELEMENTWISE[name].derivative;
	for (const i of $range(0, r - 1)) {
		const zi = z[i];
		const ai = a[i];
		const gi = upstream[i];
		for (const j of $range(0, c - 1)) gi[j] *= d(zi[j], ai[j]);
	}
	return upstream;
}
