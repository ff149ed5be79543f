//!native
/**
 * Partitioning Around Medoids (Kaufman & Rousseeuw 1990) on a precomputed distance matrix: BUILD
 * (greedy: each next medoid lowers the total distance most) then SWAP (the single medoid/non-medoid
 * exchange lowering the cost most, repeated until none does). Ties go to the lower index. The
 * distance matrix is buffer rows and symmetric, so every pass reads along rows: d(j, c) as d(c, j).
 */
import { BufferRows } from "../../matrix/rowBuffers";
import { FrameBudget, rowsPerBlock } from "../../parallel/FrameBudget";

/** Σ over points of the distance to the nearest medoid (in point order, checking `budget` every block of points). */
export function medoidCost(d: BufferRows, medoids: Array<number>, budget: FrameBudget): number {
	const every = rowsPerBlock(medoids.size() + 8);
	let total = 0;
	for (const j of $range(0, d.size() - 1)) {
		const row = d[j];
		let best = math.huge;
		for (const m of medoids) best = math.min(best, buffer.readf64(row, m * 8));
		total += best;
		if (j % every === every - 1) budget.check();
	}
	return total;
}

/** The BUILD phase: k medoid indices chosen greedily, checking `budget` after each fixed block of candidates (n additions each). */
export function pamBuild(d: BufferRows, k: number, budget: FrameBudget): Array<number> {
	const n = d.size();
	const every = rowsPerBlock(n);
	const nearest = table.create<number>(n, math.huge);
	const medoids = new Array<number>();
	const chosen = table.create<boolean>(n, false);
	for (const _ of $range(1, k)) {
		let best = -1;
		let bestCost = math.huge;
		for (const c of $range(0, n - 1)) {
			if (chosen[c]) continue;
			const dc = d[c];
			let cost = 0;
			for (const j of $range(0, n - 1)) cost += math.min(nearest[j], buffer.readf64(dc, j * 8));
			if (cost < bestCost) {
				bestCost = cost;
				best = c;
			}
			if (c % every === every - 1) budget.check();
		}
		medoids.push(best);
		chosen[best] = true;
		const chosenRow = d[best];
		for (const j of $range(0, n - 1)) nearest[j] = math.min(nearest[j], buffer.readf64(chosenRow, j * 8));
		budget.check();
	}
	return medoids;
}

/**
 * The nearest and second-nearest medoid distances of every point, and the position of the nearest in
 * `medoids`; three arrays made at full size, no table per point, `budget` checked every block of points.
 */
function nearestTwo(d: BufferRows, medoids: Array<number>, budget: FrameBudget): LuaTuple<[Array<number>, Array<number>, Array<number>]> {
	const n = d.size();
	const k = medoids.size();
	const first = table.create<number>(n, 0);
	const second = table.create<number>(n, 0);
	const owner = table.create<number>(n, 0);
	const every = rowsPerBlock(k + 8);
	for (const j of $range(0, n - 1)) {
		const row = d[j];
		let a = math.huge;
		let b = math.huge;
		let o = 0;
		for (const position of $range(0, k - 1)) {
			const v = buffer.readf64(row, medoids[position] * 8);
			if (v < a) {
				b = a;
				a = v;
				o = position;
			} else if (v < b) b = v;
		}
		first[j] = a;
		second[j] = b;
		owner[j] = o;
		if (j % every === every - 1) budget.check();
	}
	return $tuple(first, second, owner);
}

/**
 * The best single swap: [position in `medoids`, replacement index, change of cost]; the change is
 * ≥ 0 when no swap improves the cost. Checks `budget` after each fixed block of candidates (n additions each).
 */
export function bestSwap(d: BufferRows, medoids: Array<number>, budget: FrameBudget): LuaTuple<[number, number, number]> {
	const n = d.size();
	const every = rowsPerBlock(n);
	const [first, second, owner] = nearestTwo(d, medoids, budget);
	budget.check();
	const isMedoid = table.create<boolean>(n, false);
	for (const m of medoids) isMedoid[m] = true;
	let bestPosition = 0;
	let bestCandidate = -1;
	let bestDelta = 0;
	for (const position of $range(0, medoids.size() - 1)) {
		for (const h of $range(0, n - 1)) {
			if (isMedoid[h]) continue;
			const rowH = d[h];
			let delta = 0;
			for (const j of $range(0, n - 1)) {
				const dh = buffer.readf64(rowH, j * 8);
				delta += owner[j] === position ? math.min(second[j], dh) - first[j] : math.min(first[j], dh) - first[j];
			}
			if (delta < bestDelta) {
				bestDelta = delta;
				bestPosition = position;
				bestCandidate = h;
			}
			if (h % every === every - 1) budget.check();
		}
	}
	return $tuple(bestPosition, bestCandidate, bestDelta);
}
