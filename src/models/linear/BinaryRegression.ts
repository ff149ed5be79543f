/** Two-class linear models with a choice of link (logistic, probit) and cost (cross-entropy, hinge). */
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable, oneOf } from "../../options";
import { BinaryClassifier, TWO_CLASSES } from "./BinaryClassifier";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS } from "./LinearModel";
import { LinearClassifierOptions } from "./LinearClassifier";
import { identityLink, logisticLink, OutputLink, probitLink } from "./links";

/** Options of `BinaryRegression`. */
export interface BinaryRegressionOptions extends LinearClassifierOptions {
	/** "Logistic" (default) or "Probit": how a score becomes P(second class). */
	link: string;
	/** "BinaryCrossEntropy" (default; on the link's probability) or "Hinge" (on the raw score, a linear SVM). */
	costFunction: string;
}

const DEFAULTS: BinaryRegressionOptions = { ...LINEAR_DEFAULTS, classesList: [0, 1], link: "Logistic", costFunction: "BinaryCrossEntropy" };
const CONSTRAINTS: ConstraintTable<BinaryRegressionOptions> = {
	...LINEAR_CONSTRAINTS,
	classesList: TWO_CLASSES,
	link: oneOf("Logistic", "Probit"),
	costFunction: oneOf("BinaryCrossEntropy", "Hinge"),
};

/**
 * Binary classification by a linear score: probit or logistic regression on the cross-entropy, or
 * a linear hinge-loss classifier. `predict` gives labels and [P(first), P(second)] from the link.
 * @example new BinaryRegression({ link: "Probit" }).train(X, labels)
 */
export class BinaryRegression extends BinaryClassifier<BinaryRegressionOptions> {
	constructor(options?: Partial<BinaryRegressionOptions>) {
		super("BinaryRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected trainingCost(): CostFunction {
		return createCost(this.options.costFunction);
	}

	protected probabilityLink(): OutputLink {
		return this.options.link === "Probit" ? probitLink : logisticLink;
	}

	protected trainingLink(): OutputLink {
		return this.options.costFunction === "Hinge" ? identityLink : this.probabilityLink();
	}
}
