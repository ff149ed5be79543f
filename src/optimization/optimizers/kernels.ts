//!native
/**
 * The optimizers' element loops: each updates the parameter and its state matrices in place in
 * one pass, allocating nothing. Callers (the optimizer classes) have checked every shape.
 */
import { Matrix } from "../../matrix/types";

/** Second-moment rule of `adaptiveMomentKernel`: √(v̂) + ε (Adam), max-norm u + ε (AdaMax), or none (1). */
export const enum SecondMoment {
	SquareRoot = 0,
	InfinityNorm = 1,
	None = 2,
}

/**
 * Heavy-ball velocity (PyTorch's convention): v ← μ·v + g, then w ← w − η·v, or with Nesterov's
 * look-ahead w ← w − η·(g + μ·v).
 */
export function velocityKernel(p: Matrix, g: Matrix, v: Matrix, rate: number, momentum: number, nesterov: boolean) {
	const columns = p[0].size();
	for (const i of $range(0, p.size() - 1)) {
		const pi = p[i];
		const gi = g[i];
		const vi = v[i];
		for (const j of $range(0, columns - 1)) {
			const gj = gi[j];
			const vj = momentum * vi[j] + gj;
			vi[j] = vj;
			pi[j] -= nesterov ? rate * (gj + momentum * vj) : rate * vj;
		}
	}
}

/**
 * Running sum or average of squared gradients, s ← keep·s + add·g², then w ← w − η·g / (√s + ε):
 * AdaGrad with keep = add = 1, RMSProp with keep = ρ, add = 1 − ρ.
 */
export function squaredAverageKernel(p: Matrix, g: Matrix, s: Matrix, rate: number, keep: number, add: number, epsilon: number) {
	const columns = p[0].size();
	for (const i of $range(0, p.size() - 1)) {
		const pi = p[i];
		const gi = g[i];
		const si = s[i];
		for (const j of $range(0, columns - 1)) {
			const gj = gi[j];
			const sj = keep * si[j] + add * gj * gj;
			si[j] = sj;
			pi[j] -= (rate * gj) / (math.sqrt(sj) + epsilon);
		}
	}
}

/**
 * AdaDelta (Zeiler 2012): E[g²] ← ρE[g²] + (1−ρ)g²; Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g;
 * E[Δ²] ← ρE[Δ²] + (1−ρ)Δ²; w ← w − η·Δ (η = 1 is the paper's rule).
 */
export function adaDeltaKernel(p: Matrix, g: Matrix, eg: Matrix, ed: Matrix, rate: number, rho: number, epsilon: number) {
	const columns = p[0].size();
	const fresh = 1 - rho;
	for (const i of $range(0, p.size() - 1)) {
		const pi = p[i];
		const gi = g[i];
		const egi = eg[i];
		const edi = ed[i];
		for (const j of $range(0, columns - 1)) {
			const gj = gi[j];
			const egj = rho * egi[j] + fresh * gj * gj;
			egi[j] = egj;
			const delta = (math.sqrt(edi[j] + epsilon) / math.sqrt(egj + epsilon)) * gj;
			edi[j] = rho * edi[j] + fresh * delta * delta;
			pi[j] -= rate * delta;
		}
	}
}

/**
 * The Adam family's moment bookkeeping: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g² (or, for the
 * infinity norm, v ← max(β₂v, |g|)), then w ← w − rate·(a·m + b·g) / d, where d is √(c₂·v) + ε,
 * v + ε, or 1 as `secondMoment` says. The callers choose a, b, c₂ and rate per variant
 * (bias corrections, Nesterov's look-ahead, RAdam's rectification).
 */
export function adaptiveMomentKernel(
	p: Matrix,
	g: Matrix,
	m: Matrix,
	v: Matrix,
	rate: number,
	beta1: number,
	beta2: number,
	a: number,
	b: number,
	c2: number,
	epsilon: number,
	secondMoment: SecondMoment,
) {
	const columns = p[0].size();
	const fresh1 = 1 - beta1;
	const fresh2 = 1 - beta2;
	for (const i of $range(0, p.size() - 1)) {
		const pi = p[i];
		const gi = g[i];
		const mi = m[i];
		const vi = v[i];
		for (const j of $range(0, columns - 1)) {
			const gj = gi[j];
			const mj = beta1 * mi[j] + fresh1 * gj;
			mi[j] = mj;
			let d = 1;
			if (secondMoment === SecondMoment.InfinityNorm) {
				const vj = math.max(beta2 * vi[j], math.abs(gj));
				vi[j] = vj;
				d = vj + epsilon;
			} else {
				const vj = beta2 * vi[j] + fresh2 * gj * gj;
				vi[j] = vj;
				if (secondMoment === SecondMoment.SquareRoot) d = math.sqrt(c2 * vj) + epsilon;
			}
			pi[j] -= (rate * (a * mj + b * gj)) / d;
		}
	}
}

/**
 * RProp (iRprop⁻): per-entry step sizes grow by η⁺ while the gradient keeps its sign and shrink by
 * η⁻ when it flips; on a flip the entry is not moved and its remembered gradient is set to 0, so
 * the next step neither grows nor shrinks. Otherwise w ← w − sign(g)·Δ.
 */
export function rpropKernel(
	p: Matrix,
	g: Matrix,
	previous: Matrix,
	steps: Matrix,
	etaPlus: number,
	etaMinus: number,
	minimumStep: number,
	maximumStep: number,
) {
	const columns = p[0].size();
	for (const i of $range(0, p.size() - 1)) {
		const pi = p[i];
		const gi = g[i];
		const previousRow = previous[i];
		const stepRow = steps[i];
		for (const j of $range(0, columns - 1)) {
			const gj = gi[j];
			const product = gj * previousRow[j];
			if (product < 0) {
				stepRow[j] = math.max(stepRow[j] * etaMinus, minimumStep);
				previousRow[j] = 0;
			} else {
				if (product > 0) stepRow[j] = math.min(stepRow[j] * etaPlus, maximumStep);
				pi[j] -= math.sign(gj) * stepRow[j];
				previousRow[j] = gj;
			}
		}
	}
}
