// The shared loop's passes over the rows: the network's gradient in fixed row blocks through
// per-call buffers, the second-order solvers' passes paced between fixed blocks, and what an
// iteration allocates.
import { describe, expect, it } from "../../support/jest-globals.d";
import { Matrix } from "../../../src/matrix/types";
import { addInPlace } from "../../../src/matrix/inplace";
import { CostFunction, createCost } from "../../../src/costs";
import {
	HuberRegression,
	LinearRegression,
	LogisticRegression,
	NeuralNetwork,
	PoissonRegression,
	QuantileRegression,
	SoftmaxRegression,
} from "../../../src/models";
import { costAndGradients } from "../../../src/models/neural/network";
import { rowsPerBlock } from "../../../src/parallel/FrameBudget";
import { parameterCount } from "../../../src/parameters";
import { countingYields, regressionData, relativeDifference } from "../../parallel/helpers";

const [X, y] = regressionData(900, 6, 11);
const classes = y.map((t) => (t < -1 ? 0 : t < 1 ? 1 : 2));

/** A 6–8–3 Tanh/Softmax classifier (or 6–8–1 regression), seeded; dropout on the hidden layer when asked. */
function network(
	frameBudget: number,
	options: { regression?: boolean; dropout?: number; batchSize?: number; iterations?: number; onIteration?: () => void } = {},
) {
	const model = new NeuralNetwork({
		mode: options.regression ? "Regression" : "Classification",
		maximumNumberOfIterations: options.iterations ?? 3,
		learningRate: 0.05,
		seed: 4,
		frameBudget,
		batchSize: options.batchSize ?? 0,
		onIteration: options.onIteration,
	});
	model.createLayers([6, 8, options.regression ? 1 : 3], "Tanh", true, options.dropout ?? 0);
	model.setLayerActivation(2, options.regression ? "None" : "Softmax");
	return model;
}

/**
 * The largest growth of the heap (KB) between consecutive `onIteration` calls from the fourth on (the
 * first steps create the optimizer's state and its saved copy).
 */
function heapGrowthPerIteration(train: (onIteration: () => void) => void): number {
	const heap = new Array<number>(16, 0); // sized once: the samples allocate nothing
	let count = 0;
	train(() => {
		heap[count] = collectgarbage("count");
		count += 1;
	});
	let worst = 0;
	for (const i of $range(3, count - 1)) worst = math.max(worst, heap[i] - heap[i - 1]);
	return worst;
}

describe("the network's gradient in fixed row blocks", () => {
	it("sums the blocks' gradients in order: the gradient of every row at once to 1e-12, the block-by-block sum bit for bit", () => {
		const model = network(0);
		model.setAreGradientsSaved(true);
		model.train(X, classes);
		const [gradient, n] = model.computeGradients(X, classes);
		expect(n).toBe(900);
		// independently: the 900 rows at once, and fixed blocks of rowsPerBlock(3 × parameters) rows added in order
		const weights = model.getModelParameters() as Array<Matrix>;
		const layers = model.getLayers();
		const cost = createCost("CategoricalCrossEntropy");
		const targets = classes.map((k) => [k === 0 ? 1 : 0, k === 1 ? 1 : 0, k === 2 ? 1 : 0]);
		const whole = costAndGradients(weights, layers, X, targets, cost);
		expect(relativeDifference(gradient, whole.gradients) < 1e-12).toBe(true);
		const block = rowsPerBlock(3 * parameterCount(weights));
		expect(block < 900).toBe(true); // several blocks
		let summed: Array<Matrix> | undefined;
		for (const first of $range(0, 899, block)) {
			const rows = X.filter((_, i) => i >= first && i < first + block);
			const part = costAndGradients(
				weights,
				layers,
				rows,
				targets.filter((_, i) => i >= first && i < first + block),
				cost,
			).gradients;
			if (summed === undefined) summed = part;
			else part.forEach((m, l) => addInPlace(summed![l], m));
		}
		expect(gradient).toEqual(summed!);
	});

	it("gives bit-identical networks sliced (a yield after every block) and unsliced: full batch, dropout, regression", () => {
		for (const options of [{}, { dropout: 0.2 }, { regression: true }]) {
			const [unsliced, sliced] = [network(0, options), network(1e-6, options)];
			const target = options.regression ? y : classes;
			const history = unsliced.train(X, target);
			let slicedHistory: Array<number> = [];
			const blocks = math.ceil(900 / rowsPerBlock(3 * parameterCount(unsliced.getModelParameters()!)));
			expect(countingYields(() => (slicedHistory = sliced.train(X, target))) >= 3 * blocks).toBe(true);
			expect(slicedHistory).toEqual(history);
			expect(sliced.getModelParameters()).toEqual(unsliced.getModelParameters());
		}
	});

	it("takes a cost without an entry-wise loss block by block: a hand-written squared error trains as the built-in one, bit for bit", () => {
		const squared: CostFunction = {
			costName: "HandSquaredError",
			value(p: Matrix, a: Matrix) {
				let total = 0;
				p.forEach((row, i) => row.forEach((v, j) => (total += (v - a[i][j]) * (v - a[i][j]))));
				return total;
			},
			gradient(p: Matrix, a: Matrix) {
				return p.map((row, i) => row.map((v, j) => 2 * (v - a[i][j])));
			},
			getOptions() {
				return {};
			},
		};
		const train = (costFunction: string | CostFunction) => {
			const model = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: 3, learningRate: 0.05, seed: 4, costFunction });
			model.createLayers([6, 8, 1], "Tanh");
			model.setLayerActivation(2, "None");
			const history = model.train(X, y);
			return [history, model.getModelParameters()];
		};
		expect(train(squared)).toEqual(train("MeanSquaredError"));
	});

	it("allocates nothing per full-batch iteration once under way, nor per mini-batch epoch (the heap, counted in KB, does not grow)", () => {
		for (const batchSize of [0, 200]) {
			const growth = heapGrowthPerIteration((onIteration) => network(0, { batchSize, iterations: 8, onIteration }).train(X, classes));
			expect([batchSize, growth]).toEqual([batchSize, 0]);
		}
		const linear = heapGrowthPerIteration((onIteration) => new LinearRegression({ maximumNumberOfIterations: 8, onIteration }).train(X, y));
		expect(linear).toEqual(0);
	});
});

