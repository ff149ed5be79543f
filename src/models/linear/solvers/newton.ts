//!native
/**
 * Newton's method for the linear models' smooth convex losses (logistic, Poisson, Huber, squared
 * error): each step solves H·Δ = g with the exact Hessian of the mean loss plus the penalty
 * (Levenberg–Marquardt damping only when H is singular, e.g. Huber with every residual beyond δ),
 * then backtracks until the objective decreases (Armijo). Invariant to the scale of the columns,
 * so it needs no learning rate and converges on raw, unscaled data.
 */
import { Matrix } from "../../../matrix/types";
import { choleskyFactorInto, choleskySubstituteInto, PIVOT_TOLERANCE } from "../../../matrix/linalg/choleskyFactor";
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

function zeros(rows: number, columns: number): Matrix {
	const m = table.create<Array<number>>(rows);
	for (const j of $range(0, rows - 1)) m[j] = table.create<number>(columns, 0);
	return m;
}

/**
 * The work buffers of the Newton and IRLS steps for weights W p×k, made once per training call so
 * that a step allocates nothing: gradients, one Hessian (and majorizer) per output, the step, the
 * trial point, a column and the damped solve's matrices.
 */
export class NewtonBuffers {
	/** p×k: the gradient (IRLS: the penalty's gradient). */
	readonly gradient: Matrix;
	/** p×k: the gradient of the majorizing pass (not used by the step). */
	readonly majorizedGradient: Matrix;
	/** k matrices p×p: the Hessians (IRLS: the first is its weighted normal matrix). */
	readonly hessians: Array<Matrix>;
	/** k matrices p×p: the majorizing curvature's Hessians. */
	readonly majorized: Array<Matrix>;
	/** p×k: the Newton direction (IRLS: the least-squares solution). */
	readonly step: Matrix;
	/** p×k: the trial point of the line search. */
	readonly trial: Matrix;
	/** p: one output's gradient (IRLS: right-hand side). */
	readonly column: Array<number>;
	/** p: one output's solution. */
	readonly solution: Array<number>;
	/** p×p: the damped matrix and its Cholesky factor; p×1: the right-hand side and the solution. */
	readonly damped: Matrix;
	readonly factor: Matrix;
	readonly rhs: Matrix;
	readonly solved: Matrix;

	constructor(p: number, k: number) {
		this.gradient = zeros(p, k);
		this.majorizedGradient = zeros(p, k);
		this.hessians = table.create<Matrix>(k);
		this.majorized = table.create<Matrix>(k);
		for (const m of $range(0, k - 1)) {
			this.hessians[m] = zeros(p, p);
			this.majorized[m] = zeros(p, p);
		}
		this.step = zeros(p, k);
		this.trial = zeros(p, k);
		this.column = table.create<number>(p, 0);
		this.solution = table.create<number>(p, 0);
		this.damped = zeros(p, p);
		this.factor = zeros(p, p);
		this.rhs = zeros(p, 1);
		this.solved = zeros(p, 1);
	}
}

/** Sets every entry of `m` to 0. */
export function zeroInPlace(m: Matrix) {
	for (const row of m) for (const j of $range(0, row.size() - 1)) row[j] = 0;
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

/**
 * Writes the mean gradient (p×k) into `g` and the Hessian of each output column (k matrices p×p)
 * into `hessians` at `w`; with `majorize`, the majorizing curvature in place of the second derivative.
 */
function derivativesInto(g: Matrix, hessians: Array<Matrix>, w: Matrix, problem: NewtonProblem, majorize: boolean) {
	const { x, y, loss } = problem;
	const n = x.size();
	const p = w.size();
	const k = w[0].size();
	zeroInPlace(g);
	for (const h of hessians) zeroInPlace(h);
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
}

/**
 * Solves H·d = g into `d` (vectors of length p) through the buffers' damped matrix and factor,
 * adding Marquardt damping μ·diag(H) (and a floor) only when H is not positive definite; false
 * (`d` untouched) when that would take μ > `largestDamping` (or H is 0 and a limit is given).
 */
export function dampedSolveInto(d: Array<number>, h: Matrix, g: Array<number>, buffers: NewtonBuffers, largestDamping = math.huge): boolean {
	const p = h.size();
	let largest = 0;
	for (const j of $range(0, p - 1)) largest = math.max(largest, math.abs(h[j][j]));
	if (largest === 0 && largestDamping < math.huge) return false;
	const { damped, factor, rhs, solved } = buffers;
	for (const j of $range(0, p - 1)) rhs[j][0] = g[j];
	let mu = 0;
	for (const _ of $range(1, 40)) {
		for (const j of $range(0, p - 1)) {
			const row = h[j];
			const copy = damped[j];
			for (const l of $range(0, p - 1)) copy[l] = row[l];
			copy[j] += mu * math.abs(row[j]) + mu * 1e-12 * largest + (largest === 0 ? mu : 0);
		}
		const [ok] = choleskyFactorInto(factor, damped, p * PIVOT_TOLERANCE);
		if (ok) {
			choleskySubstituteInto(solved, factor, rhs);
			for (const j of $range(0, p - 1)) d[j] = solved[j][0];
			return true;
		}
		mu = mu === 0 ? 1e-10 : mu * 10;
		if (mu > largestDamping) return false;
	}
	for (const j of $range(0, p - 1)) d[j] = 0;
	return true;
}

/**
 * One damped Newton step on `w` (p×k) IN PLACE, in `buffers` (made for W's shape). Returns true
 * when it has converged: the step changed no weight by more than 1e-10 relative, or the objective
 * by no more than 1e-12 relative, or no step along the Newton direction decreases the objective
 * (then `w` is left as it was).
 */
export function newtonStep(w: Matrix, problem: NewtonProblem, buffers: NewtonBuffers): boolean {
	const p = w.size();
	const k = w[0].size();
	const { gradient: g, hessians, majorized, step: direction, trial, column, solution: d } = buffers;
	derivativesInto(g, hessians, w, problem, false);
	let majorizedDone = false;
	let slope = 0;
	for (const m of $range(0, k - 1)) {
		for (const j of $range(0, p - 1)) column[j] = g[j][m];
		// A Hessian far from positive definite (a loss linear at most rows): the majorizing curvature instead (IRLS).
		if (!dampedSolveInto(d, hessians[m], column, buffers, 1e-6)) {
			if (!majorizedDone) derivativesInto(buffers.majorizedGradient, majorized, w, problem, true);
			majorizedDone = true;
			dampedSolveInto(d, majorized[m], column, buffers);
		}
		for (const j of $range(0, p - 1)) {
			direction[j][m] = -d[j];
			slope -= d[j] * column[j];
		}
	}
	const start = newtonObjective(w, problem);
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
