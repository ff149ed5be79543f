// `npm run bench` (frame-budget rows): the longest stretch without a yield of each model's `train`
// and of bulk `predict` on 100,000 rows (the SVM on fewer: it is O(n²)) at the default frame budget.
// Run in the headless runtime: lune run harness/run.luau default.project.json ReplicatedStorage.HivemindTests.bench.stretches [filters] [--trace] [--budget=<ms>]
// Prints one JSON line { budgetMs, rows: [{ name, rows, longestMs, p99Ms, yields, totalMs }] }.
// To find an unsliced pass: `--trace --budget=0.001` yields at every check, so each stretch is the
// work between two checks, printed with the stack at both ends (on a loaded machine judge by the
// median of a recurring gap, not by one long stretch). `--trace` also prints, per row, its longest
// stretch with its `os.clock()` span (CLOCK_MONOTONIC): run the bench under
// `perf record -k CLOCK_MONOTONIC -F 2000 -- node scripts/lune.js harness/run.luau ...` and the samples
// inside that span say whether it was the library's code or the collector (BENCHMARKS.md);
// `npm run bench:attribute -- [filters]` (scripts/attribute-stretches.js) does all of that per row.
import { HttpService } from "@rbxts/services";
import { PCA } from "../../src/transformers/PCA";
import { RandomGenerator } from "../../src/matrix/random";
import { BaseModel } from "../../src/models/base/BaseModel";
import {
	BayesianLinearRegression,
	BisectingKMeans,
	FuzzyCMeans,
	GaussianMixture,
	IsolationForest,
	ExtremeLearningMachine,
	NearestCentroid,
	OneVsAll,
	PassiveAggressiveClassifier,
	PassiveAggressiveRegressor,
	SupportVectorMachine,
	GaussianNaiveBayes,
	KMeans,
	KNearestNeighboursRegressor,
	LinearRegression,
	LogisticRegression,
	NeuralNetwork,
	RidgeRegression,
	SoftmaxRegression,
} from "../../src/models";
import { createModel } from "../../src/models/registry";
import { DEFAULT_FRAME_BUDGET_MS, getDefaultFrameBudget, setDefaultFrameBudget, setYieldObserver } from "../../src/parallel/FrameBudget";
import { cycleHasEnded, cycleMark } from "../../src/parallel/collectorHold";

const N = 100000;
const P = 10;
/** Rows of the SVM's training (O(n²)) and of its predict (rows × support vectors); also of the other O(n²) models (pairwise distances or an n×n matrix). */
const SVM_ROWS = 2000;
const SVM_QUERIES = 10000;
/** Rows of AgglomerativeHierarchical's training: O(n³) (each of the n − 1 merges searches the n² pairs). */
const AGGLOMERATIVE_ROWS = 1000;

/** The innermost library frames of the current stack (frame-budget and bench frames left out), for `--trace`. */
function here(): string {
	const frames = debug
		.traceback()
		.split("\n")
		.filter((line) => line.find("Hivemind.", 1, true)[0] !== undefined && line.find("FrameBudget", 1, true)[0] === undefined);
	return frames
		.filter((_, i) => i < 3)
		.map((line) => line.gsub("ReplicatedStorage%.Hivemind%.", "")[0])
		.join(" < ");
}

/**
 * Drives Luau's collector through whole cycles before a row is measured, so the row pays for the
 * garbage its own call makes and not for what the rows before it (or its own `prepare`) left. Roblox
 * and the harness allow `collectgarbage("count")` only, so the cycles are driven the way a script can:
 * allocating small garbage (each allocated byte makes the collector do about two bytes of work) until
 * a weakly held sentinel made at the start is gone. Three sentinels in turn: the first goes at the end
 * of the cycle under way, the second at the end of a cycle that began after it (so it marked what was
 * already garbage), the third after that cycle's sweep has freed that garbage. Returns the milliseconds spent.
 */
function settleCollector(): number {
	const started = os.clock();
	// one slot, overwritten: what it held becomes garbage at once
	const churn = new Array<Array<number>>();
	for (const _ of $range(1, 3)) {
		const mark = cycleMark();
		while (!cycleHasEnded(mark)) for (const i of $range(1, 256)) churn[0] = [i, i, i, i];
	}
	return (os.clock() - started) * 1000;
}

/** One row's figures; `longestHeapFellKb` > 0 when the heap shrank during the longest stretch (the collector freed memory in it). */
interface Measured {
	longestMs: number;
	p99Ms: number;
	yields: number;
	totalMs: number;
	longestHeapFellKb: number;
}

