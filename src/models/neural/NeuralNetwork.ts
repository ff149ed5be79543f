/**
 * A dense feed-forward neural network trained by backpropagation through the shared gradient loop.
 *
 * Parameters: a list with one weight matrix per layer after the input layer (entries "1", "2", …
 * as Luau users see them). Layer l's matrix is (bias + neurons of layer l−1) × (neurons of layer
 * l), its bias row FIRST when the layer has a bias, so layer l computes aₗ = f([1 | aₗ₋₁] · Wₗ).
 * Regularizers never touch the bias rows. Each layer keeps its own optimizer state (entry name),
 * and may have its own optimizer (`addLayer`'s last argument).
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { argmax } from "../../matrix/reductions";
import { CostFunction, createCost } from "../../costs";
import { Optimizer } from "../../optimization/optimizers/types";
import { createOptimizer } from "../../optimization";
import { createRegularizer, Regularizer } from "../../optimization/regularizers/regularizers";
import { describeParameters, ModelParameters, parameterCount, parameterKind } from "../../parameters";
import { GradientModel } from "../base/GradientModel";
import { DATAPREDICT_HINT, describeValue } from "../../core/describe";
import { TrainingData } from "../base/types";
import { Label } from "../../utilities/labels";
import { featureMatrix, targetMatrix } from "../base/data";
import { indexColumn, oneHot } from "../base/labels";
import { ClassLabels } from "../base/ClassLabels";
import { ActivationName } from "./activations";
import { BlockBuffers, DenseLayer, zerosLike, backwardPassWithInput, forwardPass, pacedCostAndGradients } from "./network";
import { predictOutput } from "./outputs";
import { RowPacer } from "../../matrix/fused";
import { allocatingRowsPerBlock, FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { holdWhileFilling, releaseHold } from "../../parallel/collectorHold";
import { rowsBetween } from "../../parallel/shards";
import { warnIfSaturating } from "../base/scaleCheck";
import { assertTrainableLayers, assertWeightsFitLayers, initializeNetwork, LayerSpec, makeLayer, makeLayers } from "./layers";
import { NEURAL_NETWORK_CONSTRAINTS, NEURAL_NETWORK_DEFAULTS, NeuralNetworkOptions } from "./options";
import { Classifier } from "../base/capabilities";

/** Generator streams forked from the seed: initial weights, dropout masks. */
const INITIAL_WEIGHTS_STREAM = 1;
const DROPOUT_STREAM = 2;

/**
 * A multi-layer perceptron: build it with `addLayer` (input layer first) or `createLayers`, then
 * `train(X, y)` and `predict(X)`.
 * @example
 * const network = new NeuralNetwork({ optimizer: "Adam", learningRate: 0.05, maximumNumberOfIterations: 400 });
 * network.addLayer(2);                        // input layer: 2 features
 * network.addLayer(4, true, "Tanh");          // hidden layer: 4 Tanh neurons with a bias
 * network.addLayer(2, true, "Softmax");       // output layer: one probability per class
 * network.train([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]);
 * const [labels, probabilities] = network.predict([[1, 0]]);
 */
export class NeuralNetwork extends GradientModel<NeuralNetworkOptions, Array<Matrix>> implements Classifier {
	private layers: Array<DenseLayer>;
	private layerOptimizers: Array<Optimizer | false>;
	private readonly labels = new ClassLabels(() => this.options.classesList);
	private dropoutRng: RandomGenerator;
	/** The block buffers (workspaces, scratch gradient) per training gradient buffer (weak keys). */
	private readonly blockBuffers = new WeakMap<object, BlockBuffers>();
	private costCache: [Readonly<NeuralNetworkOptions>, number, CostFunction] | undefined;

	/** A network with the `layers` option's layers (often none yet); `options` as in `NeuralNetworkOptions` (validated). */
	constructor(options?: Partial<NeuralNetworkOptions>) {
		super("NeuralNetwork", NEURAL_NETWORK_DEFAULTS, NEURAL_NETWORK_CONSTRAINTS, options);
		this.layers = makeLayers(`${this.modelName}.new`, this.options.layers);
		this.layerOptimizers = this.optimizersOfLayers();
		this.dropoutRng = new RandomGenerator(this.options.seed).fork(DROPOUT_STREAM);
	}

