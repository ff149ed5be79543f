import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { BinaryRegression, LogisticRegression, SoftmaxRegression, normalCdf } from "../../../src/models";
import { column, logistic, referenceSolve } from "./helpers";

const NOISY_X = [[-2], [-1], [-0.5], [0.5], [1], [2]];
const NOISY_Y = [0, 1, 0, 1, 0, 1];

/** Logistic-regression MLE on one feature with intercept, by Newton's method written out here. */
function newtonLogistic(X: Array<Array<number>>, y: Array<number>): Array<number> {
	let w = [0, 0];
	for (const _ of $range(1, 50)) {
		const g = [0, 0];
		const h = [
			[0, 0],
			[0, 0],
		];
		X.forEach((row, i) => {
			const d = [1, row[0]];
			const p = logistic(w[0] + w[1] * row[0]);
			for (const a of $range(0, 1)) {
				g[a] += (y[i] - p) * d[a];
				for (const b of $range(0, 1)) h[a][b] += p * (1 - p) * d[a] * d[b];
			}
		});
		const step = referenceSolve(h, g);
		w = [w[0] + step[0], w[1] + step[1]];
	}
	return w;
}

/** Φ by Simpson's rule on φ (independent of the library's erfc fit). */
function simpsonCdf(z: number): number {
	const n = 2000;
	const h = z / n;
	let s = 0;
	for (const k of $range(0, n)) {
		const t = k * h;
		const f = math.exp(-0.5 * t * t) / math.sqrt(2 * math.pi);
		s += f * (k === 0 || k === n ? 1 : k % 2 === 1 ? 4 : 2);
	}
	return 0.5 + (s * h) / 3;
}

describe("LogisticRegression", () => {
	it("reaches the maximum-likelihood weights found by Newton's method (noisy data)", () => {
		const model = new LogisticRegression({ learningRate: 2, maximumNumberOfIterations: 3000 });
		model.train(NOISY_X, NOISY_Y);
		const expected = newtonLogistic(NOISY_X, NOISY_Y);
		expectMatrixClose(
			model.getModelParameters() as Array<Array<number>>,
			expected.map((v) => [v]),
			1e-6,
		);
		const [labels, probabilities] = model.predict([[3], [-3]]);
		expectClose(probabilities[0][1], logistic(expected[0] + 3 * expected[1]), 1e-6);
		expectClose(probabilities[0][0] + probabilities[0][1], 1, 1e-12);
		expect(labels).toEqual([1, 0]);
	});
	it("separates separable data with string classes", () => {
		const model = new LogisticRegression({ classesList: ["lose", "win"], learningRate: 1, maximumNumberOfIterations: 200 });
		model.train([[-2], [-1], [1], [2]], ["lose", "lose", "win", "win"]);
		const [labels, probabilities] = model.predict([[-2], [-1], [1], [2]]);
		expect(labels).toEqual(["lose", "lose", "win", "win"]);
		expect(
			probabilities[0][1] < probabilities[1][1] && probabilities[1][1] < probabilities[2][1] && probabilities[2][1] < probabilities[3][1],
		).toBe(true);
		expect(model.getClassesList()).toEqual(["lose", "win"]);
	});
	it("accepts labels as an n×1 matrix", () => {
		const a = new LogisticRegression({ maximumNumberOfIterations: 5 });
		const b = new LogisticRegression({ maximumNumberOfIterations: 5 });
		a.train(NOISY_X, NOISY_Y);
		b.train(
			NOISY_X,
			NOISY_Y.map((v) => [v]),
		);
		expect(a.getModelParameters()).toEqual(b.getModelParameters());
	});
	it("names unknown labels and invalid class lists", () => {
		expectError(
			() => new LogisticRegression().train([[1], [2]], [0, 2]),
			"[Hivemind] LogisticRegression.train: y[2] must be one of the classes (0, 1), got 2",
		);
		expectError(
			() => new LogisticRegression({ classesList: [1, 2, 3] }),
			"LogisticRegression.new: classesList must be an array of 2 distinct labels (numbers or strings), got a table",
		);
		const model = new LogisticRegression({ maximumNumberOfIterations: 1 });
		model.train(NOISY_X, NOISY_Y);
		expectError(() => model.setParameters({ classesList: [1, 0] }), "classesList cannot change once the model has parameters");
		expectError(
			() =>
				model.setModelParameters([
					[1, 2],
					[3, 4],
				]),
			"LogisticRegression.setModelParameters: parameters must be a single matrix ((features + 1) × 1, bias row first), got 2×2",
		);
	});
});

