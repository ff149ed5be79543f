/** What the wrappers need from the model they wrap, and the option rule that checks it. */
import { objectWith } from "../../options";
import { BatchTrainable, GradientTrainable } from "../base/capabilities";

/**
 * A gradient model as the wrappers drive it: any `GradientModel` of the registry (LinearRegression,
 * NeuralNetwork, …) or another wrapper.
 */
export type WrappedModel = GradientTrainable;

/** A wrapped model that can also train epoch by epoch over given batches (a `GradientModel`). */
export type BatchTrainableModel = BatchTrainable;

const WRAPPED_METHODS = [
	"train",
	"predict",
	"getModelParameters",
	"setModelParameters",
	"computeGradients",
	"applyGradients",
	"getTrainingState",
	"setTrainingState",
	"clone",
	"destroy",
];

/** The rule of a `model` option: a gradient model (or a wrapper of one). */
export const wrappedModelValue = objectWith("a gradient model (e.g. LinearRegression.new()) or a wrapper of one", ...WRAPPED_METHODS);

/** The rule of a `model` option that must train over batches: a `GradientModel`. */
export const batchTrainableModelValue = objectWith(
	"a gradient model (e.g. LinearRegression.new(), NeuralNetwork.new())",
	"trainInBatches",
	...WRAPPED_METHODS,
);
