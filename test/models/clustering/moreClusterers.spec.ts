import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix/random";
import { blobs } from "../../../src/models/base/examples";
import { BisectingKMeans } from "../../../src/models/clustering/BisectingKMeans";
import { FuzzyCMeans, fuzzyMemberships } from "../../../src/models/clustering/FuzzyCMeans";
import { estimateBandwidth, MeanShift } from "../../../src/models/clustering/MeanShift";

type Rows = Array<Array<number>>;
const LINE = [[12], [0], [11], [2], [10], [1]];

describe("MeanShift", () => {
	it("estimates the bandwidth by hand: the mean distance to the ⌊n·q⌋-th nearest row", () => {
		// q = 0.5, n = 6: the 3rd nearest (itself first): 0→2, 1→1, 2→2, 10→2, 11→1, 12→2; mean 10/6
		expectClose(estimateBandwidth(LINE, 0.5), 10 / 6);
	});

	it("climbs to the two group means and labels rows by the nearest", () => {
		const model = new MeanShift({ bandwidth: 3 });
		expect(model.train(LINE)).toEqual([3]);
		const centres = (model.getModelParameters() as Rows).map((r) => r[0]);
		centres.sort();
		expect(centres).toEqual([1, 11]);
		const [labels] = model.predict(LINE);
		expect(labels[1]).toBe(labels[5]);
		expect(labels[0]).toBe(labels[2]);
		expect(labels[0]).never.toBe(labels[1]);
	});

	it("rejects a bad quantile, naming it", () => {
		expectError(() => new MeanShift({ quantile: 0 }), "MeanShift.new: quantile must be a number in (0, 1], got 0");
	});
});

describe("FuzzyCMeans", () => {
	it("gives the hand-computed memberships: u_k = 1 / Σ_j (d_k²/d_j²)^(1/(m−1))", () => {
		// centres −1 and 3 seen from 0: d² = 1 and 9; m = 2: u = 1/(1 + 1/9) = 0.9 and 0.1
		const u = fuzzyMemberships([0], [[-1], [3]], 2);
		expectClose(u[0], 0.9);
		expectClose(u[1], 0.1);
		expect(fuzzyMemberships([3], [[-1], [3], [3]], 2)).toEqual([0, 0.5, 0.5]);
	});

	it("never increases its objective and finds separated blobs", () => {
		const [X, blob] = blobs(new RandomGenerator(6), 2, 300, 3);
		const model = new FuzzyCMeans({ numberOfClusters: 3, tolerance: 0, maximumNumberOfIterations: 100 });
		const history = model.train(X);
		for (const i of $range(1, history.size() - 1)) expect(history[i] <= history[i - 1] * (1 + 1e-12)).toBe(true);
		const [labels, memberships] = model.predict(X);
		for (const i of $range(0, X.size() - 1)) {
			expect(labels[i]).toBe(labels[blob.indexOf(blob[i])]);
			expectClose(memberships[i][0] + memberships[i][1] + memberships[i][2], 1);
		}
	});

	it("rejects a fuzziness of 1 or less, naming it", () => {
		expectError(() => new FuzzyCMeans({ fuzziness: 1 }), "FuzzyCMeans.new: fuzziness must be a finite number > 1, got 1");
	});
});

describe("BisectingKMeans", () => {
	it("never increases the total inertia and ends at the blob means", () => {
		const [X] = blobs(new RandomGenerator(2), 2, 400, 4);
		const model = new BisectingKMeans({ numberOfClusters: 4 });
		const history = model.train(X);
		expect(history.size()).toBe(4);
		for (const i of $range(1, 3)) expect(history[i] < history[i - 1]).toBe(true);
		const centres = (model.getModelParameters() as Rows).map((c) => [math.round(c[0] / 3) * 3, math.round(-c[1] / 3) * 3]);
		centres.sort((a, b) => a[0] < b[0]);
		expectMatrixClose(centres, [
			[0, 0],
			[3, 3],
			[6, 6],
			[9, 9],
		]);
	});

	it("rejects too few rows, naming X", () => {
		expectError(
			() => new BisectingKMeans({ numberOfClusters: 5 }).train([[1], [2]]),
			"BisectingKMeans.train: X must have at least numberOfClusters (5) rows, got 2×1",
		);
	});
});
