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
 * OPTICS on a pairwise distance matrix `d`: the core distances in row blocks within `budget`, then
 * `step` after each processed row (pacing).
 */
export function opticsOrdering(
	d: Matrix,
	minimumPoints: number,
	maximumEpsilon: number,
	budget: FrameBudget,
	step: (count: number) => void,
): OpticsResult {
	const n = d.size();
	const coreDistances = mapInBlocks(
		n,
		12 * n,
		(i) => {
			const sorted = table.clone(d[i]);
			sorted.sort((a, b) => a < b);
			const c = minimumPoints <= n ? sorted[minimumPoints - 1] : math.huge;
			return c <= maximumEpsilon ? c : math.huge;
		},
		budget,
	);
	const reachability = table.create<number>(n, math.huge);
	const processed = table.create<boolean>(n, false);
	const ordering = new Array<number>();
	for (const count of $range(1, n)) {
		let point = -1;
		for (const i of $range(0, n - 1)) {
			if (!processed[i] && (point < 0 || reachability[i] < reachability[point])) point = i;
		}
		processed[point] = true;
		ordering.push(point);
		const core = coreDistances[point];
		if (core < math.huge) {
			const row = d[point];
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
