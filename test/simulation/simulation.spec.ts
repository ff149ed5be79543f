import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import { simulateTraining, splitRows, SimulationOptions } from "../../src/simulation/simulation";
import { RandomGenerator } from "../../src/matrix/random";
import { selectRows } from "../../src/matrix/shape";
import { Matrix } from "../../src/matrix/types";
import { LinearRegression, NormalLinearRegression } from "../../src/models";
import { RegressionReport } from "../../src/io/evaluation";

/** y = 2 + x₁ − 3x₂ + noise, seeded. */
function regressionData(n: number, seed: number): { X: Matrix; y: Array<number> } {
	const rng = new RandomGenerator(seed);
	const X = new Array<Array<number>>();
	const y = new Array<number>();
	for (const _ of $range(1, n)) {
		const row = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
		X.push(row);
		y.push(2 + row[0] - 3 * row[1] + 0.1 * rng.normal());
	}
	return { X, y };
}

const TRAIN = regressionData(30, 1);
const TEST = regressionData(10, 2);

function options(strategy: SimulationOptions["strategy"], rounds: number, modelName = "LinearRegression"): SimulationOptions {
	return {
		modelName,
		modelOptions: modelName === "LinearRegression" ? { maximumNumberOfIterations: 40, learningRate: 0.2 } : {},
		task: "regression",
		train: TRAIN,
		test: TEST,
		shards: splitRows(30, 3, 5),
		strategy,
		rounds,
	};
}

function mse(report: unknown): number {
	return (report as RegressionReport).meanSquaredError;
}

describe("splitRows", () => {
	it("deals shuffled rows in turn: sizes differ by at most one, every row once, sorted, seeded", () => {
		const shards = splitRows(10, 3, 7);
		expect(shards.map((s) => s.size())).toEqual([4, 3, 3]);
		const seen = new Array<number>();
		for (const shard of shards) {
			for (const i of $range(1, shard.size() - 1)) expect(shard[i - 1] < shard[i]).toBe(true);
			for (const row of shard) seen.push(row);
		}
		seen.sort((a, b) => a < b);
		expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(splitRows(10, 3, 7)).toEqual(shards);
		expect(splitRows(10, 3, 8)).never.toEqual(shards);
	});

	it("gives whole groups to children: values in label order, dealt in turn", () => {
		// a → child 1, b → child 2, c → child 1
		expect(splitRows(5, 2, 1, ["b", "a", "c", "a", "b"])).toEqual([
			[1, 2, 3],
			[0, 4],
		]);
		// numbers before strings, ascending: 1 → child 1, 2 → child 2, 3 → child 1
		expect(splitRows(4, 2, 1, [3, 1, 3, 2])).toEqual([[0, 1, 2], [3]]);
	});

	it("rejects more children than rows or groups", () => {
		expectError(() => splitRows(5, 2, 1, ["a", "a", "a", "a", "a"]), "splitRows: children must be at most the number of groups (1: a), got 2");
		expectError(() => splitRows(2, 3, 1), "splitRows: children must be at most the number of rows (2), got 3");
		expectError(() => splitRows(2, 0, 1), "splitRows: children must be an integer ≥ 1, got 0");
	});
});

