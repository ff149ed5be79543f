// Second-order solvers on raw, unscaled data (the Auto MPG cars: weights in pounds next to
// accelerations in seconds). Each model with default options must reach within 1% of its
// objective's optimum, computed independently (damped Newton in double precision for logistic,
// Poisson and Huber; the exact simplex LP for the median) by test/fixtures/reference/glm-optima.js.
import { describe, expect, it } from "../../support/jest-globals";
import { expectClose, expectError } from "../../support/numeric";
import { HuberRegression, LinearRegression, LogisticRegression, PoissonRegression, QuantileRegression, SoftmaxRegression } from "../../../src/models";
import { createRegularizer } from "../../../src/optimization/regularizers/regularizers";
import { setTrainingOutput } from "../../../src/models/base/output";
import { CARS, CARS_COLUMNS, REFERENCE } from "./carsReference";

function problem(features: Array<string>, target: string): LuaTuple<[Array<Array<number>>, Array<number>]> {
	const indices = features.map((name) => CARS_COLUMNS.indexOf(name));
	const t = CARS_COLUMNS.indexOf(target);
	return $tuple(
		CARS.map((row) => indices.map((j) => row[j])),
		CARS.map((row) => row[t]),
	);
}

/** Columns centred and divided by their standard deviation. */
function standardized(X: Array<Array<number>>): Array<Array<number>> {
	const p = X[0].size();
	const centres = new Array<number>();
	const spreads = new Array<number>();
	for (const j of $range(0, p - 1)) {
		const column = X.map((row) => row[j]);
		const m = mean(column);
		centres.push(m);
		spreads.push(math.sqrt(mean(column.map((v) => (v - m) * (v - m)))));
	}
	return X.map((row) => row.map((v, j) => (v - centres[j]) / spreads[j]));
}

function mean(values: Array<number>): number {
	let total = 0;
	for (const v of values) total += v;
	return total / values.size();
}

/** Mean binary cross-entropy of probabilities p for labels y. */
function crossEntropy(p: Array<number>, y: Array<number>): number {
	return mean(p.map((pi, i) => -(y[i] * math.log(pi) + (1 - y[i]) * math.log(1 - pi))));
}

/** Mean Poisson deviance of means mu for counts y. */
function deviance(mu: Array<number>, y: Array<number>): number {
	return mean(mu.map((m, i) => 2 * (y[i] * math.log(y[i] / m) - (y[i] - m))));
}

function huber(predicted: Array<number>, y: Array<number>, delta = 1): number {
	return mean(
		predicted.map((p, i) => {
			const r = math.abs(p - y[i]);
			return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
		}),
	);
}

function pinball(predicted: Array<number>, y: Array<number>, tau: number): number {
	return mean(predicted.map((p, i) => (y[i] >= p ? tau * (y[i] - p) : (tau - 1) * (y[i] - p))));
}

/** Within 1% above the optimum (and not meaningfully below it). */
function expectNearOptimum(value: number, optimum: number) {
	expect(value <= optimum * 1.01).toBe(true);
	expect(value >= optimum * (1 - 1e-9)).toBe(true);
}

