//!native
/**
 * Affinity propagation's message passing (Frey & Dueck 2007): responsibilities R and availabilities
 * A between every pair of rows, damped; rows whose R(k,k) + A(k,k) > 0 are exemplars. The three
 * n×n matrices S, R, A are buffer rows (`matrix/rowBuffers.ts`): the collector never scans them.
 */
import { Matrix } from "../../matrix/types";
import { BufferRows } from "../../matrix/rowBuffers";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { symmetricBufferRows } from "../base/data";
import { offDiagonalOrderStatistic } from "./orderStatistic";

/**
 * The similarity matrix: −‖xᵢ − x_k‖², with `preference` on the diagonal; each pair computed once
 * ((a − b)² = (b − a)² exactly, so mirroring changes no bit), checking `budget` after each row.
 */
export function similarities(x: Matrix, preference: number, budget = new FrameBudget()): BufferRows {
	const p = x[0].size();
	return symmetricBufferRows(
		x.size(),
		(i, k) => {
			if (i === k) return preference;
			const xi = x[i];
			const xk = x[k];
			let s = 0;
			for (const j of $range(0, p - 1)) {
				const d = xi[j] - xk[j];
				s += d * d;
			}
			return -s;
		},
		budget,
	);
}

/**
 * One damped update in place: R(i,k) ← S(i,k) − max_{k'≠k}(A(i,k') + S(i,k')); then, from the new
 * R, A(i,k) ← min(0, R(k,k) + Σ_{i'∉{i,k}} max(0, R(i',k))) and A(k,k) ← Σ_{i'≠k} max(0, R(i',k));
 * each new value is mixed as damping·old + (1 − damping)·new. Every pass runs along rows (the
 * column sums accumulate row by row, in the same order); checks `budget` after each fixed block of rows.
 */
export function affinityPropagationStep(s: BufferRows, r: BufferRows, a: BufferRows, damping: number, budget = new FrameBudget()) {
	const n = s.size();
	const every = rowsPerBlock(2 * n);
	for (const i of $range(0, n - 1)) {
		const si = s[i];
		const ai = a[i];
		const ri = r[i];
		let first = -math.huge;
		let second = -math.huge;
		let firstIndex = -1;
		for (const k of $range(0, n - 1)) {
			const v = buffer.readf64(ai, k * 8) + buffer.readf64(si, k * 8);
			if (v > first) {
				second = first;
				first = v;
				firstIndex = k;
			} else if (v > second) second = v;
		}
		for (const k of $range(0, n - 1)) {
			const value = buffer.readf64(si, k * 8) - (k === firstIndex ? second : first);
			buffer.writef64(ri, k * 8, damping * buffer.readf64(ri, k * 8) + (1 - damping) * value);
		}
		if (i % every === every - 1) budget.check();
	}
	// positive[k] = Σ_{i≠k} max(0, R(i,k)) summed over i in order; own[k] = R(k,k)
	const positive = table.create<number>(n, 0);
	const own = table.create<number>(n, 0);
	for (const i of $range(0, n - 1)) {
		const ri = r[i];
		for (const k of $range(0, n - 1)) {
			const v = buffer.readf64(ri, k * 8);
			if (k === i) own[k] = v;
			else positive[k] += math.max(0, v);
		}
		if (i % every === every - 1) budget.check();
	}
	for (const i of $range(0, n - 1)) {
		const ri = r[i];
		const ai = a[i];
		for (const k of $range(0, n - 1)) {
			const value = i === k ? positive[k] : math.min(0, own[k] + positive[k] - math.max(0, buffer.readf64(ri, k * 8)));
			buffer.writef64(ai, k * 8, damping * buffer.readf64(ai, k * 8) + (1 - damping) * value);
		}
		if (i % every === every - 1) budget.check();
	}
}

/** R(k,k) + A(k,k), the evidence that row k is an exemplar. */
export function selfEvidence(r: BufferRows, a: BufferRows, k: number): number {
	return buffer.readf64(r[k], k * 8) + buffer.readf64(a[k], k * 8);
}

/** The exemplar indices: rows k with R(k,k) + A(k,k) > 0, ascending. */
export function exemplarsOf(r: BufferRows, a: BufferRows): Array<number> {
	const out = new Array<number>();
	for (const k of $range(0, r.size() - 1)) if (selfEvidence(r, a, k) > 0) out.push(k);
	return out;
}

/**
 * Final exemplars as scikit-learn chooses them: each row joins its most similar exemplar; then
 * each cluster's exemplar becomes the member with the largest summed similarity to the others.
 * Checks `budget` after each fixed block of rows and after each candidate.
 */
export function refineExemplars(s: BufferRows, exemplars: Array<number>, budget: FrameBudget): Array<number> {
	const every = rowsPerBlock(4 * exemplars.size());
	const members = exemplars.map(() => new Array<number>());
	for (const i of $range(0, s.size() - 1)) {
		let best = 0;
		exemplars.forEach((e, c) => {
			if (e === i) best = c;
		});
		const si = s[i];
		if (!exemplars.includes(i))
			for (const c of $range(1, exemplars.size() - 1))
				if (buffer.readf64(si, exemplars[c] * 8) > buffer.readf64(si, exemplars[best] * 8)) best = c;
		members[best].push(i);
		if (i % every === every - 1) budget.check();
	}
	return members.map((list) => {
		let bestIndex = list[0];
		let bestSum = -math.huge;
		for (const candidate of list) {
			let sum = 0;
			for (const other of list) sum += buffer.readf64(s[other], candidate * 8);
			if (sum > bestSum) {
				bestSum = sum;
				bestIndex = candidate;
			}
			budget.check();
		}
		return bestIndex;
	});
}

/**
 * The median (or minimum) of the off-diagonal similarities: the usual preferences. The median is the
 * mean of the two middle order statistics (`orderStatistic.ts`), within `budget`.
 */
export function similarityStatistic(s: BufferRows, which: "median" | "minimum", budget: FrameBudget): number {
	const n = s.size();
	if (which === "minimum") {
		let least = math.huge;
		forEachBlock(n, rowsPerBlock(n), budget, (first, last) => {
			for (const i of $range(first, last)) {
				const row = s[i];
				for (const k of $range(0, n - 1)) {
					const v = buffer.readf64(row, k * 8);
					if (k !== i && v < least) least = v;
				}
			}
		});
		return least;
	}
	// n(n − 1) values, always an even count: the mean of the middle two
	const m = n * (n - 1);
	return (offDiagonalOrderStatistic(s, m / 2 - 1, budget) + offDiagonalOrderStatistic(s, m / 2, budget)) / 2;
}
