import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { SupportVectorMachine } from "../../../src/models/svm/SupportVectorMachine";

// The hand-solved problem of smo.spec: f(x) = x₁ + x₂ − 1 with support vectors (0,0), (0,2), (2,0).
const X = [
	[0, 0],
	[2, 0],
	[0, 2],
	[3, 3],
	[-1, 0],
];
const y = ["no", "yes", "yes", "yes", "no"];

function handSolved() {
	const svm = new SupportVectorMachine({ kernel: "linear", C: 10, tolerance: 1e-10, classesList: ["no", "yes"] });
	svm.train(X, y);
	return svm;
}

describe("SupportVectorMachine", () => {
	it("learns the hand-derived maximum-margin classifier (linear kernel)", () => {
		const svm = handSolved();
		const p = svm.getModelParameters() as { [name: string]: Array<Array<number>> };
		// Support vectors in canonical (lexicographic) row order, with αᵢyᵢ = −1, ½, ½.
		expectMatrixClose(p.supportVectors, [
			[0, 0],
			[0, 2],
			[2, 0],
		]);
		expectMatrixClose(p.dualCoefficients, [[-1], [0.5], [0.5]], 1e-8);
		expectClose(p.bias[0][0], -1, 1e-8);
		const [labels, values] = svm.predict([
			[1, 1],
			[0.5, 0],
			[4, -1],
		]);
		expect(labels).toEqual(["yes", "no", "yes"]);
		expectMatrixClose(values, [[1], [-0.5], [2]], 1e-8);
	});

	it("reports the dual objective: f(α) = −½‖w‖² at the optimum", () => {
		// f(α) = ½‖w‖² − Σα = ½·2 − 2 = −1.
		const svm = new SupportVectorMachine({ kernel: "linear", C: 10, tolerance: 1e-10 });
		const history = svm.train(X, [-1, 1, 1, 1, -1]);
		expectClose(history[0], -1, 1e-8);
	});

	it("does not depend on the order of the rows", () => {
		const a = handSolved();
		const b = new SupportVectorMachine({ kernel: "linear", C: 10, tolerance: 1e-10, classesList: ["no", "yes"] });
		b.train([X[4], X[3], X[2], X[1], X[0]], [y[4], y[3], y[2], y[1], y[0]]);
		expect(b.getModelParameters()).toEqual(a.getModelParameters());
	});

	it("separates a ring from its centre with the RBF kernel, which no line can", () => {
		const inner = new Array<Array<number>>();
		const labels = new Array<string>();
		for (const k of $range(0, 11)) {
			const angle = (k / 12) * 2 * math.pi;
			inner.push([0.5 * math.cos(angle), 0.5 * math.sin(angle)]);
			labels.push("centre");
			inner.push([3 * math.cos(angle + 0.2), 3 * math.sin(angle + 0.2)]);
			labels.push("ring");
		}
		const svm = new SupportVectorMachine({ kernel: "rbf", gamma: 0.5, C: 10, classesList: ["centre", "ring"] });
		svm.train(inner, labels);
		const [trained] = svm.predict(inner);
		expect(trained).toEqual(labels);
		const [fresh] = svm.predict([
			[0.1, -0.2],
			[0, 3.3],
			[-2.8, -0.5],
		]);
		expect(fresh).toEqual(["centre", "ring", "ring"]);
		const line = new SupportVectorMachine({ kernel: "linear", C: 10, classesList: ["centre", "ring"] });
		line.train(inner, labels);
		const [linear] = line.predict(inner);
		expect(linear.filter((label, i) => label === labels[i]).size() < labels.size()).toBe(true);
	});

	it('uses γ = 1 / (p · Var(X)) for gamma = "scale" and 1 / p for "auto"', () => {
		// entries 0, 2, 0, 2: variance 1, p = 2 → γ = ½.
		const data = [
			[0, 2],
			[0, 2],
			[2, 0],
		];
		const labels = [-1, -1, 1];
		const scaled = new SupportVectorMachine({ kernel: "polynomial" });
		scaled.train(
			[
				[0, 2],
				[2, 0],
			],
			[-1, 1],
		);
		expectClose((scaled.getModelParameters() as { [k: string]: Array<Array<number>> }).gamma[0][0], 0.5);
		const auto = new SupportVectorMachine({ kernel: "sigmoid", gamma: "auto" });
		auto.train(data, labels);
		expectClose((auto.getModelParameters() as { [k: string]: Array<Array<number>> }).gamma[0][0], 0.5);
		const fixed = new SupportVectorMachine({ gamma: 3 });
		fixed.train(data, labels);
		expectClose((fixed.getModelParameters() as { [k: string]: Array<Array<number>> }).gamma[0][0], 3);
	});

	it("predicts the only class seen when every label is the same", () => {
		const svm = new SupportVectorMachine({ kernel: "linear" });
		svm.train([[1], [2]], [1, 1]);
		const [labels, values] = svm.predict([[-5]]);
		expect(labels).toEqual([1]);
		expectMatrixClose(values, [[1]]);
	});

	it("rejects bad options, naming them", () => {
		expectError(
			() => new SupportVectorMachine({ kernel: "cubic" as never }),
			'[Hivemind] SupportVectorMachine.new: kernel must be one of "linear", "polynomial", "rbf", "sigmoid", got "cubic"',
		);
		expectError(() => new SupportVectorMachine({ C: 0 }), "C must be a finite number > 0, got 0");
		expectError(
			() => new SupportVectorMachine({ gamma: "wide" as never }),
			'gamma must be a finite number > 0 or one of "scale", "auto", got "wide"',
		);
		expectError(() => new SupportVectorMachine({ degree: 1.5 }), "degree must be an integer ≥ 1, got 1.5");
		expectError(() => new SupportVectorMachine({ classesList: [1, 2, 3] }), "classesList must be an array of 2 distinct labels");
		expectError(() => new SupportVectorMachine({ tolerance: -1 }), "tolerance must be a finite number > 0, got -1");
	});

	it("reads a classesList changed before training, and keeps learned classes in clones", () => {
		const svm = new SupportVectorMachine({ kernel: "linear" });
		svm.setParameters({ classesList: ["off", "on"] });
		svm.train([[0], [2]], ["off", "on"]);
		expect(svm.getClassesList()).toEqual(["off", "on"]);
		expect(svm.clone().predict([[3]])[0]).toEqual(["on"]);
	});

	it("rejects labels outside its two classes and kernel changes after training", () => {
		const svm = new SupportVectorMachine();
		expectError(() => svm.train([[0], [1]], [0, 1]), "SupportVectorMachine.train: y[1] must be one of the classes (-1, 1), got 0");
		svm.train([[0], [1]], [-1, 1]);
		expectError(
			() => svm.setParameters({ kernel: "linear" }),
			"SupportVectorMachine.setParameters: kernel cannot change once the model has parameters",
		);
	});

	it("rejects parameters that are not its record or whose shapes disagree", () => {
		const svm = new SupportVectorMachine();
		expectError(
			() => svm.setModelParameters([[1]]),
			"SupportVectorMachine.setModelParameters: parameters must be a record {bias, dualCoefficients, gamma, supportVectors}",
		);
		const good = { bias: [[0]], dualCoefficients: [[-1], [1]], gamma: [[1]], supportVectors: [[0], [1]] };
		expectError(() => svm.setModelParameters({ ...good, dualCoefficients: [[1]] }), "parameters.dualCoefficients must be 2×1, got 1×1");
		expectError(() => svm.setModelParameters({ ...good, gamma: [[0]] }), "parameters.gamma must hold a number > 0, got 0");
		svm.setModelParameters(good);
		const [labels] = svm.predict([[-1], [2]]);
		// f(x) = exp(−(x − 1)²) − exp(−x²): f(−1) < 0, f(2) > 0.
		expect(labels).toEqual([-1, 1]);
	});
});
