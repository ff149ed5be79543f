/**
 * A Gaussian mixture fitted by expectation–maximization (Dempster, Laird & Rubin 1977): full,
 * diagonal or spherical covariances, k-means++ initialization, covariance regularization, and the
 * E-step as mergeable statistics (`statistics.ts`) for distributed training.
 */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { RandomGenerator } from "../../matrix/random";
import { anyFinite, ConstraintTable, frameBudgetMs, integerAtLeast, numberAbove, oneOf } from "../../options";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { describeValue, isFiniteNumber } from "../../core/describe";
import { assertPartial } from "../../sufficientStatistics/validate";
import { FrameBudget } from "../../parallel/FrameBudget";
import { mapInBlocks } from "../base/data";
import { ClusteringModel } from "../clustering/ClusteringModel";
import { assertEnoughRows, assignToCentres, kMeansPlusPlus } from "../clustering/shared";
import { componentLogDensities, CovarianceType, MixtureParameters, normalizeLogProbabilities, prepareComponents } from "./density";
import {
	computeGaussianMixturePartial,
	finalizeGaussianMixture,
	GaussianMixturePartial,
	hardAssignmentPartial,
	mergeGaussianMixturePartials,
} from "./statistics";

/** Options of `GaussianMixture`. */
export interface GaussianMixtureOptions {
	/** k, the number of components: integer ≥ 1, default 3. */
	numberOfComponents: number;
	/** "full" (a p×p covariance each), "diagonal" (p variances each) or "spherical" (one variance each): default "full". */
	covarianceType: CovarianceType;
	/** EM iterations per `train` call at most: integer ≥ 1, default 100. */
	maximumNumberOfIterations: number;
	/** Stop when the mean log-likelihood per row changes by at most this: ≥ 0, default 1e-3 (scikit-learn's tol). */
	tolerance: number;
	/** Added to every variance (scikit-learn's reg_covar), so a collapsing component stays finite: ≥ 0, default 1e-6. */
	regularization: number;
	/** "kmeans++" (D²-weighted seeds) or "random" (k distinct rows) as first means; rows then go to the nearest: default "kmeans++". */
	initialization: "kmeans++" | "random";
	/** EM runs from different initializations on the first `train`; the highest final log-likelihood wins: integer ≥ 1, default 1 (scikit-learn's n_init). */
	numberOfInitializations: number;
	/** Seed of the initialization: finite, default 42. */
	seed: number;
	/** Also yield the thread (task.wait) every this many iterations: integer ≥ 0, default 0 (only the frame budget decides). */
	yieldInterval: number;
	/** Milliseconds of work between yields inside `train`: ≥ 0, 0 = never; default the library's (5 in Roblox, 0 headless). */
	frameBudget?: number;
}

const DEFAULTS: GaussianMixtureOptions = {
	numberOfComponents: 3,
	covarianceType: "full",
	maximumNumberOfIterations: 100,
	tolerance: 1e-3,
	regularization: 1e-6,
	initialization: "kmeans++",
	numberOfInitializations: 1,
	seed: 42,
	yieldInterval: 0,
};
const CONSTRAINTS: ConstraintTable<GaussianMixtureOptions> = {
	numberOfComponents: integerAtLeast(1),
	covarianceType: oneOf("full", "diagonal", "spherical"),
	maximumNumberOfIterations: integerAtLeast(1),
	tolerance: numberAbove(0, true),
	regularization: numberAbove(0, true),
	initialization: oneOf("kmeans++", "random"),
	numberOfInitializations: integerAtLeast(1),
	seed: anyFinite,
	yieldInterval: integerAtLeast(0),
	frameBudget: frameBudgetMs,
};

/**
 * Gaussian mixture. Parameters: the record {covariances, means, weights}: means k×p, weights k×1,
 * covariances (k·p)×p (full: the k matrices stacked), k×p (diagonal) or k×1 (spherical). `train`
 * returns the mean log-likelihood per row before each M-step (it never decreases); training again
 * continues EM from the current parameters.
 * @example
 * const mixture = new GaussianMixture({ numberOfComponents: 2 });
 * const logLikelihoods = mixture.train(X);
 * const [components, probabilities] = mixture.predict(X);
 */
