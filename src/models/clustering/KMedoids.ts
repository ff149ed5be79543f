/**
 * k-medoids by PAM: the cluster centres are data points (medoids), so any distance works and
 * outliers pull less than on means. BUILD then SWAP (`pam.ts`) on the pairwise distances.
 */
import { Matrix } from "../../matrix/types";
import { ConstraintTable, frameBudgetMs, integerAtLeast, oneOf } from "../../options";
import { ModelParameters } from "../../parameters";
import { FrameBudget } from "../../parallel/FrameBudget";
import { ClusteringModel } from "./ClusteringModel";
import { DistanceName } from "../neighbours/search";
import { bestSwap, medoidCost, pamBuild } from "./pam";
import { assertEnoughRows, assertCentreMatrix, pairwiseDistances } from "./shared";

/** Options of `KMedoids`. */
export interface KMedoidsOptions {
	/** k, the number of clusters: integer ≥ 1, default 3. */
	numberOfClusters: number;
	/** "euclidean", "manhattan" or "cosine": default "euclidean". */
	distance: DistanceName;
	/** SWAP steps per `train` call at most: integer ≥ 0, default 300 (0: BUILD only). */
	maximumNumberOfIterations: number;
	/** Also yield the thread (task.wait) every this many swaps: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: KMedoidsOptions = { numberOfClusters: 3, distance: "euclidean", maximumNumberOfIterations: 300, yieldInterval: 0 };
const CONSTRAINTS: ConstraintTable<KMedoidsOptions> = {
	numberOfClusters: integerAtLeast(1),
	distance: oneOf("euclidean", "manhattan", "cosine"),
	maximumNumberOfIterations: integerAtLeast(0),
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};

/**
 * k-medoids (PAM). Parameters: the medoids (ONE k×p matrix of training rows). Deterministic: the
 * rows are taken in a canonical order. `train` returns the total distance after BUILD and after
 * each swap (strictly decreasing); it ends at a local optimum where no single swap helps.
 * Memory: the n×n distance matrix.
 * @example
 * const medoids = new KMedoids({ numberOfClusters: 3, distance: "manhattan" });
 * medoids.train(X);
 * const [clusters, distances] = medoids.predict(X);
 */
export class KMedoids extends ClusteringModel<KMedoidsOptions> {
	constructor(options?: Partial<KMedoidsOptions>) {
		super("KMedoids", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["numberOfClusters"];
	}

	/** Runs BUILD and SWAP on X from scratch; `y` is ignored. Returns the cost after BUILD and after each swap. */
	protected fitRows(x: Matrix, budget: FrameBudget, where: string): Array<number> {
		const k = this.options.numberOfClusters;
		assertEnoughRows(x, k, "numberOfClusters", where);
		const rows = this.canonicalRows(x, budget);
		const d = pairwiseDistances(rows, this.options.distance, budget);
		const medoids = pamBuild(d, k, budget);
		const history = [medoidCost(d, medoids, budget)];
		for (const step of $range(1, this.options.maximumNumberOfIterations)) {
			const [position, candidate] = bestSwap(d, medoids, budget);
			if (candidate < 0) break;
			medoids[position] = candidate;
			history.push(medoidCost(d, medoids, budget));
			budget.pace(step, this.options.yieldInterval);
		}
		this.parameters = medoids.map((i) => table.clone(rows[i]));
		return history;
	}

	/** The nearest medoid's 0-based index for each row (ties: the lower index) and the n×k distances to the medoids. */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		return this.predictNearest(X, this.options.distance);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		const k = this.options.numberOfClusters;
		assertCentreMatrix(parameters, k, `the medoids, a single ${k}×p matrix (numberOfClusters rows)`, where);
		super.validateModelParameters(parameters, where);
	}
}
