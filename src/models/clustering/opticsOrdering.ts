//!native
/**
 * The OPTICS ordering (Ankerst, Breunig, Kriegel & Sander 1999), computed like scikit-learn's:
 * core distances (to the minimumPoints-th nearest row, itself included; inf beyond the maximum
 * radius), then repeatedly the unprocessed row of smallest reachability (ties and all-inf: the
 * lowest index) is taken and lowers its neighbours' reachability to max(distance, core distance).
 */
import { Matrix } from "../../matrix/types";
import { FrameBudget } from "../../parallel/FrameBudget";
import { mapInBlocks } from "../base/data";
import { DistanceName } from "../neighbours/search";
import { distancesFrom } from "./shared";

/** An OPTICS run: indices and values follow the rows given. */
export interface OpticsResult {
	/** The processing order (row indices). */
	ordering: Array<number>;
	/** Each row's reachability distance (inf: none, e.g. the first row of each group). */
	reachability: Array<number>;
	/** Each row's core distance (inf: not a core point within the maximum radius). */
	coreDistances: Array<number>;
}

/**
 * OPTICS on the rows of `x`: the core distances in row blocks within `budget`, then `step` after
 * each processed row (pacing). Each row's distances are computed when needed into one scratch row
 * (n entries) instead of keeping the n×n matrix: twice the distance evaluations, but no n² heap for
 * the collector to mark in one go (2,000 rows: 64 MB).
 */
export function opticsOrdering(
	x: Matrix,
	distance: DistanceName,
	minimumPoints: number,
	maximumEpsilon: number,
	budget: FrameBudget,
	step: (count: number) => void,
): OpticsResult {
	const n = x.size();
	// sorted with Luau's own comparison: a Luau comparator is a call from C per comparison, and each
	// such call lets the collector take a step (tens of ms on a large heap)
	const sorted = table.create<number>(n, 0);
	const coreDistances = mapInBlocks(
		n,
		n * (x[0].size() + 12),
		(i) => {
			distancesFrom(x, i, distance, sorted);
			sorted.sort();
			const c = minimumPoints <= n ? sorted[minimumPoints - 1] : math.huge;
			return c <= maximumEpsilon ? c : math.huge;
		},
		budget,
	);
	const reachability = table.create<number>(n, math.huge);
	const processed = table.create<boolean>(n, false);
	const ordering = new Array<number>();
	const row = table.create<number>(n, 0);
	for (const count of $range(1, n)) {
		let point = -1;
		for (const i of $range(0, n - 1)) {
			if (!processed[i] && (point < 0 || reachability[i] < reachability[point])) point = i;
		}
		processed[point] = true;
		ordering.push(point);
		const core = coreDistances[point];
		if (core < math.huge) {
			distancesFrom(x, point, distance, row);
			for (const j of $range(0, n - 1)) {
				if (processed[j] || row[j] > maximumEpsilon) continue;
				const r = math.max(row[j], core);
				if (r < reachability[j]) reachability[j] = r;
			}
		}
		step(count);
	}
	return { ordering, reachability, coreDistances };
}

/**
 * DBSCAN-like clusters at `epsilon` from an ordering (scikit-learn's cluster_optics_dbscan): a
 * new cluster starts at each row whose reachability exceeds epsilon but whose core distance does
 * not; rows reached within epsilon join the current cluster; the others are noise (−1).
 */
export function extractClusters(result: OpticsResult, epsilon: number): Array<number> {
	const labels = table.create<number>(result.ordering.size(), -1);
	let current = -1;
	for (const i of result.ordering) {
		const far = result.reachability[i] > epsilon;
		const nearCore = result.coreDistances[i] <= epsilon;
		if (far && nearCore) current += 1;
		labels[i] = far && !nearCore ? -1 : current;
	}
	return labels;
}