export class GaussianMixture extends ClusteringModel<GaussianMixtureOptions, MixtureParameters> {
	constructor(options?: Partial<GaussianMixtureOptions>) {
		super("GaussianMixture", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["numberOfComponents", "covarianceType"];
	}

	private mixture(): MixtureParameters | undefined {
		return this.parameters as MixtureParameters | undefined;
	}

	protected featureCount(): number | undefined {
		return this.mixture()?.means[0].size();
	}

	private eStep(x: Matrix, parameters: MixtureParameters, where: string, budget: FrameBudget): GaussianMixturePartial {
		const partial = computeGaussianMixturePartial(x, parameters, this.options.covarianceType, budget);
		if (typeIs(partial, "number")) {
			error(
				`[Hivemind] ${where}: regularization must be large enough to keep every covariance positive definite, got ${this.options.regularization} (component ${partial + 1} is not)`,
				3,
			);
		}
		return partial;
	}

	private initialParameters(rows: Matrix, rng: RandomGenerator, budget: FrameBudget): MixtureParameters {
		const o = this.options;
		const k = o.numberOfComponents;
		const seeds = o.initialization === "kmeans++" ? kMeansPlusPlus(rows, k, rng, "euclidean", budget) : this.randomSeeds(rows, k, rng, budget);
		const [labels] = assignToCentres(rows, seeds, "euclidean", budget);
		return finalizeGaussianMixture(
			hardAssignmentPartial(rows, labels, seeds, o.covarianceType, budget),
			seeds,
			o.covarianceType,
			o.regularization,
		);
	}

	/** k distinct rows (copies): the first k of a seeded permutation, shuffled within the budget. */
	private randomSeeds(rows: Matrix, k: number, rng: RandomGenerator, budget: FrameBudget): Matrix {
		const order = rng.permutation(rows.size(), () => budget.check());
		const seeds = new Array<Array<number>>();
		for (const i of $range(0, k - 1)) seeds.push(table.clone(rows[order[i]]));
		return seeds;
	}

	/**
	 * Initializes on the first call (k-means++ seeds, each row to its nearest, one M-step; the best
	 * of `numberOfInitializations` runs is kept), then runs EM until the mean log-likelihood changes by at most `tolerance`. `y` is ignored.
	 * Returns the mean log-likelihood per row of each E-step.
	 */
	protected fitRows(x: Matrix, budget: FrameBudget, where: string): Array<number> {
		const o = this.options;
		const rows = this.canonicalRows(x, budget);
		const current = this.mixture();
		if (current !== undefined) {
			const [parameters, history] = this.expectationMaximization(rows, current, where, budget);
			this.parameters = parameters;
			return history;
		}
		assertEnoughRows(x, o.numberOfComponents, "numberOfComponents", where);
		const rng = new RandomGenerator(o.seed);
		let best: [MixtureParameters, Array<number>] | undefined;
		for (const _ of $range(1, o.numberOfInitializations)) {
			const [fitted, history] = this.expectationMaximization(rows, this.initialParameters(rows, rng, budget), where, budget);
			if (best === undefined || history[history.size() - 1] > best[1][best[1].size() - 1]) best = [fitted, history];
		}
		this.parameters = best![0];
		return best![1];
	}

	private expectationMaximization(
		rows: Matrix,
		start: MixtureParameters,
		where: string,
		budget: FrameBudget,
	): LuaTuple<[MixtureParameters, Array<number>]> {
		const o = this.options;
		let parameters = start;
		const history = new Array<number>();
		for (const iteration of $range(1, o.maximumNumberOfIterations)) {
			const partial = this.eStep(rows, parameters, where, budget);
			history.push(partial.logLikelihood / partial.n);
			parameters = finalizeGaussianMixture(partial, parameters.means, o.covarianceType, o.regularization);
			if (iteration > 1 && math.abs(history[iteration - 1] - history[iteration - 2]) <= o.tolerance) break;
			budget.pace(iteration, o.yieldInterval);
		}
		return $tuple(parameters, history);
	}

	private posterior(X: unknown, where: string): LuaTuple<[Matrix, number]> {
		const parameters = this.requireParameters(where);
		const x = this.inputs(X, where);
		const components = prepareComponents(parameters, this.options.covarianceType);
		if (typeIs(components, "number")) error(`[Hivemind] ${where}: covariance ${components + 1} must be positive definite`, 3);
		let total = 0;
		const k = parameters.means.size();
		const p = x[0].size();
		const scratch = table.create<number>(p, 0);
		// row by row in order (the same sum), in fixed blocks within the frame budget
		const probabilities = mapInBlocks(
			x.size(),
			k * (p * p + 8),
			(i) => {
				const values = table.create<number>(k, 0);
				componentLogDensities(x[i], components, this.options.covarianceType, values, scratch);
				total += normalizeLogProbabilities(values);
				return values;
			},
			new FrameBudget(),
		);
		return $tuple(probabilities, total / x.size());
	}

	/**
	 * The most probable component of each row (0-based; ties: the lower index) and, as a second
	 * value, the component probabilities (n×k, rows summing to 1).
	 */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		const [probabilities] = this.posterior(X, `${this.modelName}.predict`);
		const labels = mapInBlocks(probabilities.size(), 2 * probabilities[0].size(), (i) => {
			const row = probabilities[i];
			let best = 0;
			for (const m of $range(1, row.size() - 1)) if (row[m] > row[best]) best = m;
			return best;
		});
		return $tuple(labels, probabilities);
	}

