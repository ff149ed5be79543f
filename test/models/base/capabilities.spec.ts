// Capability types and their guards: the registry's tags and the classes' methods agree, and the
// helpers built on them (predictValues, featureCountOf) read what the models return.
import { describe, expect, it } from "../../support/jest-globals.d";
import { expectError } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix/random";
import {
	featureCountOf,
	getRegisteredModels,
	isClassifier,
	isGradientSaving,
	isGradientTrainable,
	isStatisticsModel,
	isTransformer,
	LinearRegression,
	LogisticRegression,
	predictValues,
	RidgeRegression,
} from "../../../src/models";
import { DistributedGradients } from "../../../src/distributed/DistributedGradients";
import { StandardScaler } from "../../../src/transformers/StandardScaler";

describe("capabilities", () => {
	for (const r of getRegisteredModels()) {
		it(`${r.name}: its tags and its methods say the same`, () => {
			const model = r.create(r.example(new RandomGenerator(1), 2, 10).options);
			expect(isGradientSaving(model)).toBe(r.tags.includes("gradient"));
			// the tags promise more than the methods (exact merging; predicting labels in the example's
			// mode), so they imply the capability: KMeans and PCA have the statistics methods untagged
			// (one Lloyd step; no labels), the ELM has the class list in its regression example too
			if (r.tags.includes("statistics")) expect(isStatisticsModel(model)).toBe(true);
			if (r.tags.includes("classifier")) expect(isClassifier(model)).toBe(true);
			if (r.tags.includes("transformer")) expect(isTransformer(model)).toBe(true);
			model.destroy();
		});
	}

	it("tells the gradient, statistics and classifier APIs apart", () => {
		const linear = new LinearRegression();
		const ridge = new RidgeRegression();
		const logistic = new LogisticRegression();
		expect([isGradientTrainable(linear), isGradientSaving(linear), isStatisticsModel(linear), isClassifier(linear)]).toEqual([
			true,
			true,
			false,
			false,
		]);
		expect([isGradientTrainable(ridge), isGradientSaving(ridge), isStatisticsModel(ridge), isClassifier(ridge)]).toEqual([
			false,
			false,
			true,
			false,
		]);
		expect([isGradientTrainable(logistic), isStatisticsModel(logistic), isClassifier(logistic)]).toEqual([true, false, true]);
		expect(isTransformer(new StandardScaler())).toBe(true);
		expect(isTransformer(linear)).toBe(false);
	});

	it("predictValues reads both values of a classifier and one of a regressor; featureCountOf the trained width", () => {
		const ridge = new RidgeRegression({ lambda: 0 });
		// y = 1 + 2x exactly: the least-squares fit predicts 7 at x = 3
		ridge.train([[0], [1], [2]], [[1], [3], [5]]);
		const [prediction, second] = predictValues(ridge, [[3]]);
		expect(math.abs((prediction as Array<Array<number>>)[0][0] - 7) < 1e-9).toBe(true);
		expect(second).toBe(undefined);
		expect(featureCountOf(ridge)).toBe(1);
		const logistic = new LogisticRegression({ maximumNumberOfIterations: 1 });
		expect(featureCountOf(logistic)).toBe(undefined);
		logistic.setModelParameters([[0], [0]]);
		const [labels, probabilities] = predictValues(logistic, [[5]]);
		// zero weights: P(second class) = σ(0) = 0.5 for both classes; ties go to the first class
		expect(labels).toEqual([0]);
		expect(probabilities).toEqual([[0.5, 0.5]]);
	});
});

describe("vocabulary aliases", () => {
	it("setOptions is setParameters, and its errors name setOptions", () => {
		const model = new LinearRegression({ learningRate: 0.1 });
		model.setOptions({ learningRate: 0.25 });
		expect(model.getOptions().learningRate).toBe(0.25);
		expectError(() => model.setOptions({ learningRate: -1 }), "[Hivemind] LinearRegression.setOptions: learningRate must be", "got -1");
		expectError(() => model.setParameters({ learningRate: -1 }), "[Hivemind] LinearRegression.setParameters: learningRate must be", "got -1");
	});

	it("DistributedGradients.setMainModelParameters / getMainModelParameters are its setModelParameters / getModelParameters", () => {
		const server = new DistributedGradients({ learningRate: 0.5 });
		server.setMainModelParameters([[1], [2]]);
		expect(server.getModelParameters()).toEqual([[1], [2]]);
		server.setModelParameters([[3], [4]]);
		expect(server.getMainModelParameters()).toEqual([[3], [4]]);
	});
});
