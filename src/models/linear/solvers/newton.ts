//!native
/**
 * Newton's method for the linear models' smooth convex losses (logistic, Poisson, Huber, squared
 * error): each step solves H·Δ = g with the exact Hessian of the mean loss plus the penalty
 * (Levenberg–Marquardt damping only when H is singular, e.g. Huber with every residual beyond δ),
 * then backtracks until the objective decreases (Armijo). Invariant to the scale of the columns,
 * so it needs no learning rate and converges on raw, unscaled data.
 */
import { Matrix } from "../../../matrix/types";
import { cholesky, solveCholesky } from "../../../matrix/linalg/cholesky";
import { ScoreLoss } from "./scoreLosses";
import { rowsPerBlock } from "../../../parallel/FrameBudget";

/** The objective (1/n)·Σ ℓ(zᵢₘ, yᵢₘ) + R(W) over W (p×k), z = X·W, and what the step needs of R. */
export interface NewtonProblem {
	/** n×p inputs (the bias column included). */
	readonly x: Matrix;
	/** n×k targets. */
	readonly y: Matrix;
	/** The per-entry loss in the score. */
	readonly loss: ScoreLoss;
	/** R(W): the regularization penalty (0 without one). */
	readonly penalty: (w: Matrix) => number;
	/** g += ∇R(W) (nothing without a penalty). */
	readonly addPenaltyGradient: (g: Matrix, w: Matrix) => void;
	/** c of R's smooth part c/2·‖w‖² on the non-bias rows (its Hessian); 0 without one. */
	readonly penaltyCurvature: number;
	/** The leading rows of W that are biases (not penalized). */
	readonly biasRows: number;
	/** Called with the rows done so far after each fixed block of a pass over the rows (a frame-budget check; it may yield). */
	readonly pace?: (rowsDone: number) => void;
}

/** A call of the score loss, counted in multiply-adds when sizing row blocks. */
const LOSS_CALL = 8;

/**
 * The rows between two `pace` calls of a pass costing about `workPerRow` multiply-adds a row
 * (about 2^15 multiply-adds a block); more than the row count without `pace`. The blocks never
 * change a sum.
 */
export function pacedRows(problem: NewtonProblem, workPerRow: number): number {
	return problem.pace === undefined ? problem.x.size() + 1 : rowsPerBlock(workPerRow);
}

/** Armijo's sufficient-decrease constant. */
const ARMIJO = 1e-4;
/** A step this small relative to the weights means Newton has converged. */
const STEP_TOLERANCE = 1e-10;
/** A decrease of the objective this small relative to it means Newton has converged. */
const OBJECTIVE_TOLERANCE = 1e-12;

/** The objective at `w`. */
export function newtonObjective(w: Matrix, problem: NewtonProblem): number {
	const { x, y, loss } = problem;
	const n = x.size();
	const p = w.size();
	const k = w[0].size();
	let total = 0;
	const every = pacedRows(problem, k * (p + LOSS_CALL));
	for (const i of $range(0, n - 1)) {
		const xi = x[i];
		const yi = y[i];
		for (const m of $range(0, k - 1)) {
			let z = 0;
			for (const j of $range(0, p - 1)) z += xi[j] * w[j][m];
			const [value] = loss(z, yi[m]);
			total += value;
		}
		if ((i + 1) % every === 0) problem.pace!(i + 1);
	}
	return total / n + problem.penalty(w);
}

/** The mean gradient (p×k) and the Hessian of each output column (k matrices p×p) at `w`; with `majorize`, the majorizing curvature in place of the second derivative. */
function derivatives(w: Matrix, problem: NewtonProblem, majorize: boolean): LuaTuple<[Matrix, Array<Matrix>]> {
	const { x, y, loss } = problem;
	const n = x.size();
	const p = w.size();
	const k = w[0].size();
	const g = table.create<Array<number>>(p);
	for (const j of $range(0, p - 1)) g[j] = table.create<number>(k, 0);
	const hessians = table.create<Matrix>(k);
	for (const m of $range(0, k - 1)) {
		const h = table.create<Array<number>>(p);
		for (const j of $range(0, p - 1)) h[j] = table.create<number>(p, 0);
		hessians[m] = h;
	}
	const every = pacedRows(problem, k * (2 * p + (p * (p + 1)) / 2 + LOSS_CALL));
	for (const i of $range(0, n - 1)) {
		const xi = x[i];
		for (const m of $range(0, k - 1)) {
			let z = 0;
			for (const j of $range(0, p - 1)) z += xi[j] * w[j][m];
			const [, d, second, majorizer] = loss(z, y[i][m]);
			const curvature = majorize ? majorizer : second;
			const h = hessians[m];
			for (const j of $range(0, p - 1)) {
				const s = xi[j];
				g[j][m] += d * s;
				if (curvature !== 0) {
					const hj = h[j];
					const c = curvature * s;
					for (const l of $range(0, j)) hj[l] += c * xi[l];
				}
			}
		}
		if ((i + 1) % every === 0) problem.pace!(i + 1);
	}
	for (const j of $range(0, p - 1)) for (const m of $range(0, k - 1)) g[j][m] /= n;
	problem.addPenaltyGradient(g, w);
	for (const h of hessians) {
		for (const j of $range(0, p - 1)) {
			const hj = h[j];
			for (const l of $range(0, j)) {
				hj[l] /= n;
				h[l][j] = hj[l];
			}
			if (j >= problem.biasRows) hj[j] += problem.penaltyCurvature;
		}
	}
	return $tuple(g, hessians);
}

