import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { Matrix, RandomGenerator } from "../../../src/matrix";
import type { Matrix as MatrixType } from "../../../src/matrix/types";
import { ExtremeLearningMachine } from "../../../src/models/elm/ExtremeLearningMachine";
import { initializeHiddenLayer } from "../../../src/models/elm/hidden";
import { mergeLinearPartials } from "../../../src/sufficientStatistics/linear";

const X = [
	[0.5, -1],
	[1, 0.2],
	[-0.3, 0.8],
	[0, 0],
	[-1, -0.5],
	[0.7, 0.9],
];
const y = [1, 2, -0.5, 0.3, 1.5, -1];

const g: { [name: string]: (v: number) => number } = {
	Sigmoid: (v) => 1 / (1 + math.exp(-v)),
	Tanh: (v) => math.tanh(v),
	ReLU: (v) => math.max(v, 0),
	Sine: (v) => math.sin(v),
};

/** H = [1 | g([1 | X]·hidden)] and β = (HᵀH + λ·diag(0, 1, …, 1))⁻¹HᵀT, with the matrix engine. */
function closedForm(neuronType: string, hidden: MatrixType, x: MatrixType, t: MatrixType, lambda: number) {
	const ones = Matrix.ones(x.size(), 1);
	const H = Matrix.concatHorizontal(ones, Matrix.map(Matrix.matmul(Matrix.concatHorizontal(ones, x), hidden), g[neuronType]));
	const system = Matrix.matmul(Matrix.transpose(H), H);
	for (const i of $range(1, system.size() - 1)) system[i][i] += lambda;
	const beta = Matrix.matmul(Matrix.inverse(system), Matrix.matmul(Matrix.transpose(H), t));
	return { H, beta };
}

