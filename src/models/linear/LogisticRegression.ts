/** Binary logistic regression: sigmoid link, cross-entropy cost. */
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable } from "../../options";
import { BinaryClassifier, TWO_CLASSES } from "./BinaryClassifier";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS } from "./LinearModel";
import { LinearClassifierOptions } from "./LinearClassifier";
import { logisticLink, OutputLink } from "./links";

/** Options of `LogisticRegression` (classesList: two labels, default {0, 1}). */
export type LogisticRegressionOptions = LinearClassifierOptions;

const DEFAULTS: LogisticRegressionOptions = { ...LINEAR_DEFAULTS, classesList: [0, 1] };
const CONSTRAINTS: ConstraintTable<LogisticRegressionOptions> = { ...LINEAR_CONSTRAINTS, classesList: TWO_CLASSES };

/**
 * P(y = second class | x) = σ(b + x·w), fitted by gradient descent on the binary cross-entropy.
 * Labels 0/1 by default, or any two labels through `classesList`.
 * @example
 * const model = new LogisticRegression({ classesList: ["lose", "win"] });
 * model.train(X, labels);
 * const [predicted, probabilities] = model.predict(X);
 */
export class LogisticRegression extends BinaryClassifier<LogisticRegressionOptions> {
	constructor(options?: Partial<LogisticRegressionOptions>) {
		super("LogisticRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected trainingCost(): CostFunction {
		return createCost("BinaryCrossEntropy");
	}

	protected trainingLink(): OutputLink {
		return logisticLink;
	}

	protected probabilityLink(): OutputLink {
		return logisticLink;
	}
}
