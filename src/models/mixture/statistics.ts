//!native
/**
 * The E-step of a Gaussian mixture as mergeable statistics. Given the current parameters (shared
 * by every child), each shard sends per-component responsibility totals, sums and second moments
 * of the rows centred on the CURRENT means (which keeps the variance formula free of cancellation),
 * plus its log-likelihood; the main model adds them and runs the M-step. Exactly the centralized
 * EM iteration, up to the order of floating-point additions.
 */
import { Matrix, Vector } from "../../matrix/types";
import { CovarianceType, componentLogDensities, MixtureParameters, normalizeLogProbabilities, prepareComponents } from "./density";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";

/** One shard's E-step statistics: plain data, sendable as a "statistics" payload. */
export interface GaussianMixturePartial {
	/** Number of rows. */
	n: number;
	/** Σ log p(row) under the current parameters. */
	logLikelihood: number;
	/** Σ responsibilities per component (k×1). */
	totals: Matrix;
	/** Σ r·(x − μ) per component (k×p), μ the current means. */
	sums: Matrix;
	/** Σ r·(x − μ)(x − μ)ᵀ: full, stacked ((k·p)×p); diagonal and spherical, its diagonal (k×p). */
	squares: Matrix;
}

function emptyPartial(k: number, p: number, kind: CovarianceType): GaussianMixturePartial {
	const rows = (count: number) => {
		const m = new Array<Array<number>>();
		for (const _ of $range(1, count)) m.push(table.create<number>(p, 0));
		return m;
	};
	const totals = new Array<Array<number>>();
	for (const _ of $range(1, k)) totals.push([0]);
	return { n: 0, logLikelihood: 0, totals, sums: rows(k), squares: rows(kind === "full" ? k * p : k) };
}

/** Adds one row, weighted by `resp`, to `partial`; `d` is a scratch row of p entries (no table made per row). */
function accumulate(partial: GaussianMixturePartial, row: Vector, resp: Array<number>, means: Matrix, kind: CovarianceType, d: Array<number>) {
	const p = row.size();
	for (const m of $range(0, resp.size() - 1)) {
		const r = resp[m];
		if (r === 0) continue;
		const mean = means[m];
		for (const j of $range(0, p - 1)) d[j] = row[j] - mean[j];
		partial.totals[m][0] += r;
		const s = partial.sums[m];
		for (const j of $range(0, p - 1)) s[j] += r * d[j];
		if (kind === "full") {
			for (const i of $range(0, p - 1)) {
				const q = partial.squares[m * p + i];
				const rd = r * d[i];
				for (const j of $range(i, p - 1)) q[j] += rd * d[j];
			}
		} else {
			const q = partial.squares[m];
			for (const j of $range(0, p - 1)) q[j] += r * d[j] * d[j];
		}
	}
	partial.n += 1;
}

/**
 * The E-step statistics of X under `parameters`, or the 0-based index of a component whose
 * covariance is not positive definite (a number). Rows are added in order, checking `budget` after
 * each block of rows (so the result never depends on it).
 */
export function computeGaussianMixturePartial(
	x: Matrix,
	parameters: MixtureParameters,
	kind: CovarianceType,
	budget = new FrameBudget(),
): GaussianMixturePartial | number {
	const components = prepareComponents(parameters, kind);
	if (typeIs(components, "number")) return components;
	const k = parameters.means.size();
	const partial = emptyPartial(k, x[0].size(), kind);
	const values = table.create<number>(k, 0);
	const p = x[0].size();
	const scratch = table.create<number>(p, 0);
	const block = rowsPerBlock(k * p * (kind === "full" ? p : 1));
	x.forEach((row, i) => {
		componentLogDensities(row, components, kind, values, scratch);
		partial.logLikelihood += normalizeLogProbabilities(values);
		accumulate(partial, row, values, parameters.means, kind, scratch);
		if ((i + 1) % block === 0) budget.check();
	});
	return partial;
}

/** The statistics of hard assignments of the rows of X to `labels` (0-based), centred on `means`. */
export function hardAssignmentPartial(
	x: Matrix,
	labels: Array<number>,
	means: Matrix,
	kind: CovarianceType,
	budget = new FrameBudget(),
): GaussianMixturePartial {
	const k = means.size();
	const p = x[0].size();
	const partial = emptyPartial(k, p, kind);
	const resp = table.create<number>(k, 0);
	const scratch = table.create<number>(p, 0);
	// rows in order, in fixed blocks within `budget` (the same additions as one loop)
	forEachBlock(x.size(), rowsPerBlock(p * (p + 2)), budget, (first, last) => {
		for (const i of $range(first, last)) {
			resp[labels[i]] = 1;
			accumulate(partial, x[i], resp, means, kind, scratch);
			resp[labels[i]] = 0;
		}
	});
	return partial;
}

/** The statistics of the union of two shards (pure). */
export function mergeGaussianMixturePartials(a: GaussianMixturePartial, b: GaussianMixturePartial): GaussianMixturePartial {
	const add = (u: Matrix, v: Matrix) => u.map((row, i) => row.map((value, j) => value + v[i][j]));
	return {
		n: a.n + b.n,
		logLikelihood: a.logLikelihood + b.logLikelihood,
		totals: add(a.totals, b.totals),
		sums: add(a.sums, b.sums),
		squares: add(a.squares, b.squares),
	};
}

/** Added to every component's responsibility total, so an empty component keeps finite parameters (as scikit-learn does). */
const TOTAL_FLOOR = 10 * 2.220446049250313e-16;

/**
 * The M-step: new means μ + S/N, weights N/ΣN, covariances Q/N − ddᵀ plus `regularization` on the
 * diagonal (a collapsed or empty component gets `regularization`·I, never NaN). `means` are the
 * means the statistics were centred on.
 */
export function finalizeGaussianMixture(
	partial: GaussianMixturePartial,
	means: Matrix,
	kind: CovarianceType,
	regularization: number,
): MixtureParameters {
	const k = means.size();
	const p = means[0].size();
	let total = 0;
	const totals = partial.totals.map((row) => row[0] + TOTAL_FLOOR);
	for (const t of totals) total += t;
	const newMeans = new Array<Array<number>>();
	const covariances = new Array<Array<number>>();
	for (const m of $range(0, k - 1)) {
		const nk = totals[m];
		const d = partial.sums[m].map((s) => s / nk);
		newMeans.push(means[m].map((mu, j) => mu + d[j]));
		if (kind === "full") {
			const block = new Array<Array<number>>();
			for (const _ of $range(0, p - 1)) block.push(table.create<number>(p, 0));
			for (const i of $range(0, p - 1)) {
				const q = partial.squares[m * p + i];
				for (const j of $range(i, p - 1)) {
					const c = q[j] / nk - d[i] * d[j];
					block[i][j] = c;
					block[j][i] = c;
				}
				block[i][i] = math.max(block[i][i], 0) + regularization;
			}
			for (const row of block) covariances.push(row);
		} else {
			const variances = partial.squares[m].map((q, j) => math.max(q / nk - d[j] * d[j], 0));
			if (kind === "diagonal") covariances.push(variances.map((v) => v + regularization));
			else {
				let s = 0;
				for (const v of variances) s += v;
				covariances.push([s / p + regularization]);
			}
		}
	}
	return { means: newMeans, weights: totals.map((t) => [t / total]), covariances };
}
