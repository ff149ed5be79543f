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

function copyInto(out: Matrix, a: Matrix) {
	for (const i of $range(0, a.size() - 1)) {
		const ai = a[i];
		const oi = out[i];
		for (const j of $range(0, ai.size() - 1)) oi[j] = ai[j];
	}
}

/**
 * L-BFGS on one objective for one training call: the curvature pairs (s, y) of the last `memory`
 * steps in ring buffers, and every work matrix, made once for W's shape, so that a step allocates
 * nothing.
 */
export class Lbfgs {
	/** The pairs' slots (`count` of them in use, the oldest at `oldest`). */
	private readonly steps: Array<Matrix>;
	private readonly changes: Array<Matrix>;
	private count = 0;
	private oldest = 0;
	/** Work matrices shaped like W: the gradient at w, the direction, the trial point and its gradient, the new pair. */
	private readonly g: Matrix;
	private readonly d: Matrix;
	private readonly point: Matrix;
	private readonly gradient: Matrix;
	private readonly s: Matrix;
	private readonly y: Matrix;
	private readonly alphas: Array<number>;
	/** Objective evaluations of the current line search. */
	private evaluations = 0;

	constructor(
		private readonly objective: Objective,
		w: Matrix,
		private readonly memory = 10,
	) {
		this.steps = table.create<Matrix>(memory);
		this.changes = table.create<Matrix>(memory);
		for (const k of $range(0, memory - 1)) {
			this.steps[k] = zerosLike(w);
			this.changes[k] = zerosLike(w);
		}
		this.g = zerosLike(w);
		this.d = zerosLike(w);
		this.point = zerosLike(w);
		this.gradient = zerosLike(w);
		this.s = zerosLike(w);
		this.y = zerosLike(w);
		this.alphas = table.create<number>(memory, 0);
	}

	/** The k-th remembered step (0: the oldest). */
	private stepAt(k: number): Matrix {
		return this.steps[(this.oldest + k) % this.memory];
	}

	/** The k-th remembered gradient change (0: the oldest). */
	private changeAt(k: number): Matrix {
		return this.changes[(this.oldest + k) % this.memory];
	}

	/** Remembers the pair in `s`, `y` (dropped when its curvature sᵀy is not positive), forgetting the oldest beyond `memory`. */
	private push() {
		if (dot(this.s, this.y) <= 1e-300) return;
		let slot = this.oldest;
		if (this.count < this.memory) {
			slot = (this.oldest + this.count) % this.memory;
			this.count += 1;
		} else {
			this.oldest = (this.oldest + 1) % this.memory;
		}
		copyInto(this.steps[slot], this.s);
		copyInto(this.changes[slot], this.y);
	}

	/** Writes −H·g into `d` by the two-loop recursion (H₀ = γI, γ = sᵀy / yᵀy of the newest pair; I without pairs). */
	private direction(g: Matrix) {
		const q = this.d;
		copyInto(q, g);
		const count = this.count;
		const alphas = this.alphas;
		for (const k of $range(count - 1, 0, -1)) {
			const a = dot(this.stepAt(k), q) / dot(this.stepAt(k), this.changeAt(k));
			alphas[k] = a;
			combineInto(q, q, -a, this.changeAt(k));
		}
		const gamma = count > 0 ? dot(this.stepAt(count - 1), this.changeAt(count - 1)) / dot(this.changeAt(count - 1), this.changeAt(count - 1)) : 1;
		for (const row of q) for (const j of $range(0, row.size() - 1)) row[j] *= gamma;
		for (const k of $range(0, count - 1)) {
			const b = dot(this.changeAt(k), q) / dot(this.stepAt(k), this.changeAt(k));
			combineInto(q, q, alphas[k] - b, this.stepAt(k));
		}
		for (const row of q) for (const j of $range(0, row.size() - 1)) row[j] = -row[j];
	}

	/** The objective at w + t·d (written into `point`, its gradient into `gradient`) and its slope along d. */
	private at(w: Matrix, t: number): LuaTuple<[number, number]> {
		this.evaluations += 1;
		combineInto(this.point, w, t, this.d);
		const f = this.objective(this.point, this.gradient);
		return $tuple(f, dot(this.gradient, this.d));
	}

	/** Bisects [lo, hi] for a step meeting the strong Wolfe conditions (length 0 when none was found). */
	private zoom(w: Matrix, f0: number, slope0: number, lo: number, fLo: number, hi: number): LuaTuple<[number, number]> {
		while (this.evaluations < MAX_EVALUATIONS) {
			const t = (lo + hi) / 2;
			const [f, slope] = this.at(w, t);
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
	}

	/**
	 * A step length along `d` from `w` (objective `f0`, slope `slope0` = ∇f·d < 0) meeting the strong
	 * Wolfe conditions; leaves the new point and its gradient in `point` and `gradient` and returns
	 * (length, objective), or length 0 when none was found.
	 */
	private wolfeSearch(w: Matrix, f0: number, slope0: number, first: number): LuaTuple<[number, number]> {
		this.evaluations = 0;
		let previous = 0;
		let fPrevious = f0;
		let t = first;
		while (this.evaluations < MAX_EVALUATIONS) {
			const [f, slope] = this.at(w, t);
			if (f !== f || f > f0 + C1 * t * slope0 || (previous > 0 && f >= fPrevious)) return this.zoom(w, f0, slope0, previous, fPrevious, t);
			if (math.abs(slope) <= -C2 * slope0) return $tuple(t, f);
			if (slope >= 0) return this.zoom(w, f0, slope0, t, f, previous);
			previous = t;
			fPrevious = f;
			t *= 2;
		}
		return $tuple(0, f0);
	}

	/**
	 * One L-BFGS iteration on `w` IN PLACE; returns true when converged (the objective or the
	 * weights changed by no more than 1e-12 relative, or no step along the L-BFGS direction nor
	 * steepest descent met the Wolfe conditions, `w` then unchanged).
	 */
	step(w: Matrix): boolean {
		const { g, d, point, gradient, s, y } = this;
		const f0 = this.objective(w, g);
		this.direction(g);
		let slope = dot(g, d);
		if (!(slope < 0)) {
			this.count = 0;
			this.direction(g);
			slope = dot(g, d);
			if (!(slope < 0)) return true;
		}
		// Without curvature pairs the first trial step moves the weights by about 1 in total.
		const first = this.count > 0 ? 1 : math.min(1, 1 / math.sqrt(dot(g, g)));
		let [t, f] = this.wolfeSearch(w, f0, slope, first);
		if (t === 0 && this.count > 0) {
			this.count = 0;
			this.direction(g);
			slope = dot(g, d);
			[t, f] = this.wolfeSearch(w, f0, slope, math.min(1, 1 / math.sqrt(dot(g, g))));
		}
		if (t === 0) return true;
		let largestChange = 0;
		for (const i of $range(0, w.size() - 1)) {
			for (const j of $range(0, w[i].size() - 1)) {
				s[i][j] = point[i][j] - w[i][j];
				y[i][j] = gradient[i][j] - g[i][j];
				largestChange = math.max(largestChange, math.abs(s[i][j]) / (1 + math.abs(w[i][j])));
				w[i][j] = point[i][j];
			}
		}
		this.push();
		return largestChange <= TOLERANCE || f0 - f <= TOLERANCE * math.max(1, math.abs(f0));
	}
}
