import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { LinearRegression, RidgeRegression } from "../../../src/models";
import { createRegularizer } from "../../../src/optimization/regularizers/regularizers";
import { createSchedule } from "../../../src/optimization/schedules/schedules";
import { Adam } from "../../../src/optimization/optimizers/Adam";
import { column, referenceRidge } from "./helpers";

const X = [[1], [2], [3], [4]];
const y = [3, 5, 7, 9.5];
// Simple regression by hand: x̄ = 2.5, ȳ = 6.125, Sxx = 5, Sxy = 10.75 → slope 2.15, intercept 0.75.
const SLOPE = 2.15;
const INTERCEPT = 0.75;

describe("LinearRegression: learned weights", () => {
	it("reaches the closed-form least-squares weights (bias row first)", () => {
		const model = new LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 3000 });
		const history = model.train(X, y);
		expectMatrixClose(model.getModelParameters() as Array<Array<number>>, [[INTERCEPT], [SLOPE]], 1e-6);
		expect(history.size()).toBe(3000);
		// The first cost is at the zero weights: mean(y²) = (9 + 25 + 49 + 90.25) / 4.
		expectClose(history[0], 43.3125, 1e-12);
		// The final cost is the mean squared error of the fit: residuals 0.1, -0.05, -0.2, 0.15.
		expectClose(history[history.size() - 1], (0.01 + 0.0025 + 0.04 + 0.0225) / 4, 1e-6);
		expectMatrixClose(model.predict([[5]]), [[INTERCEPT + 5 * SLOPE]], 1e-6);
	});
	it("fits several outputs at once and works without an intercept", () => {
		const model = new LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 3000 });
		model.train(X, [
			[3, -1],
			[5, -2],
			[7, -3],
			[9.5, -4],
		]);
		expectMatrixClose(
			model.getModelParameters() as Array<Array<number>>,
			[
				[INTERCEPT, 0],
				[SLOPE, -1],
			],
			1e-6,
		);
		const through = new LinearRegression({ fitIntercept: false, learningRate: 0.02, maximumNumberOfIterations: 500 });
		through.train(X, y);
		// Σxy / Σx² = (3 + 10 + 21 + 38) / 30.
		expectMatrixClose(through.getModelParameters() as Array<Array<number>>, [[72 / 30]], 1e-9);
	});
	it("with an L2 regularizer equals ridge with λ = n·λ₂/2, the bias unpenalized", () => {
		const X2 = [
			[1, 0.5],
			[2, -1],
			[3, 2],
			[4, 0],
			[5, 1],
		];
		const y2 = [1, 2, 4, 3.5, 6];
		const model = new LinearRegression({
			learningRate: 0.05,
			maximumNumberOfIterations: 6000,
			regularizer: createRegularizer("L2", { lambda: 0.4 }),
		});
		model.train(X2, y2);
		const expected = referenceRidge(X2, y2, (5 * 0.4) / 2);
		expectMatrixClose(
			model.getModelParameters() as Array<Array<number>>,
			expected.map((v) => [v]),
			1e-6,
		);
		const ridge = new RidgeRegression({ lambda: 1 });
		ridge.train(X2, y2);
		expectMatrixClose(model.getModelParameters() as Array<Array<number>>, ridge.getModelParameters() as Array<Array<number>>, 1e-6);
	});
	it("reaches the same weights with Adam, by name or object", () => {
		for (const optimizer of ["Adam", new Adam()]) {
			const model = new LinearRegression({ optimizer, learningRate: 0.05, maximumNumberOfIterations: 4000 });
			model.train(X, y);
			expectMatrixClose(model.getModelParameters() as Array<Array<number>>, [[INTERCEPT], [SLOPE]], 1e-4);
		}
	});
	it("minimises the absolute error with the MAE cost (exact line through the data)", () => {
		const model = new LinearRegression({ costFunction: "MAE", learningRate: 0.01, maximumNumberOfIterations: 4000 });
		model.train([[0], [1], [2], [3], [4]], [1, 3, 5, 7, 9]);
		const w = column(model.getModelParameters());
		expectClose(w[0], 1, 0.05);
		expectClose(w[1], 2, 0.02);
	});
});

