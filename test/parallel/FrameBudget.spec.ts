import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { KMeansOptions } from "../../src/models/clustering/KMeans";
import {
	ExtremeLearningMachine,
	GaussianNaiveBayes,
	KMeans,
	KNearestNeighboursRegressor,
	LinearRegression,
	NeuralNetwork,
	RidgeRegression,
} from "../../src/models";
import {
	allocatingRowsPerBlock,
	FrameBudget,
	forEachBlock,
	getDefaultFrameBudget,
	rowsPerAllocatedBytes,
	rowsPerBlock,
	setDefaultFrameBudget,
} from "../../src/parallel/FrameBudget";
import { mapInBlocks, modelInputs, symmetricBufferRows, zeroRowsInBlocks } from "../../src/models/base/data";
import { fromBufferRows } from "../../src/matrix/rowBuffers";
import { countingYields, regressionData, relativeDifference, withDefaultBudget } from "./helpers";

describe("FrameBudget", () => {
	it("cuts rows into fixed consecutive blocks, reporting progress after each", () => {
		const blocks = new Array<string>();
		const progress = new Array<string>();
		forEachBlock(10, 4, new FrameBudget(0, (done, total) => progress.push(`${done}/${total}`)), (first, last) => blocks.push(`${first}-${last}`));
		expect(blocks).toEqual(["0-3", "4-7", "8-9"]);
		expect(progress).toEqual(["4/10", "8/10", "10/10"]);
	});
	it("caps a block of allocating rows at 64 tables: rowsPerBlock's size or 64 / allocations a row", () => {
		// by hand: 32768 / 13 = 2520 rows of compute, capped at 64; 32768 / 1000 = 32 under the cap
		expect(rowsPerBlock(13)).toBe(2520);
		expect(allocatingRowsPerBlock(13)).toBe(64);
		expect(allocatingRowsPerBlock(1000)).toBe(32);
		expect(allocatingRowsPerBlock(13, 4)).toBe(16);
		expect(allocatingRowsPerBlock(1e6, 4)).toBe(1);
	});
	it("makes buffer rows at most 8 KB a block: one 2,000-wide row (16 KB) a block, ten 100-wide ones", () => {
		// by hand: 8192 / (2000 · 8) < 1 → 1 row; 8192 / (100 · 8) = 10.24 → 10 rows
		expect(rowsPerAllocatedBytes(2000 * 8)).toBe(1);
		expect(rowsPerAllocatedBytes(100 * 8)).toBe(10);
		const progress = new Array<number>();
		const rows = zeroRowsInBlocks(25, 100, new FrameBudget(0, (done) => progress.push(done)));
		expect(progress).toEqual([10, 20, 25]);
		expect(rows.size()).toBe(25);
		expect(fromBufferRows([rows[24]])).toEqual([table.create<number>(100, 0)]);
	});
	it("makes a symmetric buffer matrix computing each pair once and mirroring it", () => {
		const calls = new Array<string>();
		const m = symmetricBufferRows(3, (i, j) => {
			calls.push(`${i}${j}`);
			return 10 * i + j;
		});
		// by hand: M[i][j] = 10i + j for i ≤ j, mirrored below the diagonal
		expect(fromBufferRows(m)).toEqual([
			[0, 1, 2],
			[1, 11, 12],
			[2, 12, 22],
		]);
		expect(calls).toEqual(["00", "01", "02", "11", "12", "22"]);
	});
	it("maps rows in blocks of at most 64 new rows; the bias column is made in the validating copy", () => {
		const x = new Array<Array<number>>();
		for (const i of $range(1, 200)) x.push([i, -i]);
		const progress = new Array<number>();
		const doubled = mapInBlocks(200, 1, (i) => [2 * x[i][0]], new FrameBudget(0, (done) => progress.push(done)));
		expect(progress).toEqual([64, 128, 192, 200]);
		expect(doubled[199]).toEqual([400]);
		const withBias = modelInputs(x, "spec", true, 2);
		expect([withBias[0], withBias[199]]).toEqual([
			[1, 1, -1],
			[1, 200, -200],
		]);
		expect(modelInputs(x, "spec", false)[199]).toEqual([200, -200]);
		expectError(() => modelInputs(x, "spec", true, 3), "[Hivemind] spec: X must have 3 columns (features) like the training data, got 200×2");
	});
	it("never yields with a budget of 0, and yields once the slice has used a tiny budget", () => {
		const never = new FrameBudget(0);
		expect(never.check()).toBe(false);
		const tiny = new FrameBudget(1e-6);
		const started = os.clock();
		while (os.clock() - started < 1e-4) {
			// spend more than the budget
		}
		expect(tiny.check()).toBe(true);
		expect(tiny.yields).toBe(1);
	});
	it("yields before a block that would take the slice past its budget: the last block predicts the next", () => {
		const budget = new FrameBudget(10);
		budget.restart();
		let blocks = 0;
		for (;;) {
			const started = os.clock();
			while (os.clock() - started < 0.004) {
				// a 4 ms block
			}
			blocks += 1;
			if (budget.check()) break;
		}
		// after two 4 ms blocks: 8 ms used + 4 ms predicted ≥ 10 ms, so it yields there (one block when the
		// machine stretched the first to 5 ms or more); checking the time used alone would run a third (12 ms)
		expect(blocks <= 2).toBe(true);
		expect(budget.yields).toBe(1);
	});
	it("defaults to 0 (never yield) in a headless host such as this harness, and validates a new default", () => {
		expect(getDefaultFrameBudget()).toBe(0);
		const previous = setDefaultFrameBudget(2);
		expect(getDefaultFrameBudget()).toBe(2);
		setDefaultFrameBudget(previous);
		expectError(
			() => setDefaultFrameBudget(-1),
			"[Hivemind] setDefaultFrameBudget: budgetMs must be a finite number ≥ 0 (milliseconds; 0 = never yield), got -1",
		);
	});
});

