import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { GaussianNaiveBayes } from "../../../src/models/naiveBayes/GaussianNaiveBayes";
import { MultinomialNaiveBayes } from "../../../src/models/naiveBayes/MultinomialNaiveBayes";
import { BernoulliNaiveBayes } from "../../../src/models/naiveBayes/BernoulliNaiveBayes";
import { ComplementNaiveBayes } from "../../../src/models/naiveBayes/ComplementNaiveBayes";
import { CategoricalNaiveBayes } from "../../../src/models/naiveBayes/CategoricalNaiveBayes";
import { probabilitiesFromLogLikelihoods, logSumExpRows } from "../../../src/models/naiveBayes/likelihoods";

type Record_ = { [name: string]: Array<Array<number>> };

describe("naive Bayes likelihood normalization", () => {
	it("is stable for very large and very small log-likelihoods (log-sum-exp)", () => {
		const p = probabilitiesFromLogLikelihoods([
			[-1000, -1001],
			[1000, 1000],
			[0, -math.huge],
		]);
		expectMatrixClose(p, [
			[1 / (1 + math.exp(-1)), 1 / (1 + math.exp(1))],
			[0.5, 0.5],
			[1, 0],
		]);
		expectClose(logSumExpRows([[-1000, -1000]])[0], -1000 + math.log(2));
	});
});