	/**
	 * Appends a layer. The first layer added is the input layer (`neurons` = number of features; it
	 * takes no `hasBias` (an error, as DataPredict's meaning differs), its activation is not used,
	 * its dropout drops inputs). For later layers, `hasBias` (default true) gives the layer's weight matrix a bias row, `activation` is applied to its pre-activation,
	 * `dropoutRate` ∈ [0, 1) drops its outputs in training (never on the output layer), and
	 * `optimizer` (a name or an `Optimizer`) replaces the model's optimizer for this layer.
	 */
	addLayer(
		neurons: number,
		hasBias?: boolean,
		activation: ActivationName = "None",
		dropoutRate = 0,
		optimizer?: string | Optimizer,
		...extra: Array<unknown>
	) {
		const where = `${this.modelName}.addLayer`;
		if (extra.size() > 0)
			error(
				`[Hivemind] ${where}: takes at most 5 arguments (neurons, hasBias, activation, dropoutRate, optimizer), got ${5 + extra.size()} ${DATAPREDICT_HINT}`,
				2,
			);
		if (this.options.layers.size() === 0 && typeIs(hasBias, "boolean")) {
			error(
				`[Hivemind] ${where}: the input layer takes no hasBias, got ${tostring(hasBias)}: a layer's hasBias puts a bias row in its own weights (DataPredict's adds a bias neuron to the next layer; its 4th argument is a learning rate, here a dropout rate) ${DATAPREDICT_HINT}`,
				2,
			);
		}
		this.assertLayersChangeable(where);
		const spec: LayerSpec = { neurons, hasBias: hasBias ?? true, activation, dropoutRate, optimizer };
		makeLayer(where, "", spec);
		const specs = table.clone(this.options.layers);
		specs.push(spec);
		this.setParameters({ layers: specs });
	}

	/**
	 * Replaces the layers by `neuronsPerLayer.size()` layers (the first is the input layer), all
	 * with the same activation, bias flag and dropout rate (the output layer never drops).
	 * @example network.createLayers([4, 16, 16, 3], "ReLU")
	 */
	createLayers(neuronsPerLayer: Array<number>, activation: ActivationName = "Sigmoid", hasBias = true, dropoutRate = 0, ...extra: Array<unknown>) {
		const where = `${this.modelName}.createLayers`;
		if (extra.size() > 0 || !typeIs(hasBias, "boolean")) {
			error(
				`[Hivemind] ${where}: takes (neuronsPerLayer, activation, hasBias, dropoutRate) with a boolean hasBias, got ${describeValue(hasBias)} and ${extra.size()} more argument(s) ${DATAPREDICT_HINT}`,
				2,
			);
		}
		this.assertLayersChangeable(where);
		if (!typeIs(neuronsPerLayer, "table") || neuronsPerLayer.size() < 2) {
			error(
				`[Hivemind] ${where}: neuronsPerLayer must be an array of at least 2 layer sizes (input and output), got ${tostring(neuronsPerLayer)}`,
				2,
			);
		}
		makeLayer(where, "", { neurons: 1, hasBias, activation, dropoutRate });
		const last = neuronsPerLayer.size() - 1;
		const specs = neuronsPerLayer.map((neurons, l): LayerSpec => {
			if (!typeIs(neurons, "number") || neurons !== math.floor(neurons) || neurons < 1) {
				error(`[Hivemind] ${where}: neuronsPerLayer[${l + 1}] must be an integer ≥ 1, got ${tostring(neurons)}`, 3);
			}
			return { neurons, hasBias, activation, dropoutRate: l === last ? 0 : dropoutRate };
		});
		this.setParameters({ layers: specs });
	}

	/** Changes the activation of layer `layerIndex` (0 = input layer) before training. */
	setLayerActivation(layerIndex: number, activation: ActivationName) {
		const where = `${this.modelName}.setLayerActivation`;
		this.assertLayersChangeable(where);
		const count = this.layers.size();
		if (!typeIs(layerIndex, "number") || layerIndex !== math.floor(layerIndex) || layerIndex < 0 || layerIndex >= count) {
			error(`[Hivemind] ${where}: layerIndex must be an integer in [0, ${count - 1}], got ${tostring(layerIndex)}`, 2);
		}
		const specs = table.clone(this.options.layers);
		specs[layerIndex] = { ...specs[layerIndex], activation };
		makeLayer(where, "", specs[layerIndex]);
		this.setParameters({ layers: specs });
	}

	/** The layers as plain data (copies, defaults filled in), input layer first. */
	getLayers(): Array<DenseLayer> {
		return this.layers.map((layer) => ({ ...layer }));
	}

	/** The class labels in output order (classification), or undefined while unknown. */
	getClassesList(): Array<Label> | undefined {
		return this.labels.get();
	}