	/** The component probabilities of each row (n×k): the responsibilities of the E-step. */
	predictProbabilities(X: unknown): Matrix {
		return this.posterior(X, `${this.modelName}.predictProbabilities`)[0];
	}

	/** The mean log-likelihood per row of X under the mixture (scikit-learn's `score`). */
	score(X: unknown): number {
		return this.posterior(X, `${this.modelName}.score`)[1];
	}

	/** One shard's E-step statistics under the current parameters (`computeGaussianMixturePartial`). */
	computePartial(X: unknown): GaussianMixturePartial {
		const where = `${this.modelName}.computePartial`;
		const parameters = this.requireParameters(where);
		return this.eStep(this.inputs(X, where), parameters, where, new FrameBudget(this.options.frameBudget));
	}

	/** Throws unless `p` is an E-step partial shaped for this model's parameters (`label` names it). */
	private assertMixturePartial(p: unknown, label: string, where: string): asserts p is GaussianMixturePartial {
		const parameters = this.requireParameters(where);
		assertPartial(p, label, "n", ["totals", "sums", "squares"], where);
		const q = p as GaussianMixturePartial;
		const k = parameters.means.size();
		const width = parameters.means[0].size();
		const squares = this.options.covarianceType === "full" ? k * width : k;
		if (
			q.totals.size() !== k ||
			q.totals[0].size() !== 1 ||
			q.sums.size() !== k ||
			q.sums[0].size() !== width ||
			q.squares.size() !== squares ||
			q.squares[0].size() !== width
		) {
			error(
				`[Hivemind] ${where}: ${label} must hold totals ${k}×1, sums ${k}×${width} and squares ${squares}×${width} (this model's shapes), got ${describeShape(q.totals)}, ${describeShape(q.sums)}, ${describeShape(q.squares)}`,
				3,
			);
		}
		if (!isFiniteNumber(q.logLikelihood))
			error(`[Hivemind] ${where}: ${label}.logLikelihood must be a finite number, got ${describeValue(q.logLikelihood)}`, 3);
	}

	/** The statistics of the union of two shards (pure). */
	mergePartials(a: GaussianMixturePartial, b: GaussianMixturePartial): GaussianMixturePartial {
		const where = `${this.modelName}.mergePartials`;
		this.assertMixturePartial(a, "a", where);
		this.assertMixturePartial(b, "b", where);
		return mergeGaussianMixturePartials(a, b);
	}

	/** Finishes the EM iteration from merged statistics (the M-step). */
	trainFromPartial(partial: GaussianMixturePartial) {
		const where = `${this.modelName}.trainFromPartial`;
		this.assertNotTraining(where);
		this.assertMixturePartial(partial, "partial", where);
		const parameters = this.requireParameters(where);
		if (partial.n === 0) error(`[Hivemind] ${where}: partial.n must be at least 1 (statistics of some rows), got 0`, 2);
		const o = this.options;
		this.parameters = finalizeGaussianMixture(partial, parameters.means, o.covarianceType, o.regularization);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		const o = this.options;
		const k = o.numberOfComponents;
		const r = parameters as Partial<MixtureParameters>;
		const keys = new Array<string>();
		if (parameterKind(parameters) === "record") for (const [key] of pairs(parameters as object)) keys.push(key as string);
		const p = r.means !== undefined ? r.means[0].size() : 0;
		const covarianceRows = o.covarianceType === "full" ? k * p : k;
		const covarianceColumns = o.covarianceType === "spherical" ? 1 : p;
		const ok =
			keys.size() === 3 &&
			r.means !== undefined &&
			r.means.size() === k &&
			r.weights !== undefined &&
			r.weights.size() === k &&
			r.weights[0].size() === 1 &&
			r.weights.every((w) => w[0] > 0) &&
			r.covariances !== undefined &&
			r.covariances.size() === covarianceRows &&
			r.covariances[0].size() === covarianceColumns;
		if (!ok) {
			error(
				`[Hivemind] ${where}: parameters must be a record {covariances, means, weights} with means ${k}×p, positive weights ${k}×1 and ${o.covarianceType} covariances, got ${describeParameters(parameters)}`,
				3,
			);
		}
		const components = prepareComponents(r as MixtureParameters, o.covarianceType);
		if (typeIs(components, "number"))
			error(`[Hivemind] ${where}: parameters.covariances must be positive definite, got component ${components + 1} that is not`, 3);
		super.validateModelParameters(parameters, where);
	}
}
