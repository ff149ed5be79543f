/**
 * The sufficient-statistics contract (docs/DESIGN.md, `src/sufficientStatistics`): each statistic is three
 * pure functions — `compute<Name>Partial(...)` in a child, `merge<Name>Partials(a, b)` (associative,
 * so any merge order gives the same result up to rounding), `finalize<Name>(partial, options)` in the
 * main model, where regularization is added once. Partials are plain data ("statistics" payloads).
 * This file holds the order-agnostic reducers over a list of partials.
 */
import { assertDenseArray, describeShape } from "../matrix/validate";

function assertPartialList<P extends defined>(partials: Array<P>, where: string) {
	if (!typeIs(partials, "table") || partials.size() === 0) {
		error(`[Hivemind] ${where}: partials must be a non-empty array of partials, got ${describeShape(partials)}`, 3);
	}
	assertDenseArray(partials, "partials", "an array of partials", where);
}

/** Merges partials left to right: ((p₁ ⊕ p₂) ⊕ p₃) ⊕ …, as a main server does when updates arrive one by one. */
export function mergeChain<P extends defined>(partials: Array<P>, merge: (a: P, b: P) => P): P {
	assertPartialList(partials, "mergeChain");
	let total = partials[0];
	for (const i of $range(1, partials.size() - 1)) total = merge(total, partials[i]);
	return total;
}

/** Merges partials pairwise in a balanced tree: (p₁ ⊕ p₂) ⊕ (p₃ ⊕ p₄), as a hierarchy of servers does. */
export function mergeTree<P extends defined>(partials: Array<P>, merge: (a: P, b: P) => P): P {
	assertPartialList(partials, "mergeTree");
	let level = [...partials];
	while (level.size() > 1) {
		const upper = new Array<P>();
		for (const i of $range(0, level.size() - 1, 2)) upper.push(i + 1 < level.size() ? merge(level[i], level[i + 1]) : level[i]);
		level = upper;
	}
	return level[0];
}
