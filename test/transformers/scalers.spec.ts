import { HttpService } from "@rbxts/services";
import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import { RandomGenerator, randomNormal, sliceRows } from "../../src/matrix";
import { computeScalerStatistics, mergeScalerStatistics, MinMaxScaler, ScalerStatistics, StandardScaler } from "../../src/transformers";

// Columns: mean 3 and M2 20 (std √5); mean 13 and M2 20 (std √5); constant 7.
const X = [
	[0, 10, 7],
	[2, 14, 7],
	[4, 12, 7],
	[6, 16, 7],
];
const r5 = math.sqrt(5);

function expectStatisticsClose(actual: ScalerStatistics, expected: ScalerStatistics, tolerance: number) {
	expect(actual.n).toBe(expected.n);
	for (const field of ["mean", "m2", "min", "max"] as const) expectMatrixClose(actual[field], expected[field], tolerance);
}

describe("scaler statistics", () => {
	it("computes count, means, M2, minima and maxima by hand", () => {
		expect(computeScalerStatistics(X)).toEqual({ n: 4, mean: [[3, 13, 7]], m2: [[20, 20, 0]], min: [[0, 10, 7]], max: [[6, 16, 7]] });
	});
	it("merges shards into the statistics of all rows (to 1e-12), in any grouping", () => {
		const data = randomNormal(23, 3, new RandomGenerator(5), 1000, 3);
		const all = computeScalerStatistics(data);
		const a = computeScalerStatistics(sliceRows(data, 0, 1));
		const b = computeScalerStatistics(sliceRows(data, 1, 9));
		const c = computeScalerStatistics(sliceRows(data, 9, 23));
		expectStatisticsClose(mergeScalerStatistics(mergeScalerStatistics(a, b), c), all, 1e-12);
		expectStatisticsClose(mergeScalerStatistics(a, mergeScalerStatistics(b, c)), all, 1e-12);
		expectStatisticsClose(mergeScalerStatistics(c, mergeScalerStatistics(a, b)), all, 1e-12);
	});
	it("merges small hand examples exactly", () => {
		// {1, 3} (mean 2, M2 2) with {6} (mean 6, M2 0): {1, 3, 6} has mean 10/3, M2 = 2 + 16·2·1/3 = 38/3.
		const merged = mergeScalerStatistics(computeScalerStatistics([[1], [3]]), computeScalerStatistics([[6]]));
		expect(merged.n).toBe(3);
		expectClose(merged.mean[0][0], 10 / 3, 1e-15);
		expectClose(merged.m2[0][0], 38 / 3, 1e-15);
		expect([merged.min, merged.max]).toEqual([[[1]], [[6]]]);
	});
	it("does not modify its arguments", () => {
		const a = computeScalerStatistics([[1], [3]]);
		mergeScalerStatistics(a, computeScalerStatistics([[6]]));
		expect(a).toEqual({ n: 2, mean: [[2]], m2: [[2]], min: [[1]], max: [[3]] });
	});
	it("rejects malformed statistics with messages naming the field", () => {
		const good = computeScalerStatistics([[1, 2]]);
		expectError(() => mergeScalerStatistics(5 as never, good), "[Hivemind] mergeScalerStatistics: a must be a partial (a table), got 5");
		expectError(() => mergeScalerStatistics(good, { ...good, n: 0 }), "mergeScalerStatistics: b.n must be an integer ≥ 1, got 0");
		expectError(() => mergeScalerStatistics(good, { ...good, n: 1.5 }), "mergeScalerStatistics: b.n must be an integer ≥ 0, got 1.5");
		expectError(() => mergeScalerStatistics(good, { ...good, m2: [[1]] }), "mergeScalerStatistics: b.m2 must be 1×2 like a.m2, got 1×1");
		expectError(() => mergeScalerStatistics(good, { ...good, m2: [[1, -1]] }), "b.m2[1][2] must be ≥ 0, got -1");
		expectError(() => mergeScalerStatistics(good, { ...good, min: [[5, 2]] }), "b.min[1][1] must be ≤ b.max[1][1] (1), got 5");
		expectError(() => mergeScalerStatistics(good, { ...good, mean: [[1, 0 / 0]] }), "b.mean[1][2] must be finite, got NaN");
		expectError(
			() => mergeScalerStatistics(good, computeScalerStatistics([[1]])),
			"mergeScalerStatistics: b.mean must be 1×2 like a.mean, got 1×1",
		);
		expectError(() => computeScalerStatistics([[1], [2, 3]]), "computeScalerStatistics: X must be rectangular");
	});
});

