//!native
/**
 * The losses the second-order solvers minimise, written in the score z = [1, x]·w of one output:
 * each returns the loss, its first and its second derivative in z, for one target y, and a
 * curvature that majorizes the loss (a quadratic with it lies above the loss; the second
 * derivative itself where that is positive). They are
 * the models' costs composed with their links (logistic: cross-entropy of σ(z), without the
 * probability clipping, which only matters where σ(z) rounds to 0 or 1).
 */

/** One row's loss ℓ(z, y), ∂ℓ/∂z, ∂²ℓ/∂z² (0 where the loss is piecewise linear) and a majorizing curvature. */
export type ScoreLoss = (z: number, y: number) => LuaTuple<[number, number, number, number]>;

/** log(1 + eᶻ) without overflow. */
function softPlus(z: number): number {
	return z > 0 ? z + math.log(1 + math.exp(-z)) : math.log(1 + math.exp(z));
}

/** Binary cross-entropy of σ(z): log(1 + eᶻ) − y·z; derivatives σ(z) − y and σ(z)(1 − σ(z)). */
export const logisticScoreLoss: ScoreLoss = (z, y) => {
	const p = z >= 0 ? 1 / (1 + math.exp(-z)) : math.exp(z) / (1 + math.exp(z));
	const h = p * (1 - p);
	return $tuple(softPlus(z) - y * z, p - y, h, h);
};

/** Poisson deviance on the log link: 2[y·log y − y·z − y + eᶻ]; derivatives 2(eᶻ − y) and 2eᶻ. */
export const poissonScoreLoss: ScoreLoss = (z, y) => {
	const mu = math.exp(z);
	const ylogy = y > 0 ? y * math.log(y) : 0;
	return $tuple(2 * (ylogy - y * z - y + mu), 2 * (mu - y), 2 * mu, 2 * mu);
};

/** Squared error (z − y)²; derivatives 2(z − y) and 2. */
export const squaredScoreLoss: ScoreLoss = (z, y) => {
	const r = z - y;
	return $tuple(r * r, 2 * r, 2, 2);
};

/**
 * The Huber loss of z − y with threshold δ; derivative the residual clipped to [−δ, δ], second
 * derivative 1 inside δ and 0 beyond, where the majorizing curvature is ψ(r)/r = δ/|r|, the
 * weight of iteratively reweighted least squares (used when the Hessian is singular, e.g. when
 * every residual is beyond δ).
 */
export function huberScoreLoss(delta: number): ScoreLoss {
	return (z, y) => {
		const r = z - y;
		const a = math.abs(r);
		if (a <= delta) return $tuple(0.5 * r * r, r, 1, 1);
		return $tuple(delta * (a - 0.5 * delta), r > 0 ? delta : -delta, 0, delta / a);
	};
}

/** The pinball loss ρ_τ(y − z) of quantile regression; derivative −τ above the target's side, 1 − τ below (0 curvature). */
export function pinballScoreLoss(tau: number): ScoreLoss {
	return (z, y) => {
		const r = y - z;
		if (r >= 0) return $tuple(tau * r, r > 0 ? -tau : 0, 0, 0);
		return $tuple((tau - 1) * r, 1 - tau, 0, 0);
	};
}
