import { describe, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { BayesianLinearRegression, NormalLinearRegression, RidgeRegression } from "../../../src/models";
import { finalizeBayesianLinear } from "../../../src/sufficientStatistics/bayesianLinear";
import { column, referenceRidge } from "./helpers";

const X = [
	[1, 2],
	[2, 1],
	[3, 4],
	[4, 3],
	[5, 5],
];
const y = [1, 2, 3, 5, 4];

describe("NormalLinearRegression", () => {
	it("equals the normal equations solved independently, to 1e-6", () => {
		const model = new NormalLinearRegression();
		const [cost] = model.train(X, y);
		const expected = referenceRidge(X, y, 0);
		expectMatrixClose(
			model.getModelParameters() as Array<Array<number>>,
			expected.map((v) => [v]),
			1e-9,
		);
		const residuals = X.map((row, i) => expected[0] + expected[1] * row[0] + expected[2] * row[1] - y[i]);
		expectClose(cost, residuals.reduce((s, r) => s + r * r, 0) / 5, 1e-9);
	});
	it("fits y = 1 + 2x exactly", () => {
		const model = new NormalLinearRegression();
		model.train([[1], [2], [3]], [3, 5, 7]);
		expectMatrixClose(model.getModelParameters() as Array<Array<number>>, [[1], [2]], 1e-12);
		expectMatrixClose(model.predict([[10]]), [[21]], 1e-12);
	});
	it("gives the minimum-norm solution when XᵀX is singular", () => {
		const duplicated = new NormalLinearRegression({ fitIntercept: false });
		duplicated.train(
			[
				[1, 1],
				[2, 2],
				[3, 3],
			],
			[2, 4, 6],
		);
		// w₁ + w₂ = 2 with the smallest norm: w₁ = w₂ = 1.
		expectMatrixClose(duplicated.getModelParameters() as Array<Array<number>>, [[1], [1]], 1e-9);
		const single = new NormalLinearRegression();
		single.train([[2]], [4]);
		// [1, 2]·w = 4 with the smallest norm: w = 4·[1, 2] / 5.
		expectMatrixClose(single.getModelParameters() as Array<Array<number>>, [[0.8], [1.6]], 1e-9);
	});
});

describe("RidgeRegression", () => {
	it("equals (XᵀX + λI′)w = Xᵀy solved independently, the bias unpenalized", () => {
		const model = new RidgeRegression({ lambda: 2.5 });
		const [cost] = model.train(X, y);
		const w = referenceRidge(X, y, 2.5);
		expectMatrixClose(
			model.getModelParameters() as Array<Array<number>>,
			w.map((v) => [v]),
			1e-9,
		);
		const sse = X.map((row, i) => (w[0] + w[1] * row[0] + w[2] * row[1] - y[i]) ** 2).reduce((a, b) => a + b);
		expectClose(cost, (sse + 2.5 * (w[1] * w[1] + w[2] * w[2])) / 5, 1e-9);
	});
	it("shrinks Σxy / (Σx² + λ) without an intercept (by hand)", () => {
		const model = new RidgeRegression({ lambda: 1, fitIntercept: false });
		model.train([[1], [2], [3]], [2, 4, 6.5]);
		expectMatrixClose(model.getModelParameters() as Array<Array<number>>, [[29.5 / 15]], 1e-12);
	});
	it("never penalizes the bias: a huge λ leaves the mean", () => {
		const model = new RidgeRegression({ lambda: 1e12 });
		model.train([[1], [-1]], [5, 7]);
		const w = column(model.getModelParameters());
		expectClose(w[0], 6, 1e-9);
		expectClose(w[1], 0, 1e-9);
	});
	it("validates options, partials and parameters", () => {
		expectError(() => new RidgeRegression({ lambda: -1 }), "[Hivemind] RidgeRegression.new: lambda must be a finite number ≥ 0, got -1");
		const model = new RidgeRegression();
		model.train(X, y);
		const bad = {
			xtx: [
				[1, 0],
				[0, 1],
			],
			xty: [[1], [1]],
			n: 2,
		};
		expectError(
			() => model.trainFromPartial(bad),
			"RidgeRegression.trainFromPartial: partial must hold n ≥ 1, xtx p×p and xty p×k with p = 2 + 1 (bias), got xtx 2×2",
		);
		expectError(() => model.trainFromPartial({ xtx: [[1]], n: 1 } as never), "RidgeRegression.trainFromPartial:", "partial.xty");
		expectError(
			() => model.setModelParameters([[1], [2]]),
			"RidgeRegression.setModelParameters: the matrix of parameters must be 3×1 like the model's parameters, got 2×1",
		);
		expectError(
			() => new RidgeRegression().setModelParameters([[[1]], [[2]]]),
			"parameters must be a single matrix ((features + 1) × outputs, bias row first), got a list of 2 matrices",
		);
	});
});

describe("BayesianLinearRegression", () => {
	it("matches the hand-computed posterior and predictive distribution (no intercept)", () => {
		const model = new BayesianLinearRegression({ fitIntercept: false, priorPrecision: 1, noisePrecision: 1 });
		model.train([[1], [2]], [1, 3]);
		// Precision 1 + 5 = 6, so S = 1/6 and m = (1·1 + 2·3)/6 = 7/6.
		const p = model.getModelParameters() as { mean: Array<Array<number>>; covariance: Array<Array<number>> };
		expectMatrixClose(p.mean, [[7 / 6]], 1e-12);
		expectMatrixClose(p.covariance, [[1 / 6]], 1e-12);
		const [mean, variance] = model.predict([[3]]);
		expectMatrixClose(mean, [[3.5]], 1e-12);
		expectMatrixClose(variance, [[1 + 9 / 6]], 1e-12);
	});
	it("matches the hand-computed posterior with a flat prior on the bias", () => {
		const model = new BayesianLinearRegression({ priorPrecision: 2, noisePrecision: 1 });
		const [cost] = model.train([[1], [2]], [1, 3]);
		// Precision [[2, 3], [3, 5 + 2]], determinant 5: S = [[7, -3], [-3, 2]] / 5, Xᵀy = [4, 7], m = [1.4, 0.4].
		const p = model.getModelParameters() as { mean: Array<Array<number>>; covariance: Array<Array<number>> };
		expectMatrixClose(p.mean, [[1.4], [0.4]], 1e-12);
		expectMatrixClose(
			p.covariance,
			[
				[1.4, -0.6],
				[-0.6, 0.4],
			],
			1e-12,
		);
		const [mean, variance] = model.predict([[1], [0]]);
		expectMatrixClose(mean, [[1.8], [1.4]], 1e-12);
		expectMatrixClose(variance, [[1 + 3 / 5], [1 + 7 / 5]], 1e-12);
		// (β·SSE + α·m₁²) / 2n = (1.28 + 0.32) / 4.
		expectClose(cost, 0.4, 1e-12);
	});
	it("narrows the predictive variance as data accumulate in the statistics", () => {
		const model = new BayesianLinearRegression({ fitIntercept: false, noisePrecision: 4 });
		const a = model.computePartial([[1]], [1]);
		const b = model.computePartial([[1]], [1]);
		model.trainFromPartial(a);
		const [, one] = model.predict([[1]]);
		model.trainFromPartial(model.mergePartials(a, b));
		const [, two] = model.predict([[1]]);
		// Variance 1/β + 1/(α + β·n): n = 1 → 0.25 + 0.2; n = 2 → 0.25 + 1/9.
		expectMatrixClose(one, [[0.45]], 1e-12);
		expectMatrixClose(two, [[0.25 + 1 / 9]], 1e-12);
	});
	it("validates its options, targets and parameters", () => {
		expectError(
			() => new BayesianLinearRegression({ noisePrecision: 0 }),
			"BayesianLinearRegression.new: noisePrecision must be a finite number > 0, got 0",
		);
		expectError(
			() =>
				new BayesianLinearRegression().train(
					[[1], [2]],
					[
						[1, 2],
						[3, 4],
					],
				),
			"BayesianLinearRegression.train: y must have 1 columns (outputs) like the model, got 2×2",
		);
		expectError(
			() => new BayesianLinearRegression().setModelParameters([[1], [2]]),
			"parameters must be a table { mean = p×1, covariance = p×p }",
			"got 2×1",
		);
		expectError(
			() => new BayesianLinearRegression().setModelParameters({ mean: [[1], [2]], covariance: [[1]] }),
			"got mean 2×1 and covariance 1×1",
		);
		expectError(
			() => finalizeBayesianLinear({ xtx: [[1]], xty: [[1]], n: 1 }, 0, 1),
			"finalizeBayesianLinear: priorPrecision must be a finite number > 0, got 0",
		);
	});
});
