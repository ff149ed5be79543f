/**
 * Bisecting k-means (Steinbach, Karypis & Kumar 2000): start with one cluster and repeatedly split
 * the cluster of largest inertia in two with k-means (`KMeans`), until there are k clusters.
 */
import { Matrix } from "../../matrix/types";
import { anyFinite, ConstraintTable, frameBudgetMs, integerAtLeast } from "../../options";
import { ModelParameters } from "../../parameters";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { ClusteringModel } from "./ClusteringModel";
import { KMeans } from "./KMeans";
import { inertiaOf } from "./kmeansSteps";
import { assertEnoughRows, assertCentreMatrix, assignToCentres } from "./shared";

/** Options of `BisectingKMeans`. */
export interface BisectingKMeansOptions {
	/** k, the number of clusters: integer ≥ 1, default 3. */
	numberOfClusters: number;
	/** Lloyd iterations of each split at most: integer ≥ 1, default 300. */
	maximumNumberOfIterations: number;
	/** k-means runs per split, the best kept: integer ≥ 1, default 1 (scikit-learn's). */
	numberOfInitializations: number;
	/** Seed of the splits (split s uses seed + s): finite, default 42. */
	seed: number;
	/** Also yield the thread (task.wait) every this many splits: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: BisectingKMeansOptions = {
	numberOfClusters: 3,
	maximumNumberOfIterations: 300,
	numberOfInitializations: 1,
	seed: 42,
	yieldInterval: 0,
};
const CONSTRAINTS: ConstraintTable<BisectingKMeansOptions> = {
	numberOfClusters: integerAtLeast(1),
	maximumNumberOfIterations: integerAtLeast(1),
	numberOfInitializations: integerAtLeast(1),
	seed: anyFinite,
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};

/**
 * Bisecting k-means. Parameters: the centres (ONE m×p matrix, m = k unless every cluster became a
 * single repeated row first). `train` returns the total inertia before the first split and after
 * each (never increasing). `predict` gives each row its nearest centre.
 * @example
 * const bisecting = new BisectingKMeans({ numberOfClusters: 8 });
 * bisecting.train(X);
 * const [clusters] = bisecting.predict(X);
 */
export class BisectingKMeans extends ClusteringModel<BisectingKMeansOptions> {
	constructor(options?: Partial<BisectingKMeansOptions>) {
		super("BisectingKMeans", DEFAULTS, CONSTRAINTS, options);
	}

	/** Splits from one cluster up to k (`y` ignored); returns the total inertia after each split. */
	protected fitRows(x: Matrix, budget: FrameBudget, where: string): Array<number> {
		const o = this.options;
		assertEnoughRows(x, o.numberOfClusters, "numberOfClusters", where);
		const rows = this.canonicalRows(x, budget);
		const p = rows[0].size();
		const mean = table.create<number>(p, 0);
		const n = rows.size();
		// ≈ 1.5 µs a row at p = 10 in the headless interpreter (the time of 5p multiply-adds; 2p made 2.4 ms blocks)
		forEachBlock(n, rowsPerBlock(5 * p + 8), budget, (first, last) => {
			for (const i of $range(first, last)) {
				const row = rows[i];
				for (const j of $range(0, p - 1)) mean[j] += row[j] / n;
			}
		});
		const clusters: Array<[Matrix, Array<number>, number]> = [[rows, mean, inertiaOf(rows, [mean], "euclidean", budget)]];
		const history = [clusters[0][2]];
		for (const split of $range(1, o.numberOfClusters - 1)) {
			let target = 0;
			clusters.forEach((c, i) => c[2] > clusters[target][2] && (target = i));
			const [members, , inertia] = clusters[target];
			if (inertia === 0) break;
			const halves = new KMeans({
				numberOfClusters: 2,
				maximumNumberOfIterations: o.maximumNumberOfIterations,
				numberOfInitializations: o.numberOfInitializations,
				seed: o.seed + split,
				frameBudget: o.frameBudget,
			});
			halves.train(members);
			const centres = halves.getModelParameters(true) as Matrix;
			const [labels] = assignToCentres(members, centres, "euclidean", budget);
			const halvesRows: [Matrix, Matrix] = [[], []];
			// a push into a growing array ≈ 0.7 µs (rowsPerBlock(8) made 2.8 ms blocks)
			forEachBlock(members.size(), rowsPerBlock(24), budget, (first, last) => {
				for (const i of $range(first, last)) halvesRows[labels[i]].push(members[i]);
			});
			const parts = centres.map((centre, h): [Matrix, Array<number>, number] => [
				halvesRows[h],
				centre,
				inertiaOf(halvesRows[h], [centre], "euclidean", budget),
			]);
			clusters[target] = parts[0];
			clusters.push(parts[1]);
			let total = 0;
			for (const c of clusters) total += c[2];
			history.push(total);
			budget.pace(split, o.yieldInterval);
		}
		this.parameters = clusters.map((c) => c[1]);
		return history;
	}

	/** The nearest centre's 0-based index for each row (ties: the lower index) and the n×m distances. */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		return this.predictNearest(X);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		assertCentreMatrix(parameters, undefined, "the centres, a single m×p matrix", where);
		super.validateModelParameters(parameters, where);
	}
}
