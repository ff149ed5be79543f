import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix/random";
import { GaussianMixture } from "../../../src/models/mixture/GaussianMixture";
import { CovarianceType } from "../../../src/models/mixture/density";
import { GaussianMixturePartial } from "../../../src/models/mixture/statistics";
import { createUpdate, decodeUpdate, encodeUpdate } from "../../../src/distributed/wire";

type Rows = Array<Array<number>>;
interface Mixture {
	means: Rows;
	weights: Rows;
	covariances: Rows;
}

// 1200 rows from a known 3-component mixture in 2-D (weights 0.5, 0.3, 0.2).
function knownMixture(): Rows {
	const rng = new RandomGenerator(17);
	const rows: Rows = [];
	for (const _ of $range(0, 1199)) {
		const u = rng.nextFloat();
		if (u < 0.5) rows.push([rng.normal(0, 1), rng.normal(0, 0.5)]);
		else if (u < 0.8) rows.push([rng.normal(6, 0.7), rng.normal(3, 0.7)]);
		else {
			const a = rng.normal(0, 1);
			rows.push([-5 + 0.8 * a, 5 + 0.6 * a + rng.normal(0, 0.3)]);
		}
	}
	return rows;
}
const TRUE_MEANS = [
	[0, 0],
	[6, 3],
	[-5, 5],
];
const TRUE_WEIGHTS = [0.5, 0.3, 0.2];

function nearestTrue(mean: Array<number>): number {
	let best = 0;
	TRUE_MEANS.forEach((t, i) => {
		const d = (t[0] - mean[0]) ** 2 + (t[1] - mean[1]) ** 2;
		const b = (TRUE_MEANS[best][0] - mean[0]) ** 2 + (TRUE_MEANS[best][1] - mean[1]) ** 2;
		if (d < b) best = i;
	});
	return best;
}

