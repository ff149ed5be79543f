/**
 * k-means clustering: k-means++ seeding (Arthur & Vassilvitskii 2007) from a seeded generator,
 * the best of `numberOfInitializations` runs, then Lloyd iterations (each one the mergeable
 * statistics of `src/sufficientStatistics/kmeans.ts`, so a distributed run merges exactly),
 * mini-batch (Sculley 2010) or sequential (MacQueen 1967) updates; euclidean, manhattan
 * (k-medians) or cosine (spherical k-means) distance. Every step runs in fixed row blocks within
 * the frame budget (bit-identical sliced or not); euclidean and cosine Lloyd steps may run their
 * assignment on a worker pool (`pool`), while manhattan medians, mini-batch and sequential updates
 * always run here (they need every member row or update one row at a time).
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { anyFinite, ConstraintTable, frameBudgetMs, integerAtLeast, numberAbove, objectWith, oneOf } from "../../options";
import { ModelParameters } from "../../parameters";
import { computeKMeansPartial, KMeansPartial, mergeKMeansPartials } from "../../sufficientStatistics/kmeans";
import { FrameBudget, forEachBlock, withFrameBudget } from "../../parallel/FrameBudget";
import { rowsBetween } from "../../parallel/shards";
import { ShardedData, WorkerPool } from "../../parallel/types";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix, mapInBlocks } from "../base/data";
import { canonicalRows } from "../base/rowOrder";
import { DistanceName, distanceBetween } from "../neighbours/search";
import {
	assignmentBlock,
	centresFromPartial,
	inertiaOf,
	lloydStep,
	LloydWorkspace,
	lloydWorkspace,
	miniBatchStep,
	sequentialPass,
	unitVector,
} from "./kmeansSteps";
import { assertEnoughRows, assertCentreMatrix, assignToCentres, kMeansPlusPlus } from "./shared";

export { kMeansPlusPlus } from "./shared";
import { StatisticsModel } from "../base/capabilities";

/** Options of `KMeans`. */
export interface KMeansOptions {
	/** k, the number of clusters: integer ≥ 1, default 3. */
	numberOfClusters: number;
	/** Iterations per `train` call at most (Lloyd steps, mini-batches or sequential passes): integer ≥ 1, default 300. */
	maximumNumberOfIterations: number;
	/** Stop when no centroid moves farther than this in an iteration: ≥ 0, default 1e-4 (0: only when nothing moves). */
	tolerance: number;
	/** "kmeans++" (D²-weighted seeding) or "random" (k distinct rows): default "kmeans++". */
	initialization: "kmeans++" | "random";
	/** Runs from different seeds on the first `train`; the lowest final inertia wins: integer ≥ 1, default 10 (scikit-learn's classic n_init). */
	numberOfInitializations: number;
	/** "euclidean" (means), "manhattan" (coordinate medians: k-medians) or "cosine" (unit means: spherical k-means): default "euclidean". */
	distance: DistanceName;
	/** "lloyd" (full batch), "minibatch" (running means over random batches) or "sequential" (one row at a time, in seeded order): default "lloyd". */
	algorithm: "lloyd" | "minibatch" | "sequential";
	/** Rows per mini-batch (algorithm "minibatch"): integer ≥ 1, default 1024. */
	batchSize: number;
	/** Seed of the initialization and the batches: finite, default 42. */
	seed: number;
	/** Also yield the thread (task.wait) every this many iterations: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train` / `predict`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
	/** A worker pool (`ActorPool`) that runs the Lloyd assignment step on resident row shards (euclidean and cosine); default none. */
	pool?: WorkerPool;
}

const DEFAULTS: KMeansOptions = {
	numberOfClusters: 3,
	maximumNumberOfIterations: 300,
	tolerance: 1e-4,
	initialization: "kmeans++",
	numberOfInitializations: 10,
	distance: "euclidean",
	algorithm: "lloyd",
	batchSize: 1024,
	seed: 42,
	yieldInterval: 0,
};
const CONSTRAINTS: ConstraintTable<KMeansOptions> = {
	numberOfClusters: integerAtLeast(1),
	maximumNumberOfIterations: integerAtLeast(1),
	tolerance: numberAbove(0, true),
	initialization: oneOf("kmeans++", "random"),
	numberOfInitializations: integerAtLeast(1),
	distance: oneOf("euclidean", "manhattan", "cosine"),
	algorithm: oneOf("lloyd", "minibatch", "sequential"),
	batchSize: integerAtLeast(1),
	seed: anyFinite,
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
	pool: objectWith("a worker pool (ActorPool)", "loadData", "runKernel", "releaseData", "getWorkerCount"),
};

