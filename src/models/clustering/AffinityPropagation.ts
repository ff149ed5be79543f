/**
 * Affinity propagation: rows exchange responsibilities and availabilities (`affinity.ts`) until a
 * stable set of exemplars (training rows) emerges; the number of clusters is not given but follows
 * from the preference (lower: fewer clusters).
 */
import { Matrix } from "../../matrix/types";
import { anyFinite, anyOf, constraint, ConstraintTable, frameBudgetMs, integerAtLeast, oneOf } from "../../options";
import { ModelParameters } from "../../parameters";
import { FrameBudget } from "../../parallel/FrameBudget";
import { ClusteringModel } from "./ClusteringModel";
import { zeroRowsInBlocks } from "../base/data";
import { affinityPropagationStep, exemplarsOf, refineExemplars, selfEvidence, similarities, similarityStatistic } from "./affinity";
import { assertCentreMatrix } from "./shared";

/** Options of `AffinityPropagation`. */
export interface AffinityPropagationOptions {
	/** Weight of the old message in each update: in [0.5, 1), default 0.5. */
	damping: number;
	/** Message-passing iterations at most: integer ≥ 1, default 200. */
	maximumNumberOfIterations: number;
	/** Stop once the exemplars stayed the same this many iterations: integer ≥ 1, default 15. */
	convergenceIterations: number;
	/** Each row's self-similarity: a number, or "median" / "minimum" of the similarities: default "median". */
	preference: number | "median" | "minimum";
	/** Also yield the thread (task.wait) every this many iterations: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: AffinityPropagationOptions = {
	damping: 0.5,
	maximumNumberOfIterations: 200,
	convergenceIterations: 15,
	preference: "median",
	yieldInterval: 0,
};
const CONSTRAINTS: ConstraintTable<AffinityPropagationOptions> = {
	damping: constraint((v) => typeIs(v, "number") && v >= 0.5 && v < 1, "a number in [0.5, 1)"),
	maximumNumberOfIterations: integerAtLeast(1),
	convergenceIterations: integerAtLeast(1),
	preference: anyOf(anyFinite, oneOf("median", "minimum")),
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};

/**
 * Affinity propagation (similarity: negative squared euclidean distance). Parameters: the
 * exemplars (ONE m×p matrix of training rows). `predict` gives each row its most similar exemplar.
 * When no row qualifies as an exemplar (no convergence), the row with the largest R(k,k) + A(k,k)
 * is taken. `train` returns the number of exemplars after each iteration. Memory: three n×n matrices
 * of doubles (24·n² bytes, kept as buffers the collector does not scan).
 * @example
 * const ap = new AffinityPropagation({ preference: "minimum" });
 * ap.train(X);
 * const [clusters] = ap.predict(X);
 */
export class AffinityPropagation extends ClusteringModel<AffinityPropagationOptions> {
	constructor(options?: Partial<AffinityPropagationOptions>) {
		super("AffinityPropagation", DEFAULTS, CONSTRAINTS, options);
	}

	/** Passes messages on X from scratch (`y` ignored); returns the exemplar count after each iteration. */
	protected fitRows(x: Matrix, budget: FrameBudget, _where: string): Array<number> {
		const o = this.options;
		const rows = this.canonicalRows(x, budget);
		const n = rows.size();
		if (n === 1) {
			this.parameters = [table.clone(rows[0])];
			return [1];
		}
		const s = similarities(rows, 0, budget);
		const preference = typeIs(o.preference, "number") ? o.preference : similarityStatistic(s, o.preference, budget);
		for (const i of $range(0, n - 1)) buffer.writef64(s[i], i * 8, preference);
		const r = zeroRowsInBlocks(n, n, budget);
		const a = zeroRowsInBlocks(n, n, budget);
		const history = new Array<number>();
		let previous = "";
		let unchanged = 0;
		for (const iteration of $range(1, o.maximumNumberOfIterations)) {
			affinityPropagationStep(s, r, a, o.damping, budget);
			const exemplars = exemplarsOf(r, a);
			history.push(exemplars.size());
			const key = exemplars.join(",");
			unchanged = key === previous && exemplars.size() > 0 ? unchanged + 1 : 0;
			previous = key;
			if (unchanged + 1 >= o.convergenceIterations) break;
			budget.pace(iteration, o.yieldInterval);
		}
		let exemplars = exemplarsOf(r, a);
		if (exemplars.size() === 0) {
			let best = 0;
			for (const k of $range(1, n - 1)) if (selfEvidence(r, a, k) > selfEvidence(r, a, best)) best = k;
			exemplars = [best];
		}
		const chosen = refineExemplars(s, exemplars, budget);
		chosen.sort();
		this.parameters = chosen.map((i) => table.clone(rows[i]));
		return history;
	}

	/** The most similar exemplar's 0-based index for each row (ties: the lower index) and the n×m distances to the exemplars. */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		return this.predictNearest(X);
	}

	/** The exemplars (m×p). */
	getExemplars(): Matrix {
		return (this.requireParameters(`${this.modelName}.getExemplars`) as Matrix).map((row) => table.clone(row));
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		assertCentreMatrix(parameters, undefined, "the exemplars, a single m×p matrix", where);
		super.validateModelParameters(parameters, where);
	}
}