describe("StandardScaler", () => {
	it("standardizes each column; a constant column gets scale 1 (all zeros)", () => {
		const scaler = new StandardScaler();
		const Z = scaler.fitTransform(X);
		expectMatrixClose(Z, [
			[-3 / r5, -3 / r5, 0],
			[-1 / r5, 1 / r5, 0],
			[1 / r5, -1 / r5, 0],
			[3 / r5, 3 / r5, 0],
		]);
		expectMatrixClose(
			[scaler.getOffset(), scaler.getScale()],
			[
				[3, 13, 7],
				[r5, r5, 1],
			],
		);
		expectMatrixClose(scaler.inverseTransform(Z), X, 1e-12);
		expectMatrixClose(scaler.transform([[8, 13, 9]]), [[5 / r5, 0, 2]]);
	});
	it("honours withMean and withStd", () => {
		expectMatrixClose(new StandardScaler({ withMean: false }).fit(X).transform([[r5, 0, 7]]), [[1, 0, 7]]);
		expectMatrixClose(new StandardScaler({ withStd: false }).fit(X).transform([[4, 10, 7]]), [[1, -3, 0]]);
	});
	it("partialFit over pieces equals fit on all rows", () => {
		const pieces = new StandardScaler().partialFit([X[0]]).partialFit([X[1], X[2]]).partialFit([X[3]]);
		expectMatrixClose(
			[pieces.getOffset(), pieces.getScale()],
			[
				[3, 13, 7],
				[r5, r5, 1],
			],
			1e-12,
		);
		expect(pieces.getStatistics().n).toBe(4);
	});
	it("fits across servers from merged statistics", () => {
		const left = new StandardScaler().fit([X[0], X[1]]).getStatistics();
		const right = new StandardScaler().fit([X[2], X[3]]).getStatistics();
		const scaler = new StandardScaler().setStatistics(mergeScalerStatistics(left, right));
		expectMatrixClose(scaler.transform(X), new StandardScaler().fitTransform(X), 1e-12);
	});
	it("saves its state as plain data that survives JSON", () => {
		const scaler = new StandardScaler({ withMean: false }).fit(X);
		const state = HttpService.JSONDecode(HttpService.JSONEncode(scaler.getState())) as never;
		const restored = new StandardScaler().setState(state);
		expect(restored.getOptions()).toEqual({ withMean: false, withStd: true });
		expectMatrixClose(restored.transform(X), scaler.transform(X), 0);
		expect(restored.getState()).toEqual(scaler.getState());
	});
	it("reset forgets the fit", () => {
		const scaler = new StandardScaler().fit(X);
		expect(scaler.isFitted()).toBe(true);
		expect(scaler.reset().isFitted()).toBe(false);
	});
	it("rejects bad options, unfitted use, wrong shapes and bad states", () => {
		expectError(() => new StandardScaler({ withMean: 1 as never }), "[Hivemind] StandardScaler.new: withMean must be a boolean, got 1");
		expectError(
			() => new StandardScaler({ center: true } as never),
			'StandardScaler.new: unknown option "center"; valid options are withMean, withStd',
		);
		expectError(() => new StandardScaler().transform(X), "[Hivemind] StandardScaler.transform: the scaler must be fitted first");
		expectError(() => new StandardScaler().getState(), "StandardScaler.getState: the scaler must be fitted first");
		expectError(() => new StandardScaler().inverseTransform(X), "StandardScaler.inverseTransform: the scaler must be fitted first");
		const scaler = new StandardScaler().fit(X);
		expectError(() => scaler.transform([[1, 2]]), "StandardScaler.transform: X must have 3 columns (as fitted), got 1×2");
		expectError(() => scaler.partialFit([[1, 2]]), "StandardScaler.partialFit: X must have 3 columns (as fitted), got 1×2");
		expectError(() => scaler.inverseTransform([[1, 0 / 0, 3]]), "StandardScaler.inverseTransform: X[1][2] must be finite, got NaN");
		expectError(() => scaler.fit([] as never), "StandardScaler.fit: X must have at least one row");
		expectError(() => scaler.fitTransform("x" as never), "StandardScaler.fitTransform: X must be a matrix (array of rows), got string");
		expectError(
			() => scaler.setStatistics({ n: 1 } as never),
			"StandardScaler.setStatistics: statistics.mean must be a matrix (array of rows), got nil",
		);
		const two = computeScalerStatistics([
			[1, 2],
			[3, 4],
		]);
		expectError(
			() =>
				scaler.setStatistics({
					...two,
					mean: [
						[1, 2],
						[3, 4],
					],
				}),
			"StandardScaler.setStatistics: statistics.mean must be 1×2, got 2×2",
		);
		expectError(() => scaler.setStatistics({ ...two, max: [[1, 2, 3]] }), "statistics.max must be 1×2 like statistics.mean, got 1×3");
		const state = scaler.getState();
		expectError(
			() => new MinMaxScaler().setState(state as never),
			'MinMaxScaler.setState: state.kind must be "MinMaxScaler", got "StandardScaler"',
		);
		expectError(() => scaler.setState(7 as never), "StandardScaler.setState: state must be a table from getState(), got 7");
		expectError(() => scaler.setState({ ...state, options: { withStd: "no" } } as never), "StandardScaler.setState: withStd must be a boolean");
		expectError(
			() => scaler.setState({ ...state, statistics: { ...state.statistics, n: 1.5 } }),
			"state.statistics.n must be an integer ≥ 0, got 1.5",
		);
	});
});

