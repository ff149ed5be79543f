import { describe, expect, it } from "../../support/jest-globals.d";
import { offDiagonalOrderStatistic } from "../../../src/models/clustering/orderStatistic";
import { toBufferRows } from "../../../src/matrix/rowBuffers";
import { FrameBudget } from "../../../src/parallel/FrameBudget";
import { RandomGenerator } from "../../../src/matrix/random";

/** The order statistics at every `stride`-th position (and the last) of the off-diagonal entries of `rows`, against one sorted list of them. */
function expectPositions(rows: Array<Array<number>>, stride = 1) {
	const values = new Array<number>();
	rows.forEach((row, i) => row.forEach((v, k) => i !== k && values.push(v)));
	values.sort();
	const s = toBufferRows(rows);
	const wrong = new Array<string>();
	values.forEach((v, position) => {
		if (position % stride !== 0 && position !== values.size() - 1) return;
		const got = offDiagonalOrderStatistic(s, position, new FrameBudget(0));
		if (got !== v) wrong.push(`position ${position}: ${got}, sorted ${v}`);
	});
	expect(wrong.join("; ")).toBe("");
}

describe("offDiagonalOrderStatistic (radix selection on the bits of doubles)", () => {
	it("gives every position of the sorted off-diagonal entries: signs, ±0, ties, tiny and huge magnitudes", () => {
		// The diagonal (99, −99, 1e300, −1e300) must never be counted.
		expectPositions([
			[99, -3, 0, 5e-324, -2.5],
			[-0, -99, 7, -3, 1e-300],
			[2 ** 60, -(2 ** 60), 1e300, 7, -5e-324],
			[-1e308, 1.5, -1.5, -1e300, 0],
			[3, 3, -7, 1e308, 42],
		]);
	});

	it("gives every 29th position on random similarities (all ≤ 0, many ties) of 30 rows", () => {
		const rng = new RandomGenerator(5);
		const rows = new Array<Array<number>>();
		for (const i of $range(0, 29)) {
			const row = new Array<number>();
			for (const k of $range(0, 29)) row.push(i === k ? 0 : -rng.integer(0, 50) / 8);
			rows.push(row);
		}
		expectPositions(rows, 29);
	});

	it("on two rows: the two off-diagonal entries", () => {
		const s = toBufferRows([
			[0, -4],
			[-1, 0],
		]);
		expect(offDiagonalOrderStatistic(s, 0, new FrameBudget(0))).toBe(-4);
		expect(offDiagonalOrderStatistic(s, 1, new FrameBudget(0))).toBe(-1);
	});
});
