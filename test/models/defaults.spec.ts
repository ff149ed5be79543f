// Defaults that work (issue 12): each model family trained with its DEFAULT options (only the
// required ones given: class lists, cluster counts, layer sizes) on standard public data, raw and
// scaled, against scikit-learn's model tuned by cross-validated grid search on the same data
// (test/fixtures/reference/defaults.py, committed with its output defaultsReference.ts).
// Held-out rows: every fourth (index % 4 == 0); scaled = StandardScaler fitted on the training rows.
import { describe, expect, it } from "../support/jest-globals.d";
import { DEFAULTS_REFERENCE, RAW_DATA } from "./defaultsReference";
import { CARS } from "./linear/carsReference";
import { StandardScaler } from "../../src/transformers/StandardScaler";
import { setTrainingOutput } from "../../src/models/base/output";
import { LinearRegression } from "../../src/models/linear/LinearRegression";
import { RidgeRegression } from "../../src/models/linear/RidgeRegression";
import { LogisticRegression } from "../../src/models/linear/LogisticRegression";
import { SoftmaxRegression } from "../../src/models/linear/SoftmaxRegression";
import { NeuralNetwork } from "../../src/models/neural/NeuralNetwork";
import { GaussianNaiveBayes } from "../../src/models/naiveBayes/GaussianNaiveBayes";
import { KNearestNeighboursClassifier } from "../../src/models/neighbours/KNearestNeighboursClassifier";
import { NearestCentroid } from "../../src/models/neighbours/NearestCentroid";
import { SupportVectorMachine } from "../../src/models/svm/SupportVectorMachine";
import { ExtremeLearningMachine } from "../../src/models/elm/ExtremeLearningMachine";
import { PassiveAggressiveClassifier } from "../../src/models/passiveAggressive/PassiveAggressiveClassifier";
import { KMeans } from "../../src/models/clustering/KMeans";
import { GaussianMixture } from "../../src/models/mixture/GaussianMixture";

type Kind = "raw" | "scaled";
interface Scored {
	score: number;
}
interface Clustered {
	inertia?: number;
	logLikelihood?: number;
	ariTruth: number;
}
const REFERENCE = DEFAULTS_REFERENCE as unknown as { [data: string]: { [model: string]: { [kind: string]: Scored & Clustered } } };

/** A data set: rows and targets (labels or values). */
interface Problem {
	X: Array<Array<number>>;
	y: Array<number>;
}

const iris12 = RAW_DATA.iris.X.filter((_, i) => RAW_DATA.iris.classes[i] > 0);
const PROBLEMS: { [name: string]: Problem } = {
	iris: { X: RAW_DATA.iris.X, y: RAW_DATA.iris.classes },
	wine: { X: RAW_DATA.wine.X, y: RAW_DATA.wine.classes },
	iris12: { X: iris12, y: RAW_DATA.iris.classes.filter((c) => c > 0).map((c) => c - 1) },
	// Auto MPG: weight, horsepower, acceleration, year, mpg → usa; weight … year → mpg.
	carsUsa: { X: CARS.map((row) => [row[0], row[1], row[2], row[3], row[4]]), y: CARS.map((row) => row[5]) },
	carsMpg: { X: CARS.map((row) => [row[0], row[1], row[2], row[3]]), y: CARS.map((row) => row[4]) },
};

/** Training and held-out rows (every fourth held out), scaled on the training rows' statistics when asked. */
function split(problem: Problem, kind: Kind) {
	const xTrain = new Array<Array<number>>();
	const yTrain = new Array<number>();
	const xTest = new Array<Array<number>>();
	const yTest = new Array<number>();
	problem.X.forEach((row, i) => {
		if (i % 4 === 0) {
			xTest.push(row);
			yTest.push(problem.y[i]);
		} else {
			xTrain.push(row);
			yTrain.push(problem.y[i]);
		}
	});
	if (kind === "raw") return { xTrain, yTrain, xTest, yTest };
	const scaler = new StandardScaler();
	return { xTrain: scaler.fitTransform(xTrain), yTrain, xTest: scaler.transform(xTest), yTest };
}

/** Trains with the output captured; returns the warnings. */
function quietly(train: () => unknown): Array<string> {
	const warnings = new Array<string>();
	const previous = setTrainingOutput({ print: () => {}, warn: (line) => warnings.push(line) });
	const [ok, result] = pcall(train);
	setTrainingOutput(previous);
	if (!ok) error(result, 0);
	return warnings;
}

