// Adversarial review of the shared gradient loop: a failed or diverging training call must leave
// a model it can be trained from again (parameters, optimizer state and counters consistent).
import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { LinearRegression, LogisticRegression, NeuralNetwork } from "../../src/models";
import { Matrix } from "../../src/matrix/types";

function allFinite(m: Matrix): boolean {
	for (const row of m) for (const v of row) if (v !== v || math.abs(v) === math.huge) return false;
	return true;
}

describe("review: GradientModel after divergence", () => {
	it("restores the optimizer state with the parameters (Momentum, x = 1, y = 1, η = 1e150)", () => {
		// w₀ = 0; g = 2(w − 1). Iteration 1: cost 1, v = −2, w₁ = 2e150. Iteration 2: cost ≈ 4e300,
		// v = 0.9·(−2) + 2(2e150 − 1) ≈ 4e150, w₂ ≈ −4e300. Iteration 3: cost overflows → w back to w₁,
		// so the state must be the one that produced w₁: t = 1, v = −2.
		const model = new LinearRegression({ fitIntercept: false, optimizer: "Momentum", learningRate: 1e150, maximumNumberOfIterations: 10 });
		const history = model.train([[1]], [1]);
		expect(history.size()).toBe(2);
		expect(model.getModelParameters()).toEqual([[2e150]]);
		const states = model.getOptimizerStates();
		expect(states[""].t).toBe(1);
		expect(states[""].velocity).toEqual([[-2]]);
	});
	it("never keeps non-finite parameters when the cost stays finite (logistic loss saturates)", () => {
		// The clipped cross-entropy stays finite while a step of 1e308 overflows the weights.
		// y = 1 everywhere: the first step sends both weights to +inf, after which p = 1 and the cost is ≈ 0.
		const model = new LogisticRegression({ learningRate: 1e308, maximumNumberOfIterations: 5 });
		model.train([[100], [200]], [1, 1]);
		const w = model.getModelParameters() as Matrix;
		expect(allFinite(w)).toBe(true);
		const [labels] = model.predict([[2]]);
		expect((labels as Array<number>).size()).toBe(1);
	});
});

describe("review: GradientModel after an error", () => {
	it("leaves a fresh model without parameters when the first train call fails", () => {
		const model = new LinearRegression({
			maximumNumberOfIterations: 10,
			onIteration: (iteration) => {
				if (iteration === 3) error("[Hivemind] test: stop");
			},
		});
		expectError(() => model.train([[1], [2]], [1, 2]), "test: stop");
		expect(model.getModelParameters()).toBe(undefined);
		expect(model.getOptimizerStates()).toEqual({});
	});
	it("leaves a trained model bit-identical (parameters, optimizer state) when a later call fails", () => {
		let failAt = 0;
		const model = new LinearRegression({
			optimizer: "Adam",
			maximumNumberOfIterations: 4,
			onIteration: (iteration) => {
				if (iteration === failAt) error("[Hivemind] test: stop");
			},
		});
		model.train([[1], [2]], [1, 2]);
		const parameters = model.getModelParameters();
		const states = model.getOptimizerStates();
		failAt = 3;
		expectError(() => model.train([[1], [2]], [1, 2]), "test: stop");
		expect(model.getModelParameters()).toEqual(parameters);
		expect(model.getOptimizerStates()).toEqual(states);
		// and training continues exactly as if the failed call never happened
		failAt = 0;
		const twin = new LinearRegression({ optimizer: "Adam", maximumNumberOfIterations: 4 });
		twin.train([[1], [2]], [1, 2]);
		twin.train([[1], [2]], [1, 2]);
		model.train([[1], [2]], [1, 2]);
		expect(model.getModelParameters()).toEqual(twin.getModelParameters());
	});
	it("does not move any entry when a later entry's optimizer state does not fit (applyGradients)", () => {
		const network = new NeuralNetwork({ mode: "Regression", optimizer: "Momentum", maximumNumberOfIterations: 1 });
		network.createLayers([1, 2, 1], "Tanh");
		network.train([[1], [2]], [1, 2]);
		const before = network.getModelParameters();
		const states = network.getOptimizerStates();
		states["2"].velocity = [[0]];
		network.setOptimizerStates(states);
		const gradient = [
			[
				[1, 1],
				[1, 1],
			],
			[[1], [1], [1]],
		];
		expectError(() => network.applyGradients(gradient, 2), "Momentum.step: state.velocity must be a 3×1 matrix, got 1×1");
		expect(network.getModelParameters()).toEqual(before);
		expect(network.getOptimizerStates()["1"]).toEqual(states["1"]);
	});
	it("rejects optimizer states that are not plain data, naming the entry", () => {
		const model = new LinearRegression();
		expectError(() => model.setOptimizerStates(5 as never), "[Hivemind] LinearRegression.setOptimizerStates: states must be a table, got number");
		expectError(
			() => model.setOptimizerStates({ "": { t: 0 / 0 } } as never),
			'[Hivemind] LinearRegression.setOptimizerStates: states[""].t must be a finite number or a matrix of finite numbers, got NaN',
		);
		expectError(
			() => model.setOptimizerStates({ "": 3 } as never),
			'[Hivemind] LinearRegression.setOptimizerStates: states[""] must be a table of numbers and matrices, got 3',
		);
	});
});

describe("review: options are frozen, including their tables", () => {
	it("a caller's later change to a table it passed (classesList, targetCost) does not reach the model", () => {
		const classes = ["stay", "leave"];
		const model = new LogisticRegression({ classesList: classes, learningRate: 0.5, maximumNumberOfIterations: 50 });
		model.train([[0], [1], [0.1], [0.9]], ["stay", "leave", "stay", "leave"]);
		classes[1] = "quit";
		const [labels] = model.predict([[1]]);
		expect(labels).toEqual(["leave"]);
		expect(model.getOptions().classesList).toEqual(["stay", "leave"]);
		const target: [number, number] = [0, 1e-9];
		const regression = new LinearRegression({ targetCost: target, maximumNumberOfIterations: 5 });
		target[1] = 1e9; // would stop training at the first check
		expect(regression.train([[1], [2]], [1, 2]).size()).toBe(5);
	});
});
