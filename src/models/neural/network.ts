//!native
/**
 * Forward and backward passes of a dense network, on whole batches (rows are samples).
 *
 * Layer 0 is the input layer; layer l ≥ 1 has the weight matrix `weights[l - 1]` of shape
 * (bias + neurons of layer l−1) × (neurons of layer l), its bias row FIRST when the layer has a
 * bias. So layer l computes zₗ = [1 | aₗ₋₁] · Wₗ (without the column of ones when it has no bias)
 * and aₗ = f(zₗ). Dropout (inverted: kept units scaled by 1/(1 − rate)) is applied to a layer's
 * outputs as they enter the next layer, only when a generator is passed (training). Every pass
 * writes into a `NetworkWorkspace` sized once for a batch size, so training reuses its matrices.
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { addInPlace, matmulInto, transposeMatmulInto } from "../../matrix/inplace";
import { RowPacer } from "../../matrix/fused";
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

/** The matrices of one forward and backward pass over n rows, allocated once and overwritten by each pass. */
export interface NetworkWorkspace extends ForwardCache {
	/** The batch size the matrices are sized for. */
	readonly rows: number;
	/** maskBuffers[l]: room for layer l's dropout mask (undefined when its rate is 0). */
	readonly maskBuffers: Array<Matrix | undefined>;
	/** below[l − 1]: ∂loss/∂aₗ for the hidden layers l ≥ 1 (then turned into ∂loss/∂zₗ in place). */
	readonly below: Array<Matrix>;
	/** ∂loss/∂(the output layer's activations or pre-activations). */
	readonly outputGradient: Matrix;
}

function emptyMatrix(rows: number, cols: number): Matrix {
	const out = table.create<Array<number>>(rows);
	for (const i of $range(0, rows - 1)) out[i] = table.create<number>(cols, 0);
	return out;
}

/** A workspace for `rows` rows through `layers` (the input rows' bias columns are ones from the start). */
export function createWorkspace(layers: Array<DenseLayer>, rows: number): NetworkWorkspace {
	const inputs = new Array<Matrix>();
	const preActivations = new Array<Matrix>();
	const activations = new Array<Matrix>();
	const below = new Array<Matrix>();
	const maskBuffers = new Array<Matrix | undefined>();
	for (const l of $range(1, layers.size() - 1)) {
		const under = layers[l - 1];
		const layer = layers[l];
		const input = emptyMatrix(rows, under.neurons + (layer.hasBias ? 1 : 0));
		if (layer.hasBias) for (const row of input) row[0] = 1;
		inputs.push(input);
		preActivations.push(emptyMatrix(rows, layer.neurons));
		activations.push(emptyMatrix(rows, layer.neurons));
		if (l < layers.size() - 1) below.push(emptyMatrix(rows, layer.neurons));
		maskBuffers[l - 1] = under.dropoutRate > 0 ? emptyMatrix(rows, under.neurons) : undefined;
	}
	const outputs = layers[layers.size() - 1].neurons;
	return { rows, inputs, preActivations, activations, masks: [], maskBuffers, below, outputGradient: emptyMatrix(rows, outputs) };
}

/** Fills `out` (rows×cols) with an inverted-dropout mask: 0 with probability `rate`, else 1/(1 − rate). */
function dropoutMaskInto(out: Matrix, rate: number, rng: RandomGenerator) {
	const keep = 1 - rate;
	const kept = 1 / keep;
	for (const row of out) {
		for (const j of $range(0, row.size() - 1)) row[j] = rng.nextFloat() < keep ? kept : 0;
	}
}

/**
 * Writes rows `first` … `first` + out.size() − 1 of source, ⊙ mask (or as they are), after the
 * leading ones column when `bias`, into `out` (one row of out per row read).
 */
function layerInputInto(out: Matrix, source: Matrix, bias: boolean, mask: Matrix | undefined, first: number) {
	const rows = out.size();
	const cols = source[0].size();
	const offset = bias ? 1 : 0;
	for (const i of $range(0, rows - 1)) {
		const s = source[first + i];
		const row = out[i];
		if (mask) {
			const m = mask[i];
			for (const j of $range(0, cols - 1)) row[j + offset] = s[j] * m[j];
		} else {
			for (const j of $range(0, cols - 1)) row[j + offset] = s[j];
		}
	}
}

/**
 * Runs `x` (n × features) through the network, into `workspace` (sized for n rows; returned); or,
 * with `first`, the workspace.rows rows of x from row `first` (0-based) on.
 * With `dropoutRng` (training), every layer with a dropout rate > 0 has its outputs masked, the
 * masks drawn row by row from the generator.
 */
