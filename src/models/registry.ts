/**
 * The model registry: name → factory, capability tags and an example dataset. The conformance
 * suite (`test/conformance`) runs over every registered model, so registering a model is how it
 * gets the common checks.
 */
import { Matrix } from "../matrix/types";
import { RandomGenerator } from "../matrix/random";
import { Model } from "./base/capabilities";
import { ModelTag } from "./base/types";
import { NamedRegistry } from "../core/NamedRegistry";

/** A small dataset a registered model trains well on (for the conformance suite and examples). */
export interface ExampleDataset {
	/** n×p features. */
	X: Matrix;
	/** Targets or labels (omitted by clusterers). */
	y?: unknown;
	/** Options that make the example train quickly (merged over the defaults by `createModel`). */
	options?: object;
}

/** One registered model. */
export interface ModelRegistration {
	/** The model's name (its `modelName`). */
	name: string;
	/** Builds the model from options (the constructor; the model checks them). */
	create: (options?: object) => Model;
	/** Capability tags (see `ModelTag`). */
	tags: Array<ModelTag>;
	/** A small dataset from a seeded generator; `featureCount` asks for that many features (≥ 1). */
	example: (rng: RandomGenerator, featureCount: number, sampleCount: number) => ExampleDataset;
}

const registry = new NamedRegistry<ModelRegistration>("a model");

/** Registers a model (an error if the name is taken). */
export function registerModel(registration: ModelRegistration) {
	registry.add(registration, "registerModel");
}

/** Every registration, sorted by name. */
export function getRegisteredModels(): Array<ModelRegistration> {
	return registry.sorted();
}

/** The registration of `name`, or an error listing the registered names. */
export function getModelRegistration(name: string): ModelRegistration {
	return registry.get(name, "getModelRegistration");
}

/** A new model by registered name. @example createModel("RidgeRegression", { lambda: 2 }) */
export function createModel(name: string, options?: object): Model {
	return getModelRegistration(name).create(options);
}

/** The registrations carrying `tag`, sorted by name. */
export function modelsWithTag(tag: ModelTag): Array<ModelRegistration> {
	return getRegisteredModels().filter((r) => r.tags.includes(tag));
}
