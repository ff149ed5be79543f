import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { HuberRegression, NormalLinearRegression, PoissonRegression, QuantileRegression } from "../../../src/models";
import { PolynomialFeatures } from "../../../src/transformers";
import { column } from "./helpers";

// A zero feature column makes the bias the only active parameter: a location estimate.
const LOCATION_X = [[0], [0], [0], [0]];

describe("HuberRegression", () => {
	it("finds the Huber location estimate solved by hand", () => {
		// y = 0, 1, 2, 10 with δ = 1: Σψ(y − μ) = −1 + (1 − μ) + (2 − μ) + 1 = 0 gives μ = 1.5.
		const model = new HuberRegression({ learningRate: 0.5, maximumNumberOfIterations: 2000 });
		model.train(LOCATION_X, [0, 1, 2, 10]);
		const w = column(model.getModelParameters());
		expectClose(w[0], 1.5, 1e-9);
		expect(w[1]).toBe(0);
	});
	it("with a large delta equals least squares", () => {
		const X = [[1], [2], [3], [4]];
		const y = [3, 5, 7, 9.5];
		const model = new HuberRegression({ delta: 100, learningRate: 0.2, maximumNumberOfIterations: 3000 });
		model.train(X, y);
		const exact = new NormalLinearRegression();
		exact.train(X, y);
		expectMatrixClose(model.getModelParameters() as Array<Array<number>>, exact.getModelParameters() as Array<Array<number>>, 1e-6);
	});
	it("validates delta", () => {
		expectError(() => new HuberRegression({ delta: 0 }), "[Hivemind] HuberRegression.new: delta must be a finite number > 0, got 0");
	});
});

describe("QuantileRegression", () => {
	it("finds the median and the 0.7-quantile of a sample", () => {
		const X = [[0], [0], [0], [0], [0]];
		const y = [1, 2, 3, 4, 5];
		const median = new QuantileRegression({ learningRate: 0.01, maximumNumberOfIterations: 3000 });
		median.train(X, y);
		expectClose(column(median.getModelParameters())[0], 3, 0.01);
		// τn = 3.5: the unique minimiser has 3 values below it and 4 at or below: 4.
		const upper = new QuantileRegression({ quantile: 0.7, learningRate: 0.01, maximumNumberOfIterations: 3000 });
		upper.train(X, y);
		expectClose(column(upper.getModelParameters())[0], 4, 0.01);
	});
	it("validates the quantile", () => {
		expectError(() => new QuantileRegression({ quantile: 1 }), "QuantileRegression.new: quantile must be a number in (0, 1), got 1");
	});
});

describe("PoissonRegression", () => {
	it("gives the sample mean as the intercept-only MLE: bias = log(mean)", () => {
		const model = new PoissonRegression({ learningRate: 0.1, maximumNumberOfIterations: 2000 });
		model.train([[0], [0], [0]], [1, 2, 6]);
		expectClose(column(model.getModelParameters())[0], math.log(3), 1e-9);
		expectMatrixClose(model.predict([[0]]), [[3]], 1e-9);
	});
	it("satisfies the score equations Xᵀ(y − μ) = 0 with a feature", () => {
		const X = [[0], [0.5], [1], [1.5], [2]];
		const y = [1, 1, 3, 4, 9];
		const model = new PoissonRegression({ learningRate: 0.05, maximumNumberOfIterations: 6000 });
		model.train(X, y);
		const w = column(model.getModelParameters());
		let s0 = 0;
		let s1 = 0;
		X.forEach((row, i) => {
			const r = y[i] - math.exp(w[0] + w[1] * row[0]);
			s0 += r;
			s1 += r * row[0];
		});
		expectClose(s0, 0, 1e-8);
		expectClose(s1, 0, 1e-8);
	});
	it("rejects negative counts, naming y", () => {
		expectError(
			() => new PoissonRegression().train([[1], [2]], [1, -1]),
			"[Hivemind] PoissonRegression.train: y must hold counts ≥ 0, got -1 at row 2",
		);
	});
});

describe("PolynomialFeatures", () => {
	it("expands by degree, then lexicographically", () => {
		expect(new PolynomialFeatures().transform([[2, 3]])).toEqual([[2, 3, 4, 6, 9]]);
		expect(new PolynomialFeatures({ degree: 3, interactionOnly: true }).transform([[2, 3, 5]])).toEqual([[2, 3, 5, 6, 10, 15, 30]]);
		expect(new PolynomialFeatures({ degree: 3, includeBias: true }).transform([[2]])).toEqual([[1, 2, 4, 8]]);
		expect(new PolynomialFeatures().getTerms(2)).toEqual([[0], [1], [0, 0], [0, 1], [1, 1]]);
	});
	it("lets a linear model fit a polynomial exactly", () => {
		const expand = new PolynomialFeatures({ degree: 2 });
		const X = [[-2], [-1], [0], [1], [2], [3]];
		const model = new NormalLinearRegression();
		model.train(
			expand.transform(X),
			X.map((row) => 1 - row[0] + 0.5 * row[0] * row[0]),
		);
		expectMatrixClose(model.getModelParameters() as Array<Array<number>>, [[1], [-1], [0.5]], 1e-9);
	});
	it("validates options and input", () => {
		expectError(() => new PolynomialFeatures({ degree: 0 }), "[Hivemind] PolynomialFeatures.new: degree must be an integer in [1, 10], got 0");
		expectError(() => new PolynomialFeatures().transform([[1, 0 / 0]]), "PolynomialFeatures.transform: X[1][2] must be finite");
	});
});