describe("the shared training loop within a frame budget", () => {
	const [X, y] = regressionData(2500, 10, 7);

	it("gives bit-identical parameters sliced (yielding after every block) and unsliced", () => {
		const unsliced = new LinearRegression({ maximumNumberOfIterations: 5, frameBudget: 0 });
		const sliced = new LinearRegression({ maximumNumberOfIterations: 5, frameBudget: 1e-6 });
		expect(countingYields(() => unsliced.train(X, y))).toBe(0);
		// 2500 rows of 11 parameters: 3 blocks an iteration, a yield after each
		expect(countingYields(() => sliced.train(X, y)) >= 15).toBe(true);
		expect(sliced.getModelParameters()).toEqual(unsliced.getModelParameters());
	});
	it("gives bit-identical networks sliced and unsliced (mini-batches too)", () => {
		const make = (budget: number) => {
			const network = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: 2, batchSize: 1000, frameBudget: budget, seed: 3 });
			network.createLayers([10, 8, 1], "Tanh");
			network.setLayerActivation(2, "None");
			return network;
		};
		const unsliced = make(0);
		const sliced = make(1e-6);
		unsliced.train(X, y);
		expect(countingYields(() => sliced.train(X, y)) > 0).toBe(true);
		expect(sliced.getModelParameters()).toEqual(unsliced.getModelParameters());
	});
	it("computes the closed-form step of the squared error: w₁ = w₀ − (η/n)·2Xᵀ(Xw₀ − y) from zero weights (1e-12 relative)", () => {
		const model = new LinearRegression({ maximumNumberOfIterations: 1, learningRate: 0.1, frameBudget: 1e-6 });
		model.train(X, y);
		// from w₀ = 0: the gradient is −2Xᵀy (bias column of ones first), summed row by row here
		const expected = new Array<Array<number>>();
		for (const j of $range(0, 10)) {
			let s = 0;
			for (const i of $range(0, 2499)) s += (j === 0 ? 1 : X[i][j - 1]) * y[i];
			expected.push([((2 * 0.1) / 2500) * s]);
		}
		expect(relativeDifference(model.getModelParameters()!, expected) < 1e-12).toBe(true);
	});
	it("reports progress each iteration and says it is training meanwhile", () => {
		const seen = new Array<string>();
		const model: LinearRegression = new LinearRegression({
			maximumNumberOfIterations: 3,
			onProgress: (done, total) => seen.push(`${done}/${total} ${model.isTraining()}`),
		});
		model.train(X, y);
		expect(seen).toEqual(["1/3 true", "2/3 true", "3/3 true"]);
		expect(model.isTraining()).toBe(false);
	});
	it("rejects a bad frameBudget option", () => {
		expectError(
			() => new LinearRegression({ frameBudget: -1 }),
			"frameBudget must be a finite number ≥ 0 (milliseconds; 0 = never yield), got -1",
		);
	});
});

