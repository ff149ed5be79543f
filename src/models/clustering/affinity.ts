//!native
/**
 * Affinity propagation's message passing (Frey & Dueck 2007): responsibilities R and availabilities
 * A between every pair of rows, damped; rows whose R(k,k) + A(k,k) > 0 are exemplars.
 */
import { Matrix } from "../../matrix/types";

/** The similarity matrix: −‖xᵢ − x_k‖², with `preference` on the diagonal. */
export function similarities(x: Matrix, preference: number): Matrix {
	return x.map((xi, i) =>
		x.map((xk, k) => {
			if (i === k) return preference;
			let s = 0;
			for (const j of $range(0, xi.size() - 1)) {
				const d = xi[j] - xk[j];
				s += d * d;
			}
			return -s;
		}),
	);
}

/**
 * One damped update in place: R(i,k) ← S(i,k) − max_{k'≠k}(A(i,k') + S(i,k')); then, from the new
 * R, A(i,k) ← min(0, R(k,k) + Σ_{i'∉{i,k}} max(0, R(i',k))) and A(k,k) ← Σ_{i'≠k} max(0, R(i',k));
 * each new value is mixed as damping·old + (1 − damping)·new.
 */
export function affinityPropagationStep(s: Matrix, r: Matrix, a: Matrix, damping: number) {
	const n = s.size();
	for (const i of $range(0, n - 1)) {
		const si = s[i];
		const ai = a[i];
		const ri = r[i];
		let first = -math.huge;
		let second = -math.huge;
		let firstIndex = -1;
		for (const k of $range(0, n - 1)) {
			const v = ai[k] + si[k];
			if (v > first) {
				second = first;
				first = v;
				firstIndex = k;
			} else if (v > second) second = v;
		}
		for (const k of $range(0, n - 1)) {
			const value = si[k] - (k === firstIndex ? second : first);
			ri[k] = damping * ri[k] + (1 - damping) * value;
		}
	}
	for (const k of $range(0, n - 1)) {
		let positive = 0;
		for (const i of $range(0, n - 1)) if (i !== k) positive += math.max(0, r[i][k]);
		const own = r[k][k];
		for (const i of $range(0, n - 1)) {
			const value = i === k ? positive : math.min(0, own + positive - math.max(0, r[i][k]));
			a[i][k] = damping * a[i][k] + (1 - damping) * value;
		}
	}
}

/** The exemplar indices: rows k with R(k,k) + A(k,k) > 0, ascending. */
export function exemplarsOf(r: Matrix, a: Matrix): Array<number> {
	const out = new Array<number>();
	for (const k of $range(0, r.size() - 1)) if (r[k][k] + a[k][k] > 0) out.push(k);
	return out;
}

/**
 * Final exemplars as scikit-learn chooses them: each row joins its most similar exemplar; then
 * each cluster's exemplar becomes the member with the largest summed similarity to the others.
 */
export function refineExemplars(s: Matrix, exemplars: Array<number>): Array<number> {
	const members = exemplars.map(() => new Array<number>());
	for (const i of $range(0, s.size() - 1)) {
		let best = 0;
		exemplars.forEach((e, c) => {
			if (e === i) best = c;
		});
		if (!exemplars.includes(i)) for (const c of $range(1, exemplars.size() - 1)) if (s[i][exemplars[c]] > s[i][exemplars[best]]) best = c;
		members[best].push(i);
	}
	return members.map((list) => {
		let bestIndex = list[0];
		let bestSum = -math.huge;
		for (const candidate of list) {
			let sum = 0;
			for (const other of list) sum += s[other][candidate];
			if (sum > bestSum) {
				bestSum = sum;
				bestIndex = candidate;
			}
		}
		return bestIndex;
	});
}

/** The median (or minimum) of the off-diagonal similarities: the usual preferences. */
export function similarityStatistic(s: Matrix, which: "median" | "minimum"): number {
	const values = new Array<number>();
	s.forEach((row, i) => row.forEach((v, k) => i !== k && values.push(v)));
	values.sort((a, b) => a < b);
	if (which === "minimum") return values[0];
	const n = values.size();
	return n % 2 === 1 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}
