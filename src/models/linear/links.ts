//!native
/**
 * Output links of the linear models: the map from scores Z = X·W to what the cost sees, and the
 * backward pass turning d cost / d output into d cost / d Z (identity, logistic, probit, softmax).
 */
import { Matrix } from "../../matrix/types";
import { map } from "../../matrix/elementwise";
import { activate, backpropagateActivationInPlace } from "../neural/activations";

/** A link: forward (scores → outputs) and backward (gradient w.r.t. outputs → w.r.t. scores, in place on `upstream`). */
export interface OutputLink {
	readonly forward: (z: Matrix) => Matrix;
	readonly backward: (z: Matrix, a: Matrix, upstream: Matrix) => Matrix;
}

/** The complementary error function (Numerical Recipes' Chebyshev fit; relative error < 1.2e-7 everywhere). */
export function erfc(x: number): number {
	const z = math.abs(x);
	const t = 1 / (1 + 0.5 * z);
	const poly =
		-1.26551223 +
		t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
	const ans = t * math.exp(-z * z + poly);
	return x >= 0 ? ans : 2 - ans;
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
};

/** The logistic (sigmoid) link of logistic regression. */
export const logisticLink: OutputLink = {
	forward: (z) => activate("Sigmoid", z),
	backward: (z, a, upstream) => backpropagateActivationInPlace("Sigmoid", z, a, upstream),
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
};

/** The softmax link (row-wise, computed stably) of multinomial regression. */
export const softmaxLink: OutputLink = {
	forward: (z) => activate("StableSoftmax", z),
	backward: (z, a, upstream) => backpropagateActivationInPlace("StableSoftmax", z, a, upstream),
};

/** exp applied entry by entry (the inverse of the log link, for Poisson means). */
export function expEntries(z: Matrix): Matrix {
	return map(z, (v) => math.exp(v));
}
