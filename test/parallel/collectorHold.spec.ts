import { describe, expect, it } from "../support/jest-globals.d";
import { dropKept, HOLD_SLOTS, heldCount, holdWhileFilling, keptCount, releaseHold } from "../../src/parallel/collectorHold";
import { copyMatrixWithinBudget } from "../../src/parallel/matrixCopy";
import { mapInBlocks, targetMatrix } from "../../src/models/base/data";
import { expectError } from "../support/numeric";

describe("holding a table while it is filled", () => {
	it("holds until released; a hold past the ring's 8 slots drops the oldest one", () => {
		dropKept(true);
		expect(heldCount()).toBe(0);
		const values = new Array<object>();
		for (const _ of $range(1, HOLD_SLOTS + 1)) values.push(holdWhileFilling({}));
		// nine holds in eight slots: all slots taken, the first value no longer held
		expect(heldCount()).toBe(HOLD_SLOTS);
		releaseHold(values[0]);
		expect(heldCount()).toBe(HOLD_SLOTS);
		releaseHold(values[1]);
		expect(heldCount()).toBe(HOLD_SLOTS - 1);
		for (const value of values) releaseHold(value);
		expect(heldCount()).toBe(0);
	});

	it("keeps a released table until the collector has finished the cycle it was held in, then drops it", () => {
		dropKept(true);
		const value = holdWhileFilling({});
		releaseHold(value);
		// the cycle cannot have ended between two statements that allocate almost nothing
		expect(keptCount()).toBe(1);
		expect(heldCount()).toBe(0);
		// allocate until the collector has run a whole cycle (its sentinel collected): bounded, ≈ 10 MB a round
		let rounds = 0;
		while (keptCount() > 0 && rounds < 400) {
			const garbage = table.create<Array<number>>(10000);
			for (const i of $range(0, 9999)) garbage[i] = table.create<number>(8, i);
			rounds += 1;
			dropKept();
		}
		expect(keptCount()).toBe(0);
		expect(rounds >= 1).toBe(true);
	});

	it("a new hold reuses a kept slot before dropping a table still being filled", () => {
		dropKept(true);
		const filling = new Array<object>();
		for (const _ of $range(1, HOLD_SLOTS - 1)) filling.push(holdWhileFilling({}));
		const done = holdWhileFilling({});
		releaseHold(done);
		expect(heldCount()).toBe(HOLD_SLOTS - 1);
		expect(keptCount()).toBe(1);
		// the ring is full; the next hold takes the kept slot, and every table being filled stays held
		filling.push(holdWhileFilling({}));
		expect(heldCount()).toBe(HOLD_SLOTS);
		expect(keptCount()).toBe(0);
		for (const value of filling) releaseHold(value);
		dropKept(true);
		expect(heldCount()).toBe(0);
	});

	it("mapInBlocks holds its output while filling it and releases it after", () => {
		const during = new Array<number>();
		const out = mapInBlocks(3, 1, (i) => {
			during.push(heldCount());
			return [i];
		});
		expect(during).toEqual([1, 1, 1]);
		expect(out).toEqual([[0], [1], [2]]);
		expect(heldCount()).toBe(0);
	});

	it("the validating copy and the target column release their holds, also on bad input", () => {
		expect(
			copyMatrixWithinBudget([
				[1, 2],
				[3, 4],
			]),
		).toEqual([
			[1, 2],
			[3, 4],
		]);
		expect(
			copyMatrixWithinBudget([
				[1, 2],
				[3, 0 / 0],
			]),
		).toBe(undefined);
		expect(heldCount()).toBe(0);
		expectError(() => targetMatrix([1, 0 / 0], 2, "Model.train", "2×1"), "y[2] must be a finite number");
		expect(heldCount()).toBe(0);
	});
});
