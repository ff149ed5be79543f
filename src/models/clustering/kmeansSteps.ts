//!native
/**
 * The update steps of `KMeans`: a Lloyd iteration (means; coordinate medians for the manhattan
 * distance; unit means for cosine) and the running-mean updates of mini-batch (Sculley 2010) and
 * sequential (MacQueen 1967) k-means. Cosine k-means works on unit rows with unit centroids, where
 * ‖a − c‖² = 2·(1 − cos): the euclidean statistics apply unchanged and halve to cosine distances.
 */
import { Matrix, Vector } from "../../matrix/types";
import { addKMeansAssignment, finalizeKMeans, KMeansPartial } from "../../sufficientStatistics/kmeans";
import { zeros } from "../../matrix/creation";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { distanceCallWork, DistanceName, distanceBetween } from "../neighbours/search";

/** `v` scaled to unit length in place (a zero vector stays zero); returns `v`. */
function normalizeInPlace(v: Vector): Vector {
	let s = 0;
	for (const value of v) s += value * value;
	if (s === 0) return v;
	const r = 1 / math.sqrt(s);
	for (const j of $range(0, v.size() - 1)) v[j] = v[j] * r;
	return v;
}

/** `v` scaled to unit length (a zero vector stays zero), as a new vector. */
export function unitVector(v: Vector): Vector {
	return normalizeInPlace(table.clone(v));
}

/** The distance k-means minimises for a row and a centre: squared euclidean, manhattan, or cosine. */
export function kMeansLoss(a: Vector, c: Vector, distance: DistanceName): number {
	const d = distanceBetween(a, c, distance);
	return distance === "euclidean" ? d * d : d;
}

/** The nearest centre of `row` (ties: the lower index) and its loss. */
export function nearestCentre(row: Vector, centres: Matrix, distance: DistanceName): LuaTuple<[number, number]> {
	let best = 0;
	let bestLoss = math.huge;
	for (const m of $range(0, centres.size() - 1)) {
		const loss = kMeansLoss(row, centres[m], distance);
		if (loss < bestLoss) {
			bestLoss = loss;
			best = m;
		}
	}
	return $tuple(best, bestLoss);
}

/** Σ over rows of the loss to the nearest centre (in row order, checking `budget` every block of rows). */
export function inertiaOf(x: Matrix, centres: Matrix, distance: DistanceName, budget = new FrameBudget()): number {
	const block = nearestCentreCheckRows(x, centres);
	let total = 0;
	x.forEach((row, i) => {
		total += nearestCentre(row, centres, distance)[1];
		if ((i + 1) % block === 0) budget.check();
	});
	return total;
}

