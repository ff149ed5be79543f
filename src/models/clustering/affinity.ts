//!native
/**
 * Affinity propagation's message passing (Frey & Dueck 2007): responsibilities R and availabilities
 * A between every pair of rows, damped; rows whose R(k,k) + A(k,k) > 0 are exemplars.
 */
import { Matrix } from "../../matrix/types";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { mapInBlocks } from "../base/data";

/** The similarity matrix: −‖xᵢ − x_k‖², with `preference` on the diagonal; in row blocks within `budget`. */
export function similarities(x: Matrix, preference: number, budget = new FrameBudget()): Matrix {
	const n = x.size();
	return mapInBlocks(
		n,
		n * (x[0].size() + 2),
		(i) => {
			const xi = x[i];
			const row = table.create<number>(n);
			for (const k of $range(0, n - 1)) {
				if (i === k) {
					row[k] = preference;
					continue;
				}
				const xk = x[k];
				let s = 0;
				for (const j of $range(0, xi.size() - 1)) {
					const d = xi[j] - xk[j];
					s += d * d;
				}
				row[k] = -s;
			}
			return row;
		},
		budget,
	);
}

/**
 * One damped update in place: R(i,k) ← S(i,k) − max_{k'≠k}(A(i,k') + S(i,k')); then, from the new
 * R, A(i,k) ← min(0, R(k,k) + Σ_{i'∉{i,k}} max(0, R(i',k))) and A(k,k) ← Σ_{i'≠k} max(0, R(i',k));
 * each new value is mixed as damping·old + (1 − damping)·new. Checks `budget` after each fixed
 * block of rows of R and of columns of A.
 */
export function affinityPropagationStep(s: Matrix, r: Matrix, a: Matrix, damping: number, budget = new FrameBudget()) {
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
		if (i % every === every - 1) budget.check();
	}
	for (const k of $range(0, n - 1)) {
		let positive = 0;
		for (const i of $range(0, n - 1)) if (i !== k) positive += math.max(0, r[i][k]);
		const own = r[k][k];
		for (const i of $range(0, n - 1)) {
			const value = i === k ? positive : math.min(0, own + positive - math.max(0, r[i][k]));
			a[i][k] = damping * a[i][k] + (1 - damping) * value;
		}
		if (k % every === every - 1) budget.check();
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
 * Checks `budget` after each fixed block of rows and after each candidate.
 */
export function refineExemplars(s: Matrix, exemplars: Array<number>, budget: FrameBudget): Array<number> {
	const every = rowsPerBlock(4 * exemplars.size());
	const members = exemplars.map(() => new Array<number>());
	for (const i of $range(0, s.size() - 1)) {
		let best = 0;
		exemplars.forEach((e, c) => {
			if (e === i) best = c;
		});
		if (!exemplars.includes(i)) for (const c of $range(1, exemplars.size() - 1)) if (s[i][exemplars[c]] > s[i][exemplars[best]]) best = c;
		members[best].push(i);
		if (i % every === every - 1) budget.check();
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
			budget.check();
		}
		return bestIndex;
	});
}

/**
 * The values at the 0-based positions `wanted` (ascending) of the merged order of the ascending
 * lists `rows`: a heap over the lists' heads, checking `budget` every 4096 values passed.
 */
function mergedPositions(rows: Array<Array<number>>, wanted: Array<number>, budget: FrameBudget): Array<number> {
	const heads = table.create<number>(rows.size(), 0);
	const heap = new Array<number>();
	const key = (r: number) => rows[r][heads[r]];
	const swap = (i: number, j: number) => {
		const t = heap[i];
		heap[i] = heap[j];
		heap[j] = t;
	};
	const siftDown = (start: number) => {
		let i = start;
		for (;;) {
			const left = 2 * i + 1;
			let least = i;
			if (left < heap.size() && key(heap[left]) < key(heap[least])) least = left;
			if (left + 1 < heap.size() && key(heap[left + 1]) < key(heap[least])) least = left + 1;
			if (least === i) return;
			swap(i, least);
			i = least;
		}
	};
	for (const r of $range(0, rows.size() - 1)) if (rows[r].size() > 0) heap.push(r);
	for (const i of $range(math.floor(heap.size() / 2) - 1, 0, -1)) siftDown(i);
	const out = new Array<number>();
	let position = 0;
	while (out.size() < wanted.size()) {
		const r = heap[0];
		if (position === wanted[out.size()]) out.push(key(r));
		position += 1;
		heads[r] += 1;
		if (heads[r] >= rows[r].size()) {
			heap[0] = heap[heap.size() - 1];
			heap.pop();
		}
		siftDown(0);
		if (position % 4096 === 0) budget.check();
	}
	return out;
}

/**
 * The median (or minimum) of the off-diagonal similarities: the usual preferences. The median:
 * each row's off-diagonal values sorted (in row blocks), then merged up to the middle, all within `budget`.
 */
export function similarityStatistic(s: Matrix, which: "median" | "minimum", budget: FrameBudget): number {
	const n = s.size();
	if (which === "minimum") {
		let least = math.huge;
		forEachBlock(n, rowsPerBlock(n), budget, (first, last) => {
			for (const i of $range(first, last)) {
				const row = s[i];
				for (const k of $range(0, n - 1)) if (k !== i && row[k] < least) least = row[k];
			}
		});
		return least;
	}
	const rows = mapInBlocks(
		n,
		12 * n,
		(i) => {
			const row = table.create<number>(n - 1);
			for (const k of $range(0, n - 1)) if (k !== i) row[k < i ? k : k - 1] = s[i][k];
			row.sort();
			return row;
		},
		budget,
	);
	// n(n − 1) values, always an even count: the mean of the middle two
	const m = n * (n - 1);
	const [low, high] = mergedPositions(rows, [m / 2 - 1, m / 2], budget);
	return (low + high) / 2;
}
