/** Bernoulli naive Bayes: features are present (above a threshold) or absent. */
import { Matrix } from "../../matrix/types";
import { anyFinite, ConstraintTable, labelList, numberAbove } from "../../options";
import { computeBernoulliNaiveBayesPartial, CountNaiveBayesPartial, finalizeBernoulliNaiveBayes } from "../../sufficientStatistics/naiveBayes";
import { bernoulliLogLikelihood, logVector } from "./likelihoods";
import { NaiveBayesOptions, NaiveBayesRecord } from "./NaiveBayesModel";
import { CountNaiveBayesModel } from "./CountNaiveBayesModel";

/** Options of `BernoulliNaiveBayes`. */
export interface BernoulliNaiveBayesOptions extends NaiveBayesOptions {
	/** Laplace (1) / Lidstone (< 1) smoothing: > 0, default 1. */
	alpha: number;
	/** A feature is present when xⱼ > binarizeThreshold: finite, default 0. */
	binarizeThreshold: number;
}

const DEFAULTS: BernoulliNaiveBayesOptions = { alpha: 1, binarizeThreshold: 0 };
const CONSTRAINTS: ConstraintTable<BernoulliNaiveBayesOptions> = { classesList: labelList, alpha: numberAbove(0), binarizeThreshold: anyFinite };

/**
 * Bernoulli naive Bayes: bⱼ = [xⱼ > threshold], P(x | k) = Πⱼ θₖⱼ^bⱼ (1 − θₖⱼ)^(1 − bⱼ) with
 * θₖⱼ = (presentₖⱼ + α) / (countₖ + 2α); absent features count too (unlike Multinomial).
 * @example
 * const model = new BernoulliNaiveBayes({ binarizeThreshold: 0.5 });
 * model.train(X, labels);
 * const [predicted, probabilities] = model.predict(X);
 */
export class BernoulliNaiveBayes extends CountNaiveBayesModel<BernoulliNaiveBayesOptions> {
	constructor(options?: Partial<BernoulliNaiveBayesOptions>) {
		super("BernoulliNaiveBayes", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["classesList", "binarizeThreshold"];
	}

	protected computeStatistics(x: Matrix, y: Matrix, classes: Array<number>): CountNaiveBayesPartial {
		return computeBernoulliNaiveBayesPartial(x, y, classes, this.options.binarizeThreshold);
	}

	/** Any finite values (binarized at the threshold). */
	protected checkRows() {}

	protected validateWidths(record: NaiveBayesRecord, where: string) {
		super.validateWidths(record, where);
		record.featureSums.forEach((row, k) => {
			for (const v of row) {
				if (v > record.counts[k][0])
					error(
						`[Hivemind] ${where}: parameters.featureSums must not exceed the class's count (${record.counts[k][0]}) in row ${k + 1}, got ${v}`,
						4,
					);
			}
		});
	}

	protected likelihoodScorer(record: NaiveBayesRecord): (x: Matrix) => Matrix {
		const derived = finalizeBernoulliNaiveBayes(this.statisticsOf(record), this.options.alpha);
		const logPriors = logVector(derived.priors.map((row) => row[0]));
		const threshold = this.options.binarizeThreshold;
		return (x) => bernoulliLogLikelihood(x, logPriors, derived.featureProbabilities, threshold);
	}
}
