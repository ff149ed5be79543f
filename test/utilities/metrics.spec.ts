import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError } from "../support/numeric";
import { Label, Metrics } from "../../src/utilities";

describe("regression metrics", () => {
	it("computes MSE and MAE over vectors, n×1 and n×k matrices", () => {
		expectClose(Metrics.meanSquaredError([1, 2, 3, 4], [1, 3, 2, 6]), 1.5);
		expectClose(Metrics.meanAbsoluteError([1, 2, 3, 4], [1, 3, 2, 6]), 1);
		expectClose(Metrics.meanSquaredError([1, 2], [[1], [4]]), 2);
		const yTrue = [
			[1, 2],
			[3, 4],
		];
		const yPred = [
			[1, 1],
			[1, 4],
		];
		expectClose(Metrics.meanSquaredError(yTrue, yPred), 5 / 4);
		expectClose(Metrics.meanAbsoluteError(yTrue, yPred), 3 / 4);
	});
	it("computes R² per column and averages; constant columns score 1 or 0", () => {
		expectClose(Metrics.r2Score([1, 2, 3], [1, 2, 4]), 0.5);
		expectClose(
			Metrics.r2Score(
				[
					[1, 2],
					[2, 4],
					[3, 6],
				],
				[
					[1, 2],
					[2, 4],
					[4, 6],
				],
			),
			0.75,
		);
		expectClose(Metrics.r2Score([5, 5], [5, 5]), 1);
		expectClose(Metrics.r2Score([5, 5], [5, 6]), 0);
		expectClose(Metrics.r2Score([1, 2, 3], [2, 2, 2]), 0);
	});
	it("rejects mismatched shapes and bad values, naming the argument", () => {
		expectError(
			() => Metrics.meanSquaredError([1, 2], [1, 2, 3]),
			"[Hivemind] Metrics.meanSquaredError: yPred must have the shape of yTrue (2×1), got 3×1",
		);
		expectError(
			() => Metrics.meanAbsoluteError([[1, 2]], [[1], [2]]),
			"Metrics.meanAbsoluteError: yPred must have the shape of yTrue (1×2), got 2×1",
		);
		expectError(() => Metrics.r2Score([1, 0 / 0], [1, 2]), "Metrics.r2Score: yTrue[2] must be a finite number, got NaN");
		expectError(() => Metrics.r2Score([1, 2], [[1], [2, 3]] as never), "Metrics.r2Score: yPred must be rectangular");
		expectError(() => Metrics.meanSquaredError([], [1]), "Metrics.meanSquaredError: yTrue must be a non-empty array of numbers");
	});
});

// Three classes: confusion [[2, 1, 0], [0, 1, 1], [0, 0, 1]];
// per class (tp, fp, fn) = (2, 0, 1), (1, 1, 1), (1, 1, 0); supports 3, 2, 1.
const yTrue3 = [0, 0, 0, 1, 1, 2];
const yPred3 = [0, 0, 1, 1, 2, 2];

