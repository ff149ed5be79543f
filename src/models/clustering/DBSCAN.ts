/**
 * DBSCAN (Ester, Kriegel, Sander & Xu 1996): core points have at least `minimumPoints` rows
 * within `epsilon` (themselves included); clusters are the connected groups of core points; a
 * border row joins the cluster of its nearest core point within `epsilon`; the rest is noise (−1).
 */
import { Matrix } from "../../matrix/types";
import { ConstraintTable, frameBudgetMs, integerAtLeast, numberAbove, oneOf } from "../../options";
import { FrameBudget } from "../../parallel/FrameBudget";
import { DensityModel, DensityRecord } from "./DensityModel";
import { DistanceName } from "../neighbours/search";
import { labelByNearestCore, neighbourhoods } from "./density";
import { column } from "./shared";

/** Options of `DBSCAN`. */
export interface DBSCANOptions {
	/** The neighbourhood radius: > 0, default 0.5. */
	epsilon: number;
	/** Rows within epsilon (itself included) that make a core point: integer ≥ 1, default 5. */
	minimumPoints: number;
	/** "euclidean", "manhattan" or "cosine": default "euclidean". */
	distance: DistanceName;
	/** Also yield the thread (task.wait) every this many rows: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: DBSCANOptions = { epsilon: 0.5, minimumPoints: 5, distance: "euclidean", yieldInterval: 0 };
const CONSTRAINTS: ConstraintTable<DBSCANOptions> = {
	epsilon: numberAbove(0),
	minimumPoints: integerAtLeast(1),
	distance: oneOf("euclidean", "manhattan", "cosine"),
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};

/**
 * DBSCAN. Parameters: the record {core, labels, points}: the training rows (canonical order),
 * their labels (n×1; −1 noise) and core flags (n×1, 1 or 0). Labels are numbered in the canonical
 * order of each cluster's first core point, so they ignore the order of the rows; `predict` on the
 * training rows returns their training labels. Memory: every neighbourhood (up to n²).
 * @example
 * const dbscan = new DBSCAN({ epsilon: 8, minimumPoints: 4 });
 * dbscan.train(positions);
 * const [labels] = dbscan.predict(positions); // -1: noise
 */
export class DBSCAN extends DensityModel<DBSCANOptions> {
	constructor(options?: Partial<DBSCANOptions>) {
		super("DBSCAN", DEFAULTS, CONSTRAINTS, options);
	}

	protected coreRadius(): number {
		return this.options.epsilon;
	}

	/** Clusters X from scratch (`y` ignored). Returns an empty history (DBSCAN has no cost). */
	protected fitRows(x: Matrix, budget: FrameBudget, _where: string): Array<number> {
		const o = this.options;
		const rows = this.canonicalRows(x, budget);
		const n = rows.size();
		const around = neighbourhoods(rows, o.epsilon, o.distance, budget);
		const core = around.map((list) => (list.size() >= o.minimumPoints ? 1 : 0));
		const labels = table.create<number>(n, -1);
		let clusters = 0;
		for (const i of $range(0, n - 1)) {
			if (core[i] === 0 || labels[i] >= 0) continue;
			labels[i] = clusters;
			const stack = [i];
			while (stack.size() > 0) {
				const p = stack.pop()!;
				for (const q of around[p]) {
					if (core[q] === 1 && labels[q] < 0) {
						labels[q] = clusters;
						stack.push(q);
					}
				}
			}
			clusters += 1;
			budget.pace(i + 1, o.yieldInterval);
		}
		const record: DensityRecord = { points: rows, labels: column(labels, budget), core: column(core, budget) };
		const [final] = labelByNearestCore(rows, rows, record.labels, record.core, o.epsilon, o.distance, budget);
		record.labels = column(final, budget);
		this.parameters = record;
		return [];
	}
}