type Solved = LogisticRegression | PoissonRegression | HuberRegression | QuantileRegression | SoftmaxRegression;
type SolvedOptions = { maximumNumberOfIterations: number; frameBudget?: number; onIteration?: () => void };

/** Each second-order solver by name, made with `options` (defaults otherwise: Newton or IRLS; L-BFGS on request). */
const SOLVED: Array<[string, (options: SolvedOptions) => Solved]> = [
	["Logistic", (options) => new LogisticRegression(options)],
	["Poisson", (options) => new PoissonRegression(options)],
	["Huber", (options) => new HuberRegression(options)],
	["Quantile", (options) => new QuantileRegression(options)],
	["L-BFGS", (options) => new LogisticRegression({ solver: "LBFGS", ...options })],
	["L-BFGS softmax", (options) => new SoftmaxRegression({ solver: "LBFGS", ...options })],
];

describe("the second-order solvers within a frame budget", () => {
	const [rows, t] = regressionData(4000, 6, 12);
	const labels = t.map((v) => (v > 0.5 ? 1 : 0));
	const levels = t.map((v) => (v < -0.5 ? 0 : v < 1.5 ? 1 : 2));
	const counts = t.map((v) => math.floor(math.abs(v) * 2));
	// counts up to e⁵ and residuals all beyond δ at w = 0: Newton still steps at the eighth iteration, Huber's first steps on the majorizer
	const large = t.map((v) => math.floor(math.exp(1.5 * v + 2)));
	const shifted = t.map((v) => 10 * v + 20);

	it("Newton (logistic, Poisson, Huber), IRLS (quantile) and L-BFGS (logistic, softmax): bit-identical sliced and unsliced, yielding inside their passes", () => {
		const targets = [labels, counts, t, t, labels, levels];
		// the gradient pass of 4000 rows (7 parameters: blocks of 1560 rows) yields 3 times an iteration and the
		// iteration's end once: more yields come from the solver's own passes
		for (const k of $range(0, SOLVED.size() - 1)) {
			const [[name, make], target] = [SOLVED[k], targets[k]];
			const [unsliced, sliced] = [
				make({ maximumNumberOfIterations: 3, frameBudget: 0 }),
				make({ maximumNumberOfIterations: 3, frameBudget: 1e-6 }),
			];
			const history = unsliced.train(rows, target);
			let slicedHistory: Array<number> = [];
			const yields = countingYields(() => (slicedHistory = sliced.train(rows, target)));
			expect([name, yields > 3 * 4]).toEqual([name, true]);
			expect(slicedHistory).toEqual(history);
			expect(sliced.getModelParameters()).toEqual(unsliced.getModelParameters());
		}
	});

	it("Newton (logistic, Poisson, Huber), IRLS (quantile) and L-BFGS (logistic, softmax) allocate nothing per iteration once under way", () => {
		const targets = [labels, large, shifted, t, labels, levels];
		for (const k of $range(0, SOLVED.size() - 1)) {
			const [[name, make], target] = [SOLVED[k], targets[k]];
			let history: Array<number> = [];
			const growth = heapGrowthPerIteration(
				(onIteration) => (history = make({ maximumNumberOfIterations: 8, onIteration }).train(rows, target)),
			);
			expect([name, growth]).toEqual([name, 0]);
			// every iteration measured took a solver step (the cost still fell): the step itself allocated nothing
			expect(history.size()).toBe(8);
			for (const i of $range(1, 7)) expect([name, i, history[i] < history[i - 1]]).toEqual([name, i, true]);
		}
	});
});
