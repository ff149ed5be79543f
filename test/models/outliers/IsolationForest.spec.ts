import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError } from "../../support/numeric";
import { IsolationForest } from "../../../src/models/outliers/IsolationForest";
import { averagePathLength } from "../../../src/models/outliers/isolationTree";
import { FOREST_LABELS, WINE } from "./reference";
import { flaggedOverlap, plantedOutliers, plantedRecall, rocArea } from "./support";

describe("IsolationForest", () => {
	it("uses c(m) = 2H(m − 1) − 2(m − 1)/m for the path normalizer", () => {
		expect(averagePathLength(1)).toBe(0);
		expect(averagePathLength(2)).toBe(1);
		// H(2) ≈ ln 2 + γ: c(3) = 2(ln 2 + 0.5772156649) − 4/3
		expectClose(averagePathLength(3), 2 * (math.log(2) + 0.5772156649015329) - 4 / 3, 1e-12);
	});

	it("scores a single far row of a constant-free line between −1 and 0, lower than the inliers", () => {
		const x = new Array<Array<number>>();
		for (const i of $range(0, 63)) x.push([i / 64]);
		x.push([50]);
		const forest = new IsolationForest({ seed: 1 });
		forest.train(x);
		const scores = forest.score(x);
		for (const row of scores) expect(row[0] < 0 && row[0] >= -1).toBe(true);
		for (const i of $range(0, 63)) expect(scores[64][0]).toBeLessThan(scores[i][0]);
	});

	it("flags ≥ 90% of planted outliers at 5% contamination", () => {
		const forest = new IsolationForest({ contamination: 0.05, seed: 11 });
		const [labels] = forest.trainAndPredict(plantedOutliers(3));
		expect(plantedRecall(labels)).toBeGreaterThanOrEqual(0.9);
	});

	it("agrees with scikit-learn on the standardized wine data (ROC area of its flagged rows, overlap of the flagged sets)", () => {
		const forest = new IsolationForest({ contamination: 0.05, seed: 0 });
		const [labels] = forest.trainAndPredict(WINE);
		const scores = forest.score(WINE).map((row) => row[0]);
		// Our scores rank scikit-learn's flagged rows below its inliers; the two random forests flag
		// mostly the same rows.
		expect(rocArea(scores, FOREST_LABELS)).toBeGreaterThan(0.97); // 0.997 measured
		expect(flaggedOverlap(labels, FOREST_LABELS)).toBeGreaterThanOrEqual(0.7); // 0.8 measured (8 of 10 flagged by either)
	});

	it("gives the same forest for the same seed and another for another seed", () => {
		const x = plantedOutliers(5);
		const a = new IsolationForest({ numberOfTrees: 5, seed: 2 });
		const b = new IsolationForest({ numberOfTrees: 5, seed: 2 });
		const c = new IsolationForest({ numberOfTrees: 5, seed: 3 });
		a.train(x);
		b.train(x);
		c.train(x);
		expect(a.score(x)).toEqual(b.score(x));
		expect(a.score(x)).never.toEqual(c.score(x));
	});

	it("yields every yieldInterval trees and grows the same forest", () => {
		const x = plantedOutliers(6);
		const paused = new IsolationForest({ numberOfTrees: 6, yieldInterval: 2 });
		const straight = new IsolationForest({ numberOfTrees: 6 });
		paused.train(x);
		straight.train(x);
		expect(paused.getModelParameters()).toEqual(straight.getModelParameters());
		expectError(() => new IsolationForest({ yieldInterval: -1 }), "IsolationForest.new: yieldInterval must be an integer ≥ 0, got -1");
	});

	it("rejects bad options and parameters, naming them", () => {
		expectError(() => new IsolationForest({ numberOfTrees: 0 }), "[Hivemind] IsolationForest.new: numberOfTrees must be an integer ≥ 1, got 0");
		expectError(() => new IsolationForest({ maximumSamples: 1.5 }), "maximumSamples must be an integer ≥ 1");
		expectError(() => new IsolationForest({ contamination: "sometimes" as never }), "contamination must be");
		const forest = new IsolationForest({ numberOfTrees: 2 });
		forest.train([[0], [1], [2], [3]]);
		const p = forest.getModelParameters() as { [name: string]: Array<Array<number>> };
		p.nodes[0] = [0, 0.5, 0, 0, 4];
		expectError(
			() => forest.setModelParameters(p),
			"IsolationForest.setModelParameters: parameters.nodes[1] must be a leaf (feature −1) or split on a feature in [0, 0] with children after it",
		);
	});
});
