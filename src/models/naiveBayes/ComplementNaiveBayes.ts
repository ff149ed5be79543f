/** Complement naive Bayes: Multinomial counts, weights learned from every other class (robust to imbalance). */
import { Matrix } from "../../matrix/types";
import { booleanValue, ConstraintTable, labelList, numberAbove } from "../../options";
import { finalizeComplementNaiveBayes } from "../../sufficientStatistics/naiveBayesVariants";
import { linearLogLikelihood } from "./likelihoods";
import { NaiveBayesOptions, NaiveBayesRecord } from "./NaiveBayesModel";
import { CountNaiveBayesModel } from "./CountNaiveBayesModel";

/** Options of `ComplementNaiveBayes`. */
export interface ComplementNaiveBayesOptions extends NaiveBayesOptions {
	/** Smoothing added to every complement count: > 0, default 1. */
	alpha: number;
	/** Normalize each class's weights (the second normalization of Rennie et al.): default false. */
	normalize: boolean;
}

const DEFAULTS: ComplementNaiveBayesOptions = { alpha: 1, normalize: false };
const CONSTRAINTS: ConstraintTable<ComplementNaiveBayesOptions> = { classesList: labelList, alpha: numberAbove(0), normalize: booleanValue };

/**
 * Complement naive Bayes (Rennie et al. 2003): the score of class k is Σⱼ xⱼ wₖⱼ with
 * wₖⱼ = −log θ̃ₖⱼ, θ̃ₖⱼ the smoothed feature frequency in every class but k (priors unused);
 * probabilities are the softmax of the scores. X holds counts ≥ 0.
 * @example
 * const model = new ComplementNaiveBayes();
 * model.train(wordCounts, topics);
 * const [predicted, probabilities] = model.predict(wordCounts);
 */
export class ComplementNaiveBayes extends CountNaiveBayesModel<ComplementNaiveBayesOptions> {
	constructor(options?: Partial<ComplementNaiveBayesOptions>) {
		super("ComplementNaiveBayes", DEFAULTS, CONSTRAINTS, options);
	}

	protected likelihoodScorer(record: NaiveBayesRecord): (x: Matrix) => Matrix {
		const derived = finalizeComplementNaiveBayes(this.statisticsOf(record), this.options.alpha, this.options.normalize);
		const zeros = record.counts.map(() => 0);
		return (x) => linearLogLikelihood(x, zeros, derived.featureWeights);
	}
}
