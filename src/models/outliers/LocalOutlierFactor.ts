//!native
/**
 * The local outlier factor (Breunig, Kriegel, Ng & Sander 2000), as scikit-learn computes it.
 * With k = min(numberOfNeighbours, n − 1) (k = 1 and the row its own neighbour when n = 1):
 * the k-distance of a training row is the distance to its k-th nearest other row;
 * reach(a, b) = max(d(a, b), k-distance(b)); the local reachability density of a row is
 * lrd(a) = 1 / (mean over its k neighbours b of reach(a, b) + 1e-10); and
 * LOF(a) = mean over its neighbours b of lrd(b) / lrd(a). The score is −LOF (higher = more normal).
 * A new row's neighbours are the k nearest training rows; a training row's (`trainAndPredict`,
 * the offset's percentile) are its k nearest OTHER rows.
 */
import { Matrix, Vector } from "../../matrix/types";
import { ConstraintTable, frameBudgetMs, integerAtLeast, oneOf } from "../../options";
import { FrameBudget } from "../../parallel/FrameBudget";
import { ModelParameters } from "../../parameters";
import { canonicalRowOrder } from "../base/rowOrder";
import { mapInBlocks } from "../base/data";
import { expectRecord, expectShape } from "../base/recordParameters";
import { DISTANCE_NAMES, DistanceName, nearestNeighbours, Neighbours } from "../neighbours/search";
import { OutlierDetector, OutlierFit, OutlierParameters } from "./OutlierDetector";
import { CONTAMINATION, Contamination } from "./threshold";

/** Options of `LocalOutlierFactor`. */
export interface LocalOutlierFactorOptions {
	/** k, the neighbours compared: integer ≥ 1, default 20 (capped at n − 1). */
	numberOfNeighbours: number;
	/** "euclidean", "manhattan" or "cosine": default "euclidean". */
	distance: DistanceName;
	/** "auto" (offset −1.5, i.e. LOF > 1.5 is an outlier) or the expected share of outliers in (0, 0.5]: default "auto". */
	contamination: Contamination;
	/** Also `task.wait()` after every this many training rows' neighbour searches: default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: LocalOutlierFactorOptions = { numberOfNeighbours: 20, distance: "euclidean", contamination: "auto", yieldInterval: 0 };
const CONSTRAINTS: ConstraintTable<LocalOutlierFactorOptions> = {
	numberOfNeighbours: integerAtLeast(1),
	distance: oneOf(...DISTANCE_NAMES),
	contamination: CONTAMINATION,
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};
const ENTRIES = ["densities", "kDistances", "neighbours", "offset", "rows", "trainingScores"];
const WHAT = "rows n×p, kDistances n×1, densities n×1, trainingScores n×1, neighbours 1×1 (k), offset 1×1";

/** The k nearest training rows of `query`, leaving out row `own` (when ≥ 0). */
function neighboursOf(rows: Matrix, query: Vector, k: number, distance: DistanceName, own: number): Neighbours {
	if (own < 0) return nearestNeighbours(rows, query, k, distance);
	const found = nearestNeighbours(rows, query, k + 1, distance);
	let drop = found.indices.indexOf(own);
	if (drop < 0) drop = k;
	found.indices.remove(drop);
	found.distances.remove(drop);
	return found;
}

/** lrd of a row with these neighbours, and the mean lrd of the neighbours. */
function densityOf(found: Neighbours, kDistances: Matrix, densities: Matrix | undefined): LuaTuple<[number, number]> {
	const k = found.indices.size();
	let reach = 0;
	let neighbourDensity = 0;
	for (const m of $range(0, k - 1)) {
		const b = found.indices[m];
		reach += math.max(found.distances[m], kDistances[b][0]);
		if (densities) neighbourDensity += densities[b][0];
	}
	return $tuple(1 / (reach / k + 1e-10), neighbourDensity / k);
}

/**
 * Local outlier factor. Parameters: the training `rows` (canonical order), their `kDistances`,
 * `densities` (lrd), `trainingScores` (−LOF), `neighbours` (k) and `offset`. `train` returns an
 * empty history (nothing is iterated).
 * @example
 * const lof = new LocalOutlierFactor({ numberOfNeighbours: 10, contamination: 0.05 });
 * const [labels, decision] = lof.trainAndPredict(X);   // −1 marks the outliers
 */
export class LocalOutlierFactor extends OutlierDetector<LocalOutlierFactorOptions> {
	constructor(options?: Partial<LocalOutlierFactorOptions>) {
		super("LocalOutlierFactor", DEFAULTS, CONSTRAINTS, options);
	}