/** Where one `train` call's iterations run: the frame budget, and the pool with its resident shards (Lloyd, euclidean or cosine only). */
interface Run {
	budget: FrameBudget;
	/** The Lloyd steps' cluster sums and counts, made once per `train`. */
	workspace: LloydWorkspace;
	pool?: WorkerPool;
	sharded?: ShardedData;
}

/**
 * k-means. Parameters: the centroids (ONE k×p matrix). Training again continues from the current
 * centroids (no new initialization); rows are seeded from a canonical order, so the result ignores
 * the order they come in. `predict` returns 0-based cluster indices and the distances.
 * @example
 * const kmeans = new KMeans({ numberOfClusters: 4, seed: 7 });
 * const inertias = kmeans.train(positions);
 * const [clusters, distances] = kmeans.predict(positions);
 */
export class KMeans extends BaseModel<KMeansOptions, Matrix> implements StatisticsModel<KMeansPartial> {
	private rng?: RandomGenerator;
	private counts?: Array<number>;

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
		return withFrameBudget(this.options.frameBudget, () => {
			const x = featureMatrix(X, where, this.centroids()?.[0].size());
			return this.options.distance === "cosine" ? mapInBlocks(x.size(), 2 * x[0].size(), (i) => unitVector(x[i])) : x;
		});
	}

	private initialCentroids(rows: Matrix, rng: RandomGenerator, budget: FrameBudget): Matrix {
		const k = this.options.numberOfClusters;
		if (this.options.initialization === "kmeans++") return kMeansPlusPlus(rows, k, rng, this.options.distance, budget);
		const order = rng.permutation(rows.size(), () => budget.check());
		return mapInBlocks(k, rows[0].size(), (i) => table.clone(rows[order[i]]), budget);
	}

	/** Runs the configured iterations from `start` (copied); returns the centroids and the history. */
	private iterate(x: Matrix, start: Matrix, rng: RandomGenerator, counts: Array<number>, run: Run): LuaTuple<[Matrix, Array<number>]> {
		const o = this.options;
		let centroids = start.map((row) => table.clone(row));
		// Lloyd (means): the new centres go into `spare`, then the two buffers swap (no tables per iteration)
		let spare = o.algorithm === "lloyd" && o.distance !== "manhattan" ? start.map((row) => table.clone(row)) : undefined;
		const history = new Array<number>();
		const pace = () => run.budget.check();
		for (const iteration of $range(1, o.maximumNumberOfIterations)) {
			let before = centroids;
			if (o.algorithm === "lloyd") {
				const pooled = run.sharded !== undefined ? this.pooledPartial(centroids, run) : undefined;
				const [updated, inertia] = lloydStep(x, centroids, o.distance, run.budget, pooled, run.workspace, spare);
				if (spare !== undefined) spare = centroids;
				centroids = updated;
				history.push(inertia);
			} else if (o.algorithm === "minibatch") {
				before = centroids.map((row) => table.clone(row));
				const n = x.size();
				const shuffled = rng.permutation(n, pace);
				const batch = n <= o.batchSize ? shuffled : mapInBlocks(o.batchSize, 1, (i) => shuffled[i], run.budget);
				history.push(miniBatchStep(x, batch, centroids, counts, o.distance, run.budget));
			} else {
				before = centroids.map((row) => table.clone(row));
				history.push(sequentialPass(x, rng.permutation(x.size(), pace), centroids, counts, o.distance, run.budget));
			}
			let shift = 0;
			centroids.forEach((row, m) => (shift = math.max(shift, distanceBetween(row, before[m], "euclidean"))));
			if (shift <= o.tolerance) break;
			run.budget.pace(iteration, o.yieldInterval);
		}
		return $tuple(centroids, history);
	}

	/** The assignment step's statistics from the pool's shards, merged in shard order. */
	private pooledPartial(centroids: Matrix, run: Run): KMeansPartial {
		const parts = run.pool!.runKernel("kmeansAssign", run.sharded!, { centroids }) as Array<KMeansPartial>;
		let merged = parts[0];
		for (const s of $range(1, parts.size() - 1)) merged = mergeKMeansPartials(merged, parts[s]);
		run.budget.check();
		return merged;
	}

	/**
	 * Seeds the centroids on the first call (the best of `numberOfInitializations` runs), then
	 * iterates until no centroid moves more than `tolerance` (or `maximumNumberOfIterations`).
	 * `y` is ignored. Returns the inertia before each iteration's update (Lloyd: on all rows;
	 * mini-batch: on the batch; sequential: on the pass, each row as it was visited).
	 */
	train(X: unknown, _y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		return this.whileTraining(where, () => this.fit(X, where));
	}

	private fit(X: unknown, where: string): Array<number> {
		const x = this.inputs(X, where);
		const o = this.options;
		const k = o.numberOfClusters;
		if (o.algorithm === "minibatch" && o.distance === "manhattan") {
			error(
				`[Hivemind] ${where}: distance must be "euclidean" or "cosine" with algorithm "minibatch" (medians have no running update), got "manhattan"`,
				2,
			);
		}
		if (this.centroids() === undefined) assertEnoughRows(x, k, "numberOfClusters", where);
		const budget = new FrameBudget(o.frameBudget);
		const rows = canonicalRows(x, budget);
		const pool = o.algorithm === "lloyd" && o.distance !== "manhattan" ? o.pool : undefined;
		const run: Run = { budget, workspace: lloydWorkspace(k, x[0].size()), pool, sharded: pool?.loadData(rows) };
		const [ok, history] = pcall(() => this.fitRows(rows, run));
		if (run.sharded !== undefined) pool!.releaseData(run.sharded);
		if (!ok) error(history, 0);
		return history;
	}

	private fitRows(rows: Matrix, run: Run): Array<number> {
		const o = this.options;
		const k = o.numberOfClusters;
		const current = this.centroids();
		if (current !== undefined) {
			this.rng ??= new RandomGenerator(o.seed);
			this.counts ??= current.map(() => (o.algorithm === "sequential" ? 1 : 0));
			const [centroids, history] = this.iterate(rows, current, this.rng, this.counts, run);
			this.parameters = centroids;
			return history;
		}
		const rng = new RandomGenerator(o.seed);
		let best: [Matrix, Array<number>, number, Array<number>] | undefined;
		for (const _ of $range(1, o.numberOfInitializations)) {
			const counts = table.create<number>(k, o.algorithm === "sequential" ? 1 : 0);
			const [centroids, history] = this.iterate(rows, this.initialCentroids(rows, rng, run.budget), rng, counts, run);
			const inertia = inertiaOf(rows, centroids, o.distance, run.budget);
			if (best === undefined || inertia < best[2]) best = [centroids, history, inertia, counts];
		}
		this.rng = rng;
		this.counts = best![3];
		this.parameters = best![0];
		return best![1];
	}

	/**
	 * The nearest centroid's 0-based index for each row (ties: the lower index) and, as a second
	 * value, the distances to every centroid (n×k; row i's own distance is `distances[i][cluster]`).
	 * @example local clusters, distances = kmeans:predict(X)
	 */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const centroids = this.requireParameters(where) as Matrix;
		const x = this.inputs(X, where);
		const clusters = new Array<number>();
		const distances = new Array<Array<number>>();
		forEachBlock(x.size(), assignmentBlock(x, centroids), new FrameBudget(this.options.frameBudget), (first, last) => {
			const [labels, d] = assignToCentres(rowsBetween(x, first, last), centroids, this.options.distance);
			labels.forEach((label, i) => {
				clusters.push(label);
				distances.push(d[i]);
			});
		});
		return $tuple(clusters, distances);
	}

	/** Σ over the rows of X of the loss to the nearest centroid (squared euclidean, manhattan or cosine distance). */
	computeInertia(X: unknown): number {
		const where = `${this.modelName}.computeInertia`;
		const centroids = this.requireParameters(where) as Matrix;
		return inertiaOf(this.inputs(X, where), centroids, this.options.distance);
	}

	private statisticsCentroids(where: string): Matrix {
		const centroids = this.requireParameters(where) as Matrix;
		if (this.options.distance === "manhattan")
			error(
				`[Hivemind] ${where}: distance must be "euclidean" or "cosine" for mergeable statistics (medians do not merge), got "manhattan"`,
				3,
			);
		return centroids;
	}

	/** One shard's statistics for the next Lloyd iteration from the current centroids (`computeKMeansPartial`; cosine: of the unit rows). */
	computePartial(X: unknown): KMeansPartial {
		const where = `${this.modelName}.computePartial`;
		const centroids = this.statisticsCentroids(where);
		return computeKMeansPartial(this.inputs(X, where), centroids);
	}

	/** The statistics of the union of two shards (`mergeKMeansPartials`; pure, associative). */
	mergePartials(a: KMeansPartial, b: KMeansPartial): KMeansPartial {
		this.assertAlive(`${this.modelName}.mergePartials`);
		return mergeKMeansPartials(a, b);
	}

	/** Finishes the Lloyd iteration from merged statistics: the centroids become the cluster means. */
	trainFromPartial(partial: KMeansPartial) {
		this.assertNotTraining(`${this.modelName}.trainFromPartial`);
		const centroids = this.statisticsCentroids(`${this.modelName}.trainFromPartial`);
		this.parameters = centresFromPartial(partial, centroids, this.options.distance);
	}

	protected onParametersSet() {
		this.counts = undefined;
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is Matrix {
		const k = this.options.numberOfClusters;
		assertCentreMatrix(parameters, k, `the centroids, a single ${k}×p matrix (numberOfClusters rows)`, where);
		super.validateModelParameters(parameters, where);
	}
}
