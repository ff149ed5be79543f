// The Models entries beyond the tutorials' (issue 16: "every model Hivemind has under DataPredict's
// names"): each one used as DataPredict's API reference documents it (constructor arguments in
// its order, train, predict, getModelParameters in its stored layout), run as a Luau script
// against Hivemind.DataPredict and checked against numbers worked out by hand or closed forms.
import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import type { Matrix } from "../../src/matrix/types";
import { DataPredict } from "../../src/datapredict";
import { ComplementNaiveBayes } from "../../src/models/naiveBayes/ComplementNaiveBayes";
import { CategoricalNaiveBayes } from "../../src/models/naiveBayes/CategoricalNaiveBayes";
import { ExtremeLearningMachine } from "../../src/models/elm/ExtremeLearningMachine";
import { IsolationForest } from "../../src/models/outliers/IsolationForest";
import { GaussianMixture } from "../../src/models/mixture/GaussianMixture";
import { runDataPredict } from "./luau";

/** The models as a Luau script calls them: any arguments. */
type Loose = new (...args: Array<unknown>) => unknown;
const Models = DataPredict.Models as unknown as { [name: string]: Loose };

describe("DataPredict.Models.SupportVectorMachine", () => {
	it("linear kernel, hard margin (cValue 1000) on ±1 at x = ±1, ±2: f(x) = x (the ones column gets no weight)", () => {
		const [labels, values, original, soft] = runDataPredict(
			`local DataPredict = ...
			local SupportVectorMachine = DataPredict.Models.SupportVectorMachine.new(nil, nil, 1000, nil, "linear")
			SupportVectorMachine:train({{1, -2}, {1, -1}, {1, 1}, {1, 2}}, {{-1}, {-1}, {1}, {1}})
			local labels, values = SupportVectorMachine:predict({{1, 0.5}, {1, -3}})
			local original = SupportVectorMachine:predict({{1, 0.5}}, true)
			SupportVectorMachine:setCValue(0.01) -- soft margin: every α at C, f(x) = 0.01·Σ yᵢ xᵢ·x + b
			SupportVectorMachine:train({{1, -2}, {1, -1}, {1, 1}, {1, 2}}, {{-1}, {-1}, {1}, {1}})
			local _, soft = SupportVectorMachine:predict({{1, 1}})
			return labels, values, original, soft`,
			"SupportVectorMachine",
		);
		expect(labels).toEqual([[1], [-1]]);
		expectMatrixClose(values as Matrix, [[0.5], [-3]], 1e-3);
		expectMatrixClose(original as Matrix, [[0.5]], 1e-3);
		// w = 0.01·(2 + 1 + 1 + 2) = 0.06 on x (the ones column cancels: Σ yᵢ = 0), b = 0 by symmetry
		expectMatrixClose(soft as Matrix, [[0.06]], 1e-6);
	});

	it("a kernel DataPredict documents and Hivemind lacks, a bad kernel parameter, an extra argument", () => {
		expectError(
			() => new Models.SupportVectorMachine(100, 0.1, 1, 0, "cosineSimilarity"),
			'[Hivemind] DataPredict.SupportVectorMachine.new: kernelFunction must be one of "linear", "polynomial", "rbf", "sigmoid", got "cosineSimilarity"',
		);
		expectError(
			() => new Models.SupportVectorMachine(100, 0.1, 1, 0, "rbf", { sigma: 2 }),
			'kernelParameters keys must be degree, gamma or coef0, got "sigma"',
		);
		expectError(
			() => new Models.SupportVectorMachine(100, 0.1, 1, 0, "rbf", {}, 3),
			"DataPredict.SupportVectorMachine.new: takes at most 6 arguments",
		);
	});
});

