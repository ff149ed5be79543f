/**
 * DataPredict's `Models.NeuralNetwork` over Hivemind's `NeuralNetwork`. DataPredict's layer list
 * differs in two ways, translated here: `hasBiasNeuron` adds a bias neuron to THIS layer's
 * outputs (so the NEXT layer's weights get a bias row; for the input layer the data carries it as
 * a leading column of ones), and the 4th `addLayer` argument is the layer's learning rate. The
 * weights are DataPredict's: one matrix per layer after the input, (neurons of the previous layer
 * + its bias neuron) × (neurons of this layer), bias row first.
 */
import { Matrix } from "../matrix/types";
import { NeuralNetwork } from "../models/neural/NeuralNetwork";
import { LayerSpec } from "../models/neural/layers";
import { INITIALIZER_NAMES } from "../models/neural/initializers";
import { Optimizer } from "../optimization/optimizers/types";
import { createOptimizer } from "../optimization/optimizers/createOptimizer";
import { Regularizer } from "../optimization/regularizers/regularizers";
import { describeValue } from "../core/describe";
import { Label } from "../utilities/labels";
import { argumentNames, GivenArguments } from "./arguments";
import { HivemindOptions, loopOptions } from "./DataPredictModel";
import { DataPredictGradientModel, hivemindRegularizer } from "./DataPredictGradientModel";
import { hivemindOptimizer } from "./DataPredictOptimizer";
import { FixedRateOptimizer } from "./FixedRateOptimizer";
import { labelsAndValues } from "./results";

const NAMES = argumentNames(["maxNumberOfIterations", "maximumNumberOfIterations"], "learningRate", "targetCost");

/** One DataPredict layer as `addLayer` takes it. */
interface DataPredictLayer {
	neurons: number;
	hasBiasNeuron: boolean;
	activation: string;
	learningRate?: number;
	optimizer?: Optimizer | string;
	regularizer?: Regularizer;
}

/** DataPredict's initialization modes → Hivemind's initializers. */
const INITIALIZATIONS: { [mode: string]: string } = {
	Zero: "Zero",
	Random: "Uniform",
	RandomNormal: "Normal",
	RandomNormalPositive: "Normal",
	RandomNormalNegative: "Normal",
	RandomNormalNegativeAndPositive: "Normal",
	He: "HeUniform",
	Xavier: "XavierUniform",
};

/** `NeuralNetwork.new(maxNumberOfIterations, learningRate, targetCost)`; layers by `addLayer` / `createLayers`. */
export class DataPredictNeuralNetwork extends DataPredictGradientModel<NeuralNetwork> {
	private layers = new Array<DataPredictLayer>();

	constructor(...args: Array<unknown>) {
		super("NeuralNetwork", args);
	}
	protected argumentNames() {
		return NAMES;
	}
	protected defaults(): HivemindOptions {
		return { isOutputPrinted: true };
	}
	protected translate(where: string, given: GivenArguments, into: HivemindOptions) {
		return loopOptions(where, given, into);
	}
	protected createModel(options: HivemindOptions) {
		return new NeuralNetwork(options);
	}

	private readLayer(
		where: string,
		neurons: unknown,
		hasBiasNeuron: unknown,
		activation: unknown,
		learningRate: unknown,
		optimizer: unknown,
		regularization: unknown,
	): DataPredictLayer {
		if (!typeIs(neurons, "number") || neurons < 1 || neurons !== math.floor(neurons))
			error(`[Hivemind] ${where}: numberOfNeurons must be an integer ≥ 1, got ${describeValue(neurons)}`, 3);
		if (hasBiasNeuron !== undefined && !typeIs(hasBiasNeuron, "boolean"))
			error(`[Hivemind] ${where}: hasBiasNeuron must be a boolean or nil, got ${describeValue(hasBiasNeuron)}`, 3);
		if (activation !== undefined && !typeIs(activation, "string"))
			error(`[Hivemind] ${where}: activationFunction must be a string or nil, got ${describeValue(activation)}`, 3);
		if (learningRate !== undefined && (!typeIs(learningRate, "number") || !(learningRate > 0) || learningRate === math.huge)) {
			error(`[Hivemind] ${where}: learningRate must be a finite number > 0 or nil, got ${describeValue(learningRate)}`, 3);
		}
		return {
			neurons,
			hasBiasNeuron: hasBiasNeuron ?? true,
			activation: activation ?? "None",
			learningRate,
			optimizer: optimizer === undefined ? undefined : hivemindOptimizer(where, optimizer),
			regularizer: regularization === undefined ? undefined : hivemindRegularizer(where, regularization),
		};
	}

	/**
	 * Adds a layer: `addLayer(numberOfNeurons, hasBiasNeuron, activationFunction, learningRate,
	 * Optimizer, Regularization)` (the first call is the input layer; its optimizer, rate and
	 * regularization are not used).
	 */
	addLayer(
		numberOfNeurons: number,
		hasBiasNeuron?: boolean,
		activationFunction?: string,
		learningRate?: number,
		Optimizer?: unknown,
		Regularization?: unknown,
	) {
		const where = `${this.where}.addLayer`;
		const layer = this.readLayer(where, numberOfNeurons, hasBiasNeuron, activationFunction, learningRate, Optimizer, Regularization);
		this.applyLayers(where, [...this.layers, layer]);
	}