describe("GaussianMixture", () => {
	const X = knownMixture();

	it("never decreases the log-likelihood and recovers the mixture's means and weights, for every covariance type", () => {
		for (const covarianceType of ["full", "diagonal", "spherical"] as Array<CovarianceType>) {
			const model = new GaussianMixture({ numberOfComponents: 3, covarianceType, tolerance: 1e-10, seed: 3 });
			const history = model.train(X);
			for (const i of $range(1, history.size() - 1)) expect(history[i] >= history[i - 1] - 1e-12).toBe(true);
			const p = model.getModelParameters() as unknown as Mixture;
			const matched = p.means.map(nearestTrue);
			expect([...matched].sort()).toEqual([0, 1, 2]);
			p.means.forEach((mean, m) => {
				const t = TRUE_MEANS[matched[m]];
				expect(math.abs(mean[0] - t[0]) < 0.1 && math.abs(mean[1] - t[1]) < 0.1).toBe(true);
				expect(math.abs(p.weights[m][0] - TRUE_WEIGHTS[matched[m]]) < 0.05).toBe(true);
			});
		}
	});

	it("never decreases the log-likelihood over a long run on overlapping components", () => {
		const rng = new RandomGenerator(5);
		const rows: Rows = [];
		for (const i of $range(0, 399)) rows.push(i % 2 === 0 ? [rng.normal(0, 1), rng.normal(0, 1)] : [rng.normal(1.5, 1), rng.normal(0.5, 1.3)]);
		for (const covarianceType of ["full", "diagonal", "spherical"] as Array<CovarianceType>) {
			const history = new GaussianMixture({
				numberOfComponents: 3,
				covarianceType,
				initialization: "random",
				tolerance: 0,
				maximumNumberOfIterations: 60,
			}).train(rows);
			expect(history.size() >= 30).toBe(true);
			for (const i of $range(1, history.size() - 1)) expect(history[i] >= history[i - 1] - 1e-12).toBe(true);
		}
	});

	it("makes the hand-computed EM step on two points and one spherical component", () => {
		// One component: the M-step gives the mean 1, the variance ((0−1)² + (2−1)²)/2 / p + reg = 0.5 + 0.25.
		const model = new GaussianMixture({ numberOfComponents: 1, covarianceType: "spherical", regularization: 0.25, maximumNumberOfIterations: 1 });
		const history = model.train([
			[0, 0],
			[2, 0],
		]);
		const p = model.getModelParameters() as unknown as Mixture;
		expectMatrixClose(p.means, [[1, 0]]);
		expectMatrixClose(p.covariances, [[0.75]]);
		// log N((0,0) | (1,0), 0.75·I) = −log(2π·0.75) − 1/(2·0.75), the same for both rows
		expectClose(history[0], -math.log(2 * math.pi * 0.75) - 1 / 1.5);
		expectClose(model.score([[1, 0]]), -math.log(2 * math.pi * 0.75));
	});

	it("keeps a collapsing component finite: duplicated rows get the regularization as variance", () => {
		const rows: Rows = [
			[1, 1],
			[1, 1],
			[1, 1],
			[9, 9],
			[9.5, 9],
			[9, 8.5],
		];
		const model = new GaussianMixture({ numberOfComponents: 2, regularization: 1e-6 });
		for (const v of model.train(rows)) expect(v === v && v < math.huge).toBe(true);
		const p = model.getModelParameters() as unknown as Mixture;
		for (const row of p.covariances) for (const v of row) expect(v === v).toBe(true);
		const [labels, probabilities] = model.predict(rows);
		expect(labels[0]).never.toBe(labels[3]);
		expectClose(probabilities[0][labels[0]], 1);
	});

	it("runs an EM step from merged shard statistics exactly like one on all rows", () => {
		for (const covarianceType of ["full", "diagonal", "spherical"] as Array<CovarianceType>) {
			const start = new GaussianMixture({ numberOfComponents: 3, covarianceType, maximumNumberOfIterations: 2 });
			start.train(X);
			const parameters = start.getModelParameters()!;
			const central = new GaussianMixture({ numberOfComponents: 3, covarianceType, maximumNumberOfIterations: 1 });
			central.setModelParameters(parameters);
			central.train(X);
			const main = new GaussianMixture({ numberOfComponents: 3, covarianceType });
			main.setModelParameters(parameters);
			const half = X.size() / 2;
			const a = main.computePartial(X.filter((_, i) => i < half));
			const b = main.computePartial(X.filter((_, i) => i >= half));
			main.trainFromPartial(main.mergePartials(a, b));
			const c = central.getModelParameters() as unknown as Mixture;
			const d = main.getModelParameters() as unknown as Mixture;
			expectMatrixClose(d.means, c.means, 1e-9);
			expectMatrixClose(d.weights, c.weights, 1e-9);
			expectMatrixClose(d.covariances, c.covariances, 1e-9);
		}
	});

	it("trains over three shards, statistics sent as wire-format updates, like centralized EM", () => {
		const start = new GaussianMixture({ numberOfComponents: 3, maximumNumberOfIterations: 1 });
		start.train(X);
		const central = new GaussianMixture({ numberOfComponents: 3, maximumNumberOfIterations: 10, tolerance: 0 });
		central.setModelParameters(start.getModelParameters()!);
		const history = central.train(X);
		const main = new GaussianMixture({ numberOfComponents: 3 });
		main.setModelParameters(start.getModelParameters()!);
		const shards = [0, 1, 2].map((s) => X.filter((_, i) => i % 3 === s));
		for (const round of $range(1, 10)) {
			const received = shards.map((shard, child) => {
				const text = encodeUpdate(
					createUpdate({
						kind: "statistics",
						modelName: "GaussianMixture",
						round,
						childId: child,
						data: main.computePartial(shard) as never,
					}),
				);
				return decodeUpdate(text).data as unknown as GaussianMixturePartial;
			});
			const merged = main.mergePartials(main.mergePartials(received[0], received[1]), received[2]);
			expectClose(merged.logLikelihood / merged.n, history[round - 1], 1e-9);
			main.trainFromPartial(merged);
		}
		const c = central.getModelParameters() as unknown as Mixture;
		const d = main.getModelParameters() as unknown as Mixture;
		expectMatrixClose(d.means, c.means, 1e-9);
		expectMatrixClose(d.weights, c.weights, 1e-9);
		expectMatrixClose(d.covariances, c.covariances, 1e-9);
	});

	it("predicts probabilities that sum to one", () => {
		const model = new GaussianMixture({ numberOfComponents: 3 });
		model.train(X);
		for (const row of model.predictProbabilities([X[0], X[1], [100, -100]])) expectClose(row[0] + row[1] + row[2], 1);
	});

	it("rejects bad options and parameters, naming them", () => {
		expectError(
			() => new GaussianMixture({ covarianceType: "tied" as never }),
			'GaussianMixture.new: covarianceType must be one of "full", "diagonal", "spherical", got "tied"',
		);
		expectError(() => new GaussianMixture({ regularization: -1 }), "regularization must be a finite number ≥ 0, got -1");
		expectError(
			() => new GaussianMixture({ numberOfComponents: 4 }).train([[1], [2]]),
			"GaussianMixture.train: X must have at least numberOfComponents (4) rows, got 2×1",
		);
		const model = new GaussianMixture({ numberOfComponents: 1, covarianceType: "diagonal" });
		expectError(
			() => model.setModelParameters({ means: [[0, 0]], weights: [[1]], covariances: [[1, -1]] }),
			"parameters.covariances must be positive definite, got component 1",
		);
		expectError(() => model.setModelParameters({ means: [[0, 0]], weights: [[1]] }), "parameters must be a record {covariances, means, weights}");
		const trained = new GaussianMixture({ numberOfComponents: 2 });
		trained.train(X);
		const partial = trained.computePartial(X);
		expectError(
			() => trained.trainFromPartial({ ...partial, sums: [[1, 2, 3]] }),
			"GaussianMixture.trainFromPartial: partial must hold totals 2×1, sums 2×2 and squares 4×2 (this model's shapes), got 2×1, 1×3, 4×2",
		);
		expectError(
			() => trained.mergePartials(partial, { ...partial, logLikelihood: 0 / 0 }),
			"GaussianMixture.mergePartials: b.logLikelihood must be a finite number, got NaN",
		);
		expectError(() => trained.trainFromPartial({ ...partial, n: -1 }), "partial.n must be an integer ≥ 0, got -1");
		const before = trained.getModelParameters();
		expectError(() => trained.trainFromPartial({ ...partial, totals: "x" as never }), "GaussianMixture.trainFromPartial: partial.totals must be");
		expect(trained.getModelParameters()).toEqual(before);
		const singular = new GaussianMixture({ numberOfComponents: 1, regularization: 0 });
		expectError(
			() =>
				singular.train([
					[1, 1],
					[2, 2],
					[3, 3],
				]),
			"GaussianMixture.train: regularization must be large enough to keep every covariance positive definite, got 0",
		);
	});
});
