//!native
/**
 * Bayesian linear regression from the linear sufficient statistics (`linear.ts`): the Gaussian
 * posterior under a conjugate prior, finalized once from merged partials.
 */
import { Matrix } from "../matrix/types";
import { matmul } from "../matrix/product";
import { inverse } from "../matrix/linalg/solve";
import { assertLinearPartial, LinearPartial } from "./linear";
import { describeValue, isFiniteNumber } from "../core/describe";

/** The Gaussian posterior of the weights: mean (p×1) and covariance (p×p). */
export interface LinearPosterior {
	/** Posterior mean, mₙ = β·Sₙ·Xᵀy. */
	mean: Matrix;
	/** Posterior covariance, Sₙ = (α·I′ + β·XᵀX)⁻¹. */
	covariance: Matrix;
}

/**
 * The posterior under the prior w ~ N(0, α⁻¹I′) (flat on the 0-based `unpenalized` rows, the bias)
 * and the likelihood y ~ N(Xw, β⁻¹): Sₙ = (αI′ + βXᵀX)⁻¹, mₙ = βSₙXᵀy.
 */
export function finalizeBayesianLinear(
	partial: LinearPartial,
	priorPrecision: number,
	noisePrecision: number,
	unpenalized: Array<number> = [],
): LinearPosterior {
	assertLinearPartial(partial, "finalizeBayesianLinear");
	for (const [name, value] of [
		["priorPrecision", priorPrecision],
		["noisePrecision", noisePrecision],
	] as Array<[string, number]>) {
		if (!isFiniteNumber(value) || value <= 0)
			error(`[Hivemind] finalizeBayesianLinear: ${name} must be a finite number > 0, got ${describeValue(value)}`, 2);
	}
	const p = partial.xtx.size();
	const precision = table.create<Array<number>>(p);
	for (const i of $range(0, p - 1)) {
		const row = table.create<number>(p);
		const xi = partial.xtx[i];
		for (const j of $range(0, p - 1)) row[j] = noisePrecision * xi[j];
		if (!unpenalized.includes(i)) row[i] += priorPrecision;
		precision[i] = row;
	}
	const covariance = inverse(precision);
	const mean = matmul(
		covariance,
		partial.xty.map((row) => row.map((v) => v * noisePrecision)),
	);
	return { mean, covariance };
}