	protected fit(rows: Matrix, budget: FrameBudget): OutlierFit {
		const n = rows.size();
		const k = n === 1 ? 1 : math.min(this.options.numberOfNeighbours, n - 1);
		const distance = this.options.distance;
		const pause = this.options.yieldInterval;
		const found = rows.map((row, i) => {
			const neighbours = neighboursOf(rows, row, k, distance, n === 1 ? -1 : i);
			budget.pace(i + 1, pause);
			return neighbours;
		});
		// three passes over the rows (each needs the previous one complete), in fixed row blocks within the budget
		const kDistances = mapInBlocks(n, 2, (i) => [found[i].distances[k - 1]], budget);
		const densities = mapInBlocks(n, 4 * k, (i) => [densityOf(found[i], kDistances, undefined)[0]], budget);
		const trainingScores = mapInBlocks(n, 8 * k, (i) => -densityOf(found[i], kDistances, densities)[1] / densities[i][0], budget);
		return {
			parameters: { rows, kDistances, densities, trainingScores: trainingScores.map((s) => [s]), neighbours: [[k]] },
			trainingScores,
			history: [],
		};
	}

	protected scoreRows(parameters: OutlierParameters, x: Matrix): Vector {
		const k = parameters.neighbours[0][0];
		const workPerRow = parameters.rows.size() * (x[0].size() + 2);
		return mapInBlocks(
			x.size(),
			workPerRow,
			(i) => {
				const [density, neighbourDensity] = densityOf(
					nearestNeighbours(parameters.rows, x[i], k, this.options.distance),
					parameters.kDistances,
					parameters.densities,
				);
				return -neighbourDensity / density;
			},
			new FrameBudget(this.options.frameBudget),
		);
	}

	protected autoOffset(): number {
		return -1.5;
	}

	protected featureCount(parameters: OutlierParameters): number {
		return parameters.rows[0].size();
	}

	/** Trains on `X`, then labels its rows from their training scores (each row's neighbours exclude itself; scikit-learn's `fit_predict`). */
	trainAndPredict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		this.train(X);
		const parameters = this.parameters as OutlierParameters;
		// The training scores are stored in canonical row order; map them back to X's rows.
		const x = X as Matrix;
		const order = canonicalRowOrder(x);
		const scores = table.create<number>(x.size(), 0);
		order.forEach((original, position) => (scores[original] = parameters.trainingScores[position][0]));
		return this.labelScores(parameters, scores);
	}

	protected validateEntries(parameters: ModelParameters, where: string): OutlierParameters {
		const record = expectRecord(parameters, ENTRIES, WHAT, where);
		const n = record.rows.size();
		expectShape(record.kDistances, "kDistances", n, 1, where);
		expectShape(record.densities, "densities", n, 1, where);
		expectShape(record.trainingScores, "trainingScores", n, 1, where);
		expectShape(record.neighbours, "neighbours", 1, 1, where);
		const k = record.neighbours[0][0];
		if (k !== math.floor(k) || k < 1 || k > n) error(`[Hivemind] ${where}: parameters.neighbours must hold an integer in [1, ${n}], got ${k}`, 4);
		return record;
	}
}