describe("GaussianNaiveBayes", () => {
	// a: 0, 2 (mean 1, M2 2, variance 1); b: 4, 6, 5 (mean 5, M2 2, variance 2/3). Priors 2/5, 3/5.
	const X = [[0], [2], [4], [6], [5]];
	const y = ["a", "a", "b", "b", "b"];
	it("stores per-class counts, means and M2, and gives the hand-computed probabilities", () => {
		const model = new GaussianNaiveBayes({ varianceSmoothing: 0 });
		model.train(X, y);
		const p = model.getModelParameters() as Record_;
		expectMatrixClose(p.counts, [[2], [3]]);
		expectMatrixClose(p.means, [[1], [5]]);
		expectMatrixClose(p.m2, [[2], [2]]);
		// x = 3: log P(a, x) = log 0.4 − ½ log 2π − ½·4; log P(b, x) = log 0.6 − ½ log(2π·2/3) − ½·4/(2/3).
		const la = math.log(0.4) - 0.5 * math.log(2 * math.pi) - 2;
		const lb = math.log(0.6) - 0.5 * math.log((4 * math.pi) / 3) - 3;
		const [labels, probabilities] = model.predict([[3], [0]]);
		expectClose(probabilities[0][0], math.exp(la) / (math.exp(la) + math.exp(lb)), 1e-12);
		expectClose(probabilities[0][0] + probabilities[0][1], 1, 1e-12);
		expect(labels[1]).toBe("a");
		expect(model.getClassesList()).toEqual(["a", "b"]);
	});
	it("adds a second training batch exactly (train again = one training on all rows)", () => {
		const all = new GaussianNaiveBayes({ classesList: ["a", "b"] });
		all.train(X, y);
		const twice = new GaussianNaiveBayes({ classesList: ["a", "b"] });
		twice.train([X[0], X[2]], [y[0], y[2]]);
		twice.train([X[1], X[3], X[4]], [y[1], y[3], y[4]]);
		const a = all.getModelParameters() as Record_;
		const b = twice.getModelParameters() as Record_;
		expectMatrixClose(b.counts, a.counts);
		expectMatrixClose(b.means, a.means, 1e-12);
		expectMatrixClose(b.m2, a.m2, 1e-12);
	});
	it("smooths variances by varianceSmoothing × the largest variance, and survives constant features", () => {
		// All rows: mean 3.4, variance (11.56 + 1.96 + 0.36 + 6.76 + 2.56)/5 = 4.64; ε = 0.5 · 4.64.
		const model = new GaussianNaiveBayes({ varianceSmoothing: 0.5 });
		model.train(X, y);
		const eps = 0.5 * 4.64;
		const la = math.log(0.4) - 0.5 * math.log(2 * math.pi * (1 + eps)) - (0.5 * 4) / (1 + eps);
		const lb = math.log(0.6) - 0.5 * math.log(2 * math.pi * (2 / 3 + eps)) - (0.5 * 4) / (2 / 3 + eps);
		const [, probabilities] = model.predict([[3]]);
		expectClose(probabilities[0][0], 1 / (1 + math.exp(lb - la)), 1e-12);
		const constant = new GaussianNaiveBayes();
		constant.train([[1], [1]], ["a", "b"]);
		const [, even] = constant.predict([[7]]);
		expectMatrixClose(even, [[0.5, 0.5]]);
	});
	it("merges shard statistics through computePartial / mergePartials / trainFromPartial", () => {
		const main = new GaussianNaiveBayes({ classesList: ["a", "b"] });
		const merged = main.mergePartials(main.computePartial([X[0], X[3]], ["a", "b"]), main.computePartial([X[1], X[2], X[4]], ["a", "b", "b"]));
		main.trainFromPartial(merged);
		expectMatrixClose((main.getModelParameters() as Record_).means, [[1], [5]], 1e-12);
		expectError(
			() => new GaussianNaiveBayes().computePartial(X, y),
			"GaussianNaiveBayes.computePartial: the classes must be known before computing statistics",
		);
		expectError(() => main.trainFromPartial("x" as never), "GaussianNaiveBayes.trainFromPartial: partial must be a partial (a table), got");
	});
	it("rejects bad options, unknown labels and inconsistent parameters", () => {
		expectError(
			() => new GaussianNaiveBayes({ varianceSmoothing: -1 }),
			"GaussianNaiveBayes.new: varianceSmoothing must be a finite number ≥ 0, got -1",
		);
		const model = new GaussianNaiveBayes();
		model.train(X, y);
		expectError(() => model.train([[1]], ["c"]), 'GaussianNaiveBayes.train: y[1] must be one of the classes ("a", "b"), got "c"');
		const fresh = new GaussianNaiveBayes();
		expectError(() => fresh.setModelParameters({ counts: [[1], [1]], means: [[0], [1]] }), "parameters must be a record {counts, m2, means}");
		expectError(
			() =>
				fresh.setModelParameters({
					counts: [[1], [1]],
					means: [[0], [1]],
					m2: [
						[0, 0],
						[1, 1],
					],
				}),
			"parameters.m2 must be n×1, got 2×2",
		);
		expectError(
			() => fresh.setModelParameters({ counts: [[0], [0]], means: [[0], [1]], m2: [[0], [1]] }),
			"parameters.counts must sum to at least 1 (rows seen), got 0",
		);
		expectError(
			() => fresh.setModelParameters({ counts: [[-1], [2]], means: [[0], [1]], m2: [[0], [1]] }),
			"parameters.counts must hold counts ≥ 0, got -1",
		);
		expectError(() => fresh.setModelParameters({ counts: [[1], [1]], means: [[0]], m2: [[0]] }), "parameters.means must be 2×m, got 1×1");
	});
});

// Counts: spam rows (2,1), (1,0); ham row (0,3). Sums: spam (3,1) of 4, ham (0,3) of 3.
const counts = [
	[2, 1],
	[1, 0],
	[0, 3],
];
const mail = ["spam", "spam", "ham"];

