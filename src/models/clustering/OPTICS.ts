/**
 * OPTICS: an ordering of the rows with their reachability distances (the "reachability plot",
 * whose valleys are clusters at every density), and DBSCAN-like clusters cut at
 * `extractionEpsilon` (`opticsOrdering.ts`).
 */
import { Matrix } from "../../matrix/types";
import { constraint, ConstraintTable, frameBudgetMs, integerAtLeast, numberAbove, oneOf } from "../../options";
import { FrameBudget } from "../../parallel/FrameBudget";
import { DensityModel } from "./DensityModel";
import { canonicalRowOrder } from "../base/rowOrder";
import { DistanceName } from "../neighbours/search";
import { labelByNearestCore } from "./density";
import { extractClusters, OpticsResult, opticsOrdering } from "./opticsOrdering";
import { column } from "./shared";
import { mapInBlocks } from "../base/data";

/** Options of `OPTICS`. */
export interface OPTICSOptions {
	/** Rows (itself included) whose farthest gives the core distance: integer ≥ 1, default 5. */
	minimumPoints: number;
	/** Neighbourhoods stop at this radius: a number > 0, default math.huge (no limit). */
	maximumEpsilon: number;
	/** The radius of the DBSCAN-like cut giving the labels: > 0, default 0.5. */
	extractionEpsilon: number;
	/** "euclidean", "manhattan" or "cosine": default "euclidean". */
	distance: DistanceName;
	/** Also yield the thread (task.wait) every this many processed rows: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: OPTICSOptions = { minimumPoints: 5, maximumEpsilon: math.huge, extractionEpsilon: 0.5, distance: "euclidean", yieldInterval: 0 };
const CONSTRAINTS: ConstraintTable<OPTICSOptions> = {
	minimumPoints: integerAtLeast(1),
	maximumEpsilon: constraint((v) => typeIs(v, "number") && v > 0, "a number > 0 (math.huge: no limit)"),
	extractionEpsilon: numberAbove(0),
	distance: oneOf("euclidean", "manhattan", "cosine"),
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};

/**
 * OPTICS. Parameters: the record {core, labels, points} as DBSCAN's (core: core distance ≤
 * extractionEpsilon). The ordering, reachability and core distances of the last `train` (in the
 * caller's row indices) come from `getOrdering`, `getReachability`, `getCoreDistances`.
 * Memory: O(n) besides the rows (each row's distances are recomputed when needed: up to 2 n² distance
 * evaluations against n²/2 for a stored n×n matrix, which at 2,000 rows would be 64 MB for the collector to mark).
 * @example
 * const optics = new OPTICS({ minimumPoints: 5, extractionEpsilon: 6 });
 * optics.train(positions);
 * const plot = optics.getOrdering().map((i) => optics.getReachability()[i]);
 */
export class OPTICS extends DensityModel<OPTICSOptions> {
	private result?: OpticsResult;

	constructor(options?: Partial<OPTICSOptions>) {
		super("OPTICS", DEFAULTS, CONSTRAINTS, options);
	}

	protected coreRadius(): number {
		return this.options.extractionEpsilon;
	}

	/** Orders X and cuts the clusters (`y` ignored). Returns an empty history (OPTICS has no cost). */
	protected fitRows(x: Matrix, budget: FrameBudget, _where: string): Array<number> {
		const o = this.options;
		const order = canonicalRowOrder(x, undefined, budget);
		const rows = order.map((i) => x[i]);
		const run = opticsOrdering(rows, o.distance, o.minimumPoints, o.maximumEpsilon, budget, (count) => budget.pace(count, o.yieldInterval));
		const extracted = extractClusters(run, o.extractionEpsilon);
		const core = mapInBlocks(run.coreDistances.size(), 1, (i) => [run.coreDistances[i] <= o.extractionEpsilon ? 1 : 0], budget);
		const [labels] = labelByNearestCore(rows, rows, column(extracted, budget), core, o.extractionEpsilon, o.distance, budget);
		this.parameters = { points: rows, labels: column(labels, budget), core };
		const inputIndex = (i: number) => order[i];
		const reachability = table.create<number>(x.size(), 0);
		const coreDistances = table.create<number>(x.size(), 0);
		order.forEach((original, i) => {
			reachability[original] = run.reachability[i];
			coreDistances[original] = run.coreDistances[i];
		});
		this.result = { ordering: run.ordering.map(inputIndex), reachability, coreDistances };
		return [];
	}

	private trained(where: string): OpticsResult {
		this.requireParameters(where);
		if (this.result === undefined)
			error(
				`[Hivemind] ${where}: the model must have been trained in this session (the ordering is not part of the parameters), got parameters set by setModelParameters`,
				3,
			);
		return this.result;
	}

	/** The processing order of the last `train`: 0-based indices of its rows. */
	getOrdering(): Array<number> {
		return table.clone(this.trained(`${this.modelName}.getOrdering`).ordering);
	}

	/** Each training row's reachability distance (math.huge: undefined), indexed like the training rows. */
	getReachability(): Array<number> {
		return table.clone(this.trained(`${this.modelName}.getReachability`).reachability);
	}

	/** Each training row's core distance (math.huge: not a core point within maximumEpsilon). */
	getCoreDistances(): Array<number> {
		return table.clone(this.trained(`${this.modelName}.getCoreDistances`).coreDistances);
	}

	protected onParametersSet() {
		this.result = undefined;
	}
}