describe("simulateTraining", () => {
	it("exact statistics give the centralized least-squares model", () => {
		const result = simulateTraining(options("exact", 1, "NormalLinearRegression"));
		const central = new NormalLinearRegression();
		central.train(TRAIN.X, TRAIN.y);
		expectMatrixClose(result.mergedModel.getModelParameters() as Matrix, central.getModelParameters() as Matrix, 1e-10);
		expectClose(mse(result.merged), mse(result.centralized), 1e-10);
		expect(result.childSampleCounts).toEqual([10, 10, 10]);
		expect(result.history.size()).toBe(1);
	});

	it("gradients (Σgᵢ / Σnᵢ per round) give full-batch gradient descent on all rows", () => {
		const result = simulateTraining(options("gradients", 40));
		const central = new LinearRegression({ maximumNumberOfIterations: 40, learningRate: 0.2 });
		central.train(TRAIN.X, TRAIN.y);
		expectMatrixClose(result.mergedModel.getModelParameters() as Matrix, central.getModelParameters() as Matrix, 1e-12);
		expect(result.rejectedUpdates).toBe(0);
		expect(result.history.size()).toBe(40);
		expectClose(mse(result.merged), mse(result.centralized), 1e-12);
	});

	it("SampleWeighted (FedAvg) averages the children's parameters by their row counts", () => {
		const shards = splitRows(
			30,
			3,
			9,
			TRAIN.X.map((row) => (row[0] < -0.3 ? "low" : row[0] < 0.5 ? "mid" : "high")),
		);
		const result = simulateTraining({ ...options("SampleWeighted", 1), shards });
		const counts = shards.map((s) => s.size());
		const expected = [[0], [0], [0]];
		shards.forEach((shard, k) => {
			const child = new LinearRegression({ maximumNumberOfIterations: 40, learningRate: 0.2 });
			child.train(
				selectRows(TRAIN.X, shard),
				shard.map((i) => TRAIN.y[i]),
			);
			const w = child.getModelParameters() as Matrix;
			for (const j of $range(0, 2)) expected[j][0] += (counts[k] / 30) * w[j][0];
		});
		expectMatrixClose(result.mergedModel.getModelParameters() as Matrix, expected, 1e-12);
		expect(result.childSampleCounts).toEqual(counts);
	});

	it("Best keeps one child's model; later rounds continue from the merged parameters", () => {
		const result = simulateTraining(options("Best", 1));
		expect(result.children.some((child) => mse(child) === mse(result.merged))).toBe(true);
		const rounds = simulateTraining(options("Average", 3));
		expect(rounds.history.size()).toBe(3);
		expect(mse(rounds.history[2]) < mse(rounds.history[0])).toBe(true);
	});

	it("scores classifier children by accuracy on their labels (WeightedAverage)", () => {
		const X = TRAIN.X;
		const labels = X.map((row) => (row[0] + row[1] > 0 ? "win" : "lose"));
		const result = simulateTraining({
			modelName: "LogisticRegression",
			modelOptions: { classesList: ["lose", "win"], maximumNumberOfIterations: 30, solver: "GradientDescent" },
			task: "classification",
			train: { X, y: labels },
			test: { X, y: labels },
			shards: splitRows(30, 3, 2),
			strategy: "WeightedAverage",
			rounds: 2,
		});
		expect(result.merged.task).toBe("classification");
		if (result.merged.task === "classification") {
			expect(result.merged.confusion.labels).toEqual(["lose", "win"]);
			expect(result.merged.sampleCount).toBe(30);
			// each child saw 10 rows; the merged model separates all 30 (x₁ + x₂ > 0), better than any child
			expect(result.merged.accuracy).toBe(1);
			for (const child of result.children) expect((child as { accuracy: number }).accuracy < 1).toBe(true);
		}
	});

	it("names what does not fit: the strategy for the model, rounds, empty shards", () => {
		expectError(
			() => simulateTraining(options("exact", 1)),
			'simulateTraining: strategy "exact" needs a model with mergeable sufficient statistics (tag "statistics"), got LinearRegression',
		);
		expectError(
			() => simulateTraining(options("gradients", 1, "NormalLinearRegression")),
			'strategy "gradients" needs a gradient-trained model (tag "gradient"), got NormalLinearRegression',
		);
		expectError(
			() => simulateTraining(options("Custom" as never, 1)),
			'strategy must be "exact", "gradients" or one of Average, WeightedAverage, WeightedAverageEqual, Best, SampleWeighted, RegressionMean, Median, TrimmedMean, got "Custom"',
		);
		expectError(() => simulateTraining(options("Average", 0)), "simulateTraining: rounds must be an integer ≥ 1, got 0");
		expectError(
			() => simulateTraining({ ...options("Average", 1), shards: [[0, 1], []] }),
			"simulateTraining: shards must give every child at least one row, got 2, 0 rows",
		);
	});
});