describe("DataPredict.Models.GaussianNaiveBayes / NaiveBayes", () => {
	// class 0: x = 1, 3 (mean 2, σ 1); class 1: x = 10, 14 (mean 12, σ 2); priors ½
	const p0 = 1 / (1 + math.exp(-math.log(2) - 8 + 2)); // N(4; 2, 1) against N(4; 12, 4)
	it("stores {meanMatrix, standardDeviationMatrix, priorProbabilityMatrix, numberOfDataPointVector}; predicts by the normal densities", () => {
		const [parameters, labels, probabilities, all] = runDataPredict(
			`local DataPredict = ...
			local GaussianNaiveBayes = DataPredict.Models.GaussianNaiveBayes.new(true)
			GaussianNaiveBayes:train({{1}, {3}, {10}, {14}}, {{0}, {0}, {1}, {1}})
			local labels, probabilities = GaussianNaiveBayes:predict({{4}, {11}})
			return GaussianNaiveBayes:getModelParameters(), labels, probabilities, GaussianNaiveBayes:predict({{4}}, true)`,
			"GaussianNaiveBayes",
		);
		const [means, deviations, priors, counts] = parameters as Array<Matrix>;
		expectMatrixClose(means, [[2], [12]], 1e-12);
		expectMatrixClose(deviations, [[1], [2]], 1e-6);
		expectMatrixClose(priors, [[0.5], [0.5]], 1e-12);
		expectMatrixClose(counts, [[2], [2]], 1e-12);
		expect((labels as Matrix)[0][0]).toBe(0);
		expect((labels as Matrix)[1][0]).toBe(1);
		expectClose((probabilities as Matrix)[0][0], p0, 1e-6);
		expectMatrixClose(all as Matrix, [[p0, 1 - p0]], 1e-6);
	});

	it("DataPredict 1.x's NaiveBayes: a stored 3-matrix list (no counts) loads and predicts the same", () => {
		const [probabilities] = runDataPredict(
			`local DataPredict = ...
			local NaiveBayes = DataPredict.Models.NaiveBayes.new()
			NaiveBayes:setClassesList({0, 1})
			NaiveBayes:setModelParameters({ {{2}, {12}}, {{1}, {2}}, {{0.5}, {0.5}} })
			local _, probabilities = NaiveBayes:predict({{4}})
			return probabilities`,
			"NaiveBayes",
		);
		expectClose((probabilities as Matrix)[0][0], p0, 1e-6);
		expectError(
			() => new Models.GaussianNaiveBayes("yes"),
			'[Hivemind] DataPredict.GaussianNaiveBayes.new: useLogProbabilities must be a boolean or nil, got "yes"',
		);
		const model = new Models.NaiveBayes() as { setModelParameters(p: unknown): void };
		expectError(
			() => model.setModelParameters([[[2]], 5]),
			"DataPredict.NaiveBayes.setModelParameters: parameters[2] (standardDeviationMatrix) must be a matrix, got 5",
		);
	});
});