describe("LinearRegression: the shared training loop", () => {
	it("computes the cost every K iterations and calls onIteration with it", () => {
		const calls = new Array<[number, number]>();
		const model = new LinearRegression({
			maximumNumberOfIterations: 10,
			costCalculationInterval: 4,
			onIteration: (iteration, cost) => calls.push([iteration, cost]),
		});
		const history = model.train(X, y);
		expect(calls.map((c) => c[0])).toEqual([1, 5, 9]);
		expect(history).toEqual(calls.map((c) => c[1]));
		// At zero weights the cost is the mean of y²: (9 + 25 + 49 + 90.25) / 4.
		expectClose(history[0], 173.25 / 4, 1e-12);
	});
	it("stops inside the target cost range", () => {
		const model = new LinearRegression({ maximumNumberOfIterations: 1000, targetCost: [0, 1] });
		const history = model.train(X, y);
		expect(history.size() < 1000).toBe(true);
		expect(history[history.size() - 1] <= 1).toBe(true);
		expect(history[history.size() - 2] > 1).toBe(true);
	});
	it("stops on convergence after the given number of small changes", () => {
		const model = new LinearRegression({ maximumNumberOfIterations: 5000, convergenceTolerance: 1e-9, convergenceChecks: 3 });
		const history = model.train(X, y);
		const n = history.size();
		expect(n < 5000).toBe(true);
		for (const k of $range(n - 3, n - 1)) expect(math.abs(history[k] - history[k - 1]) < 1e-9).toBe(true);
		expect(math.abs(history[n - 4] - history[n - 5]) >= 1e-9).toBe(true);
	});
	it("restores the last finite parameters and warns when the cost diverges", () => {
		const model = new LinearRegression({ learningRate: 10, maximumNumberOfIterations: 2000 });
		const history = model.train(X, y);
		expect(history.size() < 2000).toBe(true);
		const w = model.getModelParameters() as Array<Array<number>>;
		for (const row of w) expect(row[0] === row[0] && math.abs(row[0]) < math.huge).toBe(true);
		// The restored parameters are the ones whose cost was recorded last.
		const mse = (model.predict(X) as Array<Array<number>>).map((p, i) => (p[0] - y[i]) ** 2).reduce((a, b) => a + b) / 4;
		expectClose(mse, history[history.size() - 1], 1e-9);
	});
	it("restores finite parameters when they diverge between cost checks", () => {
		const model = new LinearRegression({ learningRate: 10, maximumNumberOfIterations: 400, costCalculationInterval: 1000 });
		const history = model.train(X, y);
		expect(history.size()).toBe(1);
		// Back to the state of the only cost check: the zero start.
		expect(model.getModelParameters()).toEqual([[0], [0]]);
	});
	it("yields with task.wait every N iterations and still finishes", () => {
		const model = new LinearRegression({ maximumNumberOfIterations: 6, yieldInterval: 2 });
		expect(model.train(X, y).size()).toBe(6);
	});
	it("applies a learning-rate schedule by update count", () => {
		const scheduled = new LinearRegression({
			maximumNumberOfIterations: 1,
			learningRateSchedule: createSchedule("StepDecay", { stepSize: 1, factor: 0.5 }),
		});
		const plain = new LinearRegression({ maximumNumberOfIterations: 1 });
		scheduled.train(X, y);
		plain.train(X, y);
		// The first update (iteration 0) uses the base rate.
		expect(scheduled.getModelParameters()).toEqual(plain.getModelParameters());
		scheduled.train(X, y);
		plain.setParameters({ learningRate: 0.05 });
		plain.train(X, y);
		expectMatrixClose(scheduled.getModelParameters() as Array<Array<number>>, plain.getModelParameters() as Array<Array<number>>, 1e-12);
	});
	it("keeps optimizer state between calls unless reset", () => {
		const model = new LinearRegression({ optimizer: "Adam", maximumNumberOfIterations: 3 });
		model.train(X, y);
		const states = model.getOptimizerStates();
		expect(states[""].t).toBe(3);
		model.resetOptimizer();
		expect(model.getOptimizerStates()[""]).toBeUndefined();
		const forgetful = new LinearRegression({ optimizer: "Adam", maximumNumberOfIterations: 3, keepOptimizerState: false });
		forgetful.train(X, y);
		forgetful.train(X, y);
		expect(forgetful.getOptimizerStates()[""].t).toBe(3);
		const twin = new LinearRegression({ optimizer: "Adam" });
		twin.setOptimizerStates(states);
		expect(twin.getOptimizerStates()).toEqual(states);
	});
});

