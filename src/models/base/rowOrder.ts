//!native
/**
 * A canonical order of training rows (lexicographic by features, then by a key such as the class
 * index), so that models whose computation visits rows in order (SMO, k-means++ seeding, online
 * passes, stored neighbours) give the same result whatever order the rows arrive in.
 */
import { Matrix } from "../../matrix/types";
import { FrameBudget } from "../../parallel/FrameBudget";
import { sortWithinBudget } from "../../parallel/sort";

/** The 0-based row indices of `x` sorted by (row values, `keys[i]`, then i): a strict total order; sorted within `budget` (default: the library's). */
export function canonicalRowOrder(x: Matrix, keys?: Array<number>, budget = new FrameBudget()): Array<number> {
	const p = x[0].size();
	return sortWithinBudget(
		x.map((_, i) => i),
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
