//!native
/**
 * Distances and exact nearest-neighbour search (a linear scan, which is what small server
 * datasets need). Results are ordered by distance, ties by the lower stored-row index, so every
 * query has one deterministic answer.
 */
import { Matrix, Vector } from "../../matrix/types";
import { FrameBudget, rowsPerBlock } from "../../parallel/FrameBudget";

/** The distance names the neighbour models accept. */
export type DistanceName = "euclidean" | "manhattan" | "cosine";

/** Every distance name. */
export const DISTANCE_NAMES: ReadonlyArray<DistanceName> = ["euclidean", "manhattan", "cosine"];

/**
 * The distance between two rows: euclidean ‖a − b‖₂, manhattan ‖a − b‖₁, or cosine
 * 1 − a·b / (‖a‖‖b‖) (a zero row has cosine distance 1 to every row but another zero row, 0).
 */
export function distanceBetween(a: Vector, b: Vector, distance: DistanceName): number {
	const p = a.size();
	if (distance === "euclidean") {
		let s = 0;
		for (const j of $range(0, p - 1)) {
			const d = a[j] - b[j];
			s += d * d;
		}
		return math.sqrt(s);
	}
	if (distance === "manhattan") {
		let s = 0;
		for (const j of $range(0, p - 1)) s += math.abs(a[j] - b[j]);
		return s;
	}
	let ab = 0;
	let aa = 0;
	let bb = 0;
	for (const j of $range(0, p - 1)) {
		ab += a[j] * b[j];
		aa += a[j] * a[j];
		bb += b[j] * b[j];
	}
	if (aa === 0 || bb === 0) return aa === bb ? 0 : 1;
	return math.max(0, 1 - ab / math.sqrt(aa * bb));
}

/** The k nearest stored rows of one query: 0-based row indices and their distances, nearest first. */
export interface Neighbours {
	/** Stored-row indices, nearest first (ties: lower index first). */
	readonly indices: Array<number>;
	/** The matching distances (non-decreasing). */
	readonly distances: Array<number>;
}

/**
 * The work of one `distanceBetween` call on p features, in multiply-adds' time (`rowsPerBlock`'s unit):
 * 3p + 8, a call costing ≈ 1.1 µs at p = 10 in the headless interpreter.
 */
export function distanceCallWork(p: number): number {
	return 3 * p + 8;
}

/**
 * The `k` (≤ number of rows) nearest rows of `points` to `query`; ties go to the lower index; `budget`
 * checked every `rowsPerBlock(distanceCallWork(p))` rows (every 4096 rows was up to 4.7 ms between checks).
 */
export function nearestNeighbours(points: Matrix, query: Vector, k: number, distance: DistanceName, budget?: FrameBudget): Neighbours {
	const indices = new Array<number>();
	const distances = new Array<number>();
	const checkEvery = rowsPerBlock(distanceCallWork(query.size()));
	for (const i of $range(0, points.size() - 1)) {
		if (budget !== undefined && i % checkEvery === checkEvery - 1) budget.check();
		const d = distanceBetween(points[i], query, distance);
		const count = indices.size();
		// Strictly nearer than the current k-th (an equal distance keeps the earlier, lower index).
		if (count === k && d >= distances[count - 1]) continue;
		let position = count === k ? count - 1 : count;
		while (position > 0 && distances[position - 1] > d) {
			indices[position] = indices[position - 1];
			distances[position] = distances[position - 1];
			position -= 1;
		}
		indices[position] = i;
		distances[position] = d;
	}
	return { indices, distances };
}

/** The index of the row of `points` nearest to `query` (ties: the lower index) and its distance. */
export function nearestRow(points: Matrix, query: Vector, distance: DistanceName): LuaTuple<[number, number]> {
	let best = 0;
	let bestDistance = math.huge;
	for (const i of $range(0, points.size() - 1)) {
		const d = distanceBetween(points[i], query, distance);
		if (d < bestDistance) {
			best = i;
			bestDistance = d;
		}
	}
	return $tuple(best, bestDistance);
}

/** The k nearest rows of a shard to each query: row `i` of the lists answers query `i`, indices are global (shard row + `firstRow`). */
export interface NeighbourLists {
	/** Global row indices, nearest first (ties: lower index first). */
	readonly indices: Matrix;
	/** The matching distances. */
	readonly distances: Matrix;
}

/** The `k` (at most the rows of `points`) nearest rows of `points` to each query, indices offset by `firstRow`: a shard's answer; `budget` checked after each query and within each (see `nearestNeighbours`). */
export function nearestForQueries(
	points: Matrix,
	firstRow: number,
	queries: Matrix,
	k: number,
	distance: DistanceName,
	budget?: FrameBudget,
): NeighbourLists {
	const count = math.min(k, points.size());
	const indices = table.create<Array<number>>(queries.size());
	const distances = table.create<Array<number>>(queries.size());
	for (const q of $range(0, queries.size() - 1)) {
		const found = nearestNeighbours(points, queries[q], count, distance, budget);
		const global = found.indices;
		for (const j of $range(0, global.size() - 1)) global[j] += firstRow;
		indices[q] = global;
		distances[q] = found.distances;
		if (budget !== undefined) budget.check();
	}
	return { indices, distances };
}

/**
 * The `k` nearest of the shards' neighbours of query `q`: the lists (one per shard, in shard order,
 * each sorted by distance then index) merged by distance, ties to the lower global index — the
 * answer `nearestNeighbours` gives on all rows.
 */
export function mergeNeighbourLists(lists: ReadonlyArray<NeighbourLists>, q: number, k: number): Neighbours {
	const heads = table.create<number>(lists.size(), 0);
	const indices = new Array<number>();
	const distances = new Array<number>();
	while (indices.size() < k) {
		let best = -1;
		let bestDistance = 0;
		let bestIndex = 0;
		for (const s of $range(0, lists.size() - 1)) {
			const at = heads[s];
			const shardDistances = lists[s].distances[q];
			if (at >= shardDistances.size()) continue;
			const d = shardDistances[at];
			const i = lists[s].indices[q][at];
			if (best < 0 || d < bestDistance || (d === bestDistance && i < bestIndex)) {
				best = s;
				bestDistance = d;
				bestIndex = i;
			}
		}
		if (best < 0) break;
		heads[best] += 1;
		indices.push(bestIndex);
		distances.push(bestDistance);
	}
	return { indices, distances };
}