describe("LinearRegression: options and errors", () => {
	it("validates options against its constraint table", () => {
		expectError(
			() => new LinearRegression({ learningRate: -1 }),
			"[Hivemind] LinearRegression.new: learningRate must be a finite number > 0, got -1",
		);
		expectError(() => new LinearRegression({ maximumNumberOfIterations: 0 }), "maximumNumberOfIterations must be an integer ≥ 1, got 0");
		expectError(() => new LinearRegression({ optimizer: "Nope" }), 'optimizer must be one of "AdaDelta"', 'got "Nope"');
		expectError(
			() => new LinearRegression({ costFunction: "Huber" }),
			'costFunction must be one of "MeanSquaredError", "MeanAbsoluteError", "MSE", "MAE", got "Huber"',
		);
		expectError(() => new LinearRegression({ targetCost: [2, 1] }), "targetCost must be {lower, upper} with finite lower ≤ upper, got a table");
		expectError(() => new LinearRegression({ regularizer: 3 as never }), "regularizer must be one of");
		expectError(() => new LinearRegression({ yieldInterval: -1 }), "yieldInterval must be an integer ≥ 0, got -1");
		expectError(
			() => new LinearRegression({ learningRat: 1 } as never),
			'LinearRegression.new: unknown option "learningRat"; valid options are batchSize, convergenceChecks, convergenceTolerance, costCalculationInterval, costFunction, fitIntercept',
		);
	});
	it("changes hyper-parameters with setParameters, validated, but not the intercept once trained", () => {
		const model = new LinearRegression();
		model.setParameters({ learningRate: 0.01 });
		expect(model.getOptions().learningRate).toBe(0.01);
		expect(table.isfrozen(model.getOptions())).toBe(true);
		expectError(
			() => model.setParameters({ learningRate: 0 }),
			"[Hivemind] LinearRegression.setParameters: learningRate must be a finite number > 0, got 0",
		);
		expectError(() => model.setParameters({ nope: 1 } as never), 'LinearRegression.setParameters: unknown option "nope"');
		model.train(X, y);
		expectError(
			() => model.setParameters({ fitIntercept: false }),
			"LinearRegression.setParameters: fitIntercept cannot change once the model has parameters",
		);
	});
	it("names y's shape when outputs change between calls", () => {
		const model = new LinearRegression({ maximumNumberOfIterations: 2 });
		model.train(X, y);
		expectError(
			() =>
				model.train(X, [
					[1, 2],
					[1, 2],
					[1, 2],
					[1, 2],
				]),
			"LinearRegression.train: y must have 1 columns (outputs) like the model, got 4×2",
		);
		expectError(() => model.train([[1, 2]], [1]), "X must have 1 columns (features) like the training data, got 1×2");
	});
	it("checks gradients given to the distributed API", () => {
		const model = new LinearRegression();
		expectError(() => model.applyGradients([[1], [2]], 2), "[Hivemind] LinearRegression.applyGradients: the model has no parameters yet");
		model.train(X, y);
		expectError(() => model.applyGradients(), "LinearRegression.applyGradients: gradients must be given (no gradient is saved), got nil");
		expectError(() => model.applyGradients([[1], [2], [3]], 2), "the matrix of gradients must be 2×1 like the model's parameters, got 3×1");
		expectError(() => model.applyGradients([[1], [2]], 0), "sampleCount must be an integer ≥ 1, got 0");
		expectError(() => model.setGradients([[1]], 1), "LinearRegression.setGradients");
		expectError(() => model.setAreGradientsSaved(1 as never), "setAreGradientsSaved: areGradientsSaved must be a boolean, got number");
		model.setGradients([[2], [4]], 2);
		expect(model.getGradients()).toEqual([[2], [4]]);
		const before = model.getModelParameters() as Array<Array<number>>;
		model.applyGradients();
		// Plain gradient descent, rate 0.1: w − 0.1·g/n.
		expectMatrixClose(model.getModelParameters() as Array<Array<number>>, [[before[0][0] - 0.1], [before[1][0] - 0.2]], 1e-12);
	});
	it("validates parameters set on a fresh model", () => {
		const model = new LinearRegression();
		expectError(
			() => model.setModelParameters({ w: [[1]] }),
			"LinearRegression.setModelParameters: parameters must be a single matrix ((features + 1) × outputs, bias row first), got a record {w}",
		);
		expectError(() => model.setModelParameters([[1]]), "got 1×1");
		model.setModelParameters([[1], [2]]);
		expectMatrixClose(model.predict([[3]]), [[7]]);
	});
});