	/**
	 * Classification: the predicted labels and, as a second value, the output layer's activations
	 * (n × classes; class probabilities with a Softmax output, P(second class) with one Sigmoid
	 * output turned into n×2). Regression: the n × outputs predictions. With
	 * `returnOriginalOutput`, the output layer's activations in both modes.
	 */
	predict(X: unknown, returnOriginalOutput = false): LuaTuple<[Array<Label> | Matrix, Matrix | undefined]> {
		const where = `${this.modelName}.predict`;
		const weights = this.requireParameters(where);
		const budget = new FrameBudget();
		const output = predictOutput(weights, this.layers, featureMatrix(X, where, this.layers[0].neurons), budget);
		if (returnOriginalOutput || this.options.mode === "Regression") return $tuple(output, undefined);
		const n = output.size();
		const single = output[0].size() === 1;
		const probabilities = single ? holdWhileFilling(table.create<Array<number>>(n)) : output;
		const indices = table.create<number>(n);
		forEachBlock(n, allocatingRowsPerBlock(8 * (output[0].size() + 4)), budget, (first, last) => {
			if (single) for (const i of $range(first, last)) probabilities[i] = [1 - output[i][0], output[i][0]];
			const best = argmax(rowsBetween(probabilities, first, last), 1);
			for (const i of $range(first, last)) indices[i] = best[i - first];
		});
		releaseHold(probabilities);
		return $tuple(this.labels.decode(indices, where), probabilities);
	}

	/**
	 * Backpropagates an outside loss through the network (e.g. a generator's loss through a
	 * discriminator): runs `X` forward as training does (dropout included), asks `lossGradient`
	 * for ∂loss/∂output (n × outputs) given the output, and returns the gradient of that loss with
	 * respect to every weight matrix (summed, no regularizer: the shape `applyGradients` takes),
	 * with respect to `X` (n × features), and the output. Changes no parameter.
	 */
	backpropagate(X: unknown, lossGradient: (output: Matrix) => Matrix): LuaTuple<[Array<Matrix>, Matrix, Matrix]> {
		const where = `${this.modelName}.backpropagate`;
		const weights = this.requireParameters(where) as Array<Matrix>;
		const x = featureMatrix(X, where, this.layers[0].neurons);
		if (!typeIs(lossGradient, "function"))
			error(`[Hivemind] ${where}: lossGradient must be a function (output) -> matrix, got ${describeValue(lossGradient)}`, 2);
		const cache = forwardPass(weights, this.layers, x, this.dropoutRng);
		const output = cache.activations[cache.activations.size() - 1];
		const gradient = lossGradient(output.map((row) => table.clone(row)));
		if (
			!typeIs(gradient, "table") ||
			gradient.size() !== output.size() ||
			!typeIs(gradient[0], "table") ||
			gradient[0].size() !== output[0].size()
		) {
			error(
				`[Hivemind] ${where}: lossGradient must return a ${output.size()}×${output[0].size()} matrix (one row per row of X), got ${describeValue(gradient)}`,
				2,
			);
		}
		const result = backwardPassWithInput(
			weights,
			this.layers,
			cache,
			gradient.map((row) => table.clone(row)),
			false,
			true,
		);
		return $tuple(result.gradients, result.input!, output);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["layers", "mode", "classesList"];
	}

	protected onOptionsChanged() {
		super.onOptionsChanged();
		// like the loop's shuffle stream: changed options (a new seed) restart the dropout stream
		this.dropoutRng = new RandomGenerator(this.options.seed).fork(DROPOUT_STREAM);
		this.layers = makeLayers(`${this.modelName}.setParameters`, this.options.layers);
		this.layerOptimizers = this.optimizersOfLayers();
	}

	private optimizersOfLayers(): Array<Optimizer | false> {
		return this.options.layers.map((spec) => (spec.optimizer === undefined ? false : createOptimizer(spec.optimizer)));
	}

	/** Dropout draws from the model's own stream, which a pool worker does not have: such networks train here. */
	protected canUsePool(): boolean {
		return this.layers.every((layer) => layer.dropoutRate === 0);
	}

	protected biasRowCount(entryName: string): number {
		const layer = this.layers[tonumber(entryName) as number];
		return layer !== undefined && layer.hasBias ? 1 : 0;
	}

	protected regularizerFor(entryName: string): Regularizer | undefined {
		const own = this.options.layers[tonumber(entryName) as number]?.regularizer;
		return own === undefined ? super.regularizerFor(entryName) : createRegularizer(own);
	}

	protected optimizerFor(entryName: string): Optimizer {
		const own = this.layerOptimizers[tonumber(entryName) as number];
		return own === undefined || own === false ? super.optimizerFor(entryName) : own;
	}

	/** Warns when the first layer after the input saturates (Sigmoid, Tanh) on features this large. */
	protected beforeTraining(data: TrainingData, where: string, budget: FrameBudget) {
		const first = this.layers[1].activation;
		if (first === "Sigmoid" || first === "Tanh") warnIfSaturating(data.inputs, where, `the ${first} units of layer 2`, budget);
	}

