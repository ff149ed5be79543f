//!native
/**
 * Forward and backward passes of a dense network, on whole batches (rows are samples).
 *
 * Layer 0 is the input layer; layer l ≥ 1 has the weight matrix `weights[l - 1]` of shape
 * (bias + neurons of layer l−1) × (neurons of layer l), its bias row FIRST when the layer has a
 * bias. So layer l computes zₗ = [1 | aₗ₋₁] · Wₗ (without the column of ones when it has no bias)
 * and aₗ = f(zₗ). Dropout (inverted: kept units scaled by 1/(1 − rate)) is applied to a layer's
 * outputs as they enter the next layer, only when a generator is passed (training).
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { matmul, transposeMatmul } from "../../matrix/product";
import { CostFunction } from "../../costs/types";
import { ActivationName, activateInto, backpropagateActivationInPlace, isSoftmax } from "./activations";

/** One dense layer as plain data (the input layer's activation and bias are not used). */
export interface DenseLayer {
	/** Number of neurons (for the input layer: the number of features). */
	neurons: number;
	/** Whether this layer's weight matrix has a bias row (first row). */
	hasBias: boolean;
	/** The activation applied to this layer's pre-activation. */
	activation: ActivationName;
	/** Fraction of this layer's outputs dropped during training, in [0, 1). */
	dropoutRate: number;
}

/** What the backward pass needs from a forward pass. */
export interface ForwardCache {
	/** inputs[l − 1]: the input of layer l (after dropout, with the leading column of ones when it has a bias). */
	inputs: Array<Matrix>;
	/** preActivations[l − 1]: zₗ. */
	preActivations: Array<Matrix>;
	/** activations[l − 1]: aₗ = f(zₗ) (before dropout); the last one is the network's output. */
	activations: Array<Matrix>;
	/** masks[l]: the scaled dropout mask applied to layer l's outputs (undefined: none). */
	masks: Array<Matrix | undefined>;
}

function emptyMatrix(rows: number, cols: number): Matrix {
	const out = table.create<Array<number>>(rows);
	for (const i of $range(0, rows - 1)) out[i] = table.create<number>(cols, 0);
	return out;
}

/** A rows×cols inverted-dropout mask: 0 with probability `rate`, else 1/(1 − rate). */
function dropoutMask(rows: number, cols: number, rate: number, rng: RandomGenerator): Matrix {
	const keep = 1 - rate;
	const kept = 1 / keep;
	const out = emptyMatrix(rows, cols);
	for (const i of $range(0, rows - 1)) {
		const row = out[i];
		for (const j of $range(0, cols - 1)) row[j] = rng.nextFloat() < keep ? kept : 0;
	}
	return out;
}

/** [1 | source ⊙ mask] (or without the ones column when `bias` is false), as a new matrix. */
function layerInput(source: Matrix, bias: boolean, mask: Matrix | undefined): Matrix {
	const rows = source.size();
	const cols = source[0].size();
	const offset = bias ? 1 : 0;
	const out = table.create<Array<number>>(rows);
	for (const i of $range(0, rows - 1)) {
		const s = source[i];
		const row = table.create<number>(cols + offset, 1);
		if (mask) {
			const m = mask[i];
			for (const j of $range(0, cols - 1)) row[j + offset] = s[j] * m[j];
		} else {
			for (const j of $range(0, cols - 1)) row[j + offset] = s[j];
		}
		out[i] = row;
	}
	return out;
}

/**
 * Runs `x` (n × features) through the network. With `dropoutRng` (training), every layer with a
 * dropout rate > 0 has its outputs masked, the masks drawn row by row from the generator.
 */
export function forwardPass(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	x: Matrix,
	dropoutRng?: RandomGenerator,
): ForwardCache {
	const n = x.size();
	const cache: ForwardCache = { inputs: [], preActivations: [], activations: [], masks: [] };
	let previous = x;
	for (const l of $range(1, layers.size() - 1)) {
		const below = layers[l - 1];
		const layer = layers[l];
		const mask =
			dropoutRng && below.dropoutRate > 0 ? dropoutMask(n, below.neurons, below.dropoutRate, dropoutRng) : undefined;
		cache.masks[l - 1] = mask;
		const input = layerInput(previous, layer.hasBias, mask);
		const z = matmul(input, weights[l - 1]);
		const a = emptyMatrix(n, layer.neurons);
		activateInto(layer.activation, z, a);
		cache.inputs.push(input);
		cache.preActivations.push(z);
		cache.activations.push(a);
		previous = a;
	}
	return cache;
}

/** The network's output for `x` (no dropout): the last layer's activations. */
export function predictOutput(weights: Array<Matrix>, layers: Array<DenseLayer>, x: Matrix): Matrix {
	const cache = forwardPass(weights, layers, x);
	return cache.activations[cache.activations.size() - 1];
}

