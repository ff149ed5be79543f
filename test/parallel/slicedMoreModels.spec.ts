// Issue 13: the O(n²) clusterers (the distance matrix, PAM, the OPTICS core distances, labelling by
// the nearest core point, the merge search, affinity messages, mean-shift climbs), the local outlier
// factor, the network's bulk output (and a GAN's samples) and Poisson's bulk predict run in row
// blocks within the frame budget, so a run that yields at every check (a tiny budget) gives the
// same bits as one that never yields.
import { describe, expect, it } from "../support/jest-globals.d";
import {
	AffinityPropagation,
	AgglomerativeHierarchical,
	ConditionalGenerativeAdversarialNetwork,
	DBSCAN,
	KMedoids,
	LocalOutlierFactor,
	MeanShift,
	NeuralNetwork,
	OPTICS,
	PoissonRegression,
} from "../../src/models";
import { similarities, similarityStatistic } from "../../src/models/clustering/affinity";
import { FrameBudget } from "../../src/parallel/FrameBudget";
import { fromBufferRows } from "../../src/matrix/rowBuffers";
import { bothWays, regressionData } from "./helpers";

describe("O(n²) clusterers and Poisson predict within the frame budget", () => {
	const [X] = regressionData(300, 3, 7);
	const [Q] = regressionData(200, 3, 8);

	it("KMedoids train and predict: bit-identical sliced and unsliced", () => {
		const [unsliced, sliced, yields] = bothWays(() => {
			const model = new KMedoids({ numberOfClusters: 3 });
			const history = model.train(X);
			return [history, model.getModelParameters(), [...model.predict(Q)]];
		});
		// the distance rows, then PAM's candidates in blocks of rowsPerBlock(300) = 109: 3 × 3 in BUILD alone
		expect(yields > 300 + 9).toBe(true);
		expect(sliced).toEqual(unsliced);
	});

	it("DBSCAN and OPTICS train and predict: bit-identical sliced and unsliced, with clusters found", () => {
		const [unsliced, sliced, yields] = bothWays(() => {
			const dbscan = new DBSCAN({ epsilon: 0.4, minimumPoints: 4 });
			const optics = new OPTICS({ minimumPoints: 4, extractionEpsilon: 0.4 });
			dbscan.train(X);
			optics.train(X);
			return [
				dbscan.getModelParameters(),
				[...dbscan.predict(Q)],
				optics.getModelParameters(),
				optics.getReachability(),
				[...optics.predict(Q)],
			];
		});
		expect(yields > 600).toBe(true);
		expect(sliced).toEqual(unsliced);
		const [labels] = unsliced[1] as [Array<number>];
		expect(labels.some((l) => l >= 0)).toBe(true);
	});

	it("PoissonRegression predict: bit-identical sliced and unsliced, and exp of the scores", () => {
		const counts = X.map((row) => math.floor(math.exp(0.5 * row[0] + 0.3 * row[1]) + 0.5));
		const model = new PoissonRegression({ maximumNumberOfIterations: 5 });
		model.train(X, counts);
		const [unsliced, sliced, yields] = bothWays(() => model.predict(X));
		expect(yields > 2).toBe(true);
		expect(sliced).toEqual(unsliced);
		const w = model.getModelParameters() as unknown as Array<Array<number>>;
		const expected = math.exp(w[0][0] + X[0][0] * w[1][0] + X[0][1] * w[2][0] + X[0][2] * w[3][0]);
		expect(math.abs(unsliced[0][0] - expected) < 1e-12 * expected).toBe(true);
	});

	it("AgglomerativeHierarchical, AffinityPropagation and MeanShift train and predict: bit-identical sliced and unsliced", () => {
		const few = X.filter((_, i) => i < 80);
		const [unsliced, sliced, yields] = bothWays(() => {
			const tree = new AgglomerativeHierarchical({ numberOfClusters: 3, linkage: "average" });
			const affinity = new AffinityPropagation();
			const shift = new MeanShift();
			const costs = [tree.train(few), affinity.train(few), shift.train(few)];
			return [
				costs,
				[...tree.predict(Q)],
				affinity.getModelParameters(),
				[...affinity.predict(Q)],
				shift.getModelParameters(),
				[...shift.predict(Q)],
			];
		});
		// the merge searches (79, each in blocks of rowsPerBlock(80) = 409 rows, one check each) alone
		expect(yields > 79).toBe(true);
		expect(sliced).toEqual(unsliced);
	});

	it("LocalOutlierFactor training and scores, and a network's bulk output (regression, two classes, a conditional GAN's samples): bit-identical sliced and unsliced", () => {
		const [big] = regressionData(3000, 3, 9);
		const labels = big.map((row) => (row[0] + row[1] > 0 ? "up" : "down"));
		const lof = () => {
			const model = new LocalOutlierFactor({ numberOfNeighbours: 5 });
			model.train(X);
			return [model.getModelParameters(), model.score(Q)];
		};
		const regression = new NeuralNetwork({ mode: "Regression", maximumNumberOfIterations: 2, frameBudget: 0 });
		regression.createLayers([3, 8, 1], "Tanh");
		regression.setLayerActivation(2, "None");
		regression.train(
			big,
			big.map((row) => row[0]),
		);
		const classifier = new NeuralNetwork({ maximumNumberOfIterations: 2, frameBudget: 0 });
		classifier.createLayers([3, 8, 1], "Tanh");
		classifier.setLayerActivation(2, "Sigmoid");
		classifier.train(big, labels);
		const gan = () => {
			const model = new ConditionalGenerativeAdversarialNetwork({ maximumNumberOfIterations: 2, classesList: ["down", "up"] });
			model.train(big, labels);
			return model.generate(3000, "up");
		};
		const [unsliced, sliced, yields] = bothWays(() => [lof(), regression.predict(big)[0], [...classifier.predict(big)], gan()]);
		expect(yields > 50).toBe(true);
		expect(sliced).toEqual(unsliced);
		// the network's first output by hand: tanh hidden layer, linear output (bias rows first)
		const [w1, w2] = regression.getModelParameters() as unknown as [Array<Array<number>>, Array<Array<number>>];
		let expected = w2[0][0];
		for (const h of $range(0, 7)) {
			let z = w1[0][h];
			for (const j of $range(0, 2)) z += big[0][j] * w1[j + 1][h];
			expected += math.tanh(z) * w2[h + 1][0];
		}
		expect(math.abs((unsliced[1] as Array<Array<number>>)[0][0] - expected) < 1e-12).toBe(true);
	});

	it("the similarity median (two radix selections) and minimum equal those of one sorted list of the off-diagonal values", () => {
		const s = similarities(
			X.filter((_, i) => i < 40),
			0,
		);
		const values = new Array<number>();
		fromBufferRows(s).forEach((row, i) => row.forEach((v, k) => i !== k && values.push(v)));
		values.sort((a, b) => a < b);
		const m = values.size();
		expect(similarityStatistic(s, "median", new FrameBudget(0))).toBe((values[m / 2 - 1] + values[m / 2]) / 2);
		expect(similarityStatistic(s, "minimum", new FrameBudget(0))).toBe(values[0]);
	});
});
