/**
 * Building and checking a dense network's layer list (plain data, see `DenseLayer`), and creating
 * its per-layer weight matrices.
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { describeShape } from "../../matrix/validate";
import { Optimizer } from "../../optimization/optimizers/types";
import { isOptimizer, OPTIMIZER_NAMES } from "../../optimization";
import { isNameIn } from "../../optimization/helpers";
import { isRegularizer, Regularizer, REGULARIZER_NAMES } from "../../optimization/regularizers/regularizers";
import { ACTIVATION_NAMES, ActivationName, isActivationName } from "./activations";
import { InitializerName, initializeLayerWeights } from "./initializers";
import { DenseLayer } from "./network";

/** Throws unless `value` is nil, an object `isObject` accepts, or one of `names` (case-insensitive); errors point at the layer check's caller. */
function assertNameOrObject(
	value: unknown,
	isObject: (v: unknown) => boolean,
	names: ReadonlyArray<string>,
	argName: string,
	object: string,
	where: string,
) {
	if (value !== undefined && !isObject(value) && !isNameIn(value, names)) {
		error(`[Hivemind] ${where}: ${argName} must be one of "${names.join('", "')}" or ${object}, got ${show(value)}`, 4);
	}
}

function show(value: unknown): string {
	return typeIs(value, "string") ? `"${value}"` : tostring(value);
}

/** A layer as the `layers` option and `addLayer` take it (missing fields get the defaults shown). */
export interface LayerSpec {
	/** Number of neurons (for the input layer: the number of features): integer ≥ 1. */
	neurons: number;
	/** Whether the layer's weight matrix has a bias row (first row): default true. */
	hasBias?: boolean;
	/** The activation of the layer: default "None". */
	activation?: ActivationName;
	/** Fraction of the layer's outputs dropped in training, in [0, 1): default 0. */
	dropoutRate?: number;
	/** An optimizer (name or object) for this layer's weights instead of the model's: default none. */
	optimizer?: string | Optimizer;
	/** A regularizer (name or object) for this layer's weights instead of the model's `regularizer`: default none. */
	regularizer?: string | Regularizer;
}

/**
 * Validates one layer (fields named `<prefix>neurons`, … in errors) and returns it as plain data
 * with the defaults filled in.
 */
export function makeLayer(where: string, prefix: string, spec: LayerSpec): DenseLayer {
	if (!typeIs(spec, "table"))
		error(
			`[Hivemind] ${where}: ${prefix === "" ? "layer" : prefix.sub(1, -2)} must be a table {neurons, hasBias?, activation?, dropoutRate?, optimizer?, regularizer?}, got ${show(spec)}`,
			3,
		);
	const { neurons, hasBias = true, activation = "None", dropoutRate = 0, optimizer, regularizer } = spec;
	if (!typeIs(neurons, "number") || neurons !== math.floor(neurons) || neurons < 1) {
		error(`[Hivemind] ${where}: ${prefix}neurons must be an integer ≥ 1, got ${show(neurons)}`, 3);
	}
	if (!typeIs(hasBias, "boolean")) error(`[Hivemind] ${where}: ${prefix}hasBias must be a boolean, got ${show(hasBias)}`, 3);
	if (!isActivationName(activation)) {
		error(`[Hivemind] ${where}: ${prefix}activation must be one of "${ACTIVATION_NAMES.join('", "')}", got ${show(activation)}`, 3);
	}
	if (!typeIs(dropoutRate, "number") || !(dropoutRate >= 0 && dropoutRate < 1)) {
		error(`[Hivemind] ${where}: ${prefix}dropoutRate must be a number in [0, 1), got ${show(dropoutRate)}`, 3);
	}
	assertNameOrObject(optimizer, isOptimizer, OPTIMIZER_NAMES, `${prefix}optimizer`, "an Optimizer object", where);
	assertNameOrObject(regularizer, isRegularizer, REGULARIZER_NAMES, `${prefix}regularizer`, "a Regularizer object", where);
	return { neurons, hasBias, activation, dropoutRate };
}

/** Validates every entry of the `layers` option (errors name `layers[i]`, 1-based as Luau shows them). */
export function makeLayers(where: string, specs: Array<LayerSpec>): Array<DenseLayer> {
	return specs.map((spec, i) => makeLayer(where, `layers[${i + 1}].`, spec));
}

/** Throws unless the network has an input and an output layer and no dropout on the output. */
export function assertTrainableLayers(where: string, layers: Array<DenseLayer>) {
	if (layers.size() < 2) {
		error(
			`[Hivemind] ${where}: the network must have at least 2 layers (input and output; add them with addLayer or createLayers), got ${layers.size()}`,
			3,
		);
	}
	const last = layers[layers.size() - 1];
	if (last.dropoutRate > 0) {
		error(`[Hivemind] ${where}: the output layer's dropoutRate must be 0, got ${last.dropoutRate}`, 3);
	}
}

/** The shape layer l's weight matrix must have: [bias + neurons of layer l−1, neurons of layer l]. */
export function weightShape(layers: Array<DenseLayer>, l: number): [number, number] {
	return [layers[l - 1].neurons + (layers[l].hasBias ? 1 : 0), layers[l].neurons];
}

/** Fresh weights for every layer after the input one, drawn in layer order from `rng`. */
export function initializeNetwork(layers: Array<DenseLayer>, initializer: InitializerName, rng: RandomGenerator): Array<Matrix> {
	const weights = new Array<Matrix>();
	for (const l of $range(1, layers.size() - 1)) {
		weights.push(initializeLayerWeights(initializer, layers[l - 1].neurons, layers[l].neurons, layers[l].hasBias, rng));
	}
	return weights;
}

/** Throws unless `weights` has one matrix of the right shape per layer after the input one. */
export function assertWeightsFitLayers(where: string, layers: Array<DenseLayer>, weights: Array<Matrix>) {
	const expected = new Array<string>();
	let fits = weights.size() === layers.size() - 1;
	for (const l of $range(1, layers.size() - 1)) {
		const [rows, cols] = weightShape(layers, l);
		expected.push(`${rows}×${cols}`);
		const w = weights[l - 1];
		if (w === undefined || w.size() !== rows || w[0].size() !== cols) fits = false;
	}
	if (!fits) {
		error(
			`[Hivemind] ${where}: parameters must be a list of ${expected.size()} weight matrices shaped ${expected.join(", ")} (one per layer after the input, bias row first), got ${weights.map((w) => describeShape(w)).join(", ")}`,
			3,
		);
	}
}
