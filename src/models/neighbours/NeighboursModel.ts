/**
 * The base of the k-nearest-neighbour models: training stores the rows (in a canonical order, so
 * the stored parameters and the tie-breaking ignore the order rows came in); prediction looks up
 * the k nearest stored rows and combines their targets with uniform or inverse-distance weights.
 */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { ConstraintTable, integerAtLeast, oneOf } from "../../options";
import { ModelParameters, ParameterRecord } from "../../parameters";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix } from "../base/data";
import { canonicalRowOrder } from "../base/rowOrder";
import { expectRecord, expectShape } from "../base/recordParameters";
import { FrameBudget, forEachBlock } from "../../parallel/FrameBudget";
import { DISTANCE_NAMES, DistanceName, nearestNeighbours } from "./search";

/** Options every neighbour model has. */
export interface NeighboursOptions {
	/** k, the number of neighbours consulted (all stored rows when fewer): integer ≥ 1, default 5. */
	numberOfNeighbours: number;
	/** "euclidean", "manhattan" or "cosine": default "euclidean". */
	distance: DistanceName;
	/** "uniform" (each neighbour counts once) or "distance" (weight 1/d; neighbours at distance 0 outvote all others): default "uniform". */
	weights: "uniform" | "distance";
}

/** Defaults of `NeighboursOptions`. */
export const NEIGHBOURS_DEFAULTS: NeighboursOptions = { numberOfNeighbours: 5, distance: "euclidean", weights: "uniform" };

/** Constraint table of `NeighboursOptions`. */
export const NEIGHBOURS_CONSTRAINTS: ConstraintTable<NeighboursOptions> = {
	numberOfNeighbours: integerAtLeast(1),
	distance: oneOf(...DISTANCE_NAMES),
	weights: oneOf("uniform", "distance"),
};

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
	/** The numeric n×m targets of `y` for `rows` samples (errors name `where`). */
	protected abstract targetsOf(y: unknown, rows: number, where: string, xShape: string): Matrix;

	/** Checks stored targets given to `setModelParameters` (beyond their row count). */
	protected abstract validateTargets(targets: Matrix, where: string): void;

	/** Stores `X` (n×p) and its targets `y`, replacing earlier data. Returns an empty cost history (nothing is optimized). */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const x = featureMatrix(X, where);
		const targets = this.targetsOf(y, x.size(), where, describeShape(x));
		const budget = new FrameBudget();
		const joined = new Array<Array<number>>();
		forEachBlock(x.size(), 2048, budget, (first, last) => {
			for (const i of $range(first, last)) joined[i] = [...x[i], ...targets[i]];
		});
		const order = canonicalRowOrder(joined, undefined, budget);
		const inputs = new Array<Array<number>>();
		const stored = new Array<Array<number>>();
		forEachBlock(order.size(), 2048, budget, (first, last) => {
			for (const k of $range(first, last)) {
				inputs[k] = x[order[k]];
				stored[k] = table.clone(targets[order[k]]);
			}
		});
		this.parameters = { inputs, targets: stored };
		return [];
	}

	/** The frame budget of the current `predict` call (started by `stored`). */
	private searchBudget = new FrameBudget();

	/** The stored inputs and targets, and the validated query rows (starts the call's frame budget). */
	protected stored(X: unknown, where: string): LuaTuple<[Matrix, Matrix, Matrix]> {
		this.searchBudget = new FrameBudget();
		const p = this.requireParameters(where);
		const x = featureMatrix(X, where, p.inputs[0].size());
		return $tuple(p.inputs, p.targets, x);
	}

	/** The k nearest stored rows of `query` and their weights. */
	protected neighboursOf(inputs: Matrix, query: Array<number>): WeightedNeighbours {
		const k = math.min(this.options.numberOfNeighbours, inputs.size());
		const found = nearestNeighbours(inputs, query, k, this.options.distance, this.searchBudget);
		const weights = found.distances.map(() => 1);
		if (this.options.weights === "distance") {
			const exact = found.distances.some((d) => d === 0);
			found.distances.forEach((d, i) => (weights[i] = exact ? (d === 0 ? 1 : 0) : 1 / d));
		}
		let total = 0;
		for (const w of weights) total += w;
		return { indices: found.indices, weights, total };
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is ParameterRecord {
		const record = expectRecord(parameters, ["inputs", "targets"], "inputs n×p, targets n×outputs", where);
		expectShape(record.targets, "targets", record.inputs.size(), undefined, where);
		this.validateTargets(record.targets, where);
	}
}
