//!native
/**
 * The per-variant joint log-likelihoods log P(class k) + log P(x | class k) of naive Bayes, each
 * an n×k matrix, and the numerically stable (log-sum-exp) normalization into class probabilities.
 */
import { Matrix, Vector } from "../../matrix/types";

/** log of each entry (log 0 = −∞, so a class that never occurred gets probability 0). */
export function logVector(values: Vector): Vector {
	return values.map((v) => (v > 0 ? math.log(v) : -math.huge));
}

function rowsWithPriors(n: number, logPriors: Vector): Matrix {
	const out = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) out[i] = table.clone(logPriors);
	return out;
}

/**
 * Gaussian: log πₖ − ½ Σⱼ [log(2π σ²ₖⱼ) + (xⱼ − μₖⱼ)² / σ²ₖⱼ]. Variances must be > 0.
 */
export function gaussianLogLikelihood(x: Matrix, logPriors: Vector, means: Matrix, variances: Matrix): Matrix {
	const k = logPriors.size();
	const p = x[0].size();
	const out = rowsWithPriors(x.size(), logPriors);
	const constants = table.create<number>(k, 0);
	for (const c of $range(0, k - 1)) {
		let s = 0;
		for (const j of $range(0, p - 1)) s += math.log(2 * math.pi * variances[c][j]);
		constants[c] = -0.5 * s;
	}
	for (const i of $range(0, x.size() - 1)) {
		const xi = x[i];
		const row = out[i];
		for (const c of $range(0, k - 1)) {
			const mu = means[c];
			const v = variances[c];
			let s = 0;
			for (const j of $range(0, p - 1)) {
				const d = xi[j] - mu[j];
				s += (d * d) / v[j];
			}
			row[c] += constants[c] - 0.5 * s;
		}
	}
	return out;
}

/** Linear in x: log πₖ + Σⱼ xⱼ wₖⱼ (Multinomial with w = log θ; Complement with its weights and no prior). */
export function linearLogLikelihood(x: Matrix, logPriors: Vector, weights: Matrix): Matrix {
	const k = logPriors.size();
	const p = x[0].size();
	const out = rowsWithPriors(x.size(), logPriors);
	for (const i of $range(0, x.size() - 1)) {
		const xi = x[i];
		const row = out[i];
		for (const c of $range(0, k - 1)) {
			const w = weights[c];
			let s = 0;
			for (const j of $range(0, p - 1)) {
				// 0 · log 0 counts as 0 (a feature absent from x says nothing).
				if (xi[j] !== 0) s += xi[j] * w[j];
			}
			row[c] += s;
		}
	}
	return out;
}

/**
 * Bernoulli: log πₖ + Σⱼ [bⱼ log θₖⱼ + (1 − bⱼ) log(1 − θₖⱼ)], bⱼ = 1 when xⱼ > threshold.
 */
export function bernoulliLogLikelihood(x: Matrix, logPriors: Vector, probabilities: Matrix, threshold: number): Matrix {
	const k = logPriors.size();
	const p = x[0].size();
	const out = rowsWithPriors(x.size(), logPriors);
	const logPresent = probabilities.map((row) => logVector(row));
	const logAbsent = probabilities.map((row) => logVector(row.map((v) => 1 - v)));
	for (const i of $range(0, x.size() - 1)) {
		const xi = x[i];
		const row = out[i];
		for (const c of $range(0, k - 1)) {
			const present = logPresent[c];
			const absent = logAbsent[c];
			let s = 0;
			for (const j of $range(0, p - 1)) s += xi[j] > threshold ? present[j] : absent[j];
			row[c] += s;
		}
	}
	return out;
}

/**
 * Categorical: log πₖ + Σⱼ log θₖⱼ[xⱼ] with `probabilities[j]` the k×mⱼ table of feature j.
 * A category never seen in training (xⱼ ≥ mⱼ) is skipped: it favours no class.
 */
export function categoricalLogLikelihood(x: Matrix, logPriors: Vector, probabilities: Array<Matrix>): Matrix {
	const k = logPriors.size();
	const out = rowsWithPriors(x.size(), logPriors);
	const logTables = probabilities.map((t) => t.map((row) => logVector(row)));
	for (const i of $range(0, x.size() - 1)) {
		const xi = x[i];
		const row = out[i];
		for (const j of $range(0, logTables.size() - 1)) {
			const logTable = logTables[j];
			const category = xi[j];
			if (category >= logTable[0].size()) continue;
			for (const c of $range(0, k - 1)) row[c] += logTable[c][category];
		}
	}
	return out;
}

/** log Σₖ exp(ℓₖ) of each row, shifted by the row maximum so nothing overflows. */
export function logSumExpRows(logLikelihoods: Matrix): Vector {
	return logLikelihoods.map((row) => {
		let m = -math.huge;
		for (const v of row) if (v > m) m = v;
		let total = 0;
		for (const v of row) if (v !== -math.huge) total += math.exp(v - m);
		return m + math.log(total);
	});
}

/**
 * Class probabilities from joint log-likelihoods, row by row with the log-sum-exp shift:
 * P(k | x) = exp(ℓₖ − m) / Σᵢ exp(ℓᵢ − m), m = max ℓ (no overflow, no 0/0; dividing after the
 * shift keeps full precision even when |ℓ| is huge).
 */
export function probabilitiesFromLogLikelihoods(logLikelihoods: Matrix): Matrix {
	return logLikelihoods.map((row) => {
		let m = -math.huge;
		for (const v of row) if (v > m) m = v;
		let total = 0;
		const out = row.map((v) => {
			const e = v === -math.huge ? 0 : math.exp(v - m);
			total += e;
			return e;
		});
		for (const c of $range(0, out.size() - 1)) out[c] /= total;
		return out;
	});
}
