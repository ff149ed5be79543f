//!native
/**
 * Iteratively reweighted least squares for quantile regression. The pinball loss ρ_τ(r) is
 * majorized at the current residuals r⁰ by Σ aᵢ·rᵢ²/2 + const, aᵢ = (τ or 1 − τ)/|rᵢ⁰|, so each
 * step solves one weighted least-squares problem and never increases the objective
 * (majorize–minimize); residuals are floored at ε to keep the weights finite. Scale-free: no
 * learning rate, converges on raw data.
 */
import { Matrix } from "../../../matrix/types";
import { dampedSolveInto, NewtonBuffers, NewtonProblem, newtonObjective, pacedRows, zeroInPlace } from "./newton";

/** A step this small relative to the weights means IRLS has converged. */
const STEP_TOLERANCE = 1e-10;

/**
 * One IRLS step on `w` (p×k) IN PLACE for the quantile `tau` (`problem.loss` is the pinball loss,
 * used for the objective), in `buffers` (made for W's shape). Returns true when converged (no
 * weight moved by more than 1e-10 relative, or no decrease was possible, `w` then unchanged).
 */
export function quantileIrlsStep(w: Matrix, problem: NewtonProblem, tau: number, buffers: NewtonBuffers): boolean {
	const { x, y } = problem;
	const n = x.size();
	const p = w.size();
	const k = w[0].size();
	// ε: a residual this small (relative to the targets' spread) counts as a fit point.
	let spread = 0;
	const everySpread = pacedRows(problem, k);
	for (const i of $range(0, n - 1)) {
		for (const m of $range(0, k - 1)) spread += math.abs(y[i][m]);
		if ((i + 1) % everySpread === 0) problem.pace!(i + 1);
	}
	const epsilon = 1e-10 * (spread / (n * k) + 1);
	const { gradient: penaltyGradient, step: solved, trial, column: rhs, solution } = buffers;
	const h = buffers.hessians[0];
	zeroInPlace(penaltyGradient);
	problem.addPenaltyGradient(penaltyGradient, w);
	const c = problem.penaltyCurvature;
	for (const m of $range(0, k - 1)) {
		zeroInPlace(h);
		for (const j of $range(0, p - 1)) rhs[j] = 0;
		const every = pacedRows(problem, 2 * p + (p * (p + 1)) / 2);
		for (const i of $range(0, n - 1)) {
			const xi = x[i];
			let z = 0;
			for (const j of $range(0, p - 1)) z += xi[j] * w[j][m];
			const target = y[i][m];
			const r = target - z;
			const a = (r >= 0 ? tau : 1 - tau) / math.max(math.abs(r), epsilon);
			for (const j of $range(0, p - 1)) {
				const s = a * xi[j];
				rhs[j] += s * target;
				const hj = h[j];
				for (const l of $range(0, j)) hj[l] += s * xi[l];
			}
			if ((i + 1) % every === 0) problem.pace!(i + 1);
		}
		for (const j of $range(0, p - 1)) {
			const hj = h[j];
			for (const l of $range(0, j)) {
				hj[l] /= n;
				h[l][j] = hj[l];
			}
			rhs[j] /= n;
			if (j >= problem.biasRows) {
				hj[j] += c;
				// The penalty's non-quadratic part (L1) enters at the current weights.
				rhs[j] -= penaltyGradient[j][m] - c * w[j][m];
			}
		}
		dampedSolveInto(solution, h, rhs, buffers);
		for (const j of $range(0, p - 1)) solved[j][m] = solution[j];
	}
	const start = newtonObjective(w, problem);
	for (const j of $range(0, p - 1)) for (const m of $range(0, k - 1)) trial[j][m] = solved[j][m];
	let t = 1;
	while (newtonObjective(trial, problem) > start && t > 1e-12) {
		t /= 2;
		for (const j of $range(0, p - 1)) for (const m of $range(0, k - 1)) trial[j][m] = w[j][m] + t * (solved[j][m] - w[j][m]);
	}
	if (t <= 1e-12) return true;
	let largestChange = 0;
	for (const j of $range(0, p - 1)) {
		for (const m of $range(0, k - 1)) {
			largestChange = math.max(largestChange, math.abs(trial[j][m] - w[j][m]) / (1 + math.abs(w[j][m])));
			w[j][m] = trial[j][m];
		}
	}
	return largestChange <= STEP_TOLERANCE;
}
