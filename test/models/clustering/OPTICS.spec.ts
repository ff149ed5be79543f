import { describe, expect, it } from "../../support/jest-globals.d";
import { expectError } from "../../support/numeric";
import { OPTICS } from "../../../src/models/clustering/OPTICS";

// Hand-solved (minimumPoints 2: the core distance is the distance to the nearest other row):
// rows 0, 1, 3, 10, 11, 12.5 have core distances 1, 1, 2, 1, 1, 1.5. Start at 0 (reachability
// undefined); from 0: r(1) = max(1, 1) = 1, r(3) = 3, r(10) = 10, … Take 1: r(3) = max(2, 1) = 2,
// r(10) = 9. Take 3: r(10) = max(7, 2) = 7. Take 10: r(11) = 1, r(12.5) = 2.5. Take 11:
// r(12.5) = max(1.5, 1) = 1.5. Take 12.5. Ordering 0 1 3 10 11 12.5; reachability ∞ 1 2 7 1 1.5.
// Cut at 2: clusters start at 0 and at 10 → {0, 1, 3} and {10, 11, 12.5}. Cut at 1.2: 3 and 12.5
// (reachability and core distance both above 1.2) are noise.
const ROWS = [[11], [3], [0], [12.5], [10], [1]];

describe("OPTICS", () => {
	it("matches the hand-solved ordering, reachability and core distances", () => {
		const model = new OPTICS({ minimumPoints: 2, extractionEpsilon: 2 });
		model.train(ROWS);
		expect(model.getOrdering()).toEqual([2, 5, 1, 4, 0, 3]);
		expect(model.getReachability()).toEqual([1, 2, math.huge, 1.5, 7, 1]);
		expect(model.getCoreDistances()).toEqual([1, 2, 1, 1.5, 1, 1]);
		expect(model.predict(ROWS)[0]).toEqual([1, 0, 0, 1, 1, 0]);
	});

	it("labels the hand-solved noise when cut at a smaller radius", () => {
		const model = new OPTICS({ minimumPoints: 2, extractionEpsilon: 1.2 });
		model.train(ROWS);
		expect(model.predict(ROWS)[0]).toEqual([1, -1, 0, -1, 1, 0]);
	});

	it("stops neighbourhoods at maximumEpsilon: beyond it, reachability stays undefined", () => {
		const model = new OPTICS({ minimumPoints: 2, maximumEpsilon: 5, extractionEpsilon: 2 });
		model.train(ROWS);
		// 10 is 7 from 3, farther than 5: it starts afresh with undefined reachability
		expect(model.getReachability()[4]).toBe(math.huge);
	});

	it("rejects bad options and a missing ordering, naming them", () => {
		expectError(() => new OPTICS({ maximumEpsilon: -1 }), "OPTICS.new: maximumEpsilon must be a number > 0 (math.huge: no limit), got -1");
		const trained = new OPTICS({ minimumPoints: 2 });
		trained.train(ROWS);
		const copy = new OPTICS({ minimumPoints: 2 });
		copy.setModelParameters(trained.getModelParameters()!);
		expectError(() => copy.getOrdering(), "OPTICS.getOrdering: the model must have been trained in this session");
	});
});
