/** Multinomial logistic (softmax) regression. */
import { Matrix } from "../../matrix/types";
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable, labelList, oneOf } from "../../options";
import { oneHot } from "../base/labels";
import { Label } from "../../utilities/labels";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS } from "./LinearModel";
import { LinearClassifier, LinearClassifierOptions } from "./LinearClassifier";
import { OutputLink, softmaxLink } from "./links";
import { SecondOrderSolver } from "./solvers/step";

/** Options of `SoftmaxRegression` (classesList: default discovered, sorted, at the first training). */
export interface SoftmaxRegressionOptions extends LinearClassifierOptions {
	/** "GradientDescent" (default: the `optimizer` with `learningRate`) or "LBFGS" (limited-memory BFGS with a Wolfe line search, no learning rate). */
	solver: string;
}

const DEFAULTS: SoftmaxRegressionOptions = { ...LINEAR_DEFAULTS, solver: "GradientDescent" };
const CONSTRAINTS: ConstraintTable<SoftmaxRegressionOptions> = {
	...LINEAR_CONSTRAINTS,
	classesList: labelList,
	solver: oneOf("GradientDescent", "LBFGS"),
};

/**
 * P(class j | x) = softmax(b + x·W)ⱼ (computed stably), fitted by gradient descent on the
 * categorical cross-entropy; one score column per class.
 * @example
 * const model = new SoftmaxRegression({ classesList: ["rock", "paper", "scissors"] });
 * model.train(X, labels);
 * const [predicted, probabilities] = model.predict(X);
 */
export class SoftmaxRegression extends LinearClassifier<SoftmaxRegressionOptions> {
	constructor(options?: Partial<SoftmaxRegressionOptions>) {
		super("SoftmaxRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected trainingCost(): CostFunction {
		return createCost("CategoricalCrossEntropy");
	}

	protected trainingLink(): OutputLink {
		return softmaxLink;
	}

	protected curvatureBound(): number {
		return 0.5;
	}

	protected secondOrderSolver(): SecondOrderSolver | undefined {
		return this.options.solver === "LBFGS" ? { kind: "LBFGS" } : undefined;
	}

	protected fixedOutputCount(): number | undefined {
		return this.classCount();
	}

	protected checkClassCount(classes: Array<Label>, where: string) {
		if (classes.size() < 2) {
			error(
				`[Hivemind] ${where}: y must hold at least 2 classes for ${this.modelName}, found ${classes.size()}; give the classesList option`,
				4,
			);
		}
	}

	protected encodeTargets(indices: Array<number>, classCount: number): Matrix {
		return oneHot(indices, classCount);
	}

	protected probabilitiesFromScores(z: Matrix): Matrix {
		return softmaxLink.forward(z);
	}
}