function correctCount(predicted: Array<unknown>, truth: Array<number>): number {
	let correct = 0;
	truth.forEach((label, i) => {
		if (predicted[i] === label) correct += 1;
	});
	return correct;
}

function rSquared(predicted: Array<Array<number>>, truth: Array<number>): number {
	let mean = 0;
	for (const v of truth) mean += v / truth.size();
	let residual = 0;
	let total = 0;
	truth.forEach((v, i) => {
		residual += (v - predicted[i][0]) ** 2;
		total += (v - mean) ** 2;
	});
	return 1 - residual / total;
}

function expectAtLeast(actual: number, bound: number, label: string) {
	if (!(actual >= bound)) error(`${label}: expected at least ${bound}, got ${actual}`, 2);
	expect(actual >= bound).toBe(true);
}

/** A classifier built with defaults: train(X, y), predict(X) → labels first. */
interface DefaultClassifier {
	train(X: unknown, y?: unknown): unknown;
	predict(X: unknown): LuaTuple<[unknown, unknown]>;
}

/**
 * Held-out accuracy with defaults, as a count of correct rows, at least scikit-learn's tuned count
 * less `slack` rows (the test sets have 25 to 98 rows, so one row is 1–4 points of accuracy), and
 * no warning. "warns": a default that is unsafe at this scale must say so at train (README).
 */
function classifierCase(data: string, model: string, kind: Kind, slack: number | "warns", make: (p: number) => DefaultClassifier) {
	const claim =
		slack === "warns"
			? "warns that the data's scale defeats the default"
			: `held-out accuracy at most ${slack} row(s) below scikit-learn's tuned model`;
	it(`${model} on ${data} (${kind}): ${claim}`, () => {
		const { xTrain, yTrain, xTest, yTest } = split(PROBLEMS[data], kind);
		const classifier = make(xTrain[0].size());
		const warnings = quietly(() => classifier.train(xTrain, yTrain));
		if (slack === "warns") {
			// Proline, wine's 13th column (mean ≈ 750), is the one named.
			expect(warnings.size()).toBe(1);
			expect(warnings[0].find("feature 13 has mean square", 1, true)[0] !== undefined).toBe(true);
			return;
		}
		expect(warnings).toEqual([]);
		const [labels] = classifier.predict(xTest);
		const reference = math.round(REFERENCE[data][model][kind].score * yTest.size());
		expectAtLeast(correctCount(labels as Array<unknown>, yTest), reference - slack, `${model} ${data} ${kind} correct rows`);
	});
}

const BINARY = { classesList: [0, 1] };

for (const data of ["iris", "wine"]) {
	describe(`defaults against tuned scikit-learn: ${data}`, () => {
		for (const kind of ["raw", "scaled"] as const) {
			// Raw wine: proline (≈ 750) and magnesium (≈ 100) next to columns below 1.
			const rawWine = data === "wine" && kind === "raw";
			// Exact or counting models: at most one row below the tuned model (the grid's choice can win a row).
			classifierCase(data, "GaussianNaiveBayes", kind, 1, () => new GaussianNaiveBayes());
			classifierCase(data, "NearestCentroid", kind, 1, () => new NearestCentroid());
			classifierCase(data, "KNearestNeighboursClassifier", kind, 1, () => new KNearestNeighboursClassifier());
			// Seeded random hidden layer or 500 gradient steps: two rows (about 5 points).
			classifierCase(data, "ExtremeLearningMachine", kind, rawWine ? "warns" : 2, () => new ExtremeLearningMachine());
			classifierCase(data, "SoftmaxRegression", kind, rawWine ? "warns" : 2, () => new SoftmaxRegression());
			classifierCase(data, "NeuralNetwork", kind, rawWine ? "warns" : 2, (p) => {
				const network = new NeuralNetwork({ classesList: [0, 1, 2] });
				network.createLayers([p, 16, 3]);
				return network as unknown as DefaultClassifier;
			});
		}
	});
}

