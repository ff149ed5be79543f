// Error messages of public entry points that had no spec showing them.
import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { huberLoss, quantileLoss } from "../../src/costs";
import { computeKMeansPartial, mergeKMeansPartials, finalizeKMeans } from "../../src/sufficientStatistics";

describe("review: cost builders validate their hyper-parameter", () => {
	it("huberLoss and quantileLoss name the argument, the range and the value", () => {
		expectError(() => huberLoss(-1), "[Hivemind] huberLoss: delta must be a finite number > 0, got -1");
		expectError(() => quantileLoss(1.5), "[Hivemind] quantileLoss: tau must be a number in (0, 1), got 1.5");
		// valid values still build: Huber δ = 2 on a residual of 3 is 2·(3 − 1) = 4
		expect(huberLoss(2).value([[3]], [[0]])).toBe(4);
		expect(quantileLoss(0.25).value([[0]], [[4]])).toBe(1);
	});
});

describe("review: k-means partials", () => {
	it("mergeKMeansPartials names the mismatching field", () => {
		const centroids = [
			[0, 0],
			[10, 10],
		];
		const a = computeKMeansPartial(
			[
				[1, 1],
				[9, 9],
			],
			centroids,
		);
		const b = computeKMeansPartial(
			[[0, 2, 1]],
			[
				[0, 0, 0],
				[1, 1, 1],
			],
		);
		expectError(() => mergeKMeansPartials(a, b), "[Hivemind] mergeKMeansPartials: b.");
		expectError(() => mergeKMeansPartials(a, 5 as never), "[Hivemind] mergeKMeansPartials: b must be a partial (a table), got 5");
		// and merging two halves equals the whole
		const whole = computeKMeansPartial(
			[
				[1, 1],
				[9, 9],
				[2, 0],
			],
			centroids,
		);
		const merged = mergeKMeansPartials(a, computeKMeansPartial([[2, 0]], centroids));
		expect(finalizeKMeans(merged, centroids)).toEqual(finalizeKMeans(whole, centroids));
		// squared distances 2 + 2 + 4 to the nearest centroid
		expect(finalizeKMeans(whole, centroids)).toEqual({
			centroids: [
				[1.5, 0.5],
				[9, 9],
			],
			counts: [[2], [1]],
			inertia: 8,
		});
	});
});
