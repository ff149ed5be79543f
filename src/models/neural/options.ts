/** The options of `NeuralNetwork`: the shared loop's options plus the network's own, with defaults and constraints. */
import { COST_NAMES, isCostFunction } from "../../costs";
import type { CostFunction } from "../../costs/types";
import { anyOf, constraint, ConstraintTable, integerAtLeast, labelList, oneOf } from "../../options";
import { GRADIENT_CONSTRAINTS, GRADIENT_DEFAULTS, GradientOptions } from "../base/gradientOptions";
import { Label } from "../base/types";
import { INITIALIZER_NAMES, InitializerName } from "./initializers";
import { LayerSpec } from "./layers";

/** Options of `NeuralNetwork` (all optional in the constructor). */
export interface NeuralNetworkOptions extends GradientOptions {
	/**
	 * The layers, input layer first (`addLayer` and `createLayers` fill it): each
	 * `{ neurons, hasBias?, activation?, dropoutRate?, optimizer? }`; default none (add them before training).
	 */
	layers: Array<LayerSpec>;
	/** `"Classification"` (y holds labels; predict returns labels and probabilities) or `"Regression"` (y holds numbers): default "Classification". */
	mode: "Classification" | "Regression";
	/**
	 * The cost (a name from `COST_NAMES` or a `CostFunction`); default: classification with one
	 * output neuron "BinaryCrossEntropy", with several "CategoricalCrossEntropy"; regression "MeanSquaredError".
	 */
	costFunction?: string | CostFunction;
	/** Class labels in output order (classification); default: discovered (sorted) at the first training. */
	classesList?: Array<Label>;
	/** Weight initialisation (see `initializers.ts`): default "XavierUniform". */
	initializer: InitializerName;
	/** Samples per gradient step (mini-batches, reshuffled with the seed every iteration); 0 = the whole data set: integer ≥ 0, default 0. */
	batchSize: number;
	/** Seed of the initial weights, the dropout masks and the mini-batch shuffles: integer, default 42. */
	seed: number;
}

/** Defaults of `NeuralNetworkOptions`. */
export const NEURAL_NETWORK_DEFAULTS: NeuralNetworkOptions = {
	...GRADIENT_DEFAULTS,
	layers: [],
	mode: "Classification",
	initializer: "XavierUniform",
	batchSize: 0,
	seed: 42,
};

/** Constraint table of `NeuralNetworkOptions`. */
export const NEURAL_NETWORK_CONSTRAINTS: ConstraintTable<NeuralNetworkOptions> = {
	...GRADIENT_CONSTRAINTS,
	// each entry is checked in detail (naming layers[i].field) by the model
	layers: constraint((v) => typeIs(v, "table") && (v as Array<unknown>).every((entry) => typeIs(entry, "table")), "an array of layer tables"),
	mode: oneOf("Classification", "Regression"),
	costFunction: anyOf(
		constraint((v) => typeIs(v, "string") && (COST_NAMES as Array<string>).includes(v), `one of "${COST_NAMES.join('", "')}"`),
		constraint(isCostFunction, "a CostFunction"),
	),
	classesList: labelList,
	initializer: oneOf(...INITIALIZER_NAMES),
	batchSize: integerAtLeast(0),
	seed: integerAtLeast(-2147483648, 2147483647),
};