describe("MultinomialNaiveBayes", () => {
	it("gives the hand-computed Laplace probabilities", () => {
		// θ_spam = (4/6, 2/6), θ_ham = (1/5, 4/5); classes sorted: ham, spam.
		// x = (1,1): spam ∝ 2/3·2/3·1/3 = 4/27, ham ∝ 1/3·1/5·4/5 = 4/75 → P(spam) = 25/34.
		// x = (0,2): spam ∝ 2/3·1/9 = 2/27, ham ∝ 1/3·16/25 = 16/75 → P(spam) = 25/97.
		const model = new MultinomialNaiveBayes();
		model.train(counts, mail);
		expect(model.getClassesList()).toEqual(["ham", "spam"]);
		const [labels, probabilities] = model.predict([
			[1, 1],
			[0, 2],
		]);
		expect(labels).toEqual(["spam", "ham"]);
		expectMatrixClose(probabilities, [
			[9 / 34, 25 / 34],
			[72 / 97, 25 / 97],
		]);
	});
	it("uses Lidstone alpha", () => {
		// α = ½: θ_spam = (3.5/5, 1.5/5), θ_ham = (0.5/4, 3.5/4); x = (1,1).
		const model = new MultinomialNaiveBayes({ alpha: 0.5 });
		model.train(counts, mail);
		const spam = (2 / 3) * 0.7 * 0.3;
		const ham = (1 / 3) * 0.125 * 0.875;
		expectClose(model.predict([[1, 1]])[1][0][1], spam / (spam + ham), 1e-12);
	});
	it("rejects negative counts when training and predicting", () => {
		const model = new MultinomialNaiveBayes();
		expectError(() => model.train([[1, -1]], ["a"]), "MultinomialNaiveBayes.train: X[1][2] must be a count ≥ 0, got -1");
		model.train(counts, mail);
		expectError(() => model.predict([[-2, 0]]), "MultinomialNaiveBayes.predict: X[1][1] must be a count ≥ 0, got -2");
		expectError(() => new MultinomialNaiveBayes({ alpha: 0 }), "MultinomialNaiveBayes.new: alpha must be a finite number > 0, got 0");
		expectError(
			() =>
				model.setModelParameters({
					counts: [[1], [2]],
					featureSums: [
						[1, -1],
						[0, 0],
					],
				}),
			"parameters.featureSums must hold sums ≥ 0, got -1",
		);
	});
});

describe("ComplementNaiveBayes", () => {
	it("scores with the complement weights by hand", () => {
		// Totals (3, 4). Spam's complement = ham + α: (1, 4)/5 → w = (log 5, log 1.25);
		// ham's complement = spam + α: (4, 2)/6 → w = (log 1.5, log 3).
		// x = (1,1): spam score log 6.25, ham log 4.5 → P(spam) = 6.25 / 10.75 = 25/43.
		const model = new ComplementNaiveBayes();
		model.train(counts, mail);
		const [labels, probabilities] = model.predict([[1, 1]]);
		expect(labels).toEqual(["spam"]);
		expectMatrixClose(probabilities, [[18 / 43, 25 / 43]]);
	});
	it("normalizes the weights when asked", () => {
		// spam: log θ̃ = (log 0.2, log 0.8) over their sum log 0.16; ham: (log ⅔, log ⅓) over log ²⁄₉.
		const model = new ComplementNaiveBayes({ normalize: true });
		model.train(counts, mail);
		// x = (2, 1): score = 2·w₁ + w₂.
		const spam = (2 * math.log(0.2) + math.log(0.8)) / math.log(0.16);
		const ham = (2 * math.log(2 / 3) + math.log(1 / 3)) / math.log(2 / 9);
		const [, probabilities] = model.predict([[2, 1]]);
		expectClose(probabilities[0][1], 1 / (1 + math.exp(ham - spam)), 1e-12);
	});
});