/**
 * The stretches (ms) between the call's start, its yields and its end: the longest, the 99th
 * percentile (on a loaded machine the longest also holds the time the OS ran other processes), the
 * yield count and the total time. With `trace`, prints (stderr) the stack at both ends of the
 * stretches grouped by those ends, the groups with the longest median first: on a loaded machine
 * a gap that recurs with a long median is unsliced work, a single long one is the OS.
 */
function measure(fn: () => void, trace = false): Measured {
	const stretches = new Array<number>();
	// the heap (KB) at each stretch's start; a stretch during which it fell saw the collector free memory
	const heapFell = new Array<number>();
	let heapAtResume = gcinfo();
	let last = os.clock();
	const start = last;
	let lastPlace = "(start)";
	const groups = new Map<string, Array<number>>();
	let longestKey = "";
	let longestSeen = -1;
	// os.clock() at the longest stretch's start and end (CLOCK_MONOTONIC on Linux: lines up with `perf record -k CLOCK_MONOTONIC`)
	let longestSpan = [0, 0];
	const record = (ms: number, place: string) => {
		const key = `${lastPlace}\n      ⇒ ${place}`;
		if (ms > longestSeen) [longestSeen, longestKey, longestSpan] = [ms, key, [last, last + ms / 1000]];
		const list = groups.get(key) ?? [];
		list.push(ms);
		groups.set(key, list);
		lastPlace = place;
	};
	const previous = setYieldObserver((yieldedAt, resumedAt) => {
		const ms = (yieldedAt - last) * 1000;
		stretches.push(ms);
		heapFell.push(heapAtResume - gcinfo());
		if (trace) record(ms, here());
		last = resumedAt;
		heapAtResume = gcinfo();
	});
	fn();
	stretches.push((os.clock() - last) * 1000);
	heapFell.push(heapAtResume - gcinfo());
	let longestAt = 0;
	for (const i of $range(1, stretches.size() - 1)) if (stretches[i] > stretches[longestAt]) longestAt = i;
	const longestHeapFellKb = math.max(0, heapFell[longestAt]);
	setYieldObserver(previous);
	if (trace) {
		record(stretches[stretches.size() - 1], "(end)");
		const rows = new Array<[number, number, number, string]>();
		groups.forEach((list, key) => {
			list.sort((a, b) => a < b);
			rows.push([list[math.floor(list.size() / 2)], list[list.size() - 1], list.size(), key]);
		});
		rows.sort((a, b) => a[0] > b[0]);
		warn(string.format("longest stretch %.2f ms (clock %.6f to %.6f): %s", longestSeen, longestSpan[0], longestSpan[1], longestKey));
		for (const i of $range(0, math.min(rows.size(), 6) - 1)) {
			const [median, longest, count, key] = rows[i];
			warn(string.format("median %.2f ms, longest %.2f ms, %d times: %s", median, longest, count, key));
		}
	}
	stretches.sort((a, b) => a < b);
	const p99Ms = stretches[math.min(stretches.size() - 1, math.floor(0.99 * stretches.size()))];
	return {
		longestMs: stretches[stretches.size() - 1],
		p99Ms,
		yields: stretches.size() - 1,
		totalMs: (os.clock() - start) * 1000,
		longestHeapFellKb,
	};
}

/**
 * Args: name filters (a case runs when its name contains one of them, or with `--exact` equals one;
 * none = all; `--exact` runs a row alone whose name is part of another's), `--trace` (see `measure`)
 * and `--budget=<ms>` (another budget: a tiny one yields at every check, so each stretch is the work
 * between two checks), `--no-settle` (measure each row without first settling the collector: the
 * garbage earlier rows left is then paid inside whichever row allocates next).
 */
