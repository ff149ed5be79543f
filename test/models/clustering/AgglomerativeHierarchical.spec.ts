import { describe, expect, it } from "../../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../../support/numeric";
import { AgglomerativeHierarchical } from "../../../src/models/clustering/AgglomerativeHierarchical";

// Six rows on a line: 0, 1, 3, 7, 8.5, 13 (rows 0…5). Every linkage first joins 0–1 (distance 1,
// cluster 6) and 7–8.5 (1.5, cluster 7). Then, by hand:
// single:   3 to {0,1} is min(3, 2) = 2 (cluster 8); {0,1,3}–{7,8.5} = 7 − 3 = 4 (cluster 9) before 13–{7,8.5} = 4.5; last 4.5.
// complete: 3 to {0,1} is max(3, 2) = 3; 13 to {7,8.5} is max(6, 4.5) = 6 (before {0,1,3}–{7,8.5} = 8.5); last 13 − 0 = 13.
// average:  3 to {0,1} is (3 + 2)/2 = 2.5; 13 to {7,8.5} is (6 + 4.5)/2 = 5.25; last the mean of the 9 cross distances = 73.5/9.
// ward:     √(2·nₐn_b/(nₐ+n_b))·|mean gap|: 3 to {0,1}: √(4/3)·2.5; 13 to {7,8.5}: √(4/3)·5.25; last √3·(9.5 − 4/3).
const ROWS = [[0], [1], [3], [7], [8.5], [13]];
const FIRST = [
	[0, 1, 1, 2],
	[3, 4, 1.5, 2],
];
const EXPECTED: { [linkage: string]: Array<Array<number>> } = {
	single: [...FIRST, [2, 6, 2, 3], [7, 8, 4, 5], [5, 9, 4.5, 6]],
	complete: [...FIRST, [2, 6, 3, 3], [5, 7, 6, 3], [8, 9, 13, 6]],
	average: [...FIRST, [2, 6, 2.5, 3], [5, 7, 5.25, 3], [8, 9, 73.5 / 9, 6]],
	ward: [...FIRST, [2, 6, math.sqrt(4 / 3) * 2.5, 3], [5, 7, math.sqrt(4 / 3) * 5.25, 3], [8, 9, math.sqrt(3) * (9.5 - 4 / 3), 6]],
};

describe("AgglomerativeHierarchical", () => {
	it("matches the hand-computed dendrogram of every linkage on six rows", () => {
		for (const linkage of ["single", "complete", "average", "ward"] as const) {
			const model = new AgglomerativeHierarchical({ linkage });
			const heights = model.train(ROWS);
			expectMatrixClose(model.getDendrogram(), EXPECTED[linkage], 1e-12);
			expect(heights.size()).toBe(5);
		}
	});

	it("cuts by count and by distance, and re-cuts without training", () => {
		const model = new AgglomerativeHierarchical({ linkage: "single", numberOfClusters: 2 });
		model.train(ROWS);
		// single linkage's last merge (4.5) is 13 joining the rest
		expect(model.predict(ROWS)[0]).toEqual([0, 0, 0, 0, 0, 1]);
		model.cut(3);
		expect(model.predict(ROWS)[0]).toEqual([0, 0, 0, 1, 1, 2]);
		// merges strictly below 2: 0–1 and 7–8.5 only
		model.cutAtDistance(2);
		expect(model.predict(ROWS)[0]).toEqual([0, 0, 1, 2, 2, 3]);
		const byDistance = new AgglomerativeHierarchical({ linkage: "complete", distanceThreshold: 6.5 });
		byDistance.train(ROWS);
		expect(byDistance.predict([[2], [12], [-4]])[0]).toEqual([0, 1, 0]);
	});

	it("rejects ward without the euclidean distance and bad cuts, naming them", () => {
		expectError(
			() => new AgglomerativeHierarchical({ distance: "manhattan" }).train(ROWS),
			'AgglomerativeHierarchical.train: distance must be "euclidean" with linkage "ward", got "manhattan"',
		);
		expectError(
			() => new AgglomerativeHierarchical({ linkage: "centroid" as never }),
			'linkage must be one of "single", "complete", "average", "ward", got "centroid"',
		);
		const model = new AgglomerativeHierarchical();
		expectError(() => model.cut(2), "AgglomerativeHierarchical.cut: the model has no parameters yet");
		model.train(ROWS);
		expectError(() => model.cut(0), "AgglomerativeHierarchical.cut: numberOfClusters must be an integer ≥ 1, got 0");
		expectError(() => model.cutAtDistance(-1), "AgglomerativeHierarchical.cutAtDistance: threshold must be a number > 0, got -1");
		expectError(() => model.setModelParameters({ points: [[1], [2]], labels: [[0], [0]] }), "parameters.merges must be 1×4");
	});
});
