// The shared loop's mini-batches (batchSize, seed), checked by hand on LinearRegression.
import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectMatrixClose } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix/random";
import type { Matrix } from "../../../src/matrix/types";
import { LinearRegression } from "../../../src/models/linear/LinearRegression";
import { descentByHand } from "./byHand";

const X = [[1], [2], [3], [4]];
const y = [3, 5, 6, 9];

describe("GradientModel mini-batches", () => {
	it("steps once per batch of a seeded permutation; the cost is the epoch's mean batch loss", () => {
		const model = new LinearRegression({ learningRate: 0.05, maximumNumberOfIterations: 1, batchSize: 3, seed: 5 });
		const costs = model.train(X, y);
		// by hand: w = (bias, slope) from 0; batches of the permutation drawn from the seed: 3 rows, then 1
		const order = new RandomGenerator(5).permutation(4);
		const [expected, expectedCosts] = descentByHand(X, y, [[[order[0], order[1], order[2]], [order[3]]]], 0.05);
		expectMatrixClose(model.getModelParameters() as Matrix, expected, 1e-12);
		expectClose(costs[0], expectedCosts[0], 1e-12);
	});

	it("continues the shuffle stream across calls and clones, and equals full batch when batchSize ≥ n", () => {
		const twice = new LinearRegression({ maximumNumberOfIterations: 3, batchSize: 2 });
		twice.train(X, y);
		const twin = twice.clone();
		twice.train(X, y);
		twin.train(X, y);
		const once = new LinearRegression({ maximumNumberOfIterations: 6, batchSize: 2 });
		once.train(X, y);
		expect(twice.getModelParameters()).toEqual(once.getModelParameters());
		expect(twin.getModelParameters()).toEqual(once.getModelParameters());
		const full = new LinearRegression({ maximumNumberOfIterations: 6 });
		const large = new LinearRegression({ maximumNumberOfIterations: 6, batchSize: 4 });
		expect(large.train(X, y)).toEqual(full.train(X, y));
		expect(large.getModelParameters()).toEqual(full.getModelParameters());
		expect(once.getModelParameters()).never.toEqual(full.getModelParameters());
	});
});
