//!native
/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, algorithms 7.4 and 7.5) with a
 * line search satisfying the strong Wolfe conditions (algorithms 3.5 and 3.6, zoom by
 * bisection). Needs only the objective and its gradient, so it serves every smooth loss,
 * multi-output ones (softmax) included.
 */
import { Matrix } from "../../../matrix/types";

/** The objective at `w`; writes its gradient into `gradient` (shaped like w). */
export type Objective = (w: Matrix, gradient: Matrix) => number;

/** Sufficient decrease and curvature constants of the Wolfe conditions. */
const C1 = 1e-4;
const C2 = 0.9;
/** Objective evaluations one line search may make. */
const MAX_EVALUATIONS = 30;
/** A relative change this small of the objective or the weights means L-BFGS has converged. */
const TOLERANCE = 1e-12;

function zerosLike(w: Matrix): Matrix {
	return w.map((row) => row.map(() => 0));
}

function dot(a: Matrix, b: Matrix): number {
	let s = 0;
	for (const i of $range(0, a.size() - 1)) {
		const ai = a[i];
		const bi = b[i];
		for (const j of $range(0, ai.size() - 1)) s += ai[j] * bi[j];
	}
	return s;
}

/** out = a + t·b. */
function combineInto(out: Matrix, a: Matrix, t: number, b: Matrix) {
	for (const i of $range(0, a.size() - 1)) {
		const ai = a[i];
		const bi = b[i];
		const oi = out[i];
		for (const j of $range(0, ai.size() - 1)) oi[j] = ai[j] + t * bi[j];
	}
}

/** The curvature pairs (s, y) of the last `memory` steps, oldest first. */
export class LbfgsMemory {
	readonly steps = new Array<Matrix>();
	readonly changes = new Array<Matrix>();

	constructor(readonly memory = 10) {}

	/** Remembers one pair (dropped when its curvature sᵀy is not positive). */
	push(s: Matrix, y: Matrix) {
		if (dot(s, y) <= 1e-300) return;
		this.steps.push(s);
		this.changes.push(y);
		if (this.steps.size() > this.memory) {
			this.steps.remove(0);
			this.changes.remove(0);
		}
	}

	/** −H·g by the two-loop recursion (H₀ = γI, γ = sᵀy / yᵀy of the newest pair; I without pairs). */
	direction(g: Matrix): Matrix {
		const q = g.map((row) => row.map((v) => v));
		const count = this.steps.size();
		const alphas = table.create<number>(count, 0);
		for (const k of $range(count - 1, 0, -1)) {
			const a = dot(this.steps[k], q) / dot(this.steps[k], this.changes[k]);
			alphas[k] = a;
			combineInto(q, q, -a, this.changes[k]);
		}
		const gamma = count > 0 ? dot(this.steps[count - 1], this.changes[count - 1]) / dot(this.changes[count - 1], this.changes[count - 1]) : 1;
		for (const row of q) for (const j of $range(0, row.size() - 1)) row[j] *= gamma;
		for (const k of $range(0, count - 1)) {
			const b = dot(this.changes[k], q) / dot(this.steps[k], this.changes[k]);
			combineInto(q, q, alphas[k] - b, this.steps[k]);
		}
		for (const row of q) for (const j of $range(0, row.size() - 1)) row[j] = -row[j];
		return q;
	}
}

/**
 * A step length along `d` from `w` (objective `f0`, slope `slope0` = ∇f·d < 0) meeting the strong
 * Wolfe conditions; writes the new point, its gradient and returns (length, objective), or
 * length 0 when none was found.
 */
function wolfeSearch(
	objective: Objective,
	w: Matrix,
	d: Matrix,
	f0: number,
	slope0: number,
	first: number,
	point: Matrix,
	gradient: Matrix,
): LuaTuple<[number, number]> {
	let evaluations = 0;
	const at = (t: number): LuaTuple<[number, number]> => {
		evaluations += 1;
		combineInto(point, w, t, d);
		const f = objective(point, gradient);
		return $tuple(f, dot(gradient, d));
	};
	const zoom = (lo: number, fLo: number, hi: number): LuaTuple<[number, number]> => {
		while (evaluations < MAX_EVALUATIONS) {
			const t = (lo + hi) / 2;
			const [f, slope] = at(t);
			if (f !== f || f > f0 + C1 * t * slope0 || f >= fLo) {
				hi = t;
			} else {
				if (math.abs(slope) <= -C2 * slope0) return $tuple(t, f);
				if (slope * (hi - lo) >= 0) hi = lo;
				lo = t;
				fLo = f;
			}
		}
		return $tuple(0, f0);
	};
	let previous = 0;
	let fPrevious = f0;
	let t = first;
	while (evaluations < MAX_EVALUATIONS) {
		const [f, slope] = at(t);
		if (f !== f || f > f0 + C1 * t * slope0 || (previous > 0 && f >= fPrevious)) return zoom(previous, fPrevious, t);
		if (math.abs(slope) <= -C2 * slope0) return $tuple(t, f);
		if (slope >= 0) return zoom(t, f, previous);
		previous = t;
		fPrevious = f;
		t *= 2;
	}
	return $tuple(0, f0);
}

/**
 * One L-BFGS iteration on `w` IN PLACE with `memory`; returns true when converged (the objective
 * or the weights changed by no more than 1e-12 relative, or no step along the L-BFGS direction nor
 * steepest descent met the Wolfe conditions, `w` then unchanged).
 */
export function lbfgsStep(w: Matrix, objective: Objective, memory: LbfgsMemory): boolean {
	const g = zerosLike(w);
	const f0 = objective(w, g);
	let d = memory.direction(g);
	let slope = dot(g, d);
	if (!(slope < 0)) {
		memory.steps.clear();
		memory.changes.clear();
		d = memory.direction(g);
		slope = dot(g, d);
		if (!(slope < 0)) return true;
	}
	// Without curvature pairs the first trial step moves the weights by about 1 in total.
	const first = memory.steps.size() > 0 ? 1 : math.min(1, 1 / math.sqrt(dot(g, g)));
	const point = zerosLike(w);
	const gradient = zerosLike(w);
	let [t, f] = wolfeSearch(objective, w, d, f0, slope, first, point, gradient);
	if (t === 0 && memory.steps.size() > 0) {
		memory.steps.clear();
		memory.changes.clear();
		d = memory.direction(g);
		slope = dot(g, d);
		[t, f] = wolfeSearch(objective, w, d, f0, slope, math.min(1, 1 / math.sqrt(dot(g, g))), point, gradient);
	}
	if (t === 0) return true;
	const s = zerosLike(w);
	const y = zerosLike(w);
	let largestChange = 0;
	for (const i of $range(0, w.size() - 1)) {
		for (const j of $range(0, w[i].size() - 1)) {
			s[i][j] = point[i][j] - w[i][j];
			y[i][j] = gradient[i][j] - g[i][j];
			largestChange = math.max(largestChange, math.abs(s[i][j]) / (1 + math.abs(w[i][j])));
			w[i][j] = point[i][j];
		}
	}
	memory.push(s, y);
	return largestChange <= TOLERANCE || f0 - f <= TOLERANCE * math.max(1, math.abs(f0));
}
