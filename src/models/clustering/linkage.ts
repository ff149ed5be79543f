//!native
/**
 * Agglomerative clustering by the Lance–Williams updates (Lance & Williams 1967) on a distance
 * matrix: single, complete, average (UPGMA) and Ward linkage, the dendrogram in scipy's layout, and
 * cuts by cluster count or merge distance.
 */
import { Matrix } from "../../matrix/types";
import { BufferRows } from "../../matrix/rowBuffers";
import { FrameBudget, rowsPerBlock } from "../../parallel/FrameBudget";

/** The linkages: the distance between two clusters. */
export type Linkage = "single" | "complete" | "average" | "ward";

/**
 * The dendrogram of the n rows of the distance matrix `d` (overwritten by the merged distances):
 * (n−1)×4 rows [cluster a, cluster b, merge distance, size], clusters numbered like scipy (rows
 * 0…n−1, the merge of row t is n + t; a < b). Each step merges the closest pair (ties: the lowest
 * pair of current slots), checking `budget` after each fixed block of rows of the search; `step` after each merge
 * (pacing). Ward expects euclidean distances.
 */
export function agglomerate(d: BufferRows, linkage: Linkage, budget: FrameBudget, step: (count: number) => void): Matrix {
	const n = d.size();
	const dist = d;
	const every = rowsPerBlock(n);
	const active = table.create<boolean>(n, true);
	const ids = d.map((_, i) => i);
	const sizes = table.create<number>(n, 1);
	const merges = new Array<Array<number>>();
	for (const t of $range(0, n - 2)) {
		let bi = -1;
		let bj = -1;
		let best = math.huge;
		for (const i of $range(0, n - 1)) {
			if (!active[i]) continue;
			const row = dist[i];
			for (const j of $range(i + 1, n - 1)) {
				if (!active[j]) continue;
				const v = buffer.readf64(row, j * 8);
				if (bi < 0 || v < best) {
					best = v;
					bi = i;
					bj = j;
				}
			}
			if (i % every === every - 1) budget.check();
		}
		const ni = sizes[bi];
		const nj = sizes[bj];
		const rowI = dist[bi];
		const rowJ = dist[bj];
		for (const k of $range(0, n - 1)) {
			if (!active[k] || k === bi || k === bj) continue;
			const dik = buffer.readf64(rowI, k * 8);
			const djk = buffer.readf64(rowJ, k * 8);
			let value: number;
			if (linkage === "single") value = math.min(dik, djk);
			else if (linkage === "complete") value = math.max(dik, djk);
			else if (linkage === "average") value = (ni * dik + nj * djk) / (ni + nj);
			else {
				const nk = sizes[k];
				value = math.sqrt(math.max(0, ((ni + nk) * dik * dik + (nj + nk) * djk * djk - nk * best * best) / (ni + nj + nk)));
			}
			buffer.writef64(rowI, k * 8, value);
			buffer.writef64(dist[k], bi * 8, value);
		}
		merges.push([math.min(ids[bi], ids[bj]), math.max(ids[bi], ids[bj]), best, ni + nj]);
		active[bj] = false;
		ids[bi] = n + t;
		sizes[bi] = ni + nj;
		step(t + 1);
	}
	return merges;
}

/**
 * Flat labels of the n rows after the first `mergeCount` merges of `merges`, numbered 0, 1, … in
 * the order of each cluster's lowest row.
 */
export function labelsAfterMerges(n: number, merges: Matrix, mergeCount: number): Array<number> {
	const parent = new Array<number>();
	for (const i of $range(0, 2 * n - 1)) parent[i] = i;
	const root = (i: number): number => {
		let r = i;
		while (parent[r] !== r) r = parent[r];
		return r;
	};
	for (const t of $range(0, mergeCount - 1)) {
		const [a, b] = [merges[t][0], merges[t][1]];
		parent[root(a)] = n + t;
		parent[root(b)] = n + t;
	}
	const labelOfRoot = new Map<number, number>();
	const labels = new Array<number>();
	for (const i of $range(0, n - 1)) {
		const r = root(i);
		let label = labelOfRoot.get(r);
		if (label === undefined) {
			label = labelOfRoot.size();
			labelOfRoot.set(r, label);
		}
		labels.push(label);
	}
	return labels;
}

/** How many merges a cut keeps: down to `count` clusters, or every merge closer than `threshold` (> 0). */
export function mergesKept(merges: Matrix, n: number, count: number, threshold: number): number {
	if (threshold <= 0) return math.max(0, n - count);
	let kept = 0;
	while (kept < merges.size() && merges[kept][2] < threshold) kept += 1;
	return kept;
}
