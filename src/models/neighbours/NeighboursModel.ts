/**
 * The base of the k-nearest-neighbour models: training stores the rows (in a canonical order, so
 * the stored parameters and the tie-breaking ignore the order rows came in); prediction looks up
 * the k nearest stored rows and combines their targets with uniform or inverse-distance weights.
 */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { ConstraintTable, integerAtLeast, objectWith, oneOf } from "../../options";
import { ModelParameters, ParameterRecord } from "../../parameters";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix, mapInBlocks } from "../base/data";
import { canonicalRowOrder } from "../base/rowOrder";
import { expectRecord, expectShape } from "../base/recordParameters";
import { FrameBudget, forEachBlock } from "../../parallel/FrameBudget";
import { ShardedData, WorkerPool } from "../../parallel/types";
import { DISTANCE_NAMES, DistanceName, mergeNeighbourLists, NeighbourLists, nearestNeighbours, Neighbours } from "./search";

/** Options every neighbour model has. */
export interface NeighboursOptions {
	/** k, the number of neighbours consulted (all stored rows when fewer): integer ≥ 1, default 5. */
	numberOfNeighbours: number;
	/** "euclidean", "manhattan" or "cosine": default "euclidean". */
	distance: DistanceName;
	/** "uniform" (each neighbour counts once) or "distance" (weight 1/d; neighbours at distance 0 outvote all others): default "uniform". */
	weights: "uniform" | "distance";
	/** A worker pool (`ActorPool`) holding the stored rows resident, which scores the queries of `predict`; default none. */
	pool?: WorkerPool;
}

/** Defaults of `NeighboursOptions`. */
export const NEIGHBOURS_DEFAULTS: NeighboursOptions = { numberOfNeighbours: 5, distance: "euclidean", weights: "uniform" };

/** Constraint table of `NeighboursOptions`. */
export const NEIGHBOURS_CONSTRAINTS: ConstraintTable<NeighboursOptions> = {
	numberOfNeighbours: integerAtLeast(1),
	distance: oneOf(...DISTANCE_NAMES),
	weights: oneOf("uniform", "distance"),
	pool: objectWith("a worker pool (ActorPool)", "loadData", "runKernel", "releaseData", "getWorkerCount"),
};

/** Queries per pool call (the frame budget is checked between calls). */
const QUERIES_PER_CALL = 256;

/** The k neighbours of one query with their voting weights. */
export interface WeightedNeighbours {
	/** Stored-row indices, nearest first (ties: the lower stored index). */
	readonly indices: Array<number>;
	/** Weights, same order (uniform: 1 each, so votes count exactly). */
	readonly weights: Array<number>;
	/** Σ weights. */
	readonly total: number;
}

/**
 * Base of `KNearestNeighboursClassifier` and `KNearestNeighboursRegressor`. Parameters: the
 * stored `inputs` (n×p) and `targets` (n×outputs; class indices for the classifier).
 */
export abstract class NeighboursModel<O extends NeighboursOptions> extends BaseModel<O, ParameterRecord> {
	/** The numeric n×m targets of `y` for `rows` samples (errors name `where`), made within `budget`. */
	protected abstract targetsOf(y: unknown, rows: number, where: string, xShape: string, budget: FrameBudget): Matrix;

	/** Checks stored targets given to `setModelParameters` (beyond their row count). */
	protected abstract validateTargets(targets: Matrix, where: string): void;

	/** Stores `X` (n×p) and its targets `y`, replacing earlier data. Returns an empty cost history (nothing is optimized). */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const x = featureMatrix(X, where);
		const budget = new FrameBudget();
		const targets = this.targetsOf(y, x.size(), where, describeShape(x), budget);
		const joined = mapInBlocks(x.size(), x[0].size() + targets[0].size(), (i) => [...x[i], ...targets[i]], budget);
		const order = canonicalRowOrder(joined, undefined, budget);
		const inputs = mapInBlocks(order.size(), 1, (k) => x[order[k]], budget);
		const stored = mapInBlocks(order.size(), targets[0].size(), (k) => table.clone(targets[order[k]]), budget);
		this.releaseResidentRows();
		this.parameters = { inputs, targets: stored };
		return [];
	}

	/** The stored rows resident on a pool (loaded at the first `predict` with the `pool` option), and the pool. */
	private resident: { pool: WorkerPool; data: ShardedData; inputs: Matrix } | undefined;

	/** The stored inputs and targets, and the validated query rows. */
	protected stored(X: unknown, where: string): LuaTuple<[Matrix, Matrix, Matrix]> {
		const p = this.requireParameters(where);
		const x = featureMatrix(X, where, p.inputs[0].size());
		return $tuple(p.inputs, p.targets, x);
	}

	/** The k nearest stored rows of each query and their weights: on the pool when there is one, else here within the frame budget. */
	protected neighboursOfAll(inputs: Matrix, queries: Matrix): Array<WeightedNeighbours> {
		const k = math.min(this.options.numberOfNeighbours, inputs.size());
		const budget = new FrameBudget();
		const pool = this.options.pool;
		const out = new Array<WeightedNeighbours>();
		if (pool === undefined) {
			for (const query of queries) out.push(this.weighted(nearestNeighbours(inputs, query, k, this.options.distance, budget)));
			return out;
		}
		const data = this.residentRows(pool, inputs);
		forEachBlock(queries.size(), QUERIES_PER_CALL, budget, (first, last) => {
			const batch = table.create<Array<number>>(last - first + 1);
			for (const q of $range(first, last)) batch[q - first] = queries[q];
			const lists = pool.runKernel("nearestNeighbours", data, { queries: batch, k, distance: this.options.distance }) as Array<NeighbourLists>;
			for (const q of $range(0, last - first)) out.push(this.weighted(mergeNeighbourLists(lists, q, k)));
		});
		return out;
	}

	/** Voting weights of neighbours found: 1 each, or 1/d (neighbours at distance 0 outvote all others). */
	private weighted(found: Neighbours): WeightedNeighbours {
		const weights = found.distances.map(() => 1);
		if (this.options.weights === "distance") {
			const exact = found.distances.some((d) => d === 0);
			found.distances.forEach((d, i) => (weights[i] = exact ? (d === 0 ? 1 : 0) : 1 / d));
		}
		let total = 0;
		for (const w of weights) total += w;
		return { indices: found.indices, weights, total };
	}

	/** The stored rows on `pool`, sent once and kept until the parameters, the pool or the model change. */
	private residentRows(pool: WorkerPool, inputs: Matrix): ShardedData {
		const current = this.resident;
		if (current !== undefined && current.pool === pool && current.inputs === inputs) return current.data;
		this.releaseResidentRows();
		const data = pool.loadData(inputs);
		this.resident = { pool, data, inputs };
		return data;
	}

	/** Frees the pool's copy of the stored rows, if any. */
	private releaseResidentRows() {
		const current = this.resident;
		this.resident = undefined;
		if (current !== undefined) current.pool.releaseData(current.data);
	}

	protected onParametersSet() {
		this.releaseResidentRows();
	}

	protected onOptionsChanged() {
		if (this.resident !== undefined && this.resident.pool !== this.options.pool) this.releaseResidentRows();
	}

	/** Releases the learned state and the pool's copy of the stored rows; any later call errors. */
	destroy() {
		this.releaseResidentRows();
		super.destroy();
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is ParameterRecord {
		const record = expectRecord(parameters, ["inputs", "targets"], "inputs n×p, targets n×outputs", where);
		expectShape(record.targets, "targets", record.inputs.size(), undefined, where);
		this.validateTargets(record.targets, where);
	}
}
