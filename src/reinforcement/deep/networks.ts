/**
 * The bridge between agents and `NeuralNetwork`: agents build ordinary networks (Regression mode,
 * linear outputs) and get gradients for given output errors through the network's own
 * `computeGradients` (no second network implementation): with the MeanSquaredError cost
 * Σ(ŷ − y)², the target y = ŷ − e/2 gives ∂/∂ŷ = e, so the returned gradient is Σᵢ eᵢ·∂ŷᵢ/∂θ.
 */
import { Matrix } from "../../matrix/types";
import { zeros } from "../../matrix/creation";
import { ModelParameters } from "../../parameters";
import { NeuralNetwork } from "../../models/neural/NeuralNetwork";
import { ActivationName } from "../../models/neural/activations";
import { integerAtLeast, constraint, oneOf } from "../../options/constraints";
import { ACTIVATION_NAMES } from "../../models/neural/activations";

/** The network options every deep agent takes. */
export interface NetworkOptions {
	/** Neurons of each hidden layer. Default [32, 32]. */
	hiddenLayers: Array<number>;
	/** Activation of the hidden layers. Default "ReLU". */
	activation: ActivationName;
	/** Optimizer name of the networks. Default "Adam". */
	optimizer: string;
	/** Extra `NeuralNetwork` options (e.g. `gradientClipNorm`, `initializer`). Default {}. */
	networkOptions: object;
}

/** Defaults of `NetworkOptions`. */
export const NETWORK_DEFAULTS: NetworkOptions = { hiddenLayers: [32, 32], activation: "ReLU", optimizer: "Adam", networkOptions: {} };

/** Constraints of `NetworkOptions` (the optimizer and extra options are checked by `NeuralNetwork.new`). */
export const NETWORK_CONSTRAINTS = {
	hiddenLayers: constraint((v) => typeIs(v, "table") && (v as Array<number>).every((n) => integerAtLeast(1).check(n)), "an array of integers ≥ 1"),
	activation: oneOf(...(ACTIVATION_NAMES as Array<string>)),
	optimizer: constraint((v) => typeIs(v, "string"), "an optimizer name"),
	networkOptions: constraint((v) => typeIs(v, "table"), "a table of NeuralNetwork options"),
};

/** A regression network inputs → hidden layers → `outputs` (output activation `outputActivation`), parameters initialized from `seed`. */
export function buildNetwork(
	o: NetworkOptions,
	inputs: number,
	outputs: number,
	learningRate: number,
	seed: number,
	outputActivation: ActivationName = "None",
): NeuralNetwork {
	const layers = [{ neurons: inputs } as { neurons: number; activation?: ActivationName }];
	for (const neurons of o.hiddenLayers) layers.push({ neurons, activation: o.activation });
	layers.push({ neurons: outputs, activation: outputActivation });
	// cast: networkOptions is the user's free-form table; NeuralNetwork.new checks every key against its constraint table
	const network = new NeuralNetwork({
		...o.networkOptions,
		layers,
		mode: "Regression",
		costFunction: "MeanSquaredError",
		optimizer: o.optimizer,
		learningRate,
		seed,
	} as never);
	network.computeGradients(zeros(1, inputs), zeros(1, outputs));
	return network;
}

/** The network's outputs for the rows of `X`. */
export function forward(network: NeuralNetwork, X: Matrix): Matrix {
	return network.predict(X, true)[0] as Matrix;
}

/** Σᵢ eᵢ·∂ŷᵢ/∂θ for output errors `errors` (n × outputs, e.g. ∂loss/∂ŷ), with n; `outputs` = forward(network, X) when known. */
export function outputErrorGradients(network: NeuralNetwork, X: Matrix, errors: Matrix, outputs?: Matrix): ModelParameters {
	const y = outputs ?? forward(network, X);
	const targets = y.map((row, i) => row.map((v, j) => v - errors[i][j] / 2));
	return network.computeGradients(X, targets)[0];
}
