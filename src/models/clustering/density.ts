//!native
/**
 * What the density-based clusterers (DBSCAN, OPTICS) share: neighbourhoods within a radius, and
 * labelling a row by the nearest core point within the radius (noise, −1, when there is none).
 */
import { Matrix } from "../../matrix/types";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { DistanceName, distanceBetween } from "../neighbours/search";

/** For each row, the indices of the rows within `radius` (itself included), in index order. */
export function neighbourhoods(x: Matrix, radius: number, distance: DistanceName, budget = new FrameBudget()): Array<Array<number>> {
	const n = x.size();
	const out = new Array<Array<number>>();
	for (const _ of $range(1, n)) out.push([]);
	for (const i of $range(0, n - 1)) {
		const xi = x[i];
		out[i].push(i);
		for (const j of $range(i + 1, n - 1)) {
			if (distanceBetween(xi, x[j], distance) <= radius) {
				out[i].push(j);
				out[j].push(i);
			}
		}
		budget.check();
	}
	// each list is in index order as built: row j hears of every i < j in turn, then itself, then every later row
	return out;
}

/**
 * Labels each row of `x` by its nearest core point of `points` (`core[i][0]` = 1) within `radius`
 * (ties: the lower index), −1 when none is that close; second value: that distance (n×1, inf when
 * there are no core points). In fixed row blocks within `budget`.
 */
export function labelByNearestCore(
	x: Matrix,
	points: Matrix,
	labels: Matrix,
	core: Matrix,
	radius: number,
	distance: DistanceName,
	budget: FrameBudget,
): LuaTuple<[Array<number>, Matrix]> {
	const n = x.size();
	const out = table.create<number>(n);
	const distances = table.create<Array<number>>(n);
	forEachBlock(n, rowsPerBlock(points.size() * (points[0].size() + 2)), budget, (first, last) => {
		for (const r of $range(first, last)) {
			const row = x[r];
			let best = -1;
			let bestDistance = math.huge;
			for (const i of $range(0, points.size() - 1)) {
				if (core[i][0] !== 1) continue;
				const d = distanceBetween(row, points[i], distance);
				if (d < bestDistance) {
					bestDistance = d;
					best = i;
				}
			}
			out[r] = best >= 0 && bestDistance <= radius ? labels[best][0] : -1;
			distances[r] = [bestDistance];
		}
	});
	return $tuple(out, distances);
}
