/**
 * Capabilities as types: what code that does not know a model's class (the registry, the
 * distributed drivers, the simulation, model files, the conformance suite) may call, each with a
 * type guard that looks at the model itself (its methods), not at a tag.
 */
import { ModelParameters } from "../../parameters";
import { Label } from "../../utilities/labels";
import { TrainingState } from "./trainingState";
import { BatchPlan } from "./batches";

/** Any model: the contract of `BaseModel`, without its option and parameter types. */
export interface Model {
	/** The registered name, e.g. `"LinearRegression"`. */
	readonly modelName: string;
	/** Trains on `X` and `y`; returns the cost history. */
	train(X: unknown, y?: unknown): Array<number>;
	/** Predictions for the rows of `X` (classifiers return two values: see {@link predictValues}). */
	predict(X: unknown): unknown;
	/** The resolved, frozen options. */
	getOptions(): object;
	/** Changes some options (validated). */
	setParameters(changes: object): void;
	/** The learned parameters (a copy unless `doNotDeepCopy`), or undefined before training. */
	getModelParameters(doNotDeepCopy?: boolean): ModelParameters | undefined;
	/** Replaces the learned parameters (checked). */
	setModelParameters(parameters: ModelParameters, doNotDeepCopy?: boolean): void;
	/** An independent copy. */
	clone(): Model;
	/** Releases the learned state. */
	destroy(): void;
}

/**
 * A model trained by gradients: the distributed-gradient API of `GradientModel` (which adds saved
 * gradients and optimizer states) and of the wrappers around one.
 */
export interface GradientTrainable extends Model {
	/** (gradient summed over the rows, n, summed loss) at the current parameters, without a step. */
	computeGradients(X: unknown, y?: unknown): LuaTuple<[ModelParameters, number, number]>;
	/** One optimizer step from a gradient summed over `sampleCount` rows (default: the saved one). */
	applyGradients(gradients?: ModelParameters, sampleCount?: number): void;
	/** Parameters, optimizer states and update counter (copies). */
	getTrainingState(): TrainingState;
	/** Returns to a state from `getTrainingState`. */
	setTrainingState(state: TrainingState): void;
}

/** A gradient model that keeps the raw gradient of its training iterations (`GradientModel`; DataPredict's API). */
export interface GradientSaving extends GradientTrainable {
	/** Keep (true) the raw gradient of each training iteration. */
	setAreGradientsSaved(areGradientsSaved: boolean): void;
	/** The saved gradient (a copy), or undefined. */
	getGradients(): ModelParameters | undefined;
	/** The number of rows behind the saved gradient. */
	getGradientSampleCount(): number;
	/** Stores an external gradient as the saved one. */
	setGradients(gradients: ModelParameters, sampleCount: number): void;
}

/** A gradient model that also trains epoch by epoch over given batches (`GradientModel.trainInBatches`). */
export interface BatchTrainable extends GradientTrainable {
	/** Trains `numberOfEpochs` epochs over the batches of `plan`; returns the cost history. */
	trainInBatches(X: unknown, y: unknown, numberOfEpochs: number, plan: BatchPlan): Array<number>;
}

/**
 * A model trained from exact, mergeable sufficient statistics `P`: `computePartial` on each
 * shard, `mergePartials` (associative), `trainFromPartial` once; equal to training on all rows.
 */
export interface StatisticsModel<P = unknown> extends Model {
	/** The statistics of these rows, at the current parameters when they depend on them (k-means). */
	computePartial(X: unknown, y?: unknown): P;
	/** The statistics of both row sets. */
	mergePartials(a: P, b: P): P;
	/** Trains from merged statistics (the result of `train` on the same rows). */
	trainFromPartial(partial: P): unknown;
}

/** A model whose predictions are class labels (then class probabilities). */
export interface Classifier extends Model {
	/** The labels in class-index order, or undefined before they are known. */
	getClassesList(): Array<Label> | undefined;
}

/** A generative model: draws samples (conditional models: given one condition per sample). */
export interface Generative extends Model {
	/** `n` new samples (n × features), seeded; `condition` labels for conditional models. */
	generate(n: number, condition?: unknown): unknown;
}

/** A model that knows how many features it was trained on (the linear families). */
export interface FeatureCounting extends Model {
	/** The number of features, or undefined before training. */
	getFeatureCount(): number | undefined;
}