describe("second-order solvers with default options on unscaled data", () => {
	it("LogisticRegression (Newton) reaches the cross-entropy optimum", () => {
		const ref = REFERENCE.logistic;
		const [X, y] = problem(ref.features, ref.target);
		const model = new LogisticRegression();
		model.train(X, y);
		const [, probabilities] = model.predict(X);
		expectNearOptimum(
			crossEntropy(
				probabilities.map((row) => row[1]),
				y,
			),
			ref.optimum,
		);
	});
	it("PoissonRegression (Newton) reaches the deviance optimum and its coefficients", () => {
		const ref = REFERENCE.poisson;
		const [X, y] = problem(ref.features, ref.target);
		const model = new PoissonRegression();
		const history = model.train(X, y);
		expectNearOptimum(
			deviance(
				model.predict(X).map((row) => row[0]),
				y,
			),
			ref.optimum,
		);
		// Newton converges quadratically: long before the iteration limit, after which the recorded cost stays put.
		expect(history.size()).toBe(500);
		expect(history[49]).toBe(history[499]);
		const w = model.getModelParameters() as Array<Array<number>>;
		ref.weights.forEach((v, j) => expectClose(w[j][0], v, 1e-6 * (1 + math.abs(v))));
	});
	it("HuberRegression (Newton) reaches the Huber optimum", () => {
		const ref = REFERENCE.huber;
		const [X, y] = problem(ref.features, ref.target);
		const model = new HuberRegression();
		model.train(X, y);
		expectNearOptimum(
			huber(
				model.predict(X).map((row) => row[0]),
				y,
			),
			ref.optimum,
		);
	});
	it("QuantileRegression (IRLS) reaches the median regression's LP optimum", () => {
		const ref = REFERENCE.quantile;
		const [X, y] = problem(ref.features, ref.target);
		const model = new QuantileRegression();
		model.train(X, y);
		expectNearOptimum(
			pinball(
				model.predict(X).map((row) => row[0]),
				y,
				0.5,
			),
			ref.optimum,
		);
	});
	it("records the cost history of the training contract and stops at targetCost", () => {
		const ref = REFERENCE.huber;
		const [X, y] = problem(ref.features, ref.target);
		const history = new HuberRegression({ targetCost: [0, ref.optimum * 1.5] }).train(X, y);
		expect(history[history.size() - 1] <= ref.optimum * 1.5).toBe(true);
		for (const i of $range(1, history.size() - 1)) expect(history[i] <= history[i - 1]).toBe(true);
	});
	it("Newton with an L2 penalty stops where the penalized gradient vanishes (bias exempt)", () => {
		const ref = REFERENCE.logistic;
		const [X, y] = problem(ref.features, ref.target);
		const lambda = 0.01;
		const model = new LogisticRegression({ regularizer: createRegularizer("L2", { lambda }) });
		model.train(X, y);
		const w = model.getModelParameters() as Array<Array<number>>;
		const [, probabilities] = model.predict(X);
		// Gradient of mean cross-entropy + λ/2‖w‖² (no bias term), formed by hand.
		for (const j of $range(0, w.size() - 1)) {
			let g = 0;
			X.forEach((row, i) => (g += (probabilities[i][1] - y[i]) * (j === 0 ? 1 : row[j - 1])));
			g = g / X.size() + (j === 0 ? 0 : lambda * w[j][0]);
			// In units of the feature's root mean square (the gradient of the standardized coefficient).
			const rms = j === 0 ? 1 : math.sqrt(mean(X.map((row) => row[j - 1] * row[j - 1])));
			expect(math.abs(g) / rms < 1e-9).toBe(true);
		}
	});
	it("L-BFGS (Wolfe line search) reaches the logistic optimum on standardized columns", () => {
		const ref = REFERENCE.logistic;
		const [raw, y] = problem(ref.features, ref.target);
		const X = standardized(raw);
		const model = new LogisticRegression({ solver: "LBFGS" });
		model.train(X, y);
		const [, probabilities] = model.predict(X);
		// An affine change of the columns leaves the optimal cross-entropy as it was.
		expectClose(
			crossEntropy(
				probabilities.map((row) => row[1]),
				y,
			),
			ref.optimum,
			1e-9,
		);
	});
	it("SoftmaxRegression with L-BFGS stops where the mean cross-entropy's gradient vanishes", () => {
		const [raw] = problem(["weight", "horsepower", "acceleration"], "mpg");
		const X = standardized(raw);
		const labels = CARS.map((row) => {
			const mpg = row[CARS_COLUMNS.indexOf("mpg")];
			return mpg < 20 ? "low" : mpg < 30 ? "middle" : "high";
		});
		const classes = ["high", "low", "middle"];
		const model = new SoftmaxRegression({ solver: "LBFGS", maximumNumberOfIterations: 300 });
		const history = model.train(X, labels);
		const [, probabilities] = model.predict(X);
		for (const c of $range(0, 2)) {
			for (const j of $range(0, 3)) {
				let g = 0;
				X.forEach((row, i) => (g += (probabilities[i][c] - (labels[i] === classes[c] ? 1 : 0)) * (j === 0 ? 1 : row[j - 1])));
				expect(math.abs(g / X.size()) < 1e-6).toBe(true);
			}
		}
		const descent = new SoftmaxRegression({ maximumNumberOfIterations: 300 }).train(X, labels);
		expect(history[history.size() - 1] < descent[descent.size() - 1]).toBe(true);
	});
	it("keeps gradient descent on request, and errors name the solver's limits", () => {
		const ref = REFERENCE.poisson;
		const [X, y] = problem(ref.features, ref.target);
		const gd = new PoissonRegression({ solver: "GradientDescent", learningRate: 1e-9, maximumNumberOfIterations: 3 });
		const history = gd.train(X, y);
		expect(history.size()).toBe(3);
		expectError(
			() => new PoissonRegression({ solver: "BFGS" }),
			'PoissonRegression.new: solver must be one of "Auto", "Newton", "LBFGS", "GradientDescent"',
		);
		expectError(
			() => new QuantileRegression({ solver: "Newton" }),
			'QuantileRegression.new: solver must be one of "Auto", "IRLS", "GradientDescent"',
		);
		expectError(
			() => new HuberRegression({ solver: "Newton", batchSize: 8 }).train(X, y),
			'[Hivemind] HuberRegression.train: batchSize must be 0 with a second-order solver (each step uses every row; choose solver "GradientDescent" for mini-batches), got 8',
		);
	});
	it("warns when the learning rate must diverge on data of this scale", () => {
		const [X, y] = problem(["weight", "horsepower"], "mpg");
		const warned = new Array<string>();
		const previous = setTrainingOutput({ print: () => {}, warn: (line) => warned.push(line) });
		new LinearRegression({ maximumNumberOfIterations: 1 }).train(X, y);
		new LinearRegression({ maximumNumberOfIterations: 1, learningRate: 1e-8 }).train(X, y);
		setTrainingOutput(previous);
		// weight: mean square ≈ 9.3e6, so 0.1 · 2 · 9.3e6 > 2; 1e-8 · 2 · 9.3e6 < 2.
		expect(warned.size()).toBe(1);
		expect(
			warned[0].find(
				"[Hivemind] LinearRegression.train: learningRate 0.1 is too large for data of this scale (feature 1 has mean square",
				1,
				true,
			)[0],
		).toBe(1);
	});
});