	/**
	 * Replaces the layers: `createLayers(numberOfNeuronsArray, activationFunction, learningRate,
	 * Optimizer, Regularization)`; every layer but the output one gets a bias neuron, and the rate,
	 * optimizer and regularization apply to every layer after the input.
	 */
	createLayers(
		numberOfNeuronsArray: Array<number>,
		activationFunction?: string,
		learningRate?: number,
		Optimizer?: unknown,
		Regularization?: unknown,
	) {
		const where = `${this.where}.createLayers`;
		if (!typeIs(numberOfNeuronsArray, "table") || numberOfNeuronsArray.size() < 2) {
			error(
				`[Hivemind] ${where}: numberOfNeuronsArray must be an array of at least 2 layer sizes, got ${describeValue(numberOfNeuronsArray)}`,
				2,
			);
		}
		const last = numberOfNeuronsArray.size() - 1;
		const layers = numberOfNeuronsArray.map((neurons, i) =>
			this.readLayer(where, neurons, i < last, activationFunction, learningRate, Optimizer, Regularization),
		);
		this.applyLayers(where, layers);
	}

	/** The Hivemind layer list for DataPredict's, set on the model (and the cost chosen by the output activation). */
	private applyLayers(where: string, layers: Array<DataPredictLayer>) {
		const specs = layers.map((layer, i): LayerSpec => {
			// the input layer's bias neuron is the data's column of ones: layer 1's bias row multiplies it
			if (i === 0) return { neurons: layer.neurons + (layer.hasBiasNeuron ? 1 : 0), hasBias: false };
			const activation =
				layer.activation === "BinaryStep"
					? error(`[Hivemind] ${where}: activationFunction "BinaryStep" has no gradient and is not offered; use "Sigmoid"`, 3)
					: layer.activation;
			let optimizer = layer.optimizer;
			if (layer.learningRate !== undefined)
				optimizer = new FixedRateOptimizer(createOptimizer(optimizer ?? this.model.getOptions().optimizer), layer.learningRate);
			// cast: DataPredict names arrive as strings; the NeuralNetwork layer constraints check them when the layers are set
			return {
				neurons: layer.neurons,
				hasBias: i > 1 && layers[i - 1].hasBiasNeuron,
				activation: activation as never,
				optimizer,
				regularizer: layer.regularizer,
			};
		});
		const output = layers.size() > 0 ? layers[layers.size() - 1].activation : "None";
		const costFunction =
			output === "Softmax" || output === "StableSoftmax"
				? "CategoricalCrossEntropy"
				: output === "Sigmoid" && layers[layers.size() - 1].neurons === 1
					? "BinaryCrossEntropy"
					: "MeanSquaredError";
		this.model.setParameters({ layers: specs, costFunction });
		this.layers = layers;
	}

	/** As DataPredictGradientModel's; layers with their own learning rate then use this optimizer too (before training). */
	setOptimizer(Optimizer?: unknown) {
		super.setOptimizer(Optimizer);
		if (this.layers.size() > 0 && this.model.getModelParameters(true) === undefined) this.applyLayers(`${this.where}.setOptimizer`, this.layers);
	}

	/** The classes in output-neuron order. */
	getClassesList(): Array<Label> | undefined {
		return this.model.getClassesList();
	}

	/** Sets the classes in output-neuron order (before training). */
	setClassesList(classesList: Array<Label>) {
		this.model.setParameters({ classesList });
	}

	/** DataPredict's initialization mode for the weights ("Zero", "Random", "RandomNormal…", "He", "Xavier"). */
	setModelParametersInitializationMode(initializationMode: string) {
		const initializer = INITIALIZATIONS[initializationMode as string];
		if (initializer === undefined || !(INITIALIZER_NAMES as Array<string>).includes(initializer)) {
			error(
				`[Hivemind] ${this.where}.setModelParametersInitializationMode: initializationMode must be one of Zero, Random, RandomNormal, He, Xavier, got ${describeValue(initializationMode)}`,
				2,
			);
		}
		// cast: checked against INITIALIZER_NAMES just above
		this.model.setParameters({ initializer: initializer as never });
	}

	/**
	 * The predicted labels (n×1) and each predicted label's output value (n×1); with
	 * `returnOriginalOutput`, the output layer's values (n × neurons).
	 */
	predict(featureMatrix: unknown, returnOriginalOutput?: boolean): LuaTuple<[Matrix, Matrix?]> {
		if (returnOriginalOutput === true) return $tuple(this.model.predict(featureMatrix, true)[0] as Matrix);
		const [labels, values] = this.model.predict(featureMatrix);
		return labelsAndValues(labels as Array<Label>, values as Matrix);
	}
}