describe("classification metrics", () => {
	it("computes the confusion matrix with its sorted labels", () => {
		expect(Metrics.confusionMatrix(yTrue3, yPred3)).toEqual({
			matrix: [
				[2, 1, 0],
				[0, 1, 1],
				[0, 0, 1],
			],
			labels: [0, 1, 2],
		});
		expect(Metrics.confusionMatrix(["b", "a", "b"], ["a", "a", "b"])).toEqual({
			matrix: [
				[1, 0],
				[1, 1],
			],
			labels: ["a", "b"],
		});
		expect(Metrics.confusionMatrix([1, 1], [1, 0], { labels: [1, 0, 7] }).matrix).toEqual([
			[1, 1, 0],
			[0, 0, 0],
			[0, 0, 0],
		]);
	});
	it("computes accuracy from labels, n×1 matrices and probability rows", () => {
		expectClose(Metrics.accuracy(yTrue3, yPred3), 4 / 6);
		expectClose(Metrics.accuracy([[1], [0]], [1, 1]), 0.5);
		expectClose(
			Metrics.accuracy(
				[0, 1, 1],
				[
					[0.9, 0.1],
					[0.2, 0.8],
					[0.6, 0.4],
				],
			),
			2 / 3,
		);
		expectClose(Metrics.accuracy(["x", "y"], ["x", "y"]), 1);
	});
	it("computes macro, weighted and micro precision, recall and F1 by hand", () => {
		const macro = { average: "macro" as const };
		const weighted = { average: "weighted" as const };
		const micro = { average: "micro" as const };
		expectClose(Metrics.precision(yTrue3, yPred3, macro), (1 + 1 / 2 + 1 / 2) / 3);
		expectClose(Metrics.recall(yTrue3, yPred3, macro), 13 / 18);
		expectClose(Metrics.f1Score(yTrue3, yPred3, macro), 59 / 90);
		expectClose(Metrics.precision(yTrue3, yPred3, weighted), 3 / 4);
		expectClose(Metrics.recall(yTrue3, yPred3, weighted), 2 / 3);
		expectClose(Metrics.f1Score(yTrue3, yPred3, weighted), 61 / 90);
		expectClose(Metrics.precision(yTrue3, yPred3, micro), 2 / 3);
		expectClose(Metrics.recall(yTrue3, yPred3, micro), 2 / 3);
		expectClose(Metrics.f1Score(yTrue3, yPred3, micro), 2 / 3);
	});
	it("computes binary scores for the positive label", () => {
		// Positive 1: tp 2, fp 2, fn 1. Positive 0: tp 1, fp 1, fn 2.
		const yTrue = [1, 0, 1, 1, 0, 0];
		const yPred = [1, 1, 0, 1, 0, 1];
		expectClose(Metrics.precision(yTrue, yPred), 1 / 2);
		expectClose(Metrics.recall(yTrue, yPred), 2 / 3);
		expectClose(Metrics.f1Score(yTrue, yPred), 4 / 7);
		expectClose(Metrics.precision(yTrue, yPred, { positiveLabel: 0 }), 1 / 2);
		expectClose(Metrics.recall(yTrue, yPred, { positiveLabel: 0 }), 1 / 3);
		expectClose(Metrics.f1Score(yTrue, yPred, { positiveLabel: 0 }), 2 / 5);
		const spam: Array<Label> = ["spam", "ham", "spam"];
		expectClose(Metrics.f1Score(spam, ["spam", "spam", "ham"], { positiveLabel: "spam" }), 1 / 2);
	});
	it("scores 0 where a ratio has no denominator", () => {
		expectClose(Metrics.precision([1, 0], [0, 0]), 0);
		expectClose(Metrics.recall([0, 0], [0, 0]), 0);
		expectClose(Metrics.f1Score([0, 0], [1, 0]), 0);
	});
	it("rejects bad labels, lengths and options", () => {
		expectError(() => Metrics.accuracy([1, 2], [1]), "[Hivemind] Metrics.accuracy: yPred must have 2 labels like yTrue, got 1");
		expectError(
			() => Metrics.accuracy([1, true as never], [1, 2]),
			"Metrics.accuracy: yTrue[2] must be a label (a finite number or a string), got true",
		);
		expectError(
			() => Metrics.accuracy([], [1]),
			"Metrics.accuracy: yTrue must be a non-empty array of labels (numbers or strings), got an empty table",
		);
		expectError(
			() => Metrics.f1Score(yTrue3, yPred3),
			'Metrics.f1Score: options.average must be "macro", "micro" or "weighted" for 3 classes (0, 1, 2), got "binary"',
		);
		expectError(
			() => Metrics.precision(["a", "b"], ["a", "a"]),
			'Metrics.precision: options.positiveLabel must be one of the classes ("a", "b"), got 1',
		);
		expectError(
			() => Metrics.recall([1], [1], { average: "mean" as never }),
			'Metrics.recall: average must be one of "binary", "macro", "micro", "weighted", got "mean"',
		);
		expectError(
			() => Metrics.recall([1], [1], { positiveLabel: true as never }),
			"positiveLabel must be a label (a finite number or a string), got true",
		);
		expectError(
			() => Metrics.confusionMatrix([1, 2], [1, 3], { labels: [1, 2] }),
			"Metrics.confusionMatrix: yPred[2] must be one of the classes (1, 2), got 3",
		);
		expectError(
			() => Metrics.confusionMatrix([1], [1], { labels: [] }),
			"Metrics.confusionMatrix: labels must be a non-empty array of distinct numbers or strings, got a table",
		);
	});
});

