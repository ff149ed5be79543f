//!native
/**
 * Gaussian log-densities of a mixture's components, for full (Cholesky factor), diagonal and
 * spherical covariances, and the per-row E-step: log-weights plus log-densities, normalised by
 * log-sum-exp into responsibilities.
 */
import { Matrix, Vector } from "../../matrix/types";
import { choleskyFactor } from "../../matrix/linalg/choleskyFactor";

/** Which covariance each component has: a full p×p matrix, a diagonal, or one variance. */
export type CovarianceType = "full" | "diagonal" | "spherical";

/** A mixture's parameters as named matrices (the model's parameter record). */
export type MixtureParameters = {
	/** Component means (k×p). */
	means: Matrix;
	/** Mixing weights (k×1), positive, summing to 1. */
	weights: Matrix;
	/** full: the k p×p matrices stacked ((k·p)×p); diagonal: k×p variances; spherical: k×1 variances. */
	covariances: Matrix;
};

/** One component prepared for density evaluation. */
interface Prepared {
	mean: Vector;
	logWeight: number;
	/** Constant part: −½(p·log 2π + log det Σ). */
	constant: number;
	/** full: the Cholesky factor L (p×p); diagonal: [variances]; spherical: [[variance]]. */
	factor: Matrix;
}

const LOG_2PI = math.log(2 * math.pi);

/** The p×p covariance of component m from the stacked parameter (full type). */
export function covarianceBlock(covariances: Matrix, m: number, p: number): Matrix {
	const block = new Array<Array<number>>();
	for (const j of $range(0, p - 1)) block.push(table.clone(covariances[m * p + j]));
	return block;
}

/**
 * The components ready for evaluation, or the 0-based index of the first whose covariance is not
 * positive definite (as a number).
 */
export function prepareComponents(parameters: MixtureParameters, kind: CovarianceType): Array<Prepared> | number {
	const { means, weights, covariances } = parameters;
	const p = means[0].size();
	const out = new Array<Prepared>();
	for (const m of $range(0, means.size() - 1)) {
		let factor: Matrix;
		let logDet = 0;
		if (kind === "full") {
			const [l] = choleskyFactor(covarianceBlock(covariances, m, p), 0);
			if (l === undefined) return m;
			for (const j of $range(0, p - 1)) logDet += 2 * math.log(l[j][j]);
			factor = l;
		} else {
			const variances = covariances[m];
			for (const v of variances) if (!(v > 0)) return m;
			if (kind === "diagonal") for (const v of variances) logDet += math.log(v);
			else logDet = p * math.log(variances[0]);
			factor = [variances];
		}
		out.push({ mean: means[m], logWeight: math.log(weights[m][0]), constant: -0.5 * (p * LOG_2PI + logDet), factor });
	}
	return out;
}

/** log(w_m) + log N(row | μ_m, Σ_m) for every component, into `out`; `scratch` holds p entries (the full kind's whitened row, no table made per row). */
export function componentLogDensities(row: Vector, components: Array<Prepared>, kind: CovarianceType, out: Array<number>, scratch: Array<number>) {
	const p = row.size();
	for (const m of $range(0, components.size() - 1)) {
		const c = components[m];
		const mean = c.mean;
		let quad = 0;
		if (kind === "full") {
			const l = c.factor;
			const z = scratch;
			for (const i of $range(0, p - 1)) {
				const li = l[i];
				let s = row[i] - mean[i];
				for (const j of $range(0, i - 1)) s -= li[j] * z[j];
				z[i] = s / li[i];
				quad += z[i] * z[i];
			}
		} else if (kind === "diagonal") {
			const variances = c.factor[0];
			for (const j of $range(0, p - 1)) {
				const d = row[j] - mean[j];
				quad += (d * d) / variances[j];
			}
		} else {
			const variance = c.factor[0][0];
			for (const j of $range(0, p - 1)) {
				const d = row[j] - mean[j];
				quad += d * d;
			}
			quad /= variance;
		}
		out[m] = c.logWeight + c.constant - 0.5 * quad;
	}
}

/** Turns log-joint values into responsibilities in place; returns their log-sum-exp (the row's log-likelihood). */
export function normalizeLogProbabilities(values: Array<number>): number {
	let largest = -math.huge;
	for (const v of values) largest = math.max(largest, v);
	let total = 0;
	for (const v of values) total += math.exp(v - largest);
	const lse = largest + math.log(total);
	for (const m of $range(0, values.size() - 1)) values[m] = math.exp(values[m] - lse);
	return lse;
}