/**
 * Solves H·d = g, adding Marquardt damping μ·diag(H) (and a floor) only when H is not positive
 * definite; undefined when that would take μ > `largestDamping` (or H is 0 and a limit is given).
 */
export function dampedSolve(h: Matrix, g: Array<number>, largestDamping = math.huge): Array<number> | undefined {
	const p = h.size();
	let largest = 0;
	for (const j of $range(0, p - 1)) largest = math.max(largest, math.abs(h[j][j]));
	if (largest === 0 && largestDamping < math.huge) return undefined;
	const rhs = table.create<Array<number>>(p);
	for (const j of $range(0, p - 1)) rhs[j] = [g[j]];
	let mu = 0;
	for (const _ of $range(1, 40)) {
		const damped = h.map((row, j) => {
			const copy = table.clone(row);
			copy[j] += mu * math.abs(row[j]) + mu * 1e-12 * largest + (largest === 0 ? mu : 0);
			return copy;
		});
		const [ok, factor] = pcall(() => cholesky(damped));
		if (ok) return solveCholesky(factor as Matrix, rhs).map((row) => row[0]);
		mu = mu === 0 ? 1e-10 : mu * 10;
		if (mu > largestDamping) return undefined;
	}
	return g.map(() => 0);
}

/**
 * One damped Newton step on `w` (p×k) IN PLACE. Returns true when it has converged: the step
 * changed no weight by more than 1e-10 relative, or the objective by no more than 1e-12 relative,
 * or no step along the Newton direction decreases the objective (then `w` is left as it was).
 */
export function newtonStep(w: Matrix, problem: NewtonProblem): boolean {
	const p = w.size();
	const k = w[0].size();
	const [g, hessians] = derivatives(w, problem, false);
	let majorized: Array<Matrix> | undefined;
	const direction = table.create<Array<number>>(p);
	for (const j of $range(0, p - 1)) direction[j] = table.create<number>(k, 0);
	let slope = 0;
	for (const m of $range(0, k - 1)) {
		const column = g.map((row) => row[m]);
		// A Hessian far from positive definite (a loss linear at most rows): the majorizing curvature instead (IRLS).
		let d = dampedSolve(hessians[m], column, 1e-6);
		if (d === undefined) {
			majorized = majorized ?? derivatives(w, problem, true)[1];
			d = dampedSolve(majorized[m], column) as Array<number>;
		}
		for (const j of $range(0, p - 1)) {
			direction[j][m] = -d[j];
			slope -= d[j] * column[j];
		}
	}
	const start = newtonObjective(w, problem);
	const trial = w.map((row) => table.clone(row));
	let t = 1;
	let value = start;
	while (t > 1e-12) {
		for (const j of $range(0, p - 1)) for (const m of $range(0, k - 1)) trial[j][m] = w[j][m] + t * direction[j][m];
		value = newtonObjective(trial, problem);
		if (value <= start + ARMIJO * t * slope) break;
		t /= 2;
	}
	if (t <= 1e-12) return true;
	// Stationary objective (also where no optimum exists, e.g. separable classes): stop.
	const stalled = start - value <= OBJECTIVE_TOLERANCE * math.max(1, math.abs(start));
	let largestChange = 0;
	for (const j of $range(0, p - 1)) {
		for (const m of $range(0, k - 1)) {
			largestChange = math.max(largestChange, math.abs(trial[j][m] - w[j][m]) / (1 + math.abs(w[j][m])));
			w[j][m] = trial[j][m];
		}
	}
	return stalled || largestChange <= STEP_TOLERANCE;
}