describe("MinMaxScaler", () => {
	it("maps each column's minimum and maximum onto [0, 1]; a constant column maps to 0", () => {
		const scaler = new MinMaxScaler();
		expectMatrixClose(
			scaler.fitTransform(X),
			[
				[0, 0, 0],
				[1 / 3, 2 / 3, 0],
				[2 / 3, 1 / 3, 0],
				[1, 1, 0],
			],
			1e-12,
		);
		expectMatrixClose(scaler.transform([[9, 7, 8]]), [[1.5, -0.5, 1]], 1e-12);
		expectMatrixClose(scaler.inverseTransform([[0.5, 0.5, 0]]), [[3, 13, 7]], 1e-12);
	});
	it("uses a custom feature range", () => {
		const scaler = new MinMaxScaler({ featureRange: [-1, 1] });
		expectMatrixClose(
			scaler.fitTransform(X),
			[
				[-1, -1, -1],
				[-1 / 3, 1 / 3, -1],
				[1 / 3, -1 / 3, -1],
				[1, 1, -1],
			],
			1e-12,
		);
		expect(scaler.getOptions()).toEqual({ featureRange: [-1, 1] });
	});
	it("keeps its own copy of the feature range", () => {
		const range: [number, number] = [0, 10];
		const scaler = new MinMaxScaler({ featureRange: range });
		range[1] = 1;
		expectMatrixClose(scaler.fitTransform([[0], [2]]), [[0], [10]], 1e-12);
	});
	it("merges statistics and round-trips its state through JSON", () => {
		const left = new MinMaxScaler().fit([X[0], X[3]]).getStatistics();
		const right = new MinMaxScaler().fit([X[1], X[2]]).getStatistics();
		const merged = new MinMaxScaler({ featureRange: [2, 3] }).setStatistics(mergeScalerStatistics(left, right));
		const restored = new MinMaxScaler().setState(HttpService.JSONDecode(HttpService.JSONEncode(merged.getState())) as never);
		expectMatrixClose(restored.transform([[3, 13, 7]]), [[2.5, 2.5, 2]], 1e-12);
	});
	it("rejects a bad feature range", () => {
		const expected = "MinMaxScaler.new: featureRange must be a pair [low, high] of finite numbers with low < high, got";
		expectError(() => new MinMaxScaler({ featureRange: [1, 1] }), expected);
		expectError(() => new MinMaxScaler({ featureRange: [0] as never }), expected);
		expectError(() => new MinMaxScaler({ featureRange: 3 as never }), `${expected} 3`);
	});
});
