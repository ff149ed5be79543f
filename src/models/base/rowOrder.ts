//!native
/**
 * A canonical order of training rows (lexicographic by features, then by a key such as the class
 * index), so that models whose computation visits rows in order (SMO, k-means++ seeding, online
 * passes, stored neighbours) give the same result whatever order the rows arrive in.
 */
import { Matrix } from "../../matrix/types";
import { FrameBudget, forEachBlock } from "../../parallel/FrameBudget";
import { sortWithinBudget } from "../../parallel/sort";

/** The 0-based row indices of `x` sorted by (row values, `keys[i]`, then i): a strict total order; sorted within `budget` (default: the library's). */
export function canonicalRowOrder(x: Matrix, keys?: Array<number>, budget = new FrameBudget()): Array<number> {
	const p = x[0].size();
	const n = x.size();
	const indices = table.create<number>(n);
	forEachBlock(n, 8192, budget, (first, last) => {
		for (const i of $range(first, last)) indices[i] = i;
	});
	return sortWithinBudget(
		indices,
		(a, b) => {
			const ra = x[a];
			const rb = x[b];
			for (const j of $range(0, p - 1)) {
				if (ra[j] !== rb[j]) return ra[j] < rb[j];
			}
			if (keys !== undefined && keys[a] !== keys[b]) return keys[a] < keys[b];
			return a < b;
		},
		budget,
	);
}

/** The rows of `x` (the same row tables, not copies) in {@link canonicalRowOrder}, gathered in blocks within `budget`. */
export function canonicalRows(x: Matrix, budget = new FrameBudget()): Matrix {
	const order = canonicalRowOrder(x, undefined, budget);
	const rows = table.create<Array<number>>(order.size());
	forEachBlock(order.size(), 8192, budget, (first, last) => {
		for (const i of $range(first, last)) rows[i] = x[order[i]];
	});
	return rows;
}
