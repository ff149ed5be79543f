import { describe, expect, it } from "../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../support/numeric";
import {
	computeCategoricalNaiveBayesPartial,
	finalizeCategoricalNaiveBayes,
	finalizeComplementNaiveBayes,
	mergeCategoricalNaiveBayesPartials,
} from "../../src/sufficientStatistics/naiveBayesVariants";
import { computeMultinomialNaiveBayesPartial } from "../../src/sufficientStatistics/naiveBayes";

const X = [
	[0, 1],
	[1, 1],
	[0, 0],
	[2, 0],
];
const y = [[0], [0], [1], [1]];

describe("categorical naive Bayes statistics", () => {
	it("counts categories per class, merges shards of different widths, finalizes by hand", () => {
		const a = computeCategoricalNaiveBayesPartial([X[0], X[1]], [y[0], y[1]], [0, 1]);
		expectMatrixClose(a.categoryCounts[0], [
			[1, 1],
			[0, 0],
		]);
		const b = computeCategoricalNaiveBayesPartial([X[2], X[3]], [y[2], y[3]], [0, 1]);
		const merged = mergeCategoricalNaiveBayesPartials(a, b);
		const all = computeCategoricalNaiveBayesPartial(X, y, [0, 1]);
		expect(merged).toEqual(all);
		expect(mergeCategoricalNaiveBayesPartials(b, a)).toEqual(all);
		expect(a.categoryCounts[0][0].size()).toBe(2);
		// class 0: feature 1 counts (1, 1, 0) of 2 → (2, 2, 1)/5; feature 2 (0, 2) → (1, 3)/4.
		const p = finalizeCategoricalNaiveBayes(all, 1);
		expectMatrixClose(p.priors, [[0.5], [0.5]]);
		expectMatrixClose(p.categoryProbabilities[0], [
			[0.4, 0.4, 0.2],
			[0.4, 0.2, 0.4],
		]);
		expectMatrixClose(p.categoryProbabilities[1], [
			[0.25, 0.75],
			[0.75, 0.25],
		]);
	});
	it("rejects non-categories, mismatched partials and bad alpha", () => {
		expectError(
			() => computeCategoricalNaiveBayesPartial([[1.5]], [[0]], [0]),
			"computeCategoricalNaiveBayesPartial: X[1][1] must be a category (an integer ≥ 0), got 1.5",
		);
		const a = computeCategoricalNaiveBayesPartial(X, y, [0, 1]);
		const oneFeature = computeCategoricalNaiveBayesPartial([[0]], [[0]], [0, 1]);
		expectError(
			() => mergeCategoricalNaiveBayesPartials(a, oneFeature),
			"mergeCategoricalNaiveBayesPartials: b.categoryCounts must have 2 features like a.categoryCounts, got 1",
		);
		const otherClasses = computeCategoricalNaiveBayesPartial(X, y, [1, 0]);
		expectError(() => mergeCategoricalNaiveBayesPartials(a, otherClasses), "b.classes must equal a.classes (0, 1), got 1, 0");
		expectError(() => finalizeCategoricalNaiveBayes(a, 0), "finalizeCategoricalNaiveBayes: alpha must be a finite number > 0, got 0");
		expectError(
			() => finalizeCategoricalNaiveBayes({ ...a, categoryCounts: [] }),
			"partial.categoryCounts must be a non-empty array of k×m matrices",
		);
		expectError(
			() => finalizeCategoricalNaiveBayes({ ...a, categoryCounts: [[[1, 2]]] }),
			"partial.categoryCounts[1] must have 2 rows (one per class), got 1×2",
		);
	});
});

describe("complement naive Bayes weights", () => {
	it("derives −log of the smoothed complement frequencies by hand", () => {
		// Class 0 sums (3, 1), class 1 (0, 3); complement of 0 = (0, 3) + 1 → (1, 4)/5.
		const partial = computeMultinomialNaiveBayesPartial(
			[
				[2, 1],
				[1, 0],
				[0, 3],
			],
			[[0], [0], [1]],
			[0, 1],
		);
		const p = finalizeComplementNaiveBayes(partial, 1);
		expectMatrixClose(p.featureWeights, [
			[math.log(5), math.log(1.25)],
			[math.log(1.5), math.log(3)],
		]);
		expectError(() => finalizeComplementNaiveBayes(partial, -1), "finalizeComplementNaiveBayes: alpha must be a finite number > 0, got -1");
	});
});