describe("log loss", () => {
	it("computes binary log loss from a vector or one column of positive-class probabilities", () => {
		expectClose(Metrics.logLoss([1, 0], [0.8, 0.4]), -(math.log(0.8) + math.log(0.6)) / 2, 1e-12);
		expectClose(Metrics.logLoss([[1], [0]], [[0.8], [0.4]]), -(math.log(0.8) + math.log(0.6)) / 2, 1e-12);
		expectClose(Metrics.logLoss(["no", "yes"], [0.1, 0.7], { labels: ["no", "yes"] }), -(math.log(0.9) + math.log(0.7)) / 2, 1e-12);
	});
	it("computes multiclass log loss from labels or one-hot targets", () => {
		const p = [
			[0.7, 0.2, 0.1],
			[0.1, 0.1, 0.8],
		];
		const expected = -(math.log(0.7) + math.log(0.8)) / 2;
		expectClose(Metrics.logLoss(["a", "c"], p, { labels: ["a", "b", "c"] }), expected, 1e-12);
		expectClose(Metrics.logLoss([0, 2, 1], [...p, [0.25, 0.5, 0.25]]), (-math.log(0.7) - math.log(0.8) - math.log(0.5)) / 3, 1e-12);
		expectClose(
			Metrics.logLoss(
				[
					[1, 0, 0],
					[0, 0, 1],
				],
				p,
			),
			expected,
			1e-12,
		);
	});
	it("clips probabilities to [epsilon, 1 − epsilon]", () => {
		expectClose(Metrics.logLoss([1], [0]), -math.log(1e-15), 1e-12);
		expectClose(Metrics.logLoss([0, 1], [0, 1]), -math.log(1 - 1e-15), 1e-9);
		expectClose(Metrics.logLoss([1], [0], { epsilon: 1e-3 }), -math.log(1e-3), 1e-12);
	});
	it("rejects bad probabilities, labels, shapes and options", () => {
		expectError(() => Metrics.logLoss([1, 0], [0.5, 1.5]), "[Hivemind] Metrics.logLoss: yPred[2][1] must be a probability in [0, 1], got 1.5");
		expectError(() => Metrics.logLoss([1, 2], [0.5, 0.5]), "Metrics.logLoss: yTrue[2] must be one of the classes (0, 1), got 2");
		expectError(() => Metrics.logLoss([1, 0], [0.5]), "Metrics.logLoss: yTrue must have 1 labels like yPred, got 2");
		expectError(
			() =>
				Metrics.logLoss(
					["a", "c"],
					[
						[0.5, 0.3, 0.2],
						[0.1, 0.1, 0.8],
					],
				),
			'Metrics.logLoss: yPred must have one column per class (2: "a", "c"), got 2×3',
		);
		expectError(
			() => Metrics.logLoss([1], [0.5], { labels: [0, 1, 2] }),
			"Metrics.logLoss: options.labels must have 2 classes for a one-column yPred, got 3",
		);
		expectError(() => Metrics.logLoss([[1, 0]], [[0.5, 0.3, 0.2]]), "Metrics.logLoss: yTrue must have the shape of yPred (1×3), got 1×2");
		expectError(() => Metrics.logLoss([1], [0.5], { epsilon: 0 }), "Metrics.logLoss: epsilon must be a number in (0, 0.5), got 0");
		expectError(() => Metrics.logLoss([1], ["x"] as never), "Metrics.logLoss: yPred[1] must be a finite number");
	});
});
