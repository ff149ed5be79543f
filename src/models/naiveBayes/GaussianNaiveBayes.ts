/** Gaussian naive Bayes: each feature normal within each class. */
import { Matrix } from "../../matrix/types";
import { ConstraintTable, labelList, numberAbove } from "../../options";
import {
	computeGaussianNaiveBayesPartial,
	finalizeGaussianNaiveBayes,
	GaussianNaiveBayesPartial,
	mergeGaussianNaiveBayesPartials,
} from "../../sufficientStatistics/naiveBayes";
import { assertPartial } from "../../sufficientStatistics/validate";
import { expectShape } from "../base/recordParameters";
import { gaussianLogLikelihood, logVector } from "./likelihoods";
import { NaiveBayesModel, NaiveBayesOptions, NaiveBayesRecord } from "./NaiveBayesModel";

/** Options of `GaussianNaiveBayes`. */
export interface GaussianNaiveBayesOptions extends NaiveBayesOptions {
	/** ε = varianceSmoothing × the largest feature variance is added to every variance: ≥ 0, default 1e-9. */
	varianceSmoothing: number;
}

const DEFAULTS: GaussianNaiveBayesOptions = { varianceSmoothing: 1e-9 };
const CONSTRAINTS: ConstraintTable<GaussianNaiveBayesOptions> = { classesList: labelList, varianceSmoothing: numberAbove(0, true) };

/** The variance used where the smoothed variance is 0 (every feature constant in the data). */
const VARIANCE_FLOOR = 1e-9;

/**
 * Gaussian naive Bayes: P(x | k) = Πⱼ N(xⱼ; μₖⱼ, σ²ₖⱼ + ε), priors = class frequencies.
 * Parameters: the per-class statistics `counts` (k×1), `means` (k×p) and `m2` (k×p, sums of
 * squared deviations); training again merges new rows in exactly (Chan–Golub–LeVeque).
 * @example
 * const model = new GaussianNaiveBayes({ classesList: ["walk", "run"] });
 * model.train(X, labels);
 * const [predicted, probabilities] = model.predict(X);
 */
export class GaussianNaiveBayes extends NaiveBayesModel<GaussianNaiveBayesOptions, GaussianNaiveBayesPartial> {
	constructor(options?: Partial<GaussianNaiveBayesOptions>) {
		super("GaussianNaiveBayes", DEFAULTS, CONSTRAINTS, options);
	}

	protected computeStatistics(x: Matrix, y: Matrix, classes: Array<number>): GaussianNaiveBayesPartial {
		return computeGaussianNaiveBayesPartial(x, y, classes);
	}

	protected assertPartialValid(partial: unknown, where: string): asserts partial is GaussianNaiveBayesPartial {
		assertPartial(partial, "partial", "n", ["counts", "means", "m2"], where);
	}

	protected mergeStatistics(a: GaussianNaiveBayesPartial, b: GaussianNaiveBayesPartial): GaussianNaiveBayesPartial {
		return mergeGaussianNaiveBayesPartials(a, b);
	}

	protected recordOf(partial: GaussianNaiveBayesPartial): NaiveBayesRecord {
		return { counts: partial.counts, means: partial.means, m2: partial.m2 };
	}

	protected partialOf(record: NaiveBayesRecord, n: number, classes: Array<number>): GaussianNaiveBayesPartial {
		return { n, classes, counts: record.counts, means: record.means, m2: record.m2 };
	}

	protected entryNames(): Array<string> {
		return ["means", "m2"];
	}

	protected describeRecord(): string {
		return "counts k×1, means k×p, m2 k×p";
	}

	protected featureCountOf(record: NaiveBayesRecord): number {
		return record.means[0].size();
	}

	protected validateWidths(record: NaiveBayesRecord, where: string) {
		expectShape(record.m2, "m2", undefined, record.means[0].size(), where);
	}

	protected likelihoodScorer(record: NaiveBayesRecord): (x: Matrix) => Matrix {
		const derived = finalizeGaussianNaiveBayes(this.statisticsOf(record), this.options.varianceSmoothing);
		const variances = derived.variances.map((row) => row.map((v) => (v > 0 ? v : VARIANCE_FLOOR)));
		const logPriors = logVector(derived.priors.map((row) => row[0]));
		return (x) => gaussianLogLikelihood(x, logPriors, derived.means, variances);
	}
}