describe("DataPredict.Models: the count naive Bayes models", () => {
	it("MultinomialNaiveBayes (α = 1): θ = (3/4, 1/4) against (1/5, 4/5), so P(class 1 | {1, 0}) = 0.75 / 0.95", () => {
		const [labels, probabilities] = runDataPredict(
			`local DataPredict = ...
			local MultinomialNaiveBayes = DataPredict.Models.MultinomialNaiveBayes.new()
			MultinomialNaiveBayes:train({{2, 0}, {0, 3}}, {{1}, {2}})
			return MultinomialNaiveBayes:predict({{1, 0}})`,
			"MultinomialNaiveBayes",
		);
		expect(labels).toEqual([[1]]);
		expectMatrixClose(probabilities as Matrix, [[0.75 / 0.95]], 1e-12);
	});

	it('BernoulliNaiveBayes (α = 1): P(A | {1, 0}) = ⅔·¾·¾ / (⅔·¾·¾ + ⅓·⅓·⅓); mode "Offline" is an error', () => {
		const [labels, probabilities] = runDataPredict(
			`local DataPredict = ...
			local BernoulliNaiveBayes = DataPredict.Models.BernoulliNaiveBayes.new(false, "Hybrid")
			BernoulliNaiveBayes:train({{1, 0}, {1, 0}, {0, 1}}, {{1}, {1}, {2}})
			return BernoulliNaiveBayes:predict({{1, 0}})`,
			"BernoulliNaiveBayes",
		);
		expect(labels).toEqual([[1]]);
		expectMatrixClose(probabilities as Matrix, [[0.375 / (0.375 + 1 / 27)]], 1e-12);
		expectError(
			() => new Models.BernoulliNaiveBayes(false, "Offline"),
			'DataPredict.BernoulliNaiveBayes.new: mode must be one of "Hybrid", "Online", got "Offline"',
		);
	});

	it("ComplementNaiveBayes and CategoricalNaiveBayes: the native model's probabilities, as labels n×1 and the predicted class's probability n×1", () => {
		const X = [
			[3, 0, 1],
			[0, 2, 2],
			[1, 0, 0],
			[0, 1, 3],
		];
		const y = [[1], [2], [1], [2]];
		const query = [
			[2, 0, 1],
			[0, 1, 1],
		];
		for (const [name, native] of [
			["ComplementNaiveBayes", new ComplementNaiveBayes()],
			["CategoricalNaiveBayes", new CategoricalNaiveBayes()],
		] as Array<[string, ComplementNaiveBayes | CategoricalNaiveBayes]>) {
			native.train(X, y);
			const [nativeLabels, nativeProbabilities] = native.predict(query);
			const model = new Models[name]() as { train(X: Matrix, y: Matrix): unknown; predict(X: Matrix): LuaTuple<[Matrix, Matrix]> };
			model.train(X, y);
			const [labels, probabilities] = model.predict(query);
			expect(labels).toEqual(nativeLabels.map((label) => [label as number]));
			expectMatrixClose(
				probabilities,
				nativeProbabilities.map((row) => [math.max(...row)]),
				1e-12,
			);
		}
		expectError(
			() => new Models.ComplementNaiveBayes(1),
			"DataPredict.ComplementNaiveBayes.new: useLogProbabilities must be a boolean or nil, got 1",
		);
	});
});