/**
 * The gradient with respect to layer l−1's outputs from dz of layer l: dz · Wᵀ without the bias
 * row, times the dropout mask; a new n × (neurons of layer l−1) matrix.
 */
function gradientBelow(dz: Matrix, w: Matrix, bias: boolean, mask: Matrix | undefined): Matrix {
	const n = dz.size();
	const k = dz[0].size();
	const offset = bias ? 1 : 0;
	const cols = w.size() - offset;
	const out = emptyMatrix(n, cols);
	for (const i of $range(0, n - 1)) {
		const di = dz[i];
		const o = out[i];
		for (const j of $range(0, cols - 1)) {
			const wj = w[j + offset];
			let s = 0;
			for (const c of $range(0, k - 1)) s += di[c] * wj[c];
			o[j] = s;
		}
		if (mask) {
			const m = mask[i];
			for (const j of $range(0, cols - 1)) o[j] *= m[j];
		}
	}
	return out;
}

/**
 * Backpropagation: the gradient of the loss with respect to every weight matrix (same shapes as
 * `weights`), from `outputGradient` = ∂loss/∂a of the last layer, or ∂loss/∂z of the last layer
 * when `isPreActivationGradient` (the fused softmax/sigmoid + cross-entropy case). The loss is
 * whatever `outputGradient` is the gradient of (the models pass the summed loss, before 1/n).
 * `outputGradient` is overwritten.
 */
export function backwardPass(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	cache: ForwardCache,
	outputGradient: Matrix,
	isPreActivationGradient: boolean,
): Array<Matrix> {
	return backwardPassWithInput(weights, layers, cache, outputGradient, isPreActivationGradient, false).gradients;
}

/**
 * `backwardPass`, and when `withInput` also ∂loss/∂x, the gradient with respect to the network's
 * input (n × features; through the input layer's dropout mask when one was applied).
 */
export function backwardPassWithInput(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	cache: ForwardCache,
	outputGradient: Matrix,
	isPreActivationGradient: boolean,
	withInput: boolean,
): { gradients: Array<Matrix>; input: Matrix | undefined } {
	const count = weights.size();
	const gradients = table.create<Matrix>(count);
	let dz = outputGradient;
	let input: Matrix | undefined;
	if (!isPreActivationGradient) {
		backpropagateActivationInPlace(layers[count].activation, cache.preActivations[count - 1], cache.activations[count - 1], dz);
	}
	for (const l of $range(count, 1, -1)) {
		gradients[l - 1] = transposeMatmul(cache.inputs[l - 1], dz);
		if (l > 1) {
			const da = gradientBelow(dz, weights[l - 1], layers[l].hasBias, cache.masks[l - 1]);
			backpropagateActivationInPlace(layers[l - 1].activation, cache.preActivations[l - 2], cache.activations[l - 2], da);
			dz = da;
		} else if (withInput) {
			input = gradientBelow(dz, weights[0], layers[1].hasBias, cache.masks[0]);
		}
	}
	return { gradients, input };
}

/**
 * True when the output activation and the cost have the simple joint gradient ∂loss/∂z = a − y
 * (Softmax with categorical cross-entropy, Sigmoid with binary cross-entropy): it is used instead of
 * chaining −y/p through the activation, which loses precision when p is tiny.
 */
export function hasFusedOutputGradient(outputActivation: ActivationName, cost: CostFunction): boolean {
	return (
		(isSoftmax(outputActivation) && cost.costName === "CategoricalCrossEntropy") ||
		(outputActivation === "Sigmoid" && cost.costName === "BinaryCrossEntropy")
	);
}

/**
 * The summed cost of the network on (x, targets) and its gradient with respect to every weight
 * matrix (the gradient convention: summed over the batch, before 1/n, no regularization).
 */
export function costAndGradients(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	x: Matrix,
	targets: Matrix,
	cost: CostFunction,
	dropoutRng?: RandomGenerator,
): { cost: number; gradients: Array<Matrix> } {
	const cache = forwardPass(weights, layers, x, dropoutRng);
	const output = cache.activations[cache.activations.size() - 1];
	const fused = hasFusedOutputGradient(layers[layers.size() - 1].activation, cost);
	let outputGradient: Matrix;
	if (fused) {
		outputGradient = emptyMatrix(output.size(), output[0].size());
		for (const i of $range(0, output.size() - 1)) {
			const o = output[i];
			const t = targets[i];
			const g = outputGradient[i];
			for (const j of $range(0, o.size() - 1)) g[j] = o[j] - t[j];
		}
	} else {
		outputGradient = cost.gradient(output, targets);
	}
	return { cost: cost.value(output, targets), gradients: backwardPass(weights, layers, cache, outputGradient, fused) };
}
