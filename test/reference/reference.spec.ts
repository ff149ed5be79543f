// The main model families against NumPy: reference numbers from make_reference.py (beside this
// file), an independent implementation of the textbook definitions, committed in referenceData.ts.
import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectMatrixClose } from "../support/numeric";
import {
	GaussianNaiveBayes,
	KMeans,
	LogisticRegression,
	NeuralNetwork,
	NormalLinearRegression,
	RidgeRegression,
	SoftmaxRegression,
} from "../../src/models";
import type { Matrix } from "../../src/matrix/types";
import * as R from "./referenceData";

const column = (values: Array<number>): Matrix => values.map((v) => [v]);

describe("reference (NumPy): linear models", () => {
	it("NormalLinearRegression gives numpy.linalg.lstsq's weights (bias first)", () => {
		const model = new NormalLinearRegression();
		model.train(R.X, column(R.yRegression));
		expectMatrixClose(model.getModelParameters() as Matrix, R.leastSquares, 1e-10);
	});

	it("RidgeRegression (λ = 2, bias unpenalized) solves (XᵀX + λI′)w = Xᵀy like numpy.linalg.solve", () => {
		const model = new RidgeRegression({ lambda: 2 });
		model.train(R.X, column(R.yRegression));
		expectMatrixClose(model.getModelParameters() as Matrix, R.ridgeLambda2, 1e-10);
	});

	it("LogisticRegression: 40 gradient-descent steps (rate 0.5) give NumPy's weights and cost history", () => {
		const model = new LogisticRegression({ learningRate: 0.5, maximumNumberOfIterations: 40 });
		const history = model.train(R.X, R.yBinary);
		expectMatrixClose(model.getModelParameters() as Matrix, R.logistic40Steps, 1e-10);
		expect(history.size()).toBe(R.logisticCosts.size());
		history.forEach((cost, k) => expectClose(cost, R.logisticCosts[k], 1e-10, `cost ${k + 1}`));
	});

	it("SoftmaxRegression: 40 gradient-descent steps (rate 0.5) give NumPy's weights", () => {
		const model = new SoftmaxRegression({ learningRate: 0.5, maximumNumberOfIterations: 40 });
		model.train(R.X, R.yMulticlass);
		expectMatrixClose(model.getModelParameters() as Matrix, R.softmax40Steps, 1e-10);
	});
});

describe("reference (NumPy): naive Bayes, k-means, a network's forward pass", () => {
	it("GaussianNaiveBayes predicts scikit-learn's posterior probabilities", () => {
		const model = new GaussianNaiveBayes();
		model.train(R.X, R.yBinary);
		const [labels, probabilities] = model.predict(R.XTest);
		expectMatrixClose(probabilities as Matrix, R.naiveBayesProbabilities, 1e-10);
		expect(labels).toEqual((R.naiveBayesProbabilities as Matrix).map((row) => (row[1] > row[0] ? 1 : 0)));
	});

	it("KMeans: one Lloyd step from given centroids (assignments, then the means of the assigned rows)", () => {
		const model = new KMeans({ numberOfClusters: 3 });
		model.setModelParameters(R.kmeansStart);
		const [clusters] = model.predict(R.X);
		expect(clusters).toEqual(R.kmeansAssignments);
		model.trainFromPartial(model.computePartial(R.X));
		expectMatrixClose(model.getModelParameters() as Matrix, R.kmeansStep, 1e-12);
	});

	it("NeuralNetwork's forward pass (Tanh hidden layer, Softmax output) equals NumPy's", () => {
		const network = new NeuralNetwork();
		network.createLayers([2, 3, 2], "Tanh");
		network.setLayerActivation(2, "Softmax");
		network.setModelParameters([R.networkW1, R.networkW2]);
		const [output] = network.predict(R.XTest, true);
		expectMatrixClose(output as Matrix, R.networkOutput, 1e-12);
	});
});
