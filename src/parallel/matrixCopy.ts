//!native
/**
 * Validating and copying a large matrix within the frame budget: the checks of `assertMatrix` and
 * the copy in fixed row blocks (the caller reports what was wrong with `assertMatrix` itself).
 */
import { Matrix } from "../matrix/types";
import { isDenseArray } from "../matrix/validate";
import { allocatingRowsPerBlock, fillInBlocks, FrameBudget } from "./FrameBudget";

/**
 * Rows per block when validating or copying rows of `p` entries: an entry costs about 4
 * multiply-adds (type, NaN and infinity checks, the store), a row's new table as much as one more
 * entry; a block holds at most `ALLOCATING_BLOCK_ROWS` rows (each a new table). From the shape only,
 * so the blocks never depend on time.
 */
export function copyBlockRows(p: number): number {
	return allocatingRowsPerBlock(4 * (p + 1));
}

/** `isDenseArray` of a long table within `budget`: its keys are counted 4096 at a time (a resumable `next`). */
function isDenseWithinBudget(values: Array<unknown>, budget: FrameBudget): boolean {
	let count = 0;
	let key: unknown = undefined;
	for (;;) {
		for (const _ of $range(1, 4096)) {
			key = next(values as object, key)[0];
			if (key === undefined) return count === values.size();
			if (!typeIs(key, "number")) return false;
			count += 1;
		}
		budget.check();
	}
}

/**
 * A copy of `X` when it is a valid matrix (dense, rectangular, finite, non-empty: `assertMatrix`'s
 * conditions), in fixed row blocks within the frame budget; undefined otherwise. With `withOnes`,
 * each copied row starts with a 1 (the bias input) before X's entries: one copy instead of two.
 */
export function copyMatrixWithinBudget(X: unknown, withOnes = false): Matrix | undefined {
	if (!typeIs(X, "table")) return undefined;
	const rows = X as Array<unknown>;
	const n = rows.size();
	const first = rows[0];
	if (n === 0 || !typeIs(first, "table") || !isDenseArray(first)) return undefined;
	const p = (first as Array<unknown>).size();
	if (p === 0) return undefined;
	const budget = new FrameBudget();
	if (!isDenseWithinBudget(rows, budget)) return undefined;
	const offset = withOnes ? 1 : 0;
	let valid = true;
	// held while its rows are made (fillInBlocks): marked incrementally, not in the collector's atomic step
	const out = fillInBlocks<Array<number>>(n, copyBlockRows(p), budget, (copy, firstRow, lastRow) => {
		if (!valid) return;
		for (const i of $range(firstRow, lastRow)) {
			const row = rows[i];
			if (!typeIs(row, "table") || (row as Array<unknown>).size() !== p) {
				valid = false;
				return;
			}
			const values = row as Array<unknown>;
			const copied = table.create<number>(p + offset, 1);
			for (const j of $range(1, p)) {
				const v = values[j - 1];
				if (!typeIs(v, "number") || v !== v || v === math.huge || v === -math.huge) {
					valid = false;
					return;
				}
				copied[j - 1 + offset] = v;
			}
			copy[i] = copied;
		}
	});
	return valid ? out : undefined;
}
