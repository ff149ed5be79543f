//!native
/**
 * Isolation trees (Liu, Ting & Zhou 2008) stored as rows of one node matrix:
 * [feature (0-based; −1 for a leaf), threshold, left child, right child, rows in the leaf].
 * A node splits its rows on a random feature that is not constant there, at a threshold drawn
 * uniformly between that feature's minimum and maximum (left: value < threshold); it is a leaf
 * at the depth limit, with one row, or when every feature is constant.
 */
import { Matrix, Vector } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { FrameBudget } from "../../parallel/FrameBudget";

const EULER_GAMMA = 0.5772156649015329;

/**
 * c(m): the average path length of an unsuccessful search in a binary search tree of m rows,
 * 2H(m − 1) − 2(m − 1)/m with H(i) ≈ ln i + γ; c(1) = 0, c(2) = 1.
 */
export function averagePathLength(m: number): number {
	if (m <= 1) return 0;
	if (m === 2) return 1;
	return 2 * (math.log(m - 1) + EULER_GAMMA) - (2 * (m - 1)) / m;
}

/**
 * Grows one tree over `rows` (indices into `x`) from `depth`, appending its nodes to `nodes`; returns
 * the node's index. Checks `budget` every 16 nodes: a node makes a handful of tables, and while the
 * collector is behind each new table pays for a step of it, so a whole tree between two checks can
 * run several milliseconds.
 */
export function growTree(
	x: Matrix,
	rows: Array<number>,
	depth: number,
	maxDepth: number,
	rng: RandomGenerator,
	nodes: Matrix,
	budget: FrameBudget,
): number {
	const index = nodes.size();
	if (index % 16 === 15) budget.check();
	const node = [-1, 0, -1, -1, rows.size()];
	nodes.push(node);
	if (depth >= maxDepth || rows.size() <= 1) return index;
	const p = x[0].size();
	const candidates = new Array<number>();
	const lows = table.create<number>(p, 0);
	const highs = table.create<number>(p, 0);
	for (const j of $range(0, p - 1)) {
		let low = math.huge;
		let high = -math.huge;
		for (const r of rows) {
			const v = x[r][j];
			if (v < low) low = v;
			if (v > high) high = v;
		}
		lows[j] = low;
		highs[j] = high;
		if (high > low) candidates.push(j);
	}
	if (candidates.size() === 0) return index;
	const feature = candidates[rng.integer(0, candidates.size() - 1)];
	let threshold = rng.uniform(lows[feature], highs[feature]);
	if (threshold <= lows[feature]) threshold = (lows[feature] + highs[feature]) / 2;
	const left = rows.filter((r) => x[r][feature] < threshold);
	const right = rows.filter((r) => x[r][feature] >= threshold);
	node[0] = feature;
	node[1] = threshold;
	node[2] = growTree(x, left, depth + 1, maxDepth, rng, nodes, budget);
	node[3] = growTree(x, right, depth + 1, maxDepth, rng, nodes, budget);
	return index;
}

/** The path length of `row` in the tree rooted at node `root`: edges to its leaf plus c(rows in the leaf). */
export function pathLength(nodes: Matrix, root: number, row: Vector): number {
	let node = nodes[root];
	let depth = 0;
	while (node[0] >= 0) {
		node = nodes[row[node[0]] < node[1] ? node[2] : node[3]];
		depth += 1;
	}
	return depth + averagePathLength(node[4]);
}