for (const data of ["iris12", "carsUsa"]) {
	describe(`defaults against tuned scikit-learn: ${data} (binary)`, () => {
		for (const kind of ["raw", "scaled"] as const) {
			// Newton's method to the optimum: one row.
			classifierCase(data, "LogisticRegression", kind, 1, () => new LogisticRegression(BINARY));
			// C = 1 and gamma "scale" against a tuned C × gamma grid: two rows.
			classifierCase(data, "SupportVectorMachine", kind, 2, () => new SupportVectorMachine(BINARY));
			// The last iterate of one online pass at C = 1 against a tuned C: five rows. Raw iris12 is below (README).
			if (!(data === "iris12" && kind === "raw"))
				classifierCase(data, "PassiveAggressiveClassifier", kind, 5, () => new PassiveAggressiveClassifier(BINARY));
		}
	});
}

describe("defaults against tuned scikit-learn: PassiveAggressiveClassifier's single online pass", () => {
	it("is far off on raw iris12 (uncentred columns: 13 of 25 held-out rows, scikit-learn 24), which the README says needs scaling", () => {
		const { xTrain, yTrain, xTest, yTest } = split(PROBLEMS.iris12, "raw");
		const classifier = new PassiveAggressiveClassifier(BINARY);
		classifier.train(xTrain, yTrain);
		const [labels] = classifier.predict(xTest);
		expect(correctCount(labels, yTest) < math.round(REFERENCE.iris12.PassiveAggressiveClassifier.raw.score * 25) - 3).toBe(true);
	});
});

describe("defaults against tuned scikit-learn: carsMpg (regression)", () => {
	for (const kind of ["raw", "scaled"] as const) {
		it(`RidgeRegression (${kind}): held-out R² within 0.01 of scikit-learn's tuned ridge (λ = 1 against a tuned α)`, () => {
			const { xTrain, yTrain, xTest, yTest } = split(PROBLEMS.carsMpg, kind);
			const ridge = new RidgeRegression();
			expect(quietly(() => ridge.train(xTrain, yTrain))).toEqual([]);
			expectAtLeast(rSquared(ridge.predict(xTest), yTest), REFERENCE.carsMpg.RidgeRegression[kind].score - 0.01, "R²");
		});
	}
	it("LinearRegression (scaled): held-out R² within 0.01 of scikit-learn's least squares", () => {
		const { xTrain, yTrain, xTest, yTest } = split(PROBLEMS.carsMpg, "scaled");
		const regressor = new LinearRegression();
		expect(quietly(() => regressor.train(xTrain, yTrain))).toEqual([]);
		expectAtLeast(rSquared(regressor.predict(xTest), yTest), REFERENCE.carsMpg.LinearRegression.scaled.score - 0.01, "R²");
	});
	it("LinearRegression (raw): the default rate diverges on weights in pounds, and train warns", () => {
		const { xTrain, yTrain } = split(PROBLEMS.carsMpg, "raw");
		const warnings = quietly(() => new LinearRegression().train(xTrain, yTrain));
		expect(warnings[0].find("too large for data of this scale", 1, true)[0] !== undefined).toBe(true);
	});
});

for (const data of ["iris", "wine"]) {
	describe(`default clusterers against scikit-learn: ${data}`, () => {
		for (const kind of ["raw", "scaled"] as const) {
			const X = kind === "raw" ? PROBLEMS[data].X : new StandardScaler().fitTransform(PROBLEMS[data].X);
			const reference = REFERENCE[data];
			it(`KMeans (${kind}): inertia within 0.2% of scikit-learn's best of 10 starts`, () => {
				const kmeans = new KMeans({ numberOfClusters: 3 });
				kmeans.train(X);
				expect(kmeans.computeInertia(X) <= reference.KMeans[kind].inertia! * 1.002).toBe(true);
			});
			// One start (both libraries' default). Raw: within 0.05 nats a row of the best of 10. Scaled: Hivemind's
			// k-means++ start stops at a local optimum up to 0.33 nats a row below scikit-learn's one start (README:
			// numberOfInitializations = 10 reaches it, reference.spec.ts); 0.35 bounds that, not a tuned match.
			const slack = kind === "raw" ? 0.05 : 0.35;
			it(`GaussianMixture (${kind}): log-likelihood a row within ${slack} of scikit-learn's`, () => {
				const mixture = new GaussianMixture({ numberOfComponents: 3 });
				quietly(() => mixture.train(X));
				expectAtLeast(mixture.score(X), reference.GaussianMixture[kind].logLikelihood! - slack, "log-likelihood");
			});
		}
	});
}
