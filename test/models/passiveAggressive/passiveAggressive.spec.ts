import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { PassiveAggressiveClassifier } from "../../../src/models/passiveAggressive/PassiveAggressiveClassifier";
import { PassiveAggressiveRegressor } from "../../../src/models/passiveAggressive/PassiveAggressiveRegressor";
import { passiveAggressiveStep } from "../../../src/models/passiveAggressive/PassiveAggressiveModel";

const X = [
	[1, 0],
	[0, 2],
];
const y = [1, -1];
const inOrder = { fitIntercept: false, shuffle: false };

describe("passive-aggressive steps", () => {
	it("computes τ for PA, PA-I and PA-II", () => {
		expect(passiveAggressiveStep("PA", 1, 4, 0.1)).toBe(0.25);
		expect(passiveAggressiveStep("PA-I", 1, 4, 0.1)).toBe(0.1);
		expect(passiveAggressiveStep("PA-II", 1, 4, 0.5)).toBe(0.2);
		expect(passiveAggressiveStep("PA-I", 1, 0, 1)).toBe(0);
	});
});

describe("PassiveAggressiveClassifier", () => {
	it("makes the hand-computed updates for each variant", () => {
		// Row 1: ℓ = 1, ‖x‖² = 1; row 2 (after w = τ₁·(1, 0)): score 0, ℓ = 1, ‖x‖² = 4.
		const pa = new PassiveAggressiveClassifier({ ...inOrder, variant: "PA", maximumNumberOfIterations: 2 });
		// τ₁ = 1, τ₂ = ¼ → w = (1, −½); the second pass suffers no loss.
		expect(pa.train(X, y)).toEqual([1, 0]);
		expectMatrixClose(pa.getModelParameters() as Array<Array<number>>, [[1], [-0.5]]);
		const paI = new PassiveAggressiveClassifier({ ...inOrder, variant: "PA-I", C: 0.5 });
		paI.train(X, y);
		// τ₁ = min(½, 1) = ½, τ₂ = min(½, ¼) = ¼.
		expectMatrixClose(paI.getModelParameters() as Array<Array<number>>, [[0.5], [-0.5]]);
		const paII = new PassiveAggressiveClassifier({ ...inOrder, variant: "PA-II", C: 0.5 });
		paII.train(X, y);
		// 1/(2C) = 1: τ₁ = 1/2, τ₂ = 1/5.
		expectMatrixClose(paII.getModelParameters() as Array<Array<number>>, [[0.5], [-0.4]]);
	});
	it("learns a bias through the constant input", () => {
		// x̃ = (1, 1, 0): τ = ½ → w = (½, ½, 0); x̃ = (1, 0, 2): score ½, ℓ = 1.5, ‖x̃‖² = 5, τ = 0.3.
		const model = new PassiveAggressiveClassifier({ shuffle: false, variant: "PA", classesList: ["no", "yes"] });
		model.train(X, ["yes", "no"]);
		expectMatrixClose(model.getModelParameters() as Array<Array<number>>, [[0.2], [0.5], [-0.6]]);
		const [labels, scores] = model.predict([
			[1, 0],
			[0, 1],
		]);
		expect(labels).toEqual(["yes", "no"]);
		expectMatrixClose(scores, [[0.7], [-0.4]]);
	});
	it("continues online and, shuffled, ignores the input order", () => {
		const rows = [
			[1, 0],
			[0, 2],
			[2, 1],
			[-1, -1],
		];
		const labels = [1, -1, 1, -1];
		const twice = new PassiveAggressiveClassifier();
		twice.train(rows, labels);
		twice.train(rows, labels);
		const once = new PassiveAggressiveClassifier({ maximumNumberOfIterations: 2 });
		once.train(rows, labels);
		expect(twice.getModelParameters()).toEqual(once.getModelParameters());
		const reversed = new PassiveAggressiveClassifier({ maximumNumberOfIterations: 2 });
		reversed.train([rows[3], rows[2], rows[1], rows[0]], [labels[3], labels[2], labels[1], labels[0]]);
		expect(reversed.getModelParameters()).toEqual(once.getModelParameters());
	});
	it("rejects bad options, labels and parameters", () => {
		expectError(
			() => new PassiveAggressiveClassifier({ variant: "PA-III" as never }),
			'PassiveAggressiveClassifier.new: variant must be one of "PA", "PA-I", "PA-II", got "PA-III"',
		);
		expectError(() => new PassiveAggressiveClassifier({ C: 0 }), "C must be a finite number > 0, got 0");
		expectError(
			() => new PassiveAggressiveClassifier({ maximumNumberOfIterations: 0 }),
			"maximumNumberOfIterations must be an integer ≥ 1, got 0",
		);
		const model = new PassiveAggressiveClassifier();
		expectError(() => model.train(X, [0, 1]), "PassiveAggressiveClassifier.train: y[1] must be one of the classes (-1, 1), got 0");
		expectError(
			() => model.setModelParameters([[1, 2]]),
			"PassiveAggressiveClassifier.setModelParameters: parameters must be a single matrix ((features + 1) × 1, bias row first), got 1×2",
		);
	});
});

describe("PassiveAggressiveRegressor", () => {
	it("makes the hand-computed ε-insensitive updates", () => {
		// Row (1, y 1): error 1, ℓ = 0.9, τ = 0.9 → w = 0.9. Row (2, y 1): error −0.8, ℓ = 0.7,
		// τ = 0.7/4 = 0.175 → w = 0.9 − 0.35 = 0.55 (the prediction 1.1 is now exactly ε off).
		const model = new PassiveAggressiveRegressor({ fitIntercept: false, shuffle: false, C: 10 });
		const history = model.train([[1], [2]], [1, 1]);
		expectMatrixClose(model.getModelParameters() as Array<Array<number>>, [[0.55]]);
		expectClose(history[0], 0.8);
		expectMatrixClose(model.predict([[2]]), [[1.1]]);
	});
	it("rejects several outputs and a negative epsilon", () => {
		expectError(
			() => new PassiveAggressiveRegressor({ epsilon: -0.1 }),
			"PassiveAggressiveRegressor.new: epsilon must be a finite number ≥ 0, got -0.1",
		);
		expectError(
			() => new PassiveAggressiveRegressor().train([[1]], [[1, 2]]),
			"PassiveAggressiveRegressor.train: y must have 1 columns (outputs) like the model, got 1×2",
		);
	});
});