describe("DataPredict.Models: neighbours and centroids", () => {
	const DATA = `local featureMatrix = {{0}, {1}, {10}, {11}}`;
	it("KNearestNeighboursClassifier (k = 3): votes 2 : 1, weighted 1 + ½ : ⅛; stores {featureMatrix, labelVector}", () => {
		const [plain, weighted, parameters, loaded] = runDataPredict(
			`local DataPredict = ...
			${DATA}
			local KNN = DataPredict.Models.KNearestNeighboursClassifier.new(3, "Euclidean", false)
			KNN:train(featureMatrix, {{0}, {0}, {1}, {1}})
			local _, plain = KNN:predict({{2}})
			local Weighted = DataPredict.Models.KNearestNeighbours.new(3, "Manhattan", true)
			Weighted:train(featureMatrix, {{0}, {0}, {1}, {1}})
			local _, weighted = Weighted:predict({{2}})
			local Loaded = DataPredict.Models.KNearestNeighboursClassifier.new(3)
			Loaded:setModelParameters(KNN:getModelParameters())
			return plain, weighted, KNN:getModelParameters(), Loaded:predict({{9}})`,
			"KNearestNeighboursClassifier",
		);
		expectMatrixClose(plain as Matrix, [[2 / 3]], 1e-12);
		expectMatrixClose(weighted as Matrix, [[1.5 / 1.625]], 1e-12);
		expect(parameters).toEqual([
			[[0], [1], [10], [11]],
			[[0], [0], [1], [1]],
		]);
		expect(loaded).toEqual([[1]]);
		expectError(
			() => new Models.KNearestNeighboursClassifier(3, "Chebyshev"),
			'DataPredict.KNearestNeighboursClassifier.new: distanceFunction must be one of "Cosine", "Euclidean", "Manhattan", got "Chebyshev"',
		);
		expectError(() => new Models.KNearestNeighboursClassifier(3, "Euclidean", 1), "useWeightedDistance must be a boolean or nil, got 1");
	});

	it("KNearestNeighboursRegressor (k = 2): the mean of the two nearest targets; setParameters(1): the nearest; the stored pair loads", () => {
		const [predicted, nearest, loaded] = runDataPredict(
			`local DataPredict = ...
			${DATA}
			local KNN = DataPredict.Models.KNearestNeighboursRegressor.new(2)
			KNN:train(featureMatrix, {{0}, {2}, {20}, {22}})
			local predicted = KNN:predict({{0.4}, {10.6}})
			KNN:setParameters(1)
			local Loaded = DataPredict.Models.KNearestNeighboursRegressor.new(1)
			Loaded:setModelParameters(KNN:getModelParameters())
			return predicted, KNN:predict({{0.4}}), Loaded:predict({{10.6}})`,
			"KNearestNeighboursRegressor",
		);
		expectMatrixClose(predicted as Matrix, [[1], [21]], 1e-12);
		expectMatrixClose(nearest as Matrix, [[0]], 1e-12);
		expectMatrixClose(loaded as Matrix, [[22]], 1e-12);
		expectError(
			() => new Models.KNearestNeighboursRegressor(0),
			"[Hivemind] DataPredict.KNearestNeighboursRegressor.new: kValue (Hivemind's numberOfNeighbours) must be an integer ≥ 1, got 0",
		);
	});

	it("NearestCentroid: class means (1, 0) and (11, 10); {3, 0} is 2 from the first; stores {meanMatrix, numberOfDataPointVector}", () => {
		const [labels, distances, all, parameters] = runDataPredict(
			`local DataPredict = ...
			local NearestCentroid = DataPredict.Models.NearestCentroid.new("Euclidean")
			NearestCentroid:train({{0, 0}, {2, 0}, {10, 10}, {12, 10}}, {{1}, {1}, {2}, {2}})
			local labels, distances = NearestCentroid:predict({{3, 0}})
			return labels, distances, NearestCentroid:predict({{3, 0}}, true), NearestCentroid:getModelParameters()`,
			"NearestCentroid",
		);
		expect(labels).toEqual([[1]]);
		expectMatrixClose(distances as Matrix, [[2]], 1e-12);
		expectMatrixClose(all as Matrix, [[2, math.sqrt(164)]], 1e-12);
		expect(parameters).toEqual([
			[
				[1, 0],
				[11, 10],
			],
			[[2], [2]],
		]);
		expectError(
			() => new Models.NearestCentroid(2),
			'DataPredict.NearestCentroid.new: distanceFunction must be one of "Cosine", "Euclidean", "Manhattan", got 2',
		);
	});
});

describe("DataPredict.Models: passive-aggressive", () => {
	it("PassiveAggressiveClassifier variant 0 then 1 (C = 0.1): the PA steps τ = ℓ/‖x‖² (capped at C) in the given order", () => {
		const [w0, w1, labels] = runDataPredict(
			`local DataPredict = ...
			local featureMatrix, labelVector = {{1, 2}, {1, -1}}, {{1}, {-1}}
			local PA = DataPredict.Models.PassiveAggressiveClassifier.new(1, 0)
			PA:train(featureMatrix, labelVector)
			local PA1 = DataPredict.Models.PassiveAggressiveClassifier.new(1, 1, 0.1)
			PA1:train(featureMatrix, labelVector)
			return PA:getModelParameters(), PA1:getModelParameters(), PA:predict({{1, 3}, {1, -3}})`,
			"PassiveAggressiveClassifier",
		);
		// row 1: ℓ = 1, τ = 1/5 → w = (0.2, 0.4); row 2: score −0.2, ℓ = 0.8, τ = 0.4 → w = (−0.2, 0.8)
		expectMatrixClose(w0 as Matrix, [[-0.2], [0.8]], 1e-12);
		// τ = 0.1 twice: (0.1, 0.2), then score −0.1 → w = (0, 0.3)
		expectMatrixClose(w1 as Matrix, [[0], [0.3]], 1e-12);
		expect(labels).toEqual([[1], [-1]]);
		expectError(
			() => new Models.PassiveAggressiveClassifier(1, 3),
			'DataPredict.PassiveAggressiveClassifier.new: variant must be one of "0", "1", "2", got "3"',
		);
	});

	it("PassiveAggressiveRegressor variant 0 (ε = 0.1): one row {1, 2} → 3 moves w by (3 − 0.1)/5 · x", () => {
		const [w, predicted] = runDataPredict(
			`local DataPredict = ...
			local PA = DataPredict.Models.PassiveAggressiveRegressor.new()
			PA:train({{1, 2}}, {{3}})
			return PA:getModelParameters(), PA:predict({{1, 2}})`,
			"PassiveAggressiveRegressor",
		);
		expectMatrixClose(w as Matrix, [[0.58], [1.16]], 1e-12);
		expectMatrixClose(predicted as Matrix, [[2.9]], 1e-12);
		expectError(
			() => new Models.PassiveAggressiveRegressor(1, 0, -1),
			"[Hivemind] DataPredict.PassiveAggressiveRegressor.new: cValue (Hivemind's C) must be a finite number > 0, got -1",
		);
	});
});

