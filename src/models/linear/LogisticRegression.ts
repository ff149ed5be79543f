/** Binary logistic regression: sigmoid link, cross-entropy cost. */
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable } from "../../options";
import { BinaryClassifier, TWO_CLASSES } from "./BinaryClassifier";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS } from "./LinearModel";
import { LinearClassifierOptions } from "./LinearClassifier";
import { logisticLink, OutputLink } from "./links";
import { SecondOrderSolver, solverConstraint, usesSecondOrder } from "./solvers/step";
import { logisticScoreLoss } from "./solvers/scoreLosses";

/** Options of `LogisticRegression` (classesList: two labels, default {0, 1}). */
export interface LogisticRegressionOptions extends LinearClassifierOptions {
	/** "Auto" (default: "Newton" unless a gradient-descent option such as `learningRate` is set), "Newton" (no learning rate; converges on unscaled data), "LBFGS" (limited-memory BFGS, Wolfe line search; best on scaled data) or "GradientDescent" (the `optimizer` with `learningRate`). */
	solver: string;
}

const DEFAULTS: LogisticRegressionOptions = { ...LINEAR_DEFAULTS, classesList: [0, 1], solver: "Auto" };
const CONSTRAINTS: ConstraintTable<LogisticRegressionOptions> = {
	...LINEAR_CONSTRAINTS,
	classesList: TWO_CLASSES,
	solver: solverConstraint("Newton"),
};

/**
 * P(y = second class | x) = σ(b + x·w), fitted on the binary cross-entropy by Newton's method
 * (`solver`, default) or by gradient steps of the `optimizer`.
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

	protected secondOrderSolver(): SecondOrderSolver | undefined {
		if (!usesSecondOrder(this.options)) return undefined;
		return this.options.solver === "LBFGS" ? { kind: "LBFGS" } : { kind: "Newton", loss: logisticScoreLoss };
	}

	protected curvatureBound(): number {
		return 0.25;
	}

	protected probabilityLink(): OutputLink {
		return logisticLink;
	}
}
