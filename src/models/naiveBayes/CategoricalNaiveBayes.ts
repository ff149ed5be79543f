/** Categorical naive Bayes: each feature takes one of a few categories 0, 1, 2, …. */
import { Matrix } from "../../matrix/types";
import { ConstraintTable, labelList, numberAbove } from "../../options";
import {
	assertCategoricalPartial,
	assertCategories,
	CategoricalNaiveBayesPartial,
	computeCategoricalNaiveBayesPartial,
	finalizeCategoricalNaiveBayes,
	mergeCategoricalNaiveBayesPartials,
} from "../../sufficientStatistics/naiveBayesVariants";
import { categoricalLogLikelihood, logVector } from "./likelihoods";
import { NaiveBayesModel, NaiveBayesOptions, NaiveBayesRecord } from "./NaiveBayesModel";

/** Options of `CategoricalNaiveBayes`. */
export interface CategoricalNaiveBayesOptions extends NaiveBayesOptions {
	/** Laplace (1) / Lidstone (< 1) smoothing added to every category count: > 0, default 1. */
	alpha: number;
}

const DEFAULTS: CategoricalNaiveBayesOptions = { alpha: 1 };
const CONSTRAINTS: ConstraintTable<CategoricalNaiveBayesOptions> = { classesList: labelList, alpha: numberAbove(0) };

function featureName(j: number): string {
	return `feature${j + 1}`;
}

/**
 * Categorical naive Bayes: X holds integer categories ≥ 0 (encode strings with `LabelEncoder`);
 * P(xⱼ = l | k) = (countₖⱼₗ + α) / (countₖ + α·mⱼ), mⱼ = the largest category seen + 1. A
 * category never seen in training favours no class. Parameters: `counts` (k×1) and, per feature
 * j, `feature<j>` (k×mⱼ category counts; names 1-based: `feature1`, `feature2`, …).
 * @example
 * const model = new CategoricalNaiveBayes();
 * model.train({ { 0, 2 }, { 1, 0 } }, { "yes", "no" });
 * const [predicted, probabilities] = model.predict({ { 0, 1 } });
 */
export class CategoricalNaiveBayes extends NaiveBayesModel<CategoricalNaiveBayesOptions, CategoricalNaiveBayesPartial> {
	constructor(options?: Partial<CategoricalNaiveBayesOptions>) {
		super("CategoricalNaiveBayes", DEFAULTS, CONSTRAINTS, options);
	}

	protected checkRows(x: Matrix, first: number, last: number, where: string) {
		assertCategories(x, where, first, last);
	}

	protected computeStatistics(x: Matrix, y: Matrix, classes: Array<number>): CategoricalNaiveBayesPartial {
		return computeCategoricalNaiveBayesPartial(x, y, classes);
	}

	protected assertPartialValid(partial: unknown, where: string): asserts partial is CategoricalNaiveBayesPartial {
		assertCategoricalPartial(partial, "partial", where);
	}

	protected mergeStatistics(a: CategoricalNaiveBayesPartial, b: CategoricalNaiveBayesPartial): CategoricalNaiveBayesPartial {
		return mergeCategoricalNaiveBayesPartials(a, b);
	}

	protected recordOf(partial: CategoricalNaiveBayesPartial): NaiveBayesRecord {
		const record: NaiveBayesRecord = { counts: partial.counts };
		partial.categoryCounts.forEach((t, j) => (record[featureName(j)] = t));
		return record;
	}

	private tablesOf(record: NaiveBayesRecord): Array<Matrix> {
		const tables = new Array<Matrix>();
		for (const j of $range(0, this.featureCountOf(record) - 1)) tables.push(record[featureName(j)]);
		return tables;
	}

	protected partialOf(record: NaiveBayesRecord, n: number, classes: Array<number>): CategoricalNaiveBayesPartial {
		return { n, classes, counts: record.counts, categoryCounts: this.tablesOf(record) };
	}

	protected entryNames(record: NaiveBayesRecord): Array<string> {
		const names = new Array<string>();
		for (const j of $range(0, this.featureCountOf(record) - 1)) names.push(featureName(j));
		return names;
	}

	protected describeRecord(): string {
		return "counts k×1, feature1 … featureP each k×(categories)";
	}

	protected featureCountOf(record: NaiveBayesRecord): number {
		let count = 0;
		for (const [key] of pairs(record)) if (key !== "counts") count += 1;
		return count;
	}

	protected validateWidths(record: NaiveBayesRecord, where: string) {
		if (this.featureCountOf(record) === 0)
			error(`[Hivemind] ${where}: parameters must hold at least one table feature1 (k×categories), got only counts`, 4);
		for (const [name, t] of pairs(record)) {
			for (const row of t) {
				for (const v of row) if (v < 0) error(`[Hivemind] ${where}: parameters.${name} must hold counts ≥ 0, got ${v}`, 4);
			}
		}
	}

	protected likelihoodScorer(record: NaiveBayesRecord): (x: Matrix) => Matrix {
		const derived = finalizeCategoricalNaiveBayes(this.statisticsOf(record), this.options.alpha);
		const logPriors = logVector(derived.priors.map((row) => row[0]));
		return (x) => categoricalLogLikelihood(x, logPriors, derived.categoryProbabilities);
	}
}