describe("BernoulliNaiveBayes", () => {
	it("gives the hand-computed probabilities, absent features included", () => {
		// present: spam (2, 1) of 2 → θ = (3/4, 2/4); ham (0, 1) of 1 → θ = (1/3, 2/3).
		// x = (1, 0): spam ∝ 2/3·3/4·1/2 = 1/4, ham ∝ 1/3·1/3·1/3 = 1/27 → P(spam) = 27/31.
		const model = new BernoulliNaiveBayes();
		model.train(
			[
				[1, 0],
				[1, 1],
				[0, 1],
			],
			mail,
		);
		expectMatrixClose(model.predict([[1, 0]])[1], [[4 / 31, 27 / 31]]);
	});
	it("binarizes at the threshold, which cannot change once trained", () => {
		const model = new BernoulliNaiveBayes({ binarizeThreshold: 0.5 });
		model.train(
			[
				[0.9, 0.2],
				[0.7, 0.6],
				[0.1, 0.8],
			],
			mail,
		);
		expectMatrixClose((model.getModelParameters() as Record_).featureSums, [
			[0, 1],
			[2, 1],
		]);
		expectMatrixClose(model.predict([[0.6, 0.4]])[1], [[4 / 31, 27 / 31]]);
		expectError(
			() => model.setParameters({ binarizeThreshold: 0 }),
			"BernoulliNaiveBayes.setParameters: binarizeThreshold cannot change once the model has parameters",
		);
		expectError(
			() =>
				model.setModelParameters({
					counts: [[1], [2]],
					featureSums: [
						[2, 0],
						[0, 0],
					],
				}),
			"parameters.featureSums must not exceed the class's count (1) in row 1, got 2",
		);
	});
});

describe("CategoricalNaiveBayes", () => {
	const X = [
		[0, 1],
		[1, 1],
		[0, 0],
		[2, 0],
	];
	const y = ["a", "a", "b", "b"];
	it("counts categories per class and gives the hand-computed probabilities", () => {
		// a: feature 1 (1, 1, 0) → θ = (2, 2, 1)/5; feature 2 (0, 2) → (1, 3)/4.
		// b: feature 1 (1, 0, 1) → (2, 1, 2)/5; feature 2 (2, 0) → (3, 1)/4.
		// x = (0, 1): a ∝ ½·0.4·0.75 = 0.15, b ∝ ½·0.4·0.25 = 0.05 → P(a) = 0.75.
		// x = (2, 5): category 5 never seen is skipped; a ∝ ½·0.2, b ∝ ½·0.4 → P(a) = 1/3.
		const model = new CategoricalNaiveBayes();
		model.train(X, y);
		const p = model.getModelParameters() as Record_;
		expectMatrixClose(p.feature1, [
			[1, 1, 0],
			[1, 0, 1],
		]);
		expectMatrixClose(p.feature2, [
			[0, 2],
			[2, 0],
		]);
		const [labels, probabilities] = model.predict([
			[0, 1],
			[2, 5],
		]);
		expect(labels).toEqual(["a", "b"]);
		expectMatrixClose(probabilities, [
			[0.75, 0.25],
			[1 / 3, 2 / 3],
		]);
	});
	it("widens the category tables when later batches bring new categories", () => {
		const model = new CategoricalNaiveBayes({ classesList: ["a", "b"] });
		model.train([X[0], X[1]], ["a", "a"]);
		expect((model.getModelParameters() as Record_).feature1[0].size()).toBe(2);
		model.train([X[2], X[3]], ["b", "b"]);
		const all = new CategoricalNaiveBayes();
		all.train(X, y);
		expect(model.getModelParameters()).toEqual(all.getModelParameters());
	});
	it("rejects non-categories and parameter records without feature tables", () => {
		const model = new CategoricalNaiveBayes();
		expectError(() => model.train([[0.5]], ["a"]), "CategoricalNaiveBayes.train: X[1][1] must be a category (an integer ≥ 0), got 0.5");
		model.train(X, y);
		expectError(() => model.predict([[0, -1]]), "CategoricalNaiveBayes.predict: X[1][2] must be a category (an integer ≥ 0), got -1");
		const fresh = new CategoricalNaiveBayes();
		expectError(
			() => fresh.setModelParameters({ counts: [[1]] }),
			"CategoricalNaiveBayes.setModelParameters: parameters must hold at least one table feature1",
		);
		expectError(() => fresh.setModelParameters({ counts: [[1]], feature2: [[1]] }), "parameters must be a record {counts, feature1}");
		expectError(() => fresh.setModelParameters({ counts: [[1]], feature1: [[1], [0]] }), "parameters.feature1 must be 1×m, got 2×1");
	});
});
