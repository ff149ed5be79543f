/** Multinomial naive Bayes: features are counts (word counts, event counts). */
import { Matrix } from "../../matrix/types";
import { ConstraintTable, labelList, numberAbove } from "../../options";
import { finalizeMultinomialNaiveBayes } from "../../sufficientStatistics/naiveBayes";
import { linearLogLikelihood, logVector } from "./likelihoods";
import { NaiveBayesOptions, NaiveBayesRecord } from "./NaiveBayesModel";
import { CountNaiveBayesModel } from "./CountNaiveBayesModel";

/** Options of `MultinomialNaiveBayes`. */
export interface MultinomialNaiveBayesOptions extends NaiveBayesOptions {
	/** Laplace (1) / Lidstone (< 1) smoothing added to every feature count: > 0, default 1. */
	alpha: number;
}

const DEFAULTS: MultinomialNaiveBayesOptions = { alpha: 1 };
const CONSTRAINTS: ConstraintTable<MultinomialNaiveBayesOptions> = { classesList: labelList, alpha: numberAbove(0) };

/**
 * Multinomial naive Bayes: log P(k | x) ∝ log πₖ + Σⱼ xⱼ log θₖⱼ with
 * θₖⱼ = (sumₖⱼ + α) / (Σⱼ sumₖⱼ + α·p). X holds counts ≥ 0.
 * @example
 * const model = new MultinomialNaiveBayes({ alpha: 0.5 });
 * model.train(wordCounts, topics);
 * const [predicted, probabilities] = model.predict(wordCounts);
 */
export class MultinomialNaiveBayes extends CountNaiveBayesModel<MultinomialNaiveBayesOptions> {
	constructor(options?: Partial<MultinomialNaiveBayesOptions>) {
		super("MultinomialNaiveBayes", DEFAULTS, CONSTRAINTS, options);
	}

	protected likelihoodScorer(record: NaiveBayesRecord): (x: Matrix) => Matrix {
		const derived = finalizeMultinomialNaiveBayes(this.statisticsOf(record), this.options.alpha);
		const logPriors = logVector(derived.priors.map((row) => row[0]));
		const logProbabilities = derived.featureProbabilities.map(logVector);
		return (x) => linearLogLikelihood(x, logPriors, logProbabilities);
	}
}