export = (...args: Array<string>) => {
	const trace = args.includes("--trace");
	const exact = args.includes("--exact");
	const settle = !args.includes("--no-settle");
	const budgetArg = args.find((a) => a.sub(1, 9) === "--budget=");
	const filters = args.filter((a) => a !== "--trace" && a !== "--exact" && a !== "--no-settle" && a !== budgetArg);
	// Roblox's default (the headless runtime's own default is 0)
	setDefaultFrameBudget(budgetArg !== undefined ? tonumber(budgetArg.sub(10))! : DEFAULT_FRAME_BUDGET_MS);
	const rng = new RandomGenerator(5);
	const X = new Array<Array<number>>();
	const y = new Array<number>();
	const labels = new Array<number>();
	const classes = new Array<string>();
	for (const _ of $range(1, N)) {
		const row = new Array<number>();
		let t = 0;
		for (const j of $range(1, P)) {
			const v = rng.uniform(-1, 1);
			row.push(v);
			t += v * j;
		}
		X.push(row);
		y.push(t);
		labels.push(t > 0 ? 1 : 0);
		classes.push(t < -3 ? "low" : t < 3 ? "mid" : "high");
	}
	const network = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: 2 });
	network.createLayers([P, 16, 1], "Tanh");
	network.setLayerActivation(2, "None");
	const knn = new KNearestNeighboursRegressor({ numberOfNeighbours: 5 });
	const queries = X.filter((_, i) => i < 200);
	const svmX = X.filter((_, i) => i < SVM_ROWS);
	const svmLabels = labels.filter((_, i) => i < SVM_ROWS);
	const svmQueries = X.filter((_, i) => i < SVM_QUERIES);
	const batches = new Array<Array<number>>();
	for (const i of $range(0, N - 1)) {
		if (i % 1000 === 0) batches.push([]);
		batches[batches.size() - 1].push(i);
	}
	// [name, rows, the measured call, unmeasured preparation (a predict row's training)]
	const cases: Array<[string, number, () => void, (() => void) | undefined]> = [];
	const add = (name: string, model: BaseModel<object>, fn: (m: BaseModel<object>) => void, prepare?: (m: BaseModel<object>) => void, rows = N) =>
		cases.push([name, rows, () => fn(model), prepare === undefined ? undefined : () => prepare(model)]);
	add("LinearRegression train (3 iterations)", new LinearRegression({ maximumNumberOfIterations: 3 }), (m) => m.train(X, y));
	add("LogisticRegression train (3 iterations)", new LogisticRegression({ maximumNumberOfIterations: 3 }), (m) => m.train(X, labels));
	add("SoftmaxRegression train (3 iterations)", new SoftmaxRegression({ maximumNumberOfIterations: 3 }), (m) => m.train(X, classes));
	add("NeuralNetwork 10-16-1 train (2 iterations)", network, (m) => m.train(X, y));
	add("NeuralNetwork 10-16-1 trainInBatches (1 epoch of 1000-row batches)", network, (m) =>
		(m as NeuralNetwork).trainInBatches(X, y, 1, () => batches),
	);
	add("KMeans k = 8 train (2 iterations)", new KMeans({ numberOfClusters: 8, maximumNumberOfIterations: 2 }), (m) => m.train(X));
	add("ExtremeLearningMachine 64 neurons train", new ExtremeLearningMachine({ mode: "Regression" }), (m) => m.train(X, y));
	add("KNearestNeighboursRegressor train", knn, (m) => m.train(X, y));
	add(
		"KNearestNeighboursRegressor predict 200 rows",
		knn,
		(m) => m.predict(queries),
		(m) => m.train(X, y),
	);
	add("RidgeRegression train", new RidgeRegression(), (m) => m.train(X, y));
	add("GaussianNaiveBayes train", new GaussianNaiveBayes(), (m) => m.train(X, labels));
	// Models this branch sliced (issue 13), and bulk predict of 100,000 rows (the model trained first, unmeasured)
	add("BayesianLinearRegression train", new BayesianLinearRegression(), (m) => m.train(X, y));
	add("PassiveAggressiveClassifier train (2 passes)", new PassiveAggressiveClassifier({ maximumNumberOfIterations: 2, classesList: [0, 1] }), (m) =>
		m.train(X, labels),
	);
	add("PassiveAggressiveRegressor train (2 passes)", new PassiveAggressiveRegressor({ maximumNumberOfIterations: 2 }), (m) => m.train(X, y));
	add(
		"OneVsAll of PassiveAggressiveClassifier, 3 classes, train (1 pass each)",
		new OneVsAll({ modelName: "PassiveAggressiveClassifier", modelOptions: { maximumNumberOfIterations: 1 } }),
		(m) => m.train(X, classes),
	);
	add("PCA train", new PCA(), (m) => m.train(X));
	add("NearestCentroid train", new NearestCentroid(), (m) => m.train(X, classes));
	add("BisectingKMeans k = 4 train (5 iterations a split)", new BisectingKMeans({ numberOfClusters: 4, maximumNumberOfIterations: 5 }), (m) =>
		m.train(X),
	);
	add("FuzzyCMeans k = 3 train (2 iterations)", new FuzzyCMeans({ numberOfClusters: 3, maximumNumberOfIterations: 2 }), (m) => m.train(X));
	add("IsolationForest 100 trees train", new IsolationForest(), (m) => m.train(X));
	add(
		"GaussianMixture 3 components train (2 iterations)",
		new GaussianMixture({ numberOfComponents: 3, numberOfInitializations: 1, maximumNumberOfIterations: 2 }),
		(m) => m.train(X),
	);
	// SVM training is O(n²) in time and memory (the kernel matrix): 2,000 rows
	add("SupportVectorMachine rbf train", new SupportVectorMachine({ classesList: [0, 1] }), (m) => m.train(svmX, svmLabels), undefined, SVM_ROWS);
	add(
		"LinearRegression predict",
		new LinearRegression({ maximumNumberOfIterations: 1 }),
		(m) => m.predict(X),
		(m) => m.train(X, y),
	);
	add(
		"LogisticRegression predict",
		new LogisticRegression({ maximumNumberOfIterations: 1 }),
		(m) => m.predict(X),
		(m) => m.train(X, labels),
	);
	add(
		"SoftmaxRegression predict",
		new SoftmaxRegression({ maximumNumberOfIterations: 1 }),
		(m) => m.predict(X),
		(m) => m.train(X, classes),
	);
	add(
		"BayesianLinearRegression predict",
		new BayesianLinearRegression(),
		(m) => m.predict(X),
		(m) => m.train(X, y),
	);
	add(
		"GaussianNaiveBayes predict",
		new GaussianNaiveBayes(),
		(m) => m.predict(X),
		(m) => m.train(X, labels),
	);
	add(
		"KMeans k = 8 predict",
		new KMeans({ numberOfClusters: 8, maximumNumberOfIterations: 1, numberOfInitializations: 1 }),
		(m) => m.predict(X),
		(m) => m.train(X),
	);
	add(
		"PCA transform",
		new PCA({ numberOfComponents: 3 }),
		(m) => m.predict(X),
		(m) => m.train(X),
	);
	add(
		"NearestCentroid predict",
		new NearestCentroid(),
		(m) => m.predict(X),
		(m) => m.train(X, classes),
	);
	add(
		"PassiveAggressiveClassifier predict",
		new PassiveAggressiveClassifier({ maximumNumberOfIterations: 1, classesList: [0, 1] }),
		(m) => m.predict(X),
		(m) => m.train(X, labels),
	);
	add(
		"OneVsAll of PassiveAggressiveClassifier predict",
		new OneVsAll({ modelName: "PassiveAggressiveClassifier", modelOptions: { maximumNumberOfIterations: 1 } }),
		(m) => m.predict(X),
		(m) => m.train(X, classes),
	);
	add(
		"IsolationForest 100 trees predict",
		new IsolationForest(),
		(m) => m.predict(X),
		(m) => m.train(X),
	);
	// predicting costs rows × support vectors kernel values: 10,000 rows
	add(
		"SupportVectorMachine rbf predict",
		new SupportVectorMachine({ classesList: [0, 1] }),
		(m) => m.predict(svmQueries),
		(m) => m.train(svmX, svmLabels),
		SVM_QUERIES,
	);
	// The other registered models (by name; the O(n²) ones on SVM_ROWS rows, AgglomerativeHierarchical on AGGLOMERATIVE_ROWS, their predict on SVM_QUERIES)
	const countsX = X.map((row) => row.map((v) => math.floor((v + 1) * 2.5)));
	const binaryX = X.map((row) => row.map((v) => (v > 0 ? 1 : 0)));
	const poissonY = y.map((t) => math.floor(math.exp(0.1 * t)));
	const byName = (name: string, options?: object) => createModel(name, options) as unknown as BaseModel<object>;
	for (const name of ["PoissonRegression", "HuberRegression", "QuantileRegression", "BinaryRegression", "NormalLinearRegression"]) {
		const target = name === "PoissonRegression" ? poissonY : name === "BinaryRegression" ? labels : y;
		const options = name === "NormalLinearRegression" ? undefined : { maximumNumberOfIterations: 3 };
		add(`${name} train (3 iterations)`, byName(name, options), (m) => m.train(X, target));
		add(
			`${name} predict`,
			byName(name, options),
			(m) => m.predict(X),
			(m) => m.train(X, target),
		);
	}
	// bulk predict of the models above whose rows have none yet (trained first, unmeasured)
	const classifier = new NeuralNetwork({ maximumNumberOfIterations: 1 });
	classifier.createLayers([P, 16, 3], "Tanh");
	classifier.setLayerActivation(2, "Softmax");
	for (const [name, model, target] of [
		["NeuralNetwork 10-16-1 (regression)", network, y],
		["NeuralNetwork 10-16-3 (softmax classifier)", classifier, classes],
		["ExtremeLearningMachine 64 neurons", byName("ExtremeLearningMachine", { mode: "Regression" }), y],
		["RidgeRegression", byName("RidgeRegression"), y],
		["PassiveAggressiveRegressor", byName("PassiveAggressiveRegressor", { maximumNumberOfIterations: 1 }), y],
		["FuzzyCMeans k = 3", byName("FuzzyCMeans", { numberOfClusters: 3, maximumNumberOfIterations: 1 }), undefined],
		["BisectingKMeans k = 4", byName("BisectingKMeans", { numberOfClusters: 4, maximumNumberOfIterations: 2 }), undefined],
		[
			"GaussianMixture 3 components",
			byName("GaussianMixture", { numberOfComponents: 3, numberOfInitializations: 1, maximumNumberOfIterations: 1 }),
			undefined,
		],
	] as Array<[string, BaseModel<object>, unknown]>) {
		add(
			`${name} predict`,
			model,
			(m) => m.predict(X),
			(m) => m.train(X, target),
		);
	}
	const knnClassifier = byName("KNearestNeighboursClassifier", { numberOfNeighbours: 5 });
	add(
		"KNearestNeighboursClassifier predict 200 rows",
		knnClassifier,
		(m) => m.predict(queries),
		(m) => m.train(X, classes),
	);
	for (const [name, data] of [
		["BernoulliNaiveBayes", binaryX],
		["MultinomialNaiveBayes", countsX],
		["ComplementNaiveBayes", countsX],
		["CategoricalNaiveBayes", countsX],
	] as Array<[string, Array<Array<number>>]>) {
		add(`${name} train`, byName(name), (m) => m.train(data, classes));
		add(
			`${name} predict`,
			byName(name),
			(m) => m.predict(data),
			(m) => m.train(data, classes),
		);
	}
	for (const [name, options] of [
		["KMedoids", { numberOfClusters: 3 }],
		["DBSCAN", { epsilon: 0.5, minimumPoints: 5 }],
		["OPTICS", { minimumPoints: 5, extractionEpsilon: 0.5 }],
		["AgglomerativeHierarchical", { numberOfClusters: 3 }],
		["AffinityPropagation", { preference: "minimum" }],
		["MeanShift", {}],
		["LocalOutlierFactor", { numberOfNeighbours: 5 }],
		["OneClassSupportVectorMachine", { nu: 0.2 }],
	] as Array<[string, object]>) {
		const count = name === "AgglomerativeHierarchical" ? AGGLOMERATIVE_ROWS : SVM_ROWS;
		const trainX = X.filter((_, i) => i < count);
		add(`${name} train`, byName(name, options), (m) => m.train(trainX), undefined, count);
		add(
			`${name} predict`,
			byName(name, options),
			(m) => m.predict(svmQueries),
			(m) => m.train(trainX),
			SVM_QUERIES,
		);
	}
	const gan = { maximumNumberOfIterations: 2 };
	add("GenerativeAdversarialNetwork train (2 iterations)", byName("GenerativeAdversarialNetwork", gan), (m) => m.train(X));
	add("WassersteinGAN train (2 iterations)", byName("WassersteinGAN", gan), (m) => m.train(X));
	add("ConditionalGenerativeAdversarialNetwork train (2 iterations)", byName("ConditionalGenerativeAdversarialNetwork", gan), (m) =>
		m.train(X, classes),
	);
	add("ConditionalWassersteinGAN train (2 iterations)", byName("ConditionalWassersteinGAN", gan), (m) => m.train(X, classes));
	add(
		"GenerativeAdversarialNetwork generate 100,000 rows",
		byName("GenerativeAdversarialNetwork", gan),
		(m) => (m as unknown as { generate(n: number): unknown }).generate(N),
		(m) => m.train(X),
	);
	// Each case leaves the list once run, so the models trained earlier (KNN's stored rows, fitted
	// matrices) can be collected rather than kept alive: every row measures its own call on the
	// shared data, not the collector's work on what earlier rows left behind.
	const rows = new Array<{ name: string; rows: number } & Measured>();
	while (cases.size() > 0) {
		const [name, count, run, prepare] = cases.shift()!;
		const wanted = (f: string) => (exact ? name === f : name.find(f, 1, true)[0] !== undefined);
		if (filters.size() > 0 && !filters.some(wanted)) continue;
		if (prepare !== undefined) prepare();
		const settledMs = settle ? settleCollector() : 0;
		if (trace) warn(`== ${name}` + (settle ? string.format(" (collector settled in %.0f ms)", settledMs) : ""));
		rows.push({ name, rows: count, ...measure(run, trace) });
	}
	print(HttpService.JSONEncode({ budgetMs: getDefaultFrameBudget(), rows }));
	return 0;
};
