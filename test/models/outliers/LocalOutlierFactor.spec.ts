import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError } from "../../support/numeric";
import { LocalOutlierFactor } from "../../../src/models/outliers/LocalOutlierFactor";
import { LOF_LABELS, LOF_OFFSET, LOF_QUERY_SCORES, LOF_TRAINING_SCORES, QUERIES, WINE } from "./reference";
import { plantedOutliers, plantedRecall } from "./support";

describe("LocalOutlierFactor", () => {
	it("matches the hand-computed factors of {0, 1, 2, 10} with k = 2", () => {
		// k-distances 2, 1, 2, 9; lrd = 2/3, 1/2, 2/3, 2/17; LOF = 7/8, 4/3, 7/8, 119/24.
		const lof = new LocalOutlierFactor({ numberOfNeighbours: 2 });
		const [labels, decision] = lof.trainAndPredict([[10], [0], [2], [1]]);
		const expected = [119 / 24, 7 / 8, 7 / 8, 4 / 3];
		expected.forEach((factor, i) => expectClose(decision[i][0], -factor + 1.5, 1e-8));
		expect(labels).toEqual([-1, 1, 1, 1]);
		// A new row at 5: neighbours 2 (reach 3) and 1 (reach 4), lrd 2/7, LOF 49/24.
		expectClose(lof.score([[5]])[0][0], -49 / 24, 1e-8);
		expect(lof.predict([[5], [1.5]])[0]).toEqual([-1, 1]);
	});

	it("flags ≥ 90% of planted outliers at 5% contamination", () => {
		const [labels] = new LocalOutlierFactor({ contamination: 0.05 }).trainAndPredict(plantedOutliers(3));
		expect(plantedRecall(labels)).toBeGreaterThanOrEqual(0.9);
	});

	it("matches scikit-learn on the standardized wine data (factors to 1e-9, offset, labels, new rows)", () => {
		const lof = new LocalOutlierFactor({ numberOfNeighbours: 20, contamination: 0.1 });
		const [labels, decision] = lof.trainAndPredict(WINE);
		const offset = (lof.getModelParameters() as { offset: Array<Array<number>> }).offset[0][0];
		expectClose(offset, LOF_OFFSET, 1e-9);
		LOF_TRAINING_SCORES.forEach((score, i) => expectClose(decision[i][0] + offset, score, 1e-9));
		expect(labels).toEqual(LOF_LABELS);
		lof.score(QUERIES).forEach((row, i) => expectClose(row[0], LOF_QUERY_SCORES[i], 1e-9));
	});

	it("ignores the order of the training rows in trainAndPredict", () => {
		const x = [[0], [1], [2], [10], [3]];
		const [a] = new LocalOutlierFactor({ numberOfNeighbours: 2 }).trainAndPredict(x);
		const [b] = new LocalOutlierFactor({ numberOfNeighbours: 2 }).trainAndPredict([x[4], x[3], x[2], x[1], x[0]]);
		expect([b[4], b[3], b[2], b[1], b[0]]).toEqual(a);
	});

	it("yields every yieldInterval rows and finds the same factors", () => {
		const x = plantedOutliers(6);
		const paused = new LocalOutlierFactor({ yieldInterval: 50 });
		const straight = new LocalOutlierFactor();
		paused.train(x);
		straight.train(x);
		expect(paused.getModelParameters()).toEqual(straight.getModelParameters());
	});

	it("rejects bad options and parameters, naming them", () => {
		expectError(
			() => new LocalOutlierFactor({ contamination: 0.6 }),
			"[Hivemind] LocalOutlierFactor.new: contamination must be",
			"a number in (0, 0.5]",
			"got 0.6",
		);
		expectError(() => new LocalOutlierFactor({ contamination: 0 }), "contamination must be");
		expectError(() => new LocalOutlierFactor({ numberOfNeighbours: 0 }), "numberOfNeighbours must be an integer ≥ 1");
		expectError(() => new LocalOutlierFactor({ distance: "chebyshev" as never }), "distance must be one of");
		const lof = new LocalOutlierFactor({ numberOfNeighbours: 2 });
		lof.train([[0], [1], [2]]);
		const p = lof.getModelParameters() as { [name: string]: Array<Array<number>> };
		p.neighbours = [[7]];
		expectError(
			() => lof.setModelParameters(p),
			"LocalOutlierFactor.setModelParameters: parameters.neighbours must hold an integer in [1, 3], got 7",
		);
		expectError(() => lof.score([[1, 2]]), "LocalOutlierFactor.score: X must have 1 columns");
	});
});
