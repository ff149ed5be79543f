import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix/random";
import { blobs } from "../../../src/models/base/examples";
import { KMedoids } from "../../../src/models/clustering/KMedoids";
import { distanceBetween } from "../../../src/models/neighbours/search";

type Rows = Array<Array<number>>;

function cost(X: Rows, medoids: Rows, distance: "euclidean" | "manhattan" | "cosine"): number {
	let total = 0;
	for (const row of X) {
		let best = math.huge;
		for (const m of medoids) best = math.min(best, distanceBetween(row, m, distance));
		total += best;
	}
	return total;
}

describe("KMedoids", () => {
	it("picks the hand-computed medoids: the middle of each group, ignoring an outlier's pull", () => {
		const model = new KMedoids({ numberOfClusters: 2 });
		const history = model.train([[0], [1], [2], [6], [7], [8]]);
		const medoids = (model.getModelParameters() as Rows).map((r) => r[0]);
		medoids.sort();
		expect(medoids).toEqual([1, 7]);
		expectClose(history[history.size() - 1], 4);
		const one = new KMedoids({ numberOfClusters: 1 });
		one.train([[0], [1], [2], [3], [100]]);
		// Σ|x − 2| = 102 < Σ|x − 3| = 103; the mean (21.2) would sit far from every group row
		expect(one.getModelParameters()).toEqual([[2]]);
	});

	it("ends on data points at a local optimum: no single swap lowers PAM's cost", () => {
		const [X] = blobs(new RandomGenerator(4), 2, 60, 4);
		for (const distance of ["euclidean", "manhattan", "cosine"] as const) {
			const model = new KMedoids({ numberOfClusters: 4, distance });
			const history = model.train(X);
			for (const i of $range(1, history.size() - 1)) expect(history[i] < history[i - 1]).toBe(true);
			const medoids = model.getModelParameters() as Rows;
			const final = cost(X, medoids, distance);
			expectClose(history[history.size() - 1], final, 1e-12);
			for (const m of medoids) expect(X.some((row) => row[0] === m[0] && row[1] === m[1])).toBe(true);
			for (const position of $range(0, 3)) {
				for (const row of X) {
					const swapped = medoids.map((m, i) => (i === position ? row : m));
					expect(cost(X, swapped, distance) >= final - 1e-12).toBe(true);
				}
			}
		}
	});

	it("rejects bad options and too few rows, naming them", () => {
		expectError(
			() => new KMedoids({ distance: "chebyshev" as never }),
			'KMedoids.new: distance must be one of "euclidean", "manhattan", "cosine", got "chebyshev"',
		);
		expectError(
			() => new KMedoids({ numberOfClusters: 3 }).train([[1], [2]]),
			"KMedoids.train: X must have at least numberOfClusters (3) rows, got 2×1",
		);
		expectError(
			() => new KMedoids({ numberOfClusters: 2 }).setModelParameters([[1, 2]]),
			"KMedoids.setModelParameters: parameters must be the medoids, a single 2×p matrix",
		);
	});
});
