//!native
/**
 * Fuzzy c-means (Dunn 1973; Bezdek 1981): every row belongs to every cluster with a membership
 * u ∈ [0, 1] (summing to 1); alternating updates of memberships and centres lower
 * J = Σ u^m·‖x − c‖², m the fuzziness.
 */
import { Matrix, Vector } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { anyFinite, ConstraintTable, frameBudgetMs, integerAtLeast, numberAbove } from "../../options";
import { ModelParameters } from "../../parameters";
import { allocatingRowsPerBlock, FrameBudget, forEachBlock } from "../../parallel/FrameBudget";
import { mapInBlocks } from "../base/data";
import { ClusteringModel } from "./ClusteringModel";
import { distanceBetween } from "../neighbours/search";
import { assertEnoughRows, assertCentreMatrix, kMeansPlusPlus } from "./shared";

/** Options of `FuzzyCMeans`. */
export interface FuzzyCMeansOptions {
	/** c, the number of clusters: integer ≥ 1, default 3. */
	numberOfClusters: number;
	/** m, the fuzziness exponent (→ 1: hard k-means; larger: softer): > 1, default 2. */
	fuzziness: number;
	/** Iterations per `train` call at most: integer ≥ 1, default 300. */
	maximumNumberOfIterations: number;
	/** Stop when no centre moves farther than this: ≥ 0, default 1e-5. */
	tolerance: number;
	/** Seed of the k-means++ initial centres: finite, default 42. */
	seed: number;
	/** Also yield the thread (task.wait) every this many iterations: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: FuzzyCMeansOptions = {
	numberOfClusters: 3,
	fuzziness: 2,
	maximumNumberOfIterations: 300,
	tolerance: 1e-5,
	seed: 42,
	yieldInterval: 0,
};
const CONSTRAINTS: ConstraintTable<FuzzyCMeansOptions> = {
	numberOfClusters: integerAtLeast(1),
	fuzziness: numberAbove(1),
	maximumNumberOfIterations: integerAtLeast(1),
	tolerance: numberAbove(0, true),
	seed: anyFinite,
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};

/** The memberships of `row` in each centre: u_k = 1 / Σ_j (d_k² / d_j²)^(1/(m−1)); a row on centres shares 1 among them. */
export function fuzzyMemberships(row: Vector, centres: Matrix, fuzziness: number): Array<number> {
	const squared = centres.map((c) => distanceBetween(row, c, "euclidean") ** 2);
	const zeros = squared.filter((d) => d === 0).size();
	if (zeros > 0) return squared.map((d) => (d === 0 ? 1 / zeros : 0));
	const exponent = 1 / (fuzziness - 1);
	return squared.map((dk) => {
		let s = 0;
		for (const dj of squared) s += (dk / dj) ** exponent;
		return 1 / s;
	});
}

/**
 * Fuzzy c-means. Parameters: the centres (ONE c×p matrix). `train` returns J before each centre
 * update (it never increases); training again continues from the centres. `predict` returns the
 * cluster of largest membership and the memberships (n×c).
 * @example
 * const fuzzy = new FuzzyCMeans({ numberOfClusters: 3 });
 * fuzzy.train(X);
 * const [clusters, memberships] = fuzzy.predict(X);
 */
export class FuzzyCMeans extends ClusteringModel<FuzzyCMeansOptions> {
	constructor(options?: Partial<FuzzyCMeansOptions>) {
		super("FuzzyCMeans", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["numberOfClusters"];
	}

	/** Seeds (k-means++) on the first call, then alternates memberships and centres; `y` is ignored. Returns J per iteration. */
	protected fitRows(x: Matrix, budget: FrameBudget, where: string): Array<number> {
		const o = this.options;
		const k = o.numberOfClusters;
		const rows = this.canonicalRows(x, budget);
		const current = this.parameters as Matrix | undefined;
		if (current === undefined) assertEnoughRows(x, k, "numberOfClusters", where);
		let centres: Matrix = current ?? kMeansPlusPlus(rows, k, new RandomGenerator(o.seed), "euclidean", budget);
		const p = rows[0].size();
		const history = new Array<number>();
		for (const iteration of $range(1, o.maximumNumberOfIterations)) {
			const sums = centres.map(() => table.create<number>(p, 0));
			const weights = table.create<number>(k, 0);
			let objective = 0;
			// rows in order, in fixed blocks within the budget (the same sums as one loop)
			forEachBlock(rows.size(), allocatingRowsPerBlock(k * (3 * p + 16), 2), budget, (first, last) => {
				for (const i of $range(first, last)) {
					const row = rows[i];
					const u = fuzzyMemberships(row, centres, o.fuzziness);
					for (const m of $range(0, k - 1)) {
						const w = u[m] ** o.fuzziness;
						if (w === 0) continue;
						objective += w * distanceBetween(row, centres[m], "euclidean") ** 2;
						weights[m] += w;
						const s = sums[m];
						for (const j of $range(0, p - 1)) s[j] += w * row[j];
					}
				}
			});
			history.push(objective);
			const updated: Matrix = centres.map((c, m) => (weights[m] > 0 ? sums[m].map((s) => s / weights[m]) : table.clone(c)));
			let shift = 0;
			updated.forEach((c, m) => (shift = math.max(shift, distanceBetween(c, centres[m], "euclidean"))));
			centres = updated;
			if (shift <= o.tolerance) break;
			budget.pace(iteration, o.yieldInterval);
		}
		this.parameters = centres;
		return history;
	}

	/** The cluster of largest membership for each row (ties: the lower index) and the memberships (n×c, rows summing to 1). */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const centres = this.requireParameters(where) as Matrix;
		const x = this.inputs(X, where);
		const budget = new FrameBudget(this.options.frameBudget);
		const k = centres.size();
		const memberships = mapInBlocks(x.size(), k * (2 * x[0].size() + 16), (i) => fuzzyMemberships(x[i], centres, this.options.fuzziness), budget);
		const labels = mapInBlocks(
			memberships.size(),
			k,
			(i) => {
				const u = memberships[i];
				let best = 0;
				for (const m of $range(1, u.size() - 1)) if (u[m] > u[best]) best = m;
				return best;
			},
			budget,
		);
		return $tuple(labels, memberships);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		const k = this.options.numberOfClusters;
		assertCentreMatrix(parameters, k, `the centres, a single ${k}×p matrix (numberOfClusters rows)`, where);
		super.validateModelParameters(parameters, where);
	}
}