export function forwardPass(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	x: Matrix,
	dropoutRng?: RandomGenerator,
	workspace = createWorkspace(layers, x.size()),
	first = 0,
): NetworkWorkspace {
	let previous = x;
	for (const l of $range(1, layers.size() - 1)) {
		const below = layers[l - 1];
		const buffer = workspace.maskBuffers[l - 1];
		const mask = dropoutRng && buffer ? buffer : undefined;
		if (mask) dropoutMaskInto(mask, below.dropoutRate, dropoutRng!);
		workspace.masks[l - 1] = mask;
		const input = workspace.inputs[l - 1];
		layerInputInto(input, previous, layers[l].hasBias, mask, l === 1 ? first : 0);
		const z = matmulInto(workspace.preActivations[l - 1], input, weights[l - 1]);
		const a = workspace.activations[l - 1];
		activateInto(layers[l].activation, z, a);
		previous = a;
	}
	return workspace;
}

/**
 * The gradient with respect to layer l−1's outputs from dz of layer l: dz · Wᵀ without the bias
 * row, times the dropout mask; written into `out` (n × neurons of layer l−1, returned).
 */
function gradientBelowInto(out: Matrix, dz: Matrix, w: Matrix, bias: boolean, mask: Matrix | undefined): Matrix {
	const n = dz.size();
	const k = dz[0].size();
	const offset = bias ? 1 : 0;
	const cols = w.size() - offset;
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

/** Zero matrices shaped like `weights`. */
export function zerosLike(weights: Array<Matrix>): Array<Matrix> {
	return weights.map((w) => emptyMatrix(w.size(), w[0].size()));
}

/**
 * Backpropagation: the gradient of the loss with respect to every weight matrix, written into
 * `gradients` (same shapes as `weights`; new ones by default) and returned, from `outputGradient`
 * = ∂loss/∂a of the last layer, or ∂loss/∂z of the last layer when `isPreActivationGradient` (the
 * fused softmax/sigmoid + cross-entropy case). The loss is whatever `outputGradient` is the
 * gradient of (the models pass the summed loss, before 1/n). `outputGradient` is overwritten.
 */
export function backwardPass(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	cache: NetworkWorkspace,
	outputGradient: Matrix,
	isPreActivationGradient: boolean,
	gradients = zerosLike(weights),
): Array<Matrix> {
	backpropagateInto(weights, layers, cache, outputGradient, isPreActivationGradient, gradients);
	return gradients;
}

/** `backwardPass` into `gradients`, allocating nothing; returns ∂loss/∂z of the first layer after the input. */
function backpropagateInto(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	cache: NetworkWorkspace,
	outputGradient: Matrix,
	isPreActivationGradient: boolean,
	gradients: Array<Matrix>,
): Matrix {
	const count = weights.size();
	let dz = outputGradient;
	if (!isPreActivationGradient) {
		backpropagateActivationInPlace(layers[count].activation, cache.preActivations[count - 1], cache.activations[count - 1], dz);
	}
	for (const l of $range(count, 1, -1)) {
		transposeMatmulInto(gradients[l - 1], cache.inputs[l - 1], dz);
		if (l > 1) {
			const da = gradientBelowInto(cache.below[l - 2], dz, weights[l - 1], layers[l].hasBias, cache.masks[l - 1]);
			backpropagateActivationInPlace(layers[l - 1].activation, cache.preActivations[l - 2], cache.activations[l - 2], da);
			dz = da;
		}
	}
	return dz;
}

/**
 * `backwardPass`, and when `withInput` also ∂loss/∂x, the gradient with respect to the network's
 * input (n × features; through the input layer's dropout mask when one was applied).
 */
export function backwardPassWithInput(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	cache: NetworkWorkspace,
	outputGradient: Matrix,
	isPreActivationGradient: boolean,
	withInput: boolean,
	gradients = zerosLike(weights),
): { gradients: Array<Matrix>; input: Matrix | undefined } {
	const dz = backpropagateInto(weights, layers, cache, outputGradient, isPreActivationGradient, gradients);
	if (!withInput) return { gradients, input: undefined };
	const features = weights[0].size() - (layers[1].hasBias ? 1 : 0);
	const input = gradientBelowInto(emptyMatrix(dz.size(), features), dz, weights[0], layers[1].hasBias, cache.masks[0]);
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
 * The summed cost of the workspace.rows rows of (x, targets) from row `first` on (0-based) and its
 * gradient with respect to every weight matrix (summed over those rows, before 1/n, no
 * regularization), written into `gradients`. Nothing is allocated, except for a cost without an
 * entry-wise loss (a view of the targets' rows).
 */
function blockCostAndGradients(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	x: Matrix,
	targets: Matrix,
	first: number,
	cost: CostFunction,
	dropoutRng: RandomGenerator | undefined,
	gradients: Array<Matrix>,
	workspace: NetworkWorkspace,
): number {
	const cache = forwardPass(weights, layers, x, dropoutRng, workspace, first);
	const output = cache.activations[cache.activations.size() - 1];
	const rows = output.size();
	const fused = hasFusedOutputGradient(layers[layers.size() - 1].activation, cost);
	const outputGradient = cache.outputGradient;
	const entry = cost.entry;
	let value = 0;
	if (entry !== undefined) {
		// the arithmetic of the entry-wise cost's `value` and `gradient`, on the rows in place
		const { loss, derivative } = entry;
		for (const i of $range(0, rows - 1)) {
			const o = output[i];
			const t = targets[first + i];
			const g = outputGradient[i];
			for (const j of $range(0, o.size() - 1)) value += loss(o[j], t[j]);
			if (fused) for (const j of $range(0, o.size() - 1)) g[j] = o[j] - t[j];
			else for (const j of $range(0, o.size() - 1)) g[j] = derivative(o[j], t[j]);
		}
	} else {
		const actual = first === 0 && rows === targets.size() ? targets : targetRows(targets, first, rows);
		if (fused)
			for (const i of $range(0, rows - 1)) for (const j of $range(0, output[i].size() - 1)) outputGradient[i][j] = output[i][j] - actual[i][j];
		else {
			const fresh = cost.gradient(output, actual);
			for (const i of $range(0, rows - 1)) for (const j of $range(0, fresh[i].size() - 1)) outputGradient[i][j] = fresh[i][j];
		}
		value = cost.value(output, actual);
	}
	backpropagateInto(weights, layers, cache, outputGradient, fused, gradients);
	return value;
}

/** Rows `first` … `first` + count − 1 of m (the same row tables). */
function targetRows(m: Matrix, first: number, count: number): Matrix {
	const out = table.create<Array<number>>(count);
	for (const i of $range(0, count - 1)) out[i] = m[first + i];
	return out;
}

/**
 * The summed cost of the network on (x, targets) and its gradient with respect to every weight
 * matrix (the gradient convention: summed over the batch, before 1/n, no regularization), written
 * into `gradients` (new matrices by default) through `workspace` (sized for x's rows; a new one by
 * default).
 */
export function costAndGradients(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	x: Matrix,
	targets: Matrix,
	cost: CostFunction,
	dropoutRng?: RandomGenerator,
	gradients = zerosLike(weights),
	workspace = createWorkspace(layers, x.size()),
): { cost: number; gradients: Array<Matrix> } {
	const value = blockCostAndGradients(weights, layers, x, targets, 0, cost, dropoutRng, gradients, workspace);
	return { cost: value, gradients };
}

/**
 * The work buffers of a pass in row blocks, made once per training call: a workspace per block
 * size (the full block, and the shorter last block of a pass) and a scratch gradient.
 */
export class BlockBuffers {
	private readonly workspaces = new Map<number, NetworkWorkspace>();
	/** The gradient of each block after the first, before it is added to the total. */
	readonly scratch: Array<Matrix>;

	/** For `layers` with `weights` shaped like these, in blocks of `blockRows` rows. */
	constructor(
		private readonly layers: Array<DenseLayer>,
		weights: Array<Matrix>,
		readonly blockRows: number,
	) {
		this.scratch = zerosLike(weights);
	}

	/** The workspace for a block of `rows` rows (made at its first use). */
	workspaceFor(rows: number): NetworkWorkspace {
		let workspace = this.workspaces.get(rows);
		if (workspace === undefined) {
			workspace = createWorkspace(this.layers, rows);
			this.workspaces.set(rows, workspace);
		}
		return workspace;
	}
}

/**
 * `costAndGradients` over all rows of x in fixed blocks of `buffers.blockRows` rows, through the
 * buffers' workspaces: the first block's gradient written into `gradients`, each later block's
 * into the scratch gradient and added (block order, so the result depends only on the block size).
 * `pacer.between(rowsDone)` is called after each block (it may yield). Returns the summed cost
 * (the blocks' costs added in order).
 */
export function pacedCostAndGradients(
	weights: Array<Matrix>,
	layers: Array<DenseLayer>,
	x: Matrix,
	targets: Matrix,
	cost: CostFunction,
	dropoutRng: RandomGenerator | undefined,
	gradients: Array<Matrix>,
	buffers: BlockBuffers,
	pacer?: RowPacer,
): number {
	const n = x.size();
	const block = buffers.blockRows;
	const scratch = buffers.scratch;
	let total = 0;
	let first = 0;
	while (first < n) {
		const rows = math.min(block, n - first);
		const workspace = buffers.workspaceFor(rows);
		if (first === 0) total += blockCostAndGradients(weights, layers, x, targets, first, cost, dropoutRng, gradients, workspace);
		else {
			total += blockCostAndGradients(weights, layers, x, targets, first, cost, dropoutRng, scratch, workspace);
			for (const l of $range(0, gradients.size() - 1)) addInPlace(gradients[l], scratch[l]);
		}
		first += rows;
		if (pacer !== undefined) pacer.between(first);
	}
	return total;
}