describe("DataPredict.Models: closed-form regressions", () => {
	// X = {1, 0}, {1, 1}, {1, 2}, y = 1, 3, 5: (I + XᵀX)⁻¹ Xᵀy = [[6, −3], [−3, 4]]/15 · (9, 13) = (1, 5/3)
	const DATA = `local featureMatrix, labelVector = {{1, 0}, {1, 1}, {1, 2}}, {{1}, {3}, {5}}`;
	it("BayesianLinearRegression (α = β = 1): posterior mean (1, 5/3); predictive variance 1 + xᵀSx", () => {
		const [mean, variance] = runDataPredict(
			`local DataPredict = ...
			${DATA}
			local Model = DataPredict.Models.BayesianLinearRegression.new(1, 1)
			Model:train(featureMatrix, labelVector)
			return Model:predict({{1, 3}})`,
			"BayesianLinearRegression",
		);
		expectMatrixClose(mean as Matrix, [[6]], 1e-9);
		expectMatrixClose(variance as Matrix, [[1 + 24 / 15]], 1e-9);
		expectError(
			() => new Models.BayesianLinearRegression(-1),
			"[Hivemind] DataPredict.BayesianLinearRegression.new: priorPrecision must be a finite number > 0, got -1",
		);
	});

	it("RidgeRegression (Hivemind's, λ = 1, every row penalized as X carries the ones): the same (1, 5/3)", () => {
		const [w] = runDataPredict(
			`local DataPredict = ...
			${DATA}
			local Model = DataPredict.Models.RidgeRegression.new({lambda = 1})
			Model:train(featureMatrix, labelVector)
			return Model:getModelParameters()`,
			"RidgeRegression",
		);
		expectMatrixClose(w as Matrix, [[1], [5 / 3]], 1e-9);
		expectError(
			() => new Models.RidgeRegression({ alpha: 1 }),
			`DataPredict.RidgeRegression.new: unknown argument "alpha"; DataPredict's arguments here are lambda`,
		);
	});

	it("ExtremeLearningMachine (Hivemind's): the native model's predictions, labels as n×1", () => {
		const X = [
			[0, 0],
			[0, 1],
			[1, 0],
			[1, 1],
			[2, 2],
			[2, 3],
		];
		const y = [[0], [0], [0], [1], [1], [1]];
		const native = new ExtremeLearningMachine({ hiddenNeurons: 8, seed: 3 });
		native.train(X, y);
		const [nativeLabels] = native.predict(X);
		const model = new Models.ExtremeLearningMachine({ hiddenNeurons: 8, seed: 3 }) as {
			train(X: Matrix, y: Matrix): unknown;
			predict(X: Matrix): LuaTuple<[Matrix, Matrix]>;
		};
		model.train(X, y);
		expect(model.predict(X)[0]).toEqual((nativeLabels as Array<number>).map((label) => [label]));
	});
});

