//!native
/**
 * Sequential minimal optimization for the soft-margin SVM dual (Platt 1998, with the
 * second-order working-set selection of Fan, Chen & Lin 2005):
 *
 *     minimize f(α) = ½ αᵀQα − Σα   subject to  Σ yᵢαᵢ = 0,  0 ≤ αᵢ ≤ C,   Q_ij = yᵢ y_j K_ij.
 *
 * G = ∇f = Qα − 1. With I_up = {t : αₜ < C, yₜ = 1 or αₜ > 0, yₜ = −1} (−yₜGₜ may grow) and
 * I_low = {t : αₜ < C, yₜ = −1 or αₜ > 0, yₜ = 1}, α is optimal iff
 * m = max_{I_up} −yG ≤ M = min_{I_low} −yG; the solver stops when m − M < tolerance.
 * Each step picks i = argmax_{I_up} −yᵢGᵢ (the most violating), then j ∈ I_low with
 * −y_jG_j < −yᵢGᵢ minimizing −b²/a (the largest guaranteed decrease of f), where
 * b = −yᵢGᵢ + y_jG_j > 0 and a = K_ii + K_jj − 2K_ij (τ when not positive).
 *
 * The pair moves along d (dᵢ = yᵢ, d_j = −y_j), which keeps Σyα = 0: f′ = −b, f″ = a, so the
 * unconstrained step is t = b / a, clipped to the box (yᵢ = 1: t ≤ C − αᵢ; yᵢ = −1: t ≤ αᵢ;
 * y_j = 1: t ≤ α_j; y_j = −1: t ≤ C − α_j). Then G_k += y_k t (K_ki − K_kj).
 *
 * The decision function is f(x) = Σ αᵢyᵢ k(xᵢ, x) + b with b = −ρ; ρ is the mean of yᵢGᵢ over
 * the free αᵢ (0 < αᵢ < C, where yᵢ f(xᵢ) = 1 exactly), else the midpoint of the interval the
 * KKT conditions of the bounded αᵢ allow.
 */
import { Vector } from "../../matrix/types";
import { BufferRows } from "../../matrix/rowBuffers";
import { FrameBudget } from "../../parallel/FrameBudget";

const TAU = 1e-12;

/** What the solver found. */
export interface SmoResult {
	/** The dual variables αᵢ ∈ [0, C]. */
	readonly alpha: Vector;
	/** The bias b of f(x) = Σ αᵢyᵢ k(xᵢ, x) + b. */
	readonly bias: number;
	/** Pair updates made. */
	readonly iterations: number;
	/** True when the KKT gap fell below the tolerance (false: stopped at the iteration limit). */
	readonly converged: boolean;
}

function inUp(alpha: number, y: number, c: number): boolean {
	return y > 0 ? alpha < c : alpha > 0;
}

function inLow(alpha: number, y: number, c: number): boolean {
	return y > 0 ? alpha > 0 : alpha < c;
}

/** −ρ from the gradient: mean of yG over the free α, else the middle of the KKT interval. */
function biasOf(alpha: Vector, y: Vector, gradient: Vector, c: number): number {
	let upper = math.huge;
	let lower = -math.huge;
	let freeSum = 0;
	let freeCount = 0;
	for (const t of $range(0, alpha.size() - 1)) {
		const yg = y[t] * gradient[t];
		const a = alpha[t];
		if (a > 0 && a < c) {
			freeSum += yg;
			freeCount += 1;
		} else if ((a >= c && y[t] < 0) || (a <= 0 && y[t] > 0)) {
			upper = math.min(upper, yg);
		} else {
			lower = math.max(lower, yg);
		}
	}
	let rho: number;
	if (freeCount > 0) rho = freeSum / freeCount;
	else if (upper === math.huge) rho = lower;
	else if (lower === -math.huge) rho = upper;
	else rho = (upper + lower) / 2;
	return -rho;
}

/**
 * Solves the dual for the n×n kernel matrix `k` and labels `y` (±1). Trusts its caller: `k`
 * symmetric, `c` > 0, `tolerance` > 0, `maxIterations` ≥ 1. `start` generalizes the problem to
 * ½αᵀQα + pᵀα from a feasible α (the one-class SVM: p = 0, Σα = νn): without it, p = −1, α = 0.
 * Checks `budget` after each pair update (each O(n); the path never depends on it).
 */
export function solveSmo(
	k: BufferRows,
	y: Vector,
	c: number,
	tolerance: number,
	maxIterations: number,
	start?: { alpha: Vector; linear: Vector },
	budget = new FrameBudget(),
): SmoResult {
	const n = y.size();
	const alpha = start ? table.clone(start.alpha) : table.create<number>(n, 0);
	const gradient = start ? table.clone(start.linear) : table.create<number>(n, -1);
	if (start) {
		// G = Qα + p
		for (const j of $range(0, n - 1)) {
			const a = alpha[j];
			if (a === 0) continue;
			const kj = k[j];
			for (const t of $range(0, n - 1)) gradient[t] += y[t] * y[j] * a * buffer.readf64(kj, t * 8);
			budget.check();
		}
	}
	const diagonal = table.create<number>(n, 0);
	for (const t of $range(0, n - 1)) diagonal[t] = buffer.readf64(k[t], t * 8);
	let iterations = 0;
	let converged = false;
	while (iterations < maxIterations) {
		// i: the most violating index of I_up.
		let i = -1;
		let gmax = -math.huge;
		for (const t of $range(0, n - 1)) {
			if (inUp(alpha[t], y[t], c)) {
				const v = -y[t] * gradient[t];
				if (v > gmax) {
					gmax = v;
					i = t;
				}
			}
		}
		// j: second-order choice in I_low; also M = min over I_low of −yG for the stopping test.
		let j = -1;
		let gmin = math.huge;
		let best = math.huge;
		const ki = i >= 0 ? k[i] : undefined;
		for (const t of $range(0, n - 1)) {
			if (!inLow(alpha[t], y[t], c)) continue;
			const v = -y[t] * gradient[t];
			if (v < gmin) gmin = v;
			if (ki !== undefined) {
				const b = gmax - v;
				if (b > 0) {
					let a = diagonal[i] + diagonal[t] - 2 * buffer.readf64(ki, t * 8);
					if (a <= 0) a = TAU;
					const score = -(b * b) / a;
					if (score < best) {
						best = score;
						j = t;
					}
				}
			}
		}
		if (i < 0 || j < 0 || gmax - gmin < tolerance) {
			converged = true;
			break;
		}
		let a = diagonal[i] + diagonal[j] - 2 * buffer.readf64(ki!, j * 8);
		if (a <= 0) a = TAU;
		const boundI = y[i] > 0 ? c - alpha[i] : alpha[i];
		const boundJ = y[j] > 0 ? alpha[j] : c - alpha[j];
		const step = math.min((gmax + y[j] * gradient[j]) / a, boundI, boundJ);
		// A clipped step lands exactly on the bound, so the index sets stay exact.
		alpha[i] = step === boundI ? (y[i] > 0 ? c : 0) : alpha[i] + y[i] * step;
		alpha[j] = step === boundJ ? (y[j] > 0 ? 0 : c) : alpha[j] - y[j] * step;
		const kj = k[j];
		for (const t of $range(0, n - 1)) gradient[t] += y[t] * step * (buffer.readf64(ki!, t * 8) - buffer.readf64(kj, t * 8));
		iterations += 1;
		// each pair update is O(n): the budget is checked after every one
		budget.check();
	}
	return { alpha, bias: biasOf(alpha, y, gradient, c), iterations, converged };
}