describe("other long operations within a frame budget", () => {
	const [X, y] = regressionData(3000, 6, 9);
	const labels = y.map((v) => (v > 0.5 ? 1 : 0));

	it("KMeans: bit-identical centroids, inertias and predictions sliced and unsliced", () => {
		const unsliced = new KMeans({ numberOfClusters: 4, maximumNumberOfIterations: 5, frameBudget: 0 });
		const sliced = new KMeans({ numberOfClusters: 4, maximumNumberOfIterations: 5, frameBudget: 1e-6 });
		const inertias = unsliced.train(X);
		let slicedInertias: Array<number> = [];
		expect(countingYields(() => (slicedInertias = sliced.train(X))) > 0).toBe(true);
		expect(slicedInertias).toEqual(inertias);
		expect(sliced.getModelParameters()).toEqual(unsliced.getModelParameters());
		expect(sliced.predict(X)[0]).toEqual(unsliced.predict(X)[0]);
	});
	it("KMeans manhattan, mini-batch and sequential: bit-identical sliced and unsliced", () => {
		const variants: Array<Partial<KMeansOptions>> = [
			{ distance: "manhattan" },
			{ algorithm: "minibatch", batchSize: 500 },
			{ algorithm: "sequential", distance: "cosine" },
		];
		for (const variant of variants) {
			const make = (frameBudget: number) =>
				new KMeans({ ...variant, numberOfClusters: 3, maximumNumberOfIterations: 3, numberOfInitializations: 2, frameBudget });
			const [unsliced, sliced] = [make(0), make(1e-6)];
			const inertias = unsliced.train(X);
			let slicedInertias: Array<number> = [];
			expect(countingYields(() => (slicedInertias = sliced.train(X))) > 0).toBe(true);
			expect(slicedInertias).toEqual(inertias);
			expect(sliced.getModelParameters()).toEqual(unsliced.getModelParameters());
		}
	});
	it("ExtremeLearningMachine, RidgeRegression, GaussianNaiveBayes, neighbours: bit-identical at a budget of 0 and a tiny one", () => {
		const run = () => {
			const elm = new ExtremeLearningMachine({ mode: "Regression", hiddenNeurons: 16 });
			const ridge = new RidgeRegression({ lambda: 0.5 });
			const bayes = new GaussianNaiveBayes();
			const knn = new KNearestNeighboursRegressor({ numberOfNeighbours: 3 });
			elm.train(X, y);
			ridge.train(X, y);
			bayes.train(X, labels);
			knn.train(X, y);
			return [
				elm.getModelParameters(),
				ridge.getModelParameters(),
				bayes.getModelParameters(),
				elm.predict(X)[0],
				knn.predict([X[0], X[1]])[0],
			];
		};
		const unsliced = withDefaultBudget(0, run);
		let sliced: Array<unknown> = [];
		expect(countingYields(() => (sliced = withDefaultBudget(1e-6, run))) > 20).toBe(true);
		expect(sliced).toEqual(unsliced);
	});
	it("RidgeRegression in blocks solves the normal equations: XᵀX w = Xᵀy with λ = 0 (1e-9)", () => {
		const ridge = new RidgeRegression({ lambda: 0 });
		withDefaultBudget(1e-6, () => ridge.train(X, y));
		const w = ridge.getModelParameters() as Array<Array<number>>;
		// the residual r = y − [1, X]w is orthogonal to every column of [1, X]
		for (const j of $range(0, 6)) {
			let dot = 0;
			for (const i of $range(0, 2999)) {
				let fitted = w[0][0];
				for (const k of $range(0, 5)) fitted += X[i][k] * w[k + 1][0];
				dot += (j === 0 ? 1 : X[i][j - 1]) * (y[i] - fitted);
			}
			expect(math.abs(dot) < 1e-9).toBe(true);
		}
	});
});
