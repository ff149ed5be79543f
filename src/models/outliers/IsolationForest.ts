/**
 * The isolation forest (Liu, Ting & Zhou 2008): outliers are isolated by fewer random splits.
 * Each of `numberOfTrees` trees grows on ψ = min(maximumSamples, n) rows drawn without
 * replacement (seeded), to depth ⌈log₂ ψ⌉. The score of a row is −2^(−E[h(x)] / c(ψ)) (E[h] the
 * mean path length over the trees, c as in `averagePathLength`; c(1) is taken as 1), between −1
 * (surely an outlier) and 0; scikit-learn's `score_samples`. Offset "auto": −0.5.
 */
import { Matrix, Vector } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { anyFinite, ConstraintTable, frameBudgetMs, integerAtLeast } from "../../options";
import { FrameBudget } from "../../parallel/FrameBudget";
import { ModelParameters } from "../../parameters";
import { mapInBlocks } from "../base/data";
import { expectRecord, expectShape } from "../base/recordParameters";
import { OutlierDetector, OutlierFit, OutlierParameters } from "./OutlierDetector";
import { averagePathLength, growTree, pathLength } from "./isolationTree";
import { CONTAMINATION, Contamination } from "./threshold";

/** Options of `IsolationForest`. */
export interface IsolationForestOptions {
	/** Trees in the forest: integer ≥ 1, default 100. */
	numberOfTrees: number;
	/** ψ, the rows each tree sees at most: integer ≥ 1, default 256. */
	maximumSamples: number;
	/** "auto" (offset −0.5) or the expected share of outliers in (0, 0.5]: default "auto". */
	contamination: Contamination;
	/** Seed of the row samples and splits: finite, default 42. */
	seed: number;
	/** Also `task.wait()` after every this many trees grown: default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: IsolationForestOptions = { numberOfTrees: 100, maximumSamples: 256, contamination: "auto", seed: 42, yieldInterval: 0 };
const CONSTRAINTS: ConstraintTable<IsolationForestOptions> = {
	numberOfTrees: integerAtLeast(1),
	maximumSamples: integerAtLeast(1),
	contamination: CONTAMINATION,
	seed: anyFinite,
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};
const ENTRIES = ["features", "nodes", "normalizer", "offset", "roots"];
const WHAT = "nodes m×5 (feature, threshold, left, right, leaf size), roots T×1, normalizer 1×1 (c(ψ)), features 1×1 (p), offset 1×1";

/**
 * Isolation forest. Parameters: `nodes` (every tree's nodes, m×5), `roots` (each tree's first
 * node, T×1), `normalizer` c(ψ), `features` p, `offset`. `train` returns an empty history.
 * @example
 * const forest = new IsolationForest({ contamination: 0.05, seed: 7 });
 * forest.train(X);
 * const [labels, decision] = forest.predict(X);   // −1 marks the outliers
 */
export class IsolationForest extends OutlierDetector<IsolationForestOptions> {
	constructor(options?: Partial<IsolationForestOptions>) {
		super("IsolationForest", DEFAULTS, CONSTRAINTS, options);
	}

	protected fit(rows: Matrix, budget: FrameBudget): OutlierFit {
		const n = rows.size();
		const psi = math.min(this.options.maximumSamples, n);
		const maxDepth = math.max(math.ceil(math.log(psi, 2)), 1);
		const rng = new RandomGenerator(this.options.seed);
		const nodes = new Array<Array<number>>();
		const roots = new Array<Array<number>>();
		const pause = this.options.yieldInterval;
		// one buffer for every tree's permutation: n entries a tree would otherwise leave the collector to catch up with
		const shuffled = table.create<number>(n, 0);
		for (const t of $range(1, this.options.numberOfTrees)) {
			// the whole permutation (the draws stay those of the first psi positions of a full shuffle), paced by the budget
			rng.permutation(n, () => budget.check(), shuffled);
			const sample = table.create<number>(psi, 0);
			for (const i of $range(0, psi - 1)) sample[i] = shuffled[i];
			roots.push([growTree(rows, sample, 0, maxDepth, rng, nodes, budget)]);
			budget.pace(t, pause);
		}
		const normalizer = psi > 1 ? averagePathLength(psi) : 1;
		const parameters = { nodes, roots, normalizer: [[normalizer]], features: [[rows[0].size()]] };
		return { parameters, trainingScores: this.scoreRows(parameters, rows, budget), history: [] };
	}

	protected scoreRows(parameters: OutlierParameters, x: Matrix, budget = new FrameBudget(this.options.frameBudget)): Vector {
		const nodes = parameters.nodes;
		const roots = parameters.roots;
		const scale = roots.size() * parameters.normalizer[0][0];
		// a row walks one path per tree: a call, up to 8–16 steps of table reads and a logarithm, ≈ 1.9 µs a
		// tree in the headless interpreter, the time of ≈ 64 multiply-adds (at 16, 20 rows of 100 trees took 3.7 ms a block)
		return mapInBlocks(
			x.size(),
			64 * roots.size(),
			(i) => {
				const row = x[i];
				let total = 0;
				for (const root of roots) total += pathLength(nodes, root[0], row);
				return -(2 ** (-total / scale));
			},
			budget,
		);
	}

	protected autoOffset(): number {
		return -0.5;
	}

	protected featureCount(parameters: OutlierParameters): number {
		return parameters.features[0][0];
	}

	protected validateEntries(parameters: ModelParameters, where: string): OutlierParameters {
		const record = expectRecord(parameters, ENTRIES, WHAT, where);
		expectShape(record.nodes, "nodes", undefined, 5, where);
		expectShape(record.roots, "roots", undefined, 1, where);
		expectShape(record.normalizer, "normalizer", 1, 1, where);
		expectShape(record.features, "features", 1, 1, where);
		const m = record.nodes.size();
		const p = record.features[0][0];
		const isIndex = (v: number, high: number) => v === math.floor(v) && v >= 0 && v < high;
		if (!(p === math.floor(p) && p >= 1)) error(`[Hivemind] ${where}: parameters.features must hold an integer ≥ 1, got ${p}`, 4);
		if (record.normalizer[0][0] <= 0)
			error(`[Hivemind] ${where}: parameters.normalizer must hold a number > 0, got ${record.normalizer[0][0]}`, 4);
		for (const root of record.roots)
			if (!isIndex(root[0], m)) error(`[Hivemind] ${where}: parameters.roots must hold node indices in [0, ${m - 1}], got ${root[0]}`, 4);
		record.nodes.forEach((node, i) => {
			const leaf = node[0] === -1;
			if (!leaf && !(isIndex(node[0], p) && isIndex(node[2], m) && isIndex(node[3], m) && node[2] > i && node[3] > i)) {
				error(
					`[Hivemind] ${where}: parameters.nodes[${i + 1}] must be a leaf (feature −1) or split on a feature in [0, ${p - 1}] with children after it, got {${node.join(", ")}}`,
					4,
				);
			}
		});
		return record;
	}
}