describe("DataPredict.Models: the gradient regressions", () => {
	// one step at learning rate 0.1 from zero weights on X = {1, 0}, {1, 1}, y = 1, 3 (mean gradients)
	const scriptFor = (name: string, extra: string) => `local DataPredict = ...
		local Model = DataPredict.Models.${name}.new(1, 0.1${extra})
		Model:setPrintOutput(false)
		Model:train({{1, 0}, {1, 1}}, {{1}, {3}})
		return Model:getModelParameters(), Model:predict({{1, 2}})`;
	it("PoissonRegression: the deviance's gradient 2(exp(x·w) − y)·x, so w = −0.1 · ((0)(1, 0) + (−4)(1, 1))/2 = (0.2, 0.2)", () => {
		const [w, predicted] = runDataPredict(scriptFor("PoissonRegression", ""), "PoissonRegression");
		expectMatrixClose(w as Matrix, [[0.2], [0.2]], 1e-12);
		expectMatrixClose(predicted as Matrix, [[math.exp(0.6)]], 1e-12);
		expectError(() => new Models.PoissonRegression(1, 0.1, 3), "DataPredict.PoissonRegression.new: takes at most 2 arguments");
	});

	it("QuantileRegression {0.9}: both residuals positive, so w = 0.1 · 0.9 · mean(x) = (0.09, 0.045)", () => {
		const [w] = runDataPredict(scriptFor("QuantileRegression", ", {0.9}"), "QuantileRegression");
		expectMatrixClose(w as Matrix, [[0.09], [0.045]], 1e-12);
		expectError(
			() => new Models.QuantileRegression(1, 0.1, [0.1, 0.9]),
			"DataPredict.QuantileRegression.new: QuantilesList must be a list of one quantile",
		);
	});

	it("HuberRegression (δ = 2): residuals 1 and 3 clip to 1 and 2, so w = 0.1 · ((1)(1, 0) + 2(1, 1))/2 = (0.15, 0.1)", () => {
		const [w] = runDataPredict(scriptFor("HuberRegression", ", 2"), "HuberRegression");
		expectMatrixClose(w as Matrix, [[0.15], [0.1]], 1e-12);
		expectError(() => new Models.HuberRegression(1, 0.1, -1), "[Hivemind] DataPredict.HuberRegression.new: delta must be");
	});
});

describe("DataPredict.Models.BinaryRegression", () => {
	it("one step at 0.3 from zero weights on {1, 2} → 1: Logistic w = 0.3·½·x; Probit w = 0.3·2φ(0)·x", () => {
		const scriptFor = (link: string) => `local DataPredict = ...
			local Model = DataPredict.Models.BinaryRegression.new(1, 0.3, "${link}")
			Model:setPrintOutput(false)
			Model:train({{1, 2}}, {{1}})
			local labels, probabilities = Model:predict({{1, 2}})
			return Model:getModelParameters(), labels, probabilities, Model:predict({{1, 2}}, true)`;
		const [logistic, labels, probability, original] = runDataPredict(scriptFor("Logistic"), "BinaryRegression.Logistic");
		expectMatrixClose(logistic as Matrix, [[0.15], [0.3]], 1e-12);
		expect(labels).toEqual([[1]]);
		const p = 1 / (1 + math.exp(-0.75)); // σ(0.15 + 0.6)
		expectMatrixClose(probability as Matrix, [[p]], 1e-12);
		expectMatrixClose(original as Matrix, [[p]], 1e-12);
		const [probit] = runDataPredict(scriptFor("Probit"), "BinaryRegression.Probit");
		const step = (0.3 * 2) / math.sqrt(2 * math.pi);
		expectMatrixClose(probit as Matrix, [[step], [2 * step]], 1e-9);
		expectError(
			() => new Models.BinaryRegression(1, 0.3, "Tanh"),
			'DataPredict.BinaryRegression.new: binaryFunction must be "Logistic" or "Probit" (the binary functions Hivemind has), got "Tanh"',
		);
		expectError(
			() => new Models.BinaryRegression(1, 0.3, "Logistic", "MeanSquaredError"),
			'costFunction must be "BinaryCrossEntropy", got "MeanSquaredError"',
		);
	});
});

