import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError } from "../../support/numeric";
import { DBSCAN } from "../../../src/models/clustering/DBSCAN";

// The hand-solved case (epsilon 1.5, minimumPoints 3, euclidean), twelve rows:
// A = the unit square (0,0) (1,0) (0,1) (1,1): each sees the other three (distances 1, 1, √2 ≤ 1.5) → core.
// (2.4, 1) sees only (1,1) (distance 1.4; (1,0) is √2.96 ≈ 1.72 away) → 2 < 3: a border row of A.
// B = the square at (10,10): core likewise; (12.2, 11) sees only (11,11) (1.2) → border of B.
// (5,5) and (5,6) see each other (1) and nothing else → 2 < 3, no core point near: noise.
// (20, 0) and (-6, 3) are alone: noise. Labels follow the canonical (sorted) order: A is 0, B is 1.
const ROWS = [
	[10, 11],
	[5, 5],
	[1, 1],
	[12.2, 11],
	[0, 0],
	[11, 10],
	[0, 1],
	[2.4, 1],
	[10, 10],
	[5, 6],
	[1, 0],
	[11, 11],
	[20, 0],
	[-6, 3],
];
const EXPECTED = [1, -1, 0, 1, 0, 1, 0, 0, 1, -1, 0, 1, -1, -1];

describe("DBSCAN", () => {
	it("matches the hand-solved case, labelling noise -1", () => {
		const rows = ROWS.filter((_, i) => i < 12);
		const model = new DBSCAN({ epsilon: 1.5, minimumPoints: 3 });
		expect(model.train(rows)).toEqual([]);
		const [labels, distances] = model.predict(rows);
		expect(labels).toEqual(EXPECTED.filter((_, i) => i < 12));
		expectClose(distances[7][0], 1.4);
		// core flags in the canonical order (0,0) (0,1) (1,0) (1,1) (2.4,1) (5,5) (5,6) (10,10) (10,11) (11,10) (11,11) (12.2,11)
		const core = (model.getModelParameters() as unknown as { core: Array<Array<number>> }).core.map((r) => r[0]);
		expect(core).toEqual([1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0]);
	});

	it("gives the same labels whatever the order of the rows, and labels new rows by the nearest core point", () => {
		const model = new DBSCAN({ epsilon: 1.5, minimumPoints: 3 });
		model.train(ROWS.map((_, i) => ROWS[ROWS.size() - 1 - i]));
		expect(model.predict(ROWS)[0]).toEqual(EXPECTED);
		expect(
			model.predict([
				[1.5, 0.5],
				[5, 5.5],
				[9.2, 10],
			])[0],
		).toEqual([0, -1, 1]);
	});

	it("rejects bad options, naming them", () => {
		expectError(() => new DBSCAN({ epsilon: 0 }), "DBSCAN.new: epsilon must be a finite number > 0, got 0");
		expectError(() => new DBSCAN({ minimumPoints: 0.5 }), "minimumPoints must be an integer ≥ 1, got 0.5");
		expectError(
			() => new DBSCAN().setModelParameters({ points: [[1]], labels: [[0], [1]], core: [[1]] }),
			"DBSCAN.setModelParameters: parameters must be a record {core, labels, points}",
		);
	});
});