	protected prepareData(X: unknown, y: unknown, where: string): TrainingData {
		assertTrainableLayers(where, this.layers);
		const inputs = featureMatrix(X, where, this.layers[0].neurons);
		const n = inputs.size();
		const xShape = `${n}×${inputs[0].size()}`;
		const outputs = this.layers[this.layers.size() - 1].neurons;
		let targets: Matrix;
		if (this.options.mode === "Regression") {
			targets = targetMatrix(y, n, where, xShape, outputs);
		} else {
			const indices = this.labels.encode(y, n, where, xShape, (classes: Array<Label>) => {
				if (!(classes.size() === outputs || (outputs === 1 && classes.size() === 2))) {
					error(
						`[Hivemind] ${where}: the output layer must have one neuron per class (${classes.size()}), or 1 neuron for 2 classes, got ${outputs} neurons`,
						5,
					);
				}
			});
			targets = outputs === 1 ? indexColumn(indices) : oneHot(indices, this.labels.count()!);
		}
		return { inputs, targets, sampleCount: n };
	}

	protected initializeParameters(): Array<Matrix> {
		const rng = new RandomGenerator(this.options.seed).fork(INITIAL_WEIGHTS_STREAM);
		return initializeNetwork(this.layers, this.options.initializer, rng);
	}

	/** The network paces its own rows (one pass in fixed row blocks through per-call buffers). */
	protected pacesRows(): boolean {
		return true;
	}

	/**
	 * The summed cost and gradient in fixed blocks of about 2^15 multiply-adds (`pacer.blockRows`
	 * rows, or `rowsPerBlock` of the parameter count without a pacer), so the result never depends
	 * on who calls or how the budget slices it. Into the loop's gradient buffer `out` through block
	 * buffers kept per buffer (weakly: they go with the buffer when the training call ends), so a
	 * training iteration allocates nothing; fresh matrices without `out`.
	 */
	protected lossAndGradient(
		parameters: ModelParameters,
		data: TrainingData,
		out?: ModelParameters,
		pacer?: RowPacer,
	): LuaTuple<[number, ModelParameters]> {
		const weights = parameters as Array<Matrix>;
		const blockRows = pacer?.blockRows ?? rowsPerBlock(3 * parameterCount(parameters));
		let gradients = out as Array<Matrix> | undefined;
		let buffers = gradients === undefined ? undefined : this.blockBuffers.get(gradients);
		if (buffers === undefined || buffers.blockRows !== blockRows) {
			buffers = new BlockBuffers(this.layers, weights, blockRows);
			if (gradients !== undefined) this.blockBuffers.set(gradients, buffers);
		}
		gradients = gradients ?? zerosLike(weights);
		const cost = pacedCostAndGradients(
			weights,
			this.layers,
			data.inputs,
			data.targets,
			this.trainingCost(),
			this.dropoutRng,
			gradients,
			buffers,
			pacer,
		);
		return $tuple(cost, gradients);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is Array<Matrix> {
		assertTrainableLayers(where, this.layers);
		if (parameterKind(parameters) !== "list") {
			error(
				`[Hivemind] ${where}: parameters must be a list of ${this.layers.size() - 1} weight matrices (one per layer after the input), got ${describeParameters(parameters)}`,
				3,
			);
		}
		assertWeightsFitLayers(where, this.layers, parameters as Array<Matrix>);
	}

	protected copyLearnedStateTo(twin: this) {
		const other = twin as NeuralNetwork;
		other.labels.copyFrom(this.labels);
		other.dropoutRng.setState(this.dropoutRng.getState());
		super.copyLearnedStateTo(twin);
	}

	/** The cost the network trains on, built once per options table and output size. */
	private trainingCost(): CostFunction {
		const o = this.options;
		const outputs = this.layers[this.layers.size() - 1].neurons;
		const cached = this.costCache;
		if (cached !== undefined && cached[0] === o && cached[1] === outputs) return cached[2];
		let cost: CostFunction;
		if (o.costFunction !== undefined) cost = createCost(o.costFunction);
		else if (o.mode === "Regression") cost = createCost("MeanSquaredError");
		else {
			// Several Sigmoid outputs are independent probabilities: categorical cross-entropy, −Σ y log p, only
			// raises the true class's output and is minimised by every output at 1 (labels then arbitrary).
			const independent = outputs === 1 || this.layers[this.layers.size() - 1].activation === "Sigmoid";
			cost = createCost(independent ? "BinaryCrossEntropy" : "CategoricalCrossEntropy");
		}
		this.costCache = [o, outputs, cost];
		return cost;
	}

	private assertLayersChangeable(where: string) {
		this.assertAlive(where);
		if (this.parameters !== undefined) {
			error(
				`[Hivemind] ${where}: the layers cannot change once the model has parameters (their shapes depend on them); create a new NeuralNetwork`,
				3,
			);
		}
	}
}
