/**
 * k-means clustering: k-means++ seeding (Arthur & Vassilvitskii 2007) from a seeded generator,
 * then Lloyd iterations, each one the mergeable statistics of `src/sufficientStatistics/kmeans.ts`
 * (assign → per-cluster sums and counts → means), so a distributed run merges exactly.
 */
import { Matrix, Vector } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { RandomGenerator } from "../../matrix/random";
import { anyFinite, ConstraintTable, integerAtLeast, numberAbove, oneOf } from "../../options";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { computeKMeansPartial, finalizeKMeans, KMeansPartial, mergeKMeansPartials } from "../../sufficientStatistics/kmeans";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix } from "../base/data";
import { canonicalRowOrder } from "../base/rowOrder";
import { distanceBetween, nearestRow } from "../neighbours/search";
import { StatisticsModel } from "../base/capabilities";

/** Options of `KMeans`. */
export interface KMeansOptions {
	/** k, the number of clusters: integer ≥ 1, default 3. */
	numberOfClusters: number;
	/** Lloyd iterations per `train` call at most: integer ≥ 1, default 300. */
	maximumNumberOfIterations: number;
	/** Stop when no centroid moves farther than this in an iteration: ≥ 0, default 1e-4 (0: only when nothing moves). */
	tolerance: number;
	/** "kmeans++" (D²-weighted seeding) or "random" (k distinct rows): default "kmeans++". */
	initialization: "kmeans++" | "random";
	/** Seed of the initialization: finite, default 42. */
	seed: number;
}

const DEFAULTS: KMeansOptions = { numberOfClusters: 3, maximumNumberOfIterations: 300, tolerance: 1e-4, initialization: "kmeans++", seed: 42 };
const CONSTRAINTS: ConstraintTable<KMeansOptions> = {
	numberOfClusters: integerAtLeast(1),
	maximumNumberOfIterations: integerAtLeast(1),
	tolerance: numberAbove(0, true),
	initialization: oneOf("kmeans++", "random"),
	seed: anyFinite,
};

function squaredDistance(a: Vector, b: Vector): number {
	const d = distanceBetween(a, b, "euclidean");
	return d * d;
}

/**
 * The k-means++ seeds among `rows`: the first uniformly, each next one with probability
 * proportional to its squared distance to the nearest seed so far (uniformly when all are 0).
 */
export function kMeansPlusPlus(rows: Matrix, k: number, rng: RandomGenerator): Matrix {
	const n = rows.size();
	const seeds = [table.clone(rows[rng.integer(0, n - 1)])];
	const nearest = rows.map((row) => squaredDistance(row, seeds[0]));
	while (seeds.size() < k) {
		let total = 0;
		for (const d of nearest) total += d;
		let chosen = rng.integer(0, n - 1);
		if (total > 0) {
			let target = rng.nextFloat() * total;
			chosen = n - 1;
			for (const i of $range(0, n - 1)) {
				target -= nearest[i];
				if (target < 0) {
					chosen = i;
					break;
				}
			}
		}
		const seed = table.clone(rows[chosen]);
		seeds.push(seed);
		rows.forEach((row, i) => (nearest[i] = math.min(nearest[i], squaredDistance(row, seed))));
	}
	return seeds;
}

/**
 * k-means. Parameters: the centroids (ONE k×p matrix). Training again continues the Lloyd
 * iterations from the current centroids; rows are seeded from a canonical order, so the result
 * ignores the order they come in. `predict` returns 0-based cluster indices.
 * @example
 * const kmeans = new KMeans({ numberOfClusters: 4, seed: 7 });
 * const inertias = kmeans.train(positions);
 * const [clusters, distances] = kmeans.predict(positions);
 */
export class KMeans extends BaseModel<KMeansOptions, Matrix> implements StatisticsModel<KMeansPartial> {
	constructor(options?: Partial<KMeansOptions>) {
		super("KMeans", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["numberOfClusters"];
	}

	private centroids(): Matrix | undefined {
		return this.parameters;
	}

	private inputs(X: unknown, where: string): Matrix {
		return featureMatrix(X, where, this.centroids()?.[0].size());
	}

	/**
	 * Seeds the centroids on the first call, then runs Lloyd iterations until no centroid moves
	 * more than `tolerance` (or `maximumNumberOfIterations`). `y` is ignored. Returns the inertia
	 * (Σ squared distance of each row to its centroid) before each iteration's update.
	 */
	train(X: unknown, _y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const x = this.inputs(X, where);
		const k = this.options.numberOfClusters;
		let centroids = this.centroids();
		if (centroids === undefined) {
			if (k > x.size()) error(`[Hivemind] ${where}: X must have at least numberOfClusters (${k}) rows, got ${describeShape(x)}`, 2);
			const rows = canonicalRowOrder(x).map((i) => x[i]);
			const rng = new RandomGenerator(this.options.seed);
			centroids = this.options.initialization === "kmeans++" ? kMeansPlusPlus(rows, k, rng) : rng.permutation(rows.size()).filter((_, i) => i < k).map((i) => table.clone(rows[i]));
		}
		const history = new Array<number>();
		for (const _ of $range(1, this.options.maximumNumberOfIterations)) {
			const partial = computeKMeansPartial(x, centroids);
			const step = finalizeKMeans(partial, centroids);
			history.push(partial.inertia);
			let shift = 0;
			step.centroids.forEach((row, m) => (shift = math.max(shift, distanceBetween(row, centroids![m], "euclidean"))));
			centroids = step.centroids;
			if (shift <= this.options.tolerance) break;
		}
		this.parameters = centroids;
		return history;
	}

	/**
	 * The nearest centroid's 0-based index for each row (ties: the lower index) and, as a second
	 * value, the distances to every centroid (n×k).
	 * @example local clusters, distances = kmeans:predict(X)
	 */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const centroids = this.requireParameters(where);
		const x = this.inputs(X, where);
		const clusters = x.map((row) => nearestRow(centroids, row, "euclidean")[0]);
		return $tuple(clusters, x.map((row) => centroids.map((c) => distanceBetween(row, c, "euclidean"))));
	}

	/** One shard's statistics for the next Lloyd iteration from the current centroids (`computeKMeansPartial`). */
	computePartial(X: unknown): KMeansPartial {
		const where = `${this.modelName}.computePartial`;
		const centroids = this.requireParameters(where);
		return computeKMeansPartial(this.inputs(X, where), centroids);
	}

	/** The statistics of the union of two shards (`mergeKMeansPartials`; pure, associative). */
	mergePartials(a: KMeansPartial, b: KMeansPartial): KMeansPartial {
		this.assertAlive(`${this.modelName}.mergePartials`);
		return mergeKMeansPartials(a, b);
	}

	/** Finishes the Lloyd iteration from merged statistics: the centroids become the cluster means. */
	trainFromPartial(partial: KMeansPartial) {
		const where = `${this.modelName}.trainFromPartial`;
		const centroids = this.requireParameters(where);
		this.parameters = finalizeKMeans(partial, centroids).centroids;
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is Matrix {
		const k = this.options.numberOfClusters;
		if (parameterKind(parameters) !== "matrix" || (parameters as Matrix).size() !== k) {
			error(`[Hivemind] ${where}: parameters must be the centroids, a single ${k}×p matrix (numberOfClusters rows), got ${describeParameters(parameters)}`, 3);
		}
		super.validateModelParameters(parameters, where);
	}
}
