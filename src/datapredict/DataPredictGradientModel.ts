/**
 * The DataPredict model objects trained by gradient descent (LinearRegression,
 * LogisticRegression, SoftmaxRegression, NeuralNetwork): DataPredict's optimizer, regularization
 * and gradient methods over a Hivemind `GradientModel`.
 */
import { GradientModel } from "../models/base/GradientModel";
import { GradientOptions } from "../models/base/gradientOptions";
import { createRegularizer } from "../optimization/regularizers/regularizers";
import { mapParameters, ModelParameters } from "../parameters";
import { scale } from "../matrix/elementwise";
import { describeValue } from "../core/describe";
import { DataPredictModel } from "./DataPredictModel";
import { hivemindOptimizer } from "./DataPredictOptimizer";
import { DataPredictRegularization } from "./Regularization";

/** The Hivemind regularizer a DataPredict Regularization stands for (nil: none, as λ = 0). */
export function hivemindRegularizer(where: string, value: unknown) {
	if (value === undefined) return createRegularizer("L2", { lambda: 0 });
	if (value instanceof DataPredictRegularization) return value.getRegularizer();
	error(
		`[Hivemind] ${where}: Regularization must be an object of Hivemind.DataPredict.Others.Regularization or nil, got ${describeValue(value)}`,
		3,
	);
}

/** A DataPredict gradient model over a Hivemind `GradientModel` `M`. */
export abstract class DataPredictGradientModel<M extends GradientModel<GradientOptions>> extends DataPredictModel<M> {
	/** Uses a DataPredict optimizer object (nil: plain gradient descent); the model keeps its state across `train` calls. */
	setOptimizer(Optimizer?: unknown) {
		this.model.setParameters({ optimizer: hivemindOptimizer(`${this.where}.setOptimizer`, Optimizer) });
	}

	/** Uses a DataPredict Regularization object (nil: none). */
	setRegularization(Regularization?: unknown) {
		this.model.setParameters({ regularizer: hivemindRegularizer(`${this.where}.setRegularization`, Regularization) });
	}

	/** DataPredict 1.2x's name of `setRegularization`. */
	setRegularizer(Regularizer?: unknown) {
		this.model.setParameters({ regularizer: hivemindRegularizer(`${this.where}.setRegularizer`, Regularizer) });
	}

	/** true: optimizer states start afresh at every `train` call (Hivemind keeps them by default). */
	setAutoResetOptimizers(option: boolean) {
		if (!typeIs(option, "boolean"))
			error(`[Hivemind] ${this.where}.setAutoResetOptimizers: option must be a boolean, got ${describeValue(option)}`, 2);
		this.model.setParameters({ keepOptimizerState: !option });
	}

	/** Whether training keeps the last iteration's gradients for `getGradients`. */
	setAreGradientsSaved(option: boolean) {
		this.model.setAreGradientsSaved(option);
	}

	/**
	 * The last saved gradients as DataPredict's DistributedGradients applies them: the plain
	 * descent step learningRate × mean gradient (parameter structure; nil before any save).
	 * Hivemind's native `getGradients` gives the summed gradient and `getGradientSampleCount` n.
	 */
	getGradients(): ModelParameters | undefined {
		const gradients = this.model.getGradients();
		if (gradients === undefined) return undefined;
		const factor = this.model.getOptions().learningRate / this.model.getGradientSampleCount();
		return mapParameters(gradients, (matrix) => scale(matrix, factor));
	}
}