describe("DataPredict.Models: clustering and outlier models (Hivemind's options, clusters from 1)", () => {
	const DATA = `local featureMatrix = {{0}, {1}, {2}, {10}, {11}, {12}}`;
	it("KMedoids {numberOfClusters = 2}: medoids 1 and 11, so {1.5} is 0.5 from its medoid and 9.5 from the other", () => {
		const [clusters, distances] = runDataPredict(
			`local DataPredict = ...
			${DATA}
			local KMedoids = DataPredict.Models.KMedoids.new({numberOfClusters = 2})
			KMedoids:train(featureMatrix)
			local clusters = KMedoids:predict({{1.5}, {11}})
			return clusters, KMedoids:predict({{1.5}}, true)`,
			"KMedoids",
		);
		const [a, b] = [(clusters as Matrix)[0][0], (clusters as Matrix)[1][0]];
		expect([a, b].sort()).toEqual([1, 2]);
		expectClose((distances as Matrix)[0][a - 1], 0.5, 1e-12);
		expectClose((distances as Matrix)[0][b - 1], 9.5, 1e-12);
		expectError(
			() => new Models.KMedoids(100, 3),
			"[Hivemind] DataPredict.KMedoids.new: takes one options table of Hivemind's options (numberOfClusters, distance, maximumNumberOfIterations, yieldInterval); DataPredict's positional arguments are not mapped for this model, got 100 at position 1",
		);
	});

	it("DBSCAN's long name {epsilon = 1.5, minimumPoints = 2}: two clusters numbered 1 and 2; a far row is noise, −1", () => {
		const [clusters] = runDataPredict(
			`local DataPredict = ...
			${DATA}
			local DBSCAN = DataPredict.Models.DensityBasedSpatialClusteringOfApplicationsWithNoise.new({epsilon = 1.5, minimumPoints = 2})
			DBSCAN:train(featureMatrix)
			return DBSCAN:predict({{0.5}, {11.5}, {50}})`,
			"DensityBasedSpatialClusteringOfApplicationsWithNoise",
		);
		const c = clusters as Matrix;
		expect([c[0][0], c[1][0]].sort()).toEqual([1, 2]);
		expect(c[2][0]).toBe(-1);
	});

	it("ExpectationMaximization (GaussianMixture): the native model's components from 1 and its probabilities", () => {
		const X = [[0], [0.5], [1], [10], [10.5], [11]];
		const model = new Models.ExpectationMaximization({ numberOfComponents: 2, seed: 3 }) as {
			train(X: Matrix): unknown;
			predict(X: Matrix, original?: boolean): LuaTuple<[Matrix, Matrix]>;
		};
		model.train(X);
		const native = new GaussianMixture({ numberOfComponents: 2, seed: 3 });
		native.train(X);
		const [nativeComponents, nativeProbabilities] = native.predict(X);
		expect(model.predict(X)[0]).toEqual(nativeComponents.map((k) => [k + 1]));
		expectMatrixClose(model.predict(X, true)[0], nativeProbabilities, 1e-12);
	});

	it("IsolationForest (seeded): the native model's labels ±1 and decision values, as n×1", () => {
		const X = [[0], [1], [2], [3], [4], [100]];
		const model = new Models.IsolationForest({ numberOfTrees: 20, seed: 7 }) as {
			train(X: Matrix): unknown;
			predict(X: Matrix): LuaTuple<[Matrix, Matrix]>;
		};
		model.train(X);
		const native = new IsolationForest({ numberOfTrees: 20, seed: 7 });
		native.train(X);
		const [nativeLabels, nativeValues] = native.predict(X);
		const [labels, values] = model.predict(X);
		expect(labels).toEqual(nativeLabels.map((label) => [label as number]));
		expectMatrixClose(values, nativeValues, 1e-12);
	});
});