describe("ExtremeLearningMachine", () => {
	it("equals its closed form for every additive neuron type", () => {
		for (const neuronType of ["Sigmoid", "Tanh", "ReLU", "Sine"]) {
			const elm = new ExtremeLearningMachine({ mode: "Regression", hiddenNeurons: 4, neuronType: neuronType as never, lambda: 0.1, seed: 3 });
			const costs = elm.train(X, y);
			const p = elm.getModelParameters() as { hidden: MatrixType; output: MatrixType };
			expect(p.hidden).toEqual(initializeHiddenLayer(neuronType as never, 2, 4, new RandomGenerator(3)));
			const t = y.map((v) => [v]);
			const { H, beta } = closedForm(neuronType, p.hidden, X, t, 0.1);
			expectMatrixClose(p.output, beta, 1e-9);
			const fitted = Matrix.matmul(H, beta);
			expectMatrixClose(elm.predict(X)[0] as MatrixType, fitted, 1e-9);
			let squaredError = 0;
			for (const i of $range(0, 5)) squaredError += (fitted[i][0] - y[i]) ** 2;
			expectClose(costs[0], squaredError / 6, 1e-9);
		}
	});

	it("classifies with one-hot targets and argmax; the scores are HΒ", () => {
		const rng = new RandomGenerator(4);
		const centres = [
			[-1, -1],
			[1, -1],
			[0, 1],
		];
		const points = new Array<Array<number>>();
		const labels = new Array<string>();
		const names = ["a", "b", "c"];
		for (const i of $range(0, 29)) {
			const k = i % 3;
			points.push([centres[k][0] + rng.normal(0, 0.15), centres[k][1] + rng.normal(0, 0.15)]);
			labels.push(names[k]);
		}
		const elm = new ExtremeLearningMachine({ hiddenNeurons: 12, neuronType: "Tanh", lambda: 0.01 });
		elm.train(points, labels);
		const [predicted, scores] = elm.predict(points);
		expect(predicted).toEqual(labels);
		expect(elm.getClassesList()).toEqual(["a", "b", "c"]);
		const p = elm.getModelParameters() as { hidden: MatrixType; output: MatrixType };
		const t = labels.map((label) => names.map((name) => (name === label ? 1 : 0)));
		const { H, beta } = closedForm("Tanh", p.hidden, points, t, 0.01);
		expectMatrixClose(p.output, beta, 1e-8);
		expectMatrixClose(scores as MatrixType, Matrix.matmul(H, beta), 1e-8);
	});

	it("merges shard statistics into the full solution, keeping the hidden layer it was given", () => {
		const central = new ExtremeLearningMachine({ mode: "Regression", hiddenNeurons: 5, neuronType: "RBF", seed: 8 });
		central.train(X, y);
		// a child with the main model's parameters computes the same H; so does a fresh model with the same seed
		const child = new ExtremeLearningMachine({ mode: "Regression", hiddenNeurons: 5, neuronType: "RBF", seed: 99 });
		child.setModelParameters(central.getModelParameters()!);
		const a = child.computePartial(Matrix.sliceRows(X, 0, 2), [1, 2]);
		const b = child.computePartial(Matrix.sliceRows(X, 2, 6), [-0.5, 0.3, 1.5, -1]);
		child.trainFromPartial(child.mergePartials(a, b));
		expect(child.mergePartials(a, b)).toEqual(mergeLinearPartials(a, b));
		const pc = central.getModelParameters() as { hidden: MatrixType; output: MatrixType };
		const pm = child.getModelParameters() as { hidden: MatrixType; output: MatrixType };
		expect(pm.hidden).toEqual(pc.hidden);
		expectMatrixClose(pm.output, pc.output, 1e-9);
		const fresh = new ExtremeLearningMachine({ mode: "Regression", hiddenNeurons: 5, neuronType: "RBF", seed: 8 });
		fresh.trainFromPartial(fresh.computePartial(X, y));
		expectMatrixClose((fresh.getModelParameters() as { output: MatrixType }).output, pc.output, 1e-9);
	});

	it("lets shards miss classes when classesList is given", () => {
		const elm = new ExtremeLearningMachine({ hiddenNeurons: 3, classesList: ["x", "y", "z"] });
		const partial = elm.computePartial(
			[
				[0, 1],
				[1, 0],
			],
			["x", "x"],
		);
		expect(partial.xty[0].size()).toBe(3);
		elm.trainFromPartial(mergeLinearPartials(partial, elm.computePartial([[1, 1]], ["z"])));
		expect((elm.predict([[0, 1]])[1] as MatrixType)[0].size()).toBe(3);
	});

	it("rejects bad options, statistics and parameters with clear messages", () => {
		expectError(
			() => new ExtremeLearningMachine({ hiddenNeurons: 0 }),
			"[Hivemind] ExtremeLearningMachine.new: hiddenNeurons must be an integer ≥ 1, got 0",
		);
		expectError(
			() => new ExtremeLearningMachine({ neuronType: "Softmax" as never }),
			'ExtremeLearningMachine.new: neuronType must be one of "Sigmoid", "Tanh", "ReLU", "Sine", "RBF", "Gaussian", got "Softmax"',
		);
		expectError(() => new ExtremeLearningMachine({ lambda: -1 }), "ExtremeLearningMachine.new: lambda must be a finite number ≥ 0, got -1");
		const elm = new ExtremeLearningMachine({ mode: "Regression", hiddenNeurons: 3 });
		const partial = { xtx: Matrix.identity(4), xty: Matrix.zeros(4, 1), n: 2 };
		expectError(
			() => elm.trainFromPartial(partial),
			"ExtremeLearningMachine.trainFromPartial: partial must come from computePartial of a model with this hidden layer",
			"the model has no hidden layer yet",
		);
		elm.train(X, y);
		expectError(
			() => elm.trainFromPartial({ xtx: Matrix.identity(3), xty: Matrix.zeros(3, 1), n: 2 }),
			"partial must come from computePartial of a model with this hidden layer (n ≥ 1, xtx 4×4, xty 4×1), got n 2, xtx 3×3, xty 3×1",
		);
		expectError(
			() => elm.trainFromPartial({ xtx: Matrix.identity(4) } as never),
			"ExtremeLearningMachine.trainFromPartial: partial.n must be an integer ≥ 0",
		);
		expectError(
			() => elm.setModelParameters({ hidden: Matrix.zeros(3, 3) }),
			"ExtremeLearningMachine.setModelParameters: parameters must be a record { hidden: (features + 1) × 3, output: 4 × outputs }",
		);
		expectError(
			() => elm.setModelParameters({ hidden: Matrix.zeros(3, 2), output: Matrix.zeros(4, 1) }),
			"parameters must be a record",
			"got hidden 3×2, output 4×1",
		);
		expectError(
			() => elm.setParameters({ hiddenNeurons: 7 }),
			"ExtremeLearningMachine.setParameters: hiddenNeurons cannot change once the model has parameters",
		);
		const classifier = new ExtremeLearningMachine({ hiddenNeurons: 3 });
		classifier.setModelParameters(elm.getModelParameters()!);
		expectError(
			() => classifier.predict(X),
			"ExtremeLearningMachine.predict: the class labels are unknown (parameters were set without training); give the classesList option",
		);
	});
});
