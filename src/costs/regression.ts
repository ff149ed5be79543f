//!native
/** Regression costs: squared, absolute, Huber, quantile (pinball), Poisson deviance. */
import { CostFunction, CostOptions } from "./types";
import { elementwiseCost } from "./elementwise";
import { ConstraintTable, numberAbove, numberBetween, validateOptions } from "../options";

/** The constraints of the cost hyper-parameters (Huber's δ, the quantile τ), checked by the builders and `createCost`. */
export const COST_CONSTRAINTS: ConstraintTable<CostOptions> = {
	delta: numberAbove(0),
	tau: numberBetween(0, 1, true),
};

function sign(x: number): number {
	return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** Σ (p − y)²; gradient 2(p − y). Reported by models divided by n: the mean squared error. */
export function meanSquaredError(): CostFunction {
	return elementwiseCost("MeanSquaredError", {
		loss: (p, y) => (p - y) * (p - y),
		derivative: (p, y) => 2 * (p - y),
	});
}

/** Σ |p − y|; (sub)gradient sign(p − y), 0 at a tie. */
export function meanAbsoluteError(): CostFunction {
	return elementwiseCost("MeanAbsoluteError", {
		loss: (p, y) => math.abs(p - y),
		derivative: (p, y) => sign(p - y),
	});
}

/** Σ Huber_δ(p − y): ½r² when |r| ≤ δ, δ(|r| − δ/2) beyond; gradient r clipped to [−δ, δ]. */
export function huberLoss(delta = 1): CostFunction {
	validateOptions("huberLoss", { delta }, COST_CONSTRAINTS);
	return elementwiseCost(
		"Huber",
		{
			loss: (p, y) => {
				const r = math.abs(p - y);
				return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
			},
			derivative: (p, y) => math.clamp(p - y, -delta, delta),
		},
		{ delta },
	);
}

/**
 * Σ pinball_τ(y − p): τ·r when r = y − p ≥ 0, (τ − 1)·r otherwise; minimised by the τ-quantile.
 * Gradient −τ when y > p, 1 − τ when y < p, 0 at a tie.
 */
export function quantileLoss(tau = 0.5): CostFunction {
	validateOptions("quantileLoss", { tau }, COST_CONSTRAINTS);
	return elementwiseCost(
		"Quantile",
		{
			loss: (p, y) => {
				const r = y - p;
				return r >= 0 ? tau * r : (tau - 1) * r;
			},
			derivative: (p, y) => (y > p ? -tau : y < p ? 1 - tau : 0),
		},
		{ tau },
	);
}

/**
 * Poisson deviance with the log link: `predicted` is the linear predictor η = log μ, `actual` the
 * counts y ≥ 0. Σ 2[y·log(y/μ) − (y − μ)] (y·log y = 0 at y = 0); gradient 2(μ − y).
 */
export function poissonDeviance(): CostFunction {
	return elementwiseCost("PoissonDeviance", {
		loss: (eta, y) => {
			const mu = math.exp(eta);
			const ylogy = y > 0 ? y * math.log(y) : 0;
			return 2 * (ylogy - y * eta - y + mu);
		},
		derivative: (eta, y) => 2 * (math.exp(eta) - y),
	});
}
