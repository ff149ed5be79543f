/**
 * k-means clustering: k-means++ seeding (Arthur & Vassilvitskii 2007) from a seeded generator,
 * then Lloyd iterations, each one the mergeable statistics of `src/sufficientStatistics/kmeans.ts`
 * (assign → per-cluster sums and counts → means), so a distributed run merges exactly.
 */
import { Matrix, Vector } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { RandomGenerator } from "../../matrix/random";
import { anyFinite, ConstraintTable, constraint, integerAtLeast, numberAbove, objectWith, oneOf } from "../../options";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { computeKMeansPartial, finalizeKMeans, KMeansPartial, mergeKMeansPartials } from "../../sufficientStatistics/kmeans";
import { FrameBudget, forEachBlock, rowsPerBlock, withFrameBudget } from "../../parallel/FrameBudget";
import { rowsBetween } from "../../parallel/shards";
import { ShardedData, WorkerPool } from "../../parallel/types";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix } from "../base/data";
import { canonicalRowOrder } from "../base/rowOrder";
import { distanceBetween, nearestRow } from "../neighbours/search";

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
	/** Milliseconds of work between yields inside `train` / `predict`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
	/** A worker pool (`ActorPool`) that runs the assignment step on resident row shards; default none. */
	pool?: WorkerPool;
}

const DEFAULTS: KMeansOptions = { numberOfClusters: 3, maximumNumberOfIterations: 300, tolerance: 1e-4, initialization: "kmeans++", seed: 42 };
const CONSTRAINTS: ConstraintTable<KMeansOptions> = {
	numberOfClusters: integerAtLeast(1),
	maximumNumberOfIterations: integerAtLeast(1),
	tolerance: numberAbove(0, true),
	initialization: oneOf("kmeans++", "random"),
	seed: anyFinite,
	frameBudget: constraint((v) => typeIs(v, "number") && v >= 0 && v < math.huge, "a finite number ≥ 0 (milliseconds; 0 = never yield)"),
	pool: objectWith("a worker pool (ActorPool)", "loadData", "runKernel", "releaseData", "getWorkerCount"),
};

function squaredDistance(a: Vector, b: Vector): number {
	const d = distanceBetween(a, b, "euclidean");
	return d * d;
}

/**
 * The k-means++ seeds among `rows`: the first uniformly, each next one with probability
 * proportional to its squared distance to the nearest seed so far (uniformly when all are 0).
 */
export function kMeansPlusPlus(rows: Matrix, k: number, rng: RandomGenerator, budget = new FrameBudget()): Matrix {
	const n = rows.size();
	const seeds = [table.clone(rows[rng.integer(0, n - 1)])];
	const nearest = table.create<number>(n, math.huge);
	const closer = (seed: Vector) =>
		forEachBlock(n, 2048, budget, (first, last) => {
			for (const i of $range(first, last)) nearest[i] = math.min(nearest[i], squaredDistance(rows[i], seed));
		});
	closer(seeds[0]);
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
		closer(seed);
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
export class KMeans extends BaseModel<KMeansOptions> {
	constructor(options?: Partial<KMeansOptions>) {
		super("KMeans", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["numberOfClusters"];
	}

	private centroids(): Matrix | undefined {
		return this.parameters as Matrix | undefined;
	}

	private inputs(X: unknown, where: string): Matrix {
		return withFrameBudget(this.options.frameBudget, () => featureMatrix(X, where, this.centroids()?.[0].size()));
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
		const budget = new FrameBudget(this.options.frameBudget);
		let centroids = this.centroids();
		if (centroids === undefined) {
			if (k > x.size()) error(`[Hivemind] ${where}: X must have at least numberOfClusters (${k}) rows, got ${describeShape(x)}`, 2);
			const rows = canonicalRowOrder(x, undefined, budget).map((i) => x[i]);
			const rng = new RandomGenerator(this.options.seed);
			centroids = this.options.initialization === "kmeans++" ? kMeansPlusPlus(rows, k, rng, budget) : rng.permutation(rows.size()).filter((_, i) => i < k).map((i) => table.clone(rows[i]));
		}
		const pool = this.options.pool;
		const sharded = pool?.loadData(x);
		const [ok, history] = pcall(() => this.lloyd(x, centroids!, budget, pool, sharded));
		if (sharded !== undefined) pool!.releaseData(sharded);
		if (!ok) error(history, 0);
		return history;
	}

	/** The assignment step's partial sums: on the pool's shards, or here in fixed row blocks; merged in order. */
	private assign(x: Matrix, centroids: Matrix, budget: FrameBudget, pool?: WorkerPool, sharded?: ShardedData): KMeansPartial {
		let merged: KMeansPartial | undefined;
		const add = (part: KMeansPartial) => (merged = merged === undefined ? part : mergeKMeansPartials(merged, part));
		if (pool !== undefined && sharded !== undefined) {
			for (const part of pool.runKernel("kmeansAssign", sharded, { centroids }) as Array<KMeansPartial>) add(part);
			budget.check();
		} else {
			forEachBlock(x.size(), rowsPerBlock(centroids.size() * x[0].size()), budget, (first, last) => add(computeKMeansPartial(rowsBetween(x, first, last), centroids)));
		}
		return merged!;
	}

	private lloyd(x: Matrix, start: Matrix, budget: FrameBudget, pool?: WorkerPool, sharded?: ShardedData): Array<number> {
		let centroids = start;
		const history = new Array<number>();
		for (const _ of $range(1, this.options.maximumNumberOfIterations)) {
			const partial = this.assign(x, centroids, budget, pool, sharded);
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
		const centroids = this.requireParameters(where) as Matrix;
		const x = this.inputs(X, where);
		const clusters = new Array<number>();
		const distances = new Array<Array<number>>();
		forEachBlock(x.size(), rowsPerBlock(centroids.size() * x[0].size()), new FrameBudget(this.options.frameBudget), (first, last) => {
			for (const i of $range(first, last)) {
				clusters[i] = nearestRow(centroids, x[i], "euclidean")[0];
				distances[i] = centroids.map((c) => distanceBetween(x[i], c, "euclidean"));
			}
		});
		return $tuple(clusters, distances);
	}

	/** One shard's statistics for the next Lloyd iteration from the current centroids (`computeKMeansPartial`). */
	computePartial(X: unknown): KMeansPartial {
		const where = `${this.modelName}.computePartial`;
		const centroids = this.requireParameters(where) as Matrix;
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
		const centroids = this.requireParameters(where) as Matrix;
		this.parameters = finalizeKMeans(partial, centroids).centroids;
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		const k = this.options.numberOfClusters;
		if (parameterKind(parameters) !== "matrix" || (parameters as Matrix).size() !== k) {
			error(`[Hivemind] ${where}: parameters must be the centroids, a single ${k}×p matrix (numberOfClusters rows), got ${describeParameters(parameters)}`, 3);
		}
		super.validateModelParameters(parameters, where);
	}
}