/** Maps inputs to new coordinates (scalers, encoders, PCA, PolynomialFeatures). */
export interface Transformer<I = unknown, O = unknown> {
	/** The transformed inputs. */
	transform(X: I): O;
}

/** A transformer that maps outputs back (scalers, encoders, PCA). */
export interface InvertibleTransformer<I = unknown, O = unknown> extends Transformer<I, O> {
	/** The inputs of transformed values. */
	inverseTransform(Z: O): I;
}

/**
 * What the parameter-exchange drivers (`DistributedModelParameters`, `FederatedTrainer`) need of
 * a child: train, hand out and take back parameters. Every {@link Model} is one; so is any Luau
 * table with these methods (DataPredict's own models).
 */
export interface ParameterExchanging {
	/** Trains on `X` and `y` (what it returns, the driver passes back). */
	train(X: unknown, y?: unknown): unknown;
	/** The learned parameters, or undefined before training. */
	getModelParameters(doNotDeepCopy?: boolean): ModelParameters | undefined;
	/** Replaces the learned parameters. */
	setModelParameters(parameters: ModelParameters, doNotDeepCopy?: boolean): void;
}

/**
 * What `ModelParametersMerger` needs to score parameters: load them and predict (and, when it has
 * `getModelParameters`, give back its own, restored after scoring). Every {@link Model} is one.
 */
export type ParameterScoring = Pick<Model, "setModelParameters" | "predict"> & Partial<Pick<Model, "getModelParameters">>;

/** True when `value` (a model or any Luau table) has `train`, `getModelParameters` and `setModelParameters`. */
export function isParameterExchanging(value: unknown): value is ParameterExchanging {
	if (!typeIs(value, "table")) return false;
	const probe = value as Partial<ParameterExchanging>;
	return typeIs(probe.train, "function") && typeIs(probe.getModelParameters, "function") && typeIs(probe.setModelParameters, "function");
}

/** True when `model` has the distributed-gradient API. */
export function isGradientTrainable(model: Model): model is GradientTrainable {
	const probe: Partial<GradientTrainable> = model;
	return typeIs(probe.computeGradients, "function") && typeIs(probe.applyGradients, "function") && typeIs(probe.setTrainingState, "function");
}

/** True when `model` keeps the gradients of its training iterations. */
export function isGradientSaving(model: Model): model is GradientSaving {
	const probe: Partial<GradientSaving> = model;
	return isGradientTrainable(model) && typeIs(probe.setAreGradientsSaved, "function") && typeIs(probe.getGradients, "function");
}

/** True when `model` draws samples (`generate`). */
export function isGenerative(model: Model): model is Generative {
	const probe: Partial<Generative> = model;
	return typeIs(probe.generate, "function");
}

/** True when `model` trains from mergeable sufficient statistics. */
export function isStatisticsModel(model: Model): model is StatisticsModel {
	const probe: Partial<StatisticsModel> = model;
	return typeIs(probe.computePartial, "function") && typeIs(probe.mergePartials, "function") && typeIs(probe.trainFromPartial, "function");
}

/** True when `model` predicts class labels. */
export function isClassifier(model: Model): model is Classifier {
	const probe: Partial<Classifier> = model;
	return typeIs(probe.getClassesList, "function");
}

/** The number of features `model` was trained on, when it says (see {@link FeatureCounting}). */
export function featureCountOf(model: Model): number | undefined {
	const probe: Partial<FeatureCounting> = model;
	return typeIs(probe.getFeatureCount, "function") ? probe.getFeatureCount() : undefined;
}

/** True when `value` (a model or any object) has a `transform` method. */
export function isTransformer(value: object): value is Transformer {
	const probe: Partial<Transformer> = value;
	return typeIs(probe.transform, "function");
}

/**
 * All values `model.predict(X)` returns: classifiers return (labels, probabilities), other models
 * one value (the second is then undefined).
 */
export function predictValues(model: Model, X: unknown): LuaTuple<[unknown, unknown?]> {
	// `predict` is typed per class as one value, but classifiers return two (a Luau multiple
	// return); this view reads both, which no single TypeScript return type can express.
	return (model as unknown as { predict(X: unknown): LuaTuple<[unknown, unknown?]> }).predict(X);
}
