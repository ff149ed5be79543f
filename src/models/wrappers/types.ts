/** What the wrappers need from the model they wrap, and the option rule that checks it. */
import { objectWith } from "../../options";
import { ModelParameters } from "../../parameters";
import { BatchPlan } from "../base/batches";
import { TrainingState } from "../base/trainingState";

/**
 * A gradient model as the wrappers drive it: any `GradientModel` of the registry (LinearRegression,
 * NeuralNetwork, …) or another wrapper.
 */
export interface WrappedModel {
	/** The wrapped model's name. */
	readonly modelName: string;
	/** Trains on X, y; returns the cost history. */
	train(X: unknown, y?: unknown): Array<number>;
	/** Predictions (one or two values). */
	predict(X: unknown): unknown;
	/** The learned parameters (a copy unless `noCopy`). */
	getModelParameters(noCopy?: boolean): ModelParameters | undefined;
	/** Replaces the learned parameters. */
	setModelParameters(parameters: ModelParameters, noCopy?: boolean): void;
	/** (gradient summed over the rows, n, summed loss) without a step. */
	computeGradients(X: unknown, y?: unknown): LuaTuple<[ModelParameters, number, number]>;
	/** One optimizer step from Σg / Σn. */
	applyGradients(gradients?: ModelParameters, sampleCount?: number): void;
	/** Parameters, optimizer states and update counter as plain data. */
	getTrainingState(): TrainingState;
	/** Returns to a state from `getTrainingState`. */
	setTrainingState(state: TrainingState): void;
	/** The model's options. */
	getOptions(): object;
	/** An independent copy. */
	clone(): WrappedModel;
	/** Releases the model. */
	destroy(): void;
}

/** A wrapped model that can also train epoch by epoch over given batches (a `GradientModel`). */
export interface BatchTrainableModel extends WrappedModel {
	/** `GradientModel.trainInBatches`. */
	trainInBatches(X: unknown, y: unknown, numberOfEpochs: number, plan: BatchPlan): Array<number>;
}

const WRAPPED_METHODS = ["train", "predict", "getModelParameters", "setModelParameters", "computeGradients", "applyGradients", "getTrainingState", "setTrainingState", "clone", "destroy"];

/** The rule of a `model` option: a gradient model (or a wrapper of one). */
export const wrappedModelValue = objectWith("a gradient model (e.g. LinearRegression.new()) or a wrapper of one", ...WRAPPED_METHODS);

/** The rule of a `model` option that must train over batches: a `GradientModel`. */
export const batchTrainableModelValue = objectWith("a gradient model (e.g. LinearRegression.new(), NeuralNetwork.new())", "trainInBatches", ...WRAPPED_METHODS);
