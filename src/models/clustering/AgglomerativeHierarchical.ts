/**
 * Agglomerative hierarchical clustering (`linkage.ts`): the whole dendrogram is kept, so the flat
 * clustering can be re-cut by cluster count or by merge distance without training again.
 */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { ConstraintTable, frameBudgetMs, integerAtLeast, numberAbove, oneOf } from "../../options";
import { ModelParameters } from "../../parameters";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { ClusteringModel } from "./ClusteringModel";
import { DistanceName, nearestRow } from "../neighbours/search";
import { agglomerate, labelsAfterMerges, Linkage, mergesKept } from "./linkage";
import { assertPointRecord, column, pairwiseDistances } from "./shared";

/** Options of `AgglomerativeHierarchical`. */
export interface AgglomerativeHierarchicalOptions {
	/** Clusters of the cut (unless distanceThreshold > 0): integer ≥ 1, default 2. */
	numberOfClusters: number;
	/** When > 0, cut instead where merges reach this distance (merges strictly closer are kept): ≥ 0, default 0. */
	distanceThreshold: number;
	/** "single", "complete", "average" or "ward" (least increase of within-cluster variance; euclidean only): default "ward". */
	linkage: Linkage;
	/** "euclidean", "manhattan" or "cosine": default "euclidean". */
	distance: DistanceName;
	/** Also yield the thread (task.wait) every this many merges: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: AgglomerativeHierarchicalOptions = {
	numberOfClusters: 2,
	distanceThreshold: 0,
	linkage: "ward",
	distance: "euclidean",
	yieldInterval: 0,
};
const CONSTRAINTS: ConstraintTable<AgglomerativeHierarchicalOptions> = {
	numberOfClusters: integerAtLeast(1),
	distanceThreshold: numberAbove(0, true),
	linkage: oneOf("single", "complete", "average", "ward"),
	distance: oneOf("euclidean", "manhattan", "cosine"),
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};

type TreeRecord = {
	points: Matrix;
	labels: Matrix;
	merges?: Matrix;
};

/**
 * Agglomerative hierarchical clustering. Parameters: the record {labels, merges, points}: the
 * training rows in a canonical (sorted) order, their flat labels (n×1), and the dendrogram
 * ((n−1)×4 rows [a, b, distance, size] in scipy's numbering over those rows; absent for one row).
 * `train` returns the merge distances. `predict` gives each row the label of its nearest training
 * row. Memory: the n×n distance matrix; time O(n³).
 * @example
 * const tree = new AgglomerativeHierarchical({ linkage: "average", numberOfClusters: 3 });
 * tree.train(X);
 * tree.cutAtDistance(2.5);
 * const [labels] = tree.predict(X);
 */
export class AgglomerativeHierarchical extends ClusteringModel<AgglomerativeHierarchicalOptions, TreeRecord> {
	constructor(options?: Partial<AgglomerativeHierarchicalOptions>) {
		super("AgglomerativeHierarchical", DEFAULTS, CONSTRAINTS, options);
	}

	private tree(): TreeRecord | undefined {
		return this.parameters;
	}

	protected featureCount(): number | undefined {
		return this.tree()?.points[0].size();
	}

	/** Builds the dendrogram of X and cuts it (`y` ignored). Returns the n − 1 merge distances in merge order. */
	protected fitRows(x: Matrix, budget: FrameBudget, where: string): Array<number> {
		const o = this.options;
		if (o.linkage === "ward" && o.distance !== "euclidean")
			error(`[Hivemind] ${where}: distance must be "euclidean" with linkage "ward", got "${o.distance}"`, 2);
		const rows = this.canonicalRows(x, budget);
		const merges = agglomerate(pairwiseDistances(rows, o.distance, budget), o.linkage, budget, (t) => budget.pace(t, o.yieldInterval));
		const record: TreeRecord = {
			points: rows,
			labels: column(labelsAfterMerges(rows.size(), merges, mergesKept(merges, rows.size(), o.numberOfClusters, o.distanceThreshold))),
		};
		if (merges.size() > 0) record.merges = merges;
		this.parameters = record;
		return merges.map((m) => m[2]);
	}

	private recut(where: string, count: number, threshold: number) {
		this.assertNotTraining(where);
		const record = this.requireParameters(where);
		const n = record.points.size();
		const merges = record.merges ?? [];
		this.parameters = { ...record, labels: column(labelsAfterMerges(n, merges, mergesKept(merges, n, count, threshold))) };
	}

	/** Re-cuts the dendrogram into `numberOfClusters` clusters (fewer when there are fewer rows); no retraining. */
	cut(numberOfClusters: number) {
		const where = `${this.modelName}.cut`;
		if (!typeIs(numberOfClusters, "number") || numberOfClusters < 1 || numberOfClusters % 1 !== 0) {
			error(`[Hivemind] ${where}: numberOfClusters must be an integer ≥ 1, got ${tostring(numberOfClusters)}`, 2);
		}
		this.recut(where, numberOfClusters, 0);
	}

	/** Re-cuts the dendrogram keeping the merges strictly closer than `threshold` (> 0); no retraining. */
	cutAtDistance(threshold: number) {
		const where = `${this.modelName}.cutAtDistance`;
		if (!typeIs(threshold, "number") || !(threshold > 0))
			error(`[Hivemind] ${where}: threshold must be a number > 0, got ${tostring(threshold)}`, 2);
		this.recut(where, 1, threshold);
	}

	/** The dendrogram ((n−1)×4, see the class), or an empty list for a single training row. */
	getDendrogram(): Matrix {
		const record = this.requireParameters(`${this.modelName}.getDendrogram`);
		return (record.merges ?? []).map((row) => table.clone(row));
	}

	/** Each row's label: that of its nearest training row (ties: the lower stored index); second value: that distance (n×1). */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const record = this.requireParameters(where);
		const x = this.inputs(X, where);
		const n = x.size();
		const labels = table.create<number>(n);
		const distances = table.create<Array<number>>(n);
		const block = rowsPerBlock(record.points.size() * (x[0].size() + 2));
		forEachBlock(n, block, new FrameBudget(this.options.frameBudget), (first, last) => {
			for (const r of $range(first, last)) {
				const [i, d] = nearestRow(record.points, x[r], this.options.distance);
				labels[r] = record.labels[i][0];
				distances[r] = [d];
			}
		});
		return $tuple(labels, distances);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		assertPointRecord(parameters, ["labels", "points"], where, ["merges"]);
		const record = parameters as Partial<TreeRecord>;
		const n = record.points!.size();
		if (record.merges !== undefined ? record.merges.size() !== n - 1 || record.merges[0].size() !== 4 : n > 1) {
			error(
				`[Hivemind] ${where}: parameters.merges must be ${n - 1}×4 (one row per merge of the ${n} points), got ${record.merges === undefined ? "nil" : describeShape(record.merges)}`,
				3,
			);
		}
		super.validateModelParameters(parameters, where);
	}
}