function median(values: Array<number>): number {
	values.sort();
	const n = values.size();
	return n % 2 === 1 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/** Finishes a Lloyd step from merged statistics (validated): means, renormalised for cosine. */
export function centresFromPartial(partial: KMeansPartial, centres: Matrix, distance: DistanceName): Matrix {
	const updated = finalizeKMeans(partial, centres).centroids;
	return distance === "cosine" ? updated.map(unitVector) : updated;
}

/**
 * `centresFromPartial` of the training loop's own statistics, written into `out` (k×p, not
 * `centres`): the same divisions and normalisation, no new tables. Returns `out`.
 */
function centresInto(out: Matrix, partial: KMeansPartial, centres: Matrix, distance: DistanceName): Matrix {
	for (const m of $range(0, centres.size() - 1)) {
		const count = partial.counts[m][0];
		const o = out[m];
		const s = partial.sums[m];
		const c = centres[m];
		for (const j of $range(0, c.size() - 1)) o[j] = count > 0 ? s[j] / count : c[j];
		if (distance === "cosine") normalizeInPlace(o);
	}
	return out;
}

/**
 * Rows between budget checks of a pass that walks rows one by one to their nearest centre (no block
 * sums, so any interval gives the same numbers): a distance call per centre (`assignmentBlock`'s k·p
 * made 1,638-row stretches of 2.3–4.5 ms at k = 2, p = 10).
 */
function nearestCentreCheckRows(x: Matrix, centres: Matrix): number {
	return rowsPerBlock(centres.size() * distanceCallWork(x[0].size()));
}

/** Rows per block of the assignment step (about 2^15 multiply-adds; from the shape only, never from time). */
export function assignmentBlock(x: Matrix, centres: Matrix): number {
	return rowsPerBlock(centres.size() * x[0].size());
}

/** The work buffers of Lloyd steps, made once per `train` (issue 12: the iterations allocate no sums): one block's cluster sums and counts, and their running total. */
export interface LloydWorkspace {
	block: KMeansPartial;
	total: KMeansPartial;
}

/** Buffers for Lloyd steps with `k` centres of `c` columns. */
export function lloydWorkspace(k: number, c: number): LloydWorkspace {
	return {
		block: { n: 0, sums: zeros(k, c), counts: zeros(k, 1), inertia: 0 },
		total: { n: 0, sums: zeros(k, c), counts: zeros(k, 1), inertia: 0 },
	};
}

/**
 * The assignment step's statistics of all rows, in fixed row blocks merged in block order
 * (`mergeKMeansPartials`' additions, into `workspace.total`, which is returned), checking `budget` after each.
 */
export function assignmentPartial(
	x: Matrix,
	centres: Matrix,
	budget: FrameBudget,
	workspace = lloydWorkspace(centres.size(), x[0].size()),
): KMeansPartial {
	const { block, total } = workspace;
	const k = centres.size();
	const c = x[0].size();
	forEachBlock(x.size(), assignmentBlock(x, centres), budget, (first, last) => {
		for (const m of $range(0, k - 1)) {
			const s = block.sums[m];
			for (const j of $range(0, c - 1)) s[j] = 0;
			block.counts[m][0] = 0;
		}
		const inertia = addKMeansAssignment(x, first, last, centres, block.sums, block.counts);
		const rows = last - first + 1;
		const isFirst = first === 0;
		for (const m of $range(0, k - 1)) {
			const t = total.sums[m];
			const s = block.sums[m];
			for (const j of $range(0, c - 1)) t[j] = isFirst ? s[j] : t[j] + s[j];
			total.counts[m][0] = isFirst ? block.counts[m][0] : total.counts[m][0] + block.counts[m][0];
		}
		total.n = isFirst ? rows : total.n + rows;
		total.inertia = isFirst ? inertia : total.inertia + inertia;
	});
	return total;
}

/**
 * One Lloyd iteration on `x` (unit rows for cosine): the new centres and the inertia before the
 * update. Manhattan moves each centre to its members' coordinate-wise median (the L1 minimiser).
 * Euclidean and cosine use `pooled` (the statistics from a worker pool) when given, else
 * `assignmentPartial` within `budget` (in `workspace`'s buffers when given), and write the new
 * centres into `into` when given (a k×p buffer other than `centres`); manhattan assigns in the same
 * blocks, always here, and returns new centres.
 */
export function lloydStep(
	x: Matrix,
	centres: Matrix,
	distance: DistanceName,
	budget = new FrameBudget(),
	pooled?: KMeansPartial,
	workspace?: LloydWorkspace,
	into?: Matrix,
): LuaTuple<[Matrix, number]> {
	if (distance !== "manhattan") {
		const partial = pooled ?? assignmentPartial(x, centres, budget, workspace);
		const updated = into !== undefined ? centresInto(into, partial, centres, distance) : centresFromPartial(partial, centres, distance);
		return $tuple(updated, distance === "cosine" ? partial.inertia / 2 : partial.inertia);
	}
	const k = centres.size();
	const members = new Array<Array<Vector>>();
	for (const _ of $range(1, k)) members.push([]);
	let inertia = 0;
	const block = nearestCentreCheckRows(x, centres);
	x.forEach((row, i) => {
		const [m, loss] = nearestCentre(row, centres, distance);
		members[m].push(row);
		inertia += loss;
		if ((i + 1) % block === 0) budget.check();
	});
	const updated = centres.map((centre, m) => {
		const rows = members[m];
		if (rows.size() === 0) return table.clone(centre);
		return centre.map((_, j) => median(rows.map((row) => row[j])));
	});
	return $tuple(updated, inertia);
}

/**
 * One mini-batch update in place: the rows `batch` of `x` are assigned to the current centres,
 * then each centre moves to the running mean of every row it was ever given (`counts`, in place).
 * Returns the batch's inertia before the update.
 */
export function miniBatchStep(
	x: Matrix,
	batch: Array<number>,
	centres: Matrix,
	counts: Array<number>,
	distance: DistanceName,
	budget = new FrameBudget(),
): number {
	const k = centres.size();
	const p = centres[0].size();
	const assigned = new Array<number>();
	let inertia = 0;
	const block = nearestCentreCheckRows(x, centres);
	for (const i of batch) {
		const [m, loss] = nearestCentre(x[i], centres, distance);
		assigned.push(m);
		inertia += loss;
		if (assigned.size() % block === 0) budget.check();
	}
	const sums = new Array<Array<number>>();
	const sizes = table.create<number>(k, 0);
	for (const _ of $range(1, k)) sums.push(table.create<number>(p, 0));
	batch.forEach((i, b) => {
		const m = assigned[b];
		sizes[m] += 1;
		const s = sums[m];
		const row = x[i];
		for (const j of $range(0, p - 1)) s[j] += row[j];
	});
	for (const m of $range(0, k - 1)) {
		if (sizes[m] === 0) continue;
		counts[m] += sizes[m];
		const c = centres[m];
		const s = sums[m];
		const rate = 1 / counts[m];
		for (const j of $range(0, p - 1)) c[j] += rate * (s[j] - sizes[m] * c[j]);
		if (distance === "cosine") centres[m] = unitVector(c);
	}
	return inertia;
}

/**
 * One sequential (MacQueen) pass in place: each row of `x`, in `order`, moves its nearest centre
 * to the running mean of the rows it was given (`counts`, in place). Returns the pass's inertia
 * (each row's loss when it was visited).
 */
export function sequentialPass(
	x: Matrix,
	order: Array<number>,
	centres: Matrix,
	counts: Array<number>,
	distance: DistanceName,
	budget = new FrameBudget(),
): number {
	const p = centres[0].size();
	const block = nearestCentreCheckRows(x, centres);
	let inertia = 0;
	order.forEach((i, visited) => {
		const row = x[i];
		const [m, loss] = nearestCentre(row, centres, distance);
		inertia += loss;
		counts[m] += 1;
		const c = centres[m];
		const rate = 1 / counts[m];
		for (const j of $range(0, p - 1)) c[j] += rate * (row[j] - c[j]);
		if (distance === "cosine") centres[m] = unitVector(c);
		if ((visited + 1) % block === 0) budget.check();
	});
	return inertia;
}
