/** The shared part of the wrappers: a model that delegates to the gradient model it wraps. */
import { ConstraintTable } from "../../options";
import { ModelParameters } from "../../parameters";
import { BaseModel } from "../base/BaseModel";
import { TrainingState } from "../base/trainingState";
import { relabelErrors } from "./relabel";
import { WrappedModel } from "./types";
import { GradientTrainable, predictValues } from "../base/capabilities";

/** Options every wrapper has: the wrapped model. */
export interface WrapperOptions {
	/** The gradient model to wrap (required); the wrapper owns it from then on (`destroy` destroys it, `clone` clones it). */
	model?: WrappedModel;
}

/**
 * Base of the wrappers: usable like the model it wraps. Parameters, predictions and the
 * distributed-gradient API are the wrapped model's; errors name the wrapper's method.
 */
export abstract class ModelWrapper<O extends WrapperOptions> extends BaseModel<O> implements GradientTrainable {
	protected constructor(modelName: string, defaults: O, constraints: ConstraintTable<O>, options?: Partial<O>) {
		super(modelName, defaults, constraints, options);
		if (this.options.model === undefined) {
			error(`[Hivemind] ${modelName}.new: model must be given (a gradient model such as LinearRegression.new()), got nil`, 4);
		}
	}

	/** The wrapped model (the object given as `model`). */
	getModel(): WrappedModel {
		return this.options.model!;
	}

	/**
	 * The wrapped model's predictions (all its values: labels and probabilities for classifiers).
	 * @example local predicted = wrapper:predict(X)
	 */
	predict(X: unknown): LuaTuple<[unknown, unknown?]> {
		const where = `${this.modelName}.predict`;
		this.assertAlive(where);
		// every model returns one or two values (labels and probabilities, mean and variance)
		const model = this.getModel();
		const [first, second] = relabelErrors(where, () => {
			const [a, b] = predictValues(model, X);
			return [a, b] as [unknown, unknown?];
		});
		return $tuple(first, second);
	}

	/** The wrapped model's parameters (a deep copy unless `doNotDeepCopy`), or undefined before training. */
	getModelParameters(doNotDeepCopy = false): ModelParameters | undefined {
		return this.getModel().getModelParameters(doNotDeepCopy);
	}

	/** Gives the wrapped model these parameters (checked by it; errors name the wrapper). */
	setModelParameters(parameters: ModelParameters, doNotDeepCopy = false) {
		const where = `${this.modelName}.setModelParameters`;
		this.assertAlive(where);
		const model = this.getModel();
		relabelErrors(where, () => model.setModelParameters(parameters, doNotDeepCopy));
	}

	/** The wrapped model's `computeGradients`: (gradient summed over the rows, n, summed loss), no step. */
	computeGradients(X: unknown, y?: unknown): LuaTuple<[ModelParameters, number, number]> {
		const where = `${this.modelName}.computeGradients`;
		this.assertAlive(where);
		const model = this.getModel();
		const [gradient, n, loss] = relabelErrors(where, () => {
			const [g, count, summed] = model.computeGradients(X, y);
			return [g, count, summed] as [ModelParameters, number, number];
		});
		return $tuple(gradient, n, loss);
	}

	/** The wrapped model's `applyGradients`: one step from Σg / Σn (or its saved gradient). */
	applyGradients(gradients?: ModelParameters, sampleCount?: number) {
		const where = `${this.modelName}.applyGradients`;
		this.assertAlive(where);
		const model = this.getModel();
		relabelErrors(where, () => model.applyGradients(gradients, sampleCount));
	}

	/** The wrapped model's training state (parameters, optimizer states, update counter; copies). */
	getTrainingState(): TrainingState {
		this.assertAlive(`${this.modelName}.getTrainingState`);
		return this.getModel().getTrainingState();
	}

	/** Returns the wrapped model to a state from `getTrainingState`. */
	setTrainingState(state: TrainingState) {
		const where = `${this.modelName}.setTrainingState`;
		this.assertAlive(where);
		const model = this.getModel();
		relabelErrors(where, () => model.setTrainingState(state));
	}

	/** An independent copy: the same options around a clone of the wrapped model, and the wrapper's own state. */
	clone(): this {
		this.assertAlive(`${this.modelName}.clone`);
		// the class of this instance is its Luau metatable, with the `new` constructor
		const cls = getmetatable(this) as unknown as { new: (options: O) => ModelWrapper<O> };
		const twin = cls.new({ ...this.options, model: this.getModel().clone() }) as this;
		this.copyLearnedStateTo(twin);
		return twin;
	}

	/** Destroys the wrapped model too; any later call errors. */
	destroy() {
		if (this.options.model !== undefined) this.options.model.destroy();
		super.destroy();
	}
}
