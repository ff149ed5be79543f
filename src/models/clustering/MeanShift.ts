//!native
/**
 * Mean shift with a flat kernel (Fukunaga & Hostetler 1975; Comaniciu & Meer 2002), as
 * scikit-learn runs it: every row seeds a climb to the mean of the rows within `bandwidth` until it
 * moves less than 1e-3·bandwidth; the peaks, strongest first, absorb the peaks within a bandwidth.
 */
import { Matrix, Vector } from "../../matrix/types";
import { constraint, ConstraintTable, frameBudgetMs, integerAtLeast, numberAbove } from "../../options";
import { ModelParameters } from "../../parameters";
import { FrameBudget, rowsPerBlock } from "../../parallel/FrameBudget";
import { sortWithinBudget } from "../../parallel/sort";
import { ClusteringModel } from "./ClusteringModel";
import { distanceBetween } from "../neighbours/search";
import { assertCentreMatrix, distancesFrom } from "./shared";

/** Options of `MeanShift`. */
export interface MeanShiftOptions {
	/** The kernel radius: ≥ 0, default 0 (estimate it with `estimateBandwidth`). */
	bandwidth: number;
	/** The neighbour fraction of the estimate: in (0, 1], default 0.3. */
	quantile: number;
	/** Climbing steps per seed at most: integer ≥ 1, default 300. */
	maximumNumberOfIterations: number;
	/** Also yield the thread (task.wait) every this many seeds: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: MeanShiftOptions = { bandwidth: 0, quantile: 0.3, maximumNumberOfIterations: 300, yieldInterval: 0 };
const CONSTRAINTS: ConstraintTable<MeanShiftOptions> = {
	bandwidth: numberAbove(0, true),
	quantile: constraint((v) => typeIs(v, "number") && v > 0 && v <= 1, "a number in (0, 1]"),
	maximumNumberOfIterations: integerAtLeast(1),
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};

/**
 * scikit-learn's bandwidth estimate: the mean over rows of the distance to their k-th nearest row
 * (itself counted first), k = max(1, ⌊n·quantile⌋). Checks `budget` after each fixed block of rows (n distances and a sort each).
 */
export function estimateBandwidth(x: Matrix, quantile: number, budget = new FrameBudget()): number {
	const n = x.size();
	const k = math.max(1, math.floor(n * quantile));
	const every = rowsPerBlock(n * (x[0].size() + 12));
	let total = 0;
	const d = table.create<number>(n, 0);
	for (const i of $range(0, n - 1)) {
		distancesFrom(x, i, "euclidean", d);
		d.sort(); // Luau's own comparison: no call from C per comparison (see opticsOrdering)
		total += d[k - 1];
		if (i % every === every - 1) budget.check();
	}
	return total / n;
}

/** One seed's climb: the peak and the rows within the bandwidth of it (0: none); checks `budget` after each fixed number of steps (n distances each). */
function climb(x: Matrix, seed: Vector, bandwidth: number, maximum: number, budget: FrameBudget): LuaTuple<[Vector, number]> {
	let mean = table.clone(seed);
	const p = seed.size();
	const every = rowsPerBlock(x.size() * (p + 2));
	for (const iteration of $range(1, maximum)) {
		const sum = table.create<number>(p, 0);
		let count = 0;
		for (const row of x) {
			if (distanceBetween(row, mean, "euclidean") <= bandwidth) {
				for (const j of $range(0, p - 1)) sum[j] += row[j];
				count += 1;
			}
		}
		if (count === 0) return $tuple(mean, 0);
		const old = mean;
		mean = sum.map((s) => s / count);
		if (distanceBetween(mean, old, "euclidean") <= 1e-3 * bandwidth || iteration === maximum) return $tuple(mean, count);
		if (iteration % every === 0) budget.check();
	}
	return $tuple(mean, 0);
}

/**
 * Mean shift. Parameters: the cluster centres (ONE m×p matrix; m follows from the bandwidth).
 * `predict` gives each row its nearest centre. `train` returns the bandwidth used (one entry).
 * Time O(n²) per climbing step.
 * @example
 * const shift = new MeanShift(); // bandwidth estimated
 * shift.train(X);
 * const [clusters] = shift.predict(X);
 */
export class MeanShift extends ClusteringModel<MeanShiftOptions> {
	constructor(options?: Partial<MeanShiftOptions>) {
		super("MeanShift", DEFAULTS, CONSTRAINTS, options);
	}

	/** Climbs from every row of X (`y` ignored) and keeps the distinct peaks; returns [bandwidth]. */
	protected fitRows(x: Matrix, budget: FrameBudget, _where: string): Array<number> {
		const o = this.options;
		const rows = this.canonicalRows(x, budget);
		let bandwidth = o.bandwidth > 0 ? o.bandwidth : estimateBandwidth(rows, o.quantile, budget);
		if (bandwidth === 0) bandwidth = 1; // every row identical: any radius gives one centre
		const peaks = new Array<[Vector, number]>();
		rows.forEach((row, i) => {
			const [peak, count] = climb(rows, row, bandwidth, o.maximumNumberOfIterations, budget);
			if (count > 0) peaks.push([peak, count]);
			budget.pace(i + 1, o.yieldInterval);
		});
		// equal peaks (the same count and point) are interchangeable, so the stable sort gives table.sort's answer
		const sorted = sortWithinBudget(
			peaks,
			(a, b) => {
				if (a[1] !== b[1]) return a[1] > b[1];
				for (const j of $range(0, a[0].size() - 1)) if (a[0][j] !== b[0][j]) return a[0][j] > b[0][j];
				return false;
			},
			budget,
		);
		const centres = new Array<Vector>();
		for (const [peak] of sorted) {
			if (!centres.some((c) => distanceBetween(c, peak, "euclidean") <= bandwidth)) centres.push(peak);
			budget.check();
		}
		this.parameters = centres;
		return [bandwidth];
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
