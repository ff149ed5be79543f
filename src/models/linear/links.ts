//!native
/**
 * Output links of the linear models: the map from scores Z = X·W to what the cost sees, and the
 * backward pass turning d cost / d output into d cost / d Z (identity, logistic, probit, softmax).
 */
import { Matrix } from "../../matrix/types";
import { map } from "../../matrix/elementwise";
import { mapInBlocks } from "../base/data";
import { activate, backpropagateActivationInPlace, sigmoid, softmaxRow } from "../neural/activations";

/** The link on one row of k scores, for fused kernels: the same arithmetic as `forward`/`backward`. */
export interface RowLink {
	/** Writes the outputs of the scores `z` into `a`. */
	readonly forward: (z: Array<number>, a: Array<number>) => void;
	/** Turns `upstream` (d cost / d a) into d cost / d z in place. */
	readonly backward: (z: Array<number>, a: Array<number>, upstream: Array<number>) => void;
}

/** A link: forward (scores → outputs) and backward (gradient w.r.t. outputs → w.r.t. scores, in place on `upstream`). */
export interface OutputLink {
	readonly forward: (z: Matrix) => Matrix;
	readonly backward: (z: Matrix, a: Matrix, upstream: Matrix) => Matrix;
	/** The same link row by row. */
	readonly row: RowLink;
}

const INV_SQRT_PI = 1 / math.sqrt(math.pi);

/** erf(x) by its Taylor series (used for |x| < 3, where it converges to about 1e-15). */
function erfSeries(x: number): number {
	const x2 = x * x;
	let term = x;
	let total = x;
	for (const n of $range(1, 200)) {
		term *= -x2 / n;
		const contribution = term / (2 * n + 1);
		total += contribution;
		if (math.abs(contribution) < 1e-17 * math.abs(total)) break;
	}
	return 2 * INV_SQRT_PI * total;
}

/** erfc(x) for x ≥ 3 by its continued fraction e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))). */
function erfcContinuedFraction(x: number): number {
	let f = x;
	for (const k of $range(120, 1, -1)) f = x + k / 2 / f;
	return (math.exp(-x * x) * INV_SQRT_PI) / f;
}

/** The complementary error function 1 − erf(x), to about 1e-14 relative (series below 3, continued fraction beyond). */
export function erfc(x: number): number {
	if (x >= 3) return erfcContinuedFraction(x);
	if (x <= -3) return 2 - erfcContinuedFraction(-x);
	return 1 - erfSeries(x);
}

const SQRT_HALF = math.sqrt(0.5);
const INV_SQRT_2PI = 1 / math.sqrt(2 * math.pi);

/** The standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
	return 0.5 * erfc(-z * SQRT_HALF);
}

/** The standard normal density φ(z). */
export function normalPdf(z: number): number {
	return INV_SQRT_2PI * math.exp(-0.5 * z * z);
}

/** The identity: the cost sees the scores. */
export const identityLink: OutputLink = {
	forward: (z) => z,
	backward: (_z, _a, upstream) => upstream,
	row: {
		forward: (z, a) => {
			for (const j of $range(0, z.size() - 1)) a[j] = z[j];
		},
		backward: () => {},
	},
};

/** The logistic (sigmoid) link of logistic regression. */
export const logisticLink: OutputLink = {
	forward: (z) => activate("Sigmoid", z),
	backward: (z, a, upstream) => backpropagateActivationInPlace("Sigmoid", z, a, upstream),
	row: {
		forward: (z, a) => {
			for (const j of $range(0, z.size() - 1)) a[j] = sigmoid(z[j]);
		},
		backward: (_z, a, upstream) => {
			for (const j of $range(0, a.size() - 1)) upstream[j] *= a[j] * (1 - a[j]);
		},
	},
};

/** The probit link Φ(z). */
export const probitLink: OutputLink = {
	forward: (z) => map(z, (v) => normalCdf(v)),
	backward: (z, _a, upstream) => {
		for (const i of $range(0, z.size() - 1)) {
			const zi = z[i];
			const gi = upstream[i];
			for (const j of $range(0, zi.size() - 1)) gi[j] *= normalPdf(zi[j]);
		}
		return upstream;
	},
	row: {
		forward: (z, a) => {
			for (const j of $range(0, z.size() - 1)) a[j] = normalCdf(z[j]);
		},
		backward: (z, _a, upstream) => {
			for (const j of $range(0, z.size() - 1)) upstream[j] *= normalPdf(z[j]);
		},
	},
};

/** The softmax link (row-wise, computed stably) of multinomial regression. */
export const softmaxLink: OutputLink = {
	forward: (z) => activate("StableSoftmax", z),
	backward: (z, a, upstream) => backpropagateActivationInPlace("StableSoftmax", z, a, upstream),
	row: {
		forward: softmaxRow,
		backward: (_z, a, upstream) => {
			let inner = 0;
			for (const j of $range(0, a.size() - 1)) inner += upstream[j] * a[j];
			for (const j of $range(0, a.size() - 1)) upstream[j] = a[j] * (upstream[j] - inner);
		},
	},
};

/** exp applied entry by entry (the inverse of the log link, for Poisson means), in fixed row blocks within the frame budget. */
export function expEntries(z: Matrix): Matrix {
	return mapInBlocks(z.size(), 4 * z[0].size(), (i) => z[i].map((v) => math.exp(v)));
}