describe("BinaryRegression", () => {
	it("computes Φ against tabulated values and Simpson's rule", () => {
		expect(normalCdf(0)).toBe(0.5);
		expectClose(normalCdf(1), 0.841344746068543, 1e-14);
		expectClose(normalCdf(-1.96), 0.0249978951482204, 1e-13);
		expectClose(normalCdf(-5) / 2.866515718791939e-7, 1, 1e-12);
		expectClose(normalCdf(-10) / 7.619853024160527e-24, 1, 1e-12);
		for (const z of [-4.5, -4.2, -3, -0.7, 0.3, 2.2, 4.3]) expectClose(normalCdf(z), simpsonCdf(z), 1e-12);
	});
	it("probit: the trained weights satisfy the likelihood equations", () => {
		const model = new BinaryRegression({ link: "Probit", learningRate: 1, maximumNumberOfIterations: 4000 });
		model.train(NOISY_X, NOISY_Y);
		const w = column(model.getModelParameters());
		const score = [0, 0];
		NOISY_X.forEach((row, i) => {
			const z = w[0] + w[1] * row[0];
			const p = simpsonCdf(z);
			const density = math.exp(-0.5 * z * z) / math.sqrt(2 * math.pi);
			const r = ((NOISY_Y[i] - p) * density) / (p * (1 - p));
			score[0] += r;
			score[1] += r * row[0];
		});
		expectClose(score[0], 0, 1e-6);
		expectClose(score[1], 0, 1e-6);
		const [, probabilities] = model.predict([[1]]);
		expectClose(probabilities[0][1], simpsonCdf(w[0] + w[1]), 1e-7);
	});
	it("hinge: reaches zero loss with every margin ≥ 1 on separable data", () => {
		const model = new BinaryRegression({ costFunction: "Hinge", learningRate: 0.1, maximumNumberOfIterations: 500 });
		const X = [[-2], [-1], [1], [2]];
		const history = model.train(X, [0, 0, 1, 1]);
		expect(history[history.size() - 1]).toBe(0);
		const w = column(model.getModelParameters());
		for (const [i, t] of [
			[0, -1],
			[1, -1],
			[2, 1],
			[3, 1],
		]) {
			expect(t * (w[0] + w[1] * X[i][0]) >= 1).toBe(true);
		}
		expect(model.predict(X)[0]).toEqual([0, 0, 1, 1]);
	});
	it("validates link and cost names", () => {
		expectError(() => new BinaryRegression({ link: "Cauchit" }), 'BinaryRegression.new: link must be one of "Logistic", "Probit", got "Cauchit"');
		expectError(() => new BinaryRegression({ costFunction: "MSE" }), 'costFunction must be one of "BinaryCrossEntropy", "Hinge", got "MSE"');
	});
});

describe("SoftmaxRegression", () => {
	it("with two classes gives the logistic-regression probabilities at the optimum", () => {
		const softmax = new SoftmaxRegression({ learningRate: 2, maximumNumberOfIterations: 3000 });
		softmax.train(NOISY_X, NOISY_Y);
		const logisticModel = new LogisticRegression({ learningRate: 2, maximumNumberOfIterations: 3000 });
		logisticModel.train(NOISY_X, NOISY_Y);
		const [, p] = softmax.predict(NOISY_X);
		const [, q] = logisticModel.predict(NOISY_X);
		expectMatrixClose(p, q, 1e-6);
	});
	it("reaches a point where the mean cross-entropy gradient vanishes (noisy, three classes)", () => {
		const X = [[0], [0], [0], [0], [1], [1], [1], [1], [2], [2], [2], [2]];
		const y = ["a", "a", "b", "c", "a", "b", "b", "c", "a", "b", "c", "c"];
		const model = new SoftmaxRegression({ learningRate: 1, maximumNumberOfIterations: 6000 });
		model.train(X, y);
		expect(model.getClassesList()).toEqual(["a", "b", "c"]);
		const W = model.getModelParameters() as Array<Array<number>>;
		const gradient = [
			[0, 0, 0],
			[0, 0, 0],
		];
		X.forEach((row, i) => {
			const d = [1, row[0]];
			const z = [0, 1, 2].map((k) => d[0] * W[0][k] + d[1] * W[1][k]);
			const top = math.max(z[0], z[1], z[2]);
			const e = z.map((v) => math.exp(v - top));
			const total = e[0] + e[1] + e[2];
			const target = ["a", "b", "c"].map((c) => (c === y[i] ? 1 : 0));
			for (const a of $range(0, 1)) for (const k of $range(0, 2)) gradient[a][k] += (d[a] * (e[k] / total - target[k])) / X.size();
		});
		for (const row of gradient) for (const g of row) expectClose(g, 0, 1e-8);
	});
	it("separates separable classes and reports probabilities that sum to 1", () => {
		const X = [[0], [0.2], [2], [2.2], [4], [4.2]];
		const model = new SoftmaxRegression({ classesList: [1, 2, 3], learningRate: 1, maximumNumberOfIterations: 3000 });
		model.train(X, [1, 1, 2, 2, 3, 3]);
		const [labels, probabilities] = model.predict(X);
		expect(labels).toEqual([1, 1, 2, 2, 3, 3]);
		for (const row of probabilities) expectClose(row[0] + row[1] + row[2], 1, 1e-12);
	});
	it("names class problems", () => {
		expectError(
			() => new SoftmaxRegression().train([[1], [2]], [5, 5]),
			"SoftmaxRegression.train: y must hold at least 2 classes for SoftmaxRegression, found 1; give the classesList option",
		);
		expectError(() => new SoftmaxRegression({ classesList: ["a", "a"] }), "classesList must be a non-empty array of distinct numbers or strings");
		const model = new SoftmaxRegression();
		model.setModelParameters([
			[0, 0],
			[1, -1],
		]);
		expectError(
			() => model.predict([[1]]),
			"SoftmaxRegression.predict: the class labels are unknown (parameters were set without training); give the classesList option",
		);
		const trained = new SoftmaxRegression({ maximumNumberOfIterations: 1 });
		trained.train([[1], [2]], ["x", "y"]);
		expectError(() => trained.train([[1]], ["z"]), 'SoftmaxRegression.train: y[1] must be one of the classes ("x", "y"), got "z"');
	});
});
