/** The options of `NeuralNetwork`: the shared loop's options plus the network's own, with defaults and constraints. */
import { COST_NAMES, isCostFunction } from "../../costs";
import type { CostFunction } from "../../costs/types";
import { anyOf, constraint, ConstraintTable, labelList, oneOf } from "../../options";
import { GRADIENT_CONSTRAINTS, GRADIENT_DEFAULTS, GradientOptions } from "../base/gradientOptions";
import { Label } from "../../utilities/labels";
import { INITIALIZER_NAMES, InitializerName } from "./initializers";
import { LayerSpec } from "./layers";

/**
 * Options of `NeuralNetwork` (all optional in the constructor). The shared loop's `seed` also
 * seeds the initial weights and the dropout masks; `batchSize` gives mini-batches.
 */
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
	 * output neuron or a Sigmoid output layer "BinaryCrossEntropy" (per output), else "CategoricalCrossEntropy"; regression
	 * "MeanSquaredError".
	 */
	costFunction?: string | CostFunction;
	/** Class labels in output order (classification); default: discovered (sorted) at the first training. */
	classesList?: Array<Label>;
	/** Weight initialisation (see `initializers.ts`): default "XavierUniform". */
	initializer: InitializerName;
}

/** Defaults of `NeuralNetworkOptions`. */
export const NEURAL_NETWORK_DEFAULTS: NeuralNetworkOptions = {
	...GRADIENT_DEFAULTS,
	layers: [],
	mode: "Classification",
	initializer: "XavierUniform",
};

/** Constraint table of `NeuralNetworkOptions`. */
export const NEURAL_NETWORK_CONSTRAINTS: ConstraintTable<NeuralNetworkOptions> = {
	...GRADIENT_CONSTRAINTS,
	// each entry is checked in detail (naming layers[i].field) by the model
	layers: constraint((v) => typeIs(v, "table") && (v as Array<defined>).every((entry) => typeIs(entry, "table")), "an array of layer tables"),
	mode: oneOf("Classification", "Regression"),
	costFunction: anyOf(
		constraint((v) => typeIs(v, "string") && (COST_NAMES as Array<string>).includes(v), `one of "${COST_NAMES.join('", "')}"`),
		constraint(isCostFunction, "a CostFunction"),
	),
	classesList: labelList,
	initializer: oneOf(...INITIALIZER_NAMES),
};
