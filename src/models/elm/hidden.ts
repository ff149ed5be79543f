//!native
/**
 * The random hidden layer of an Extreme Learning Machine (Huang, Zhu & Siew 2006), stored as one
 * (features + 1) × neurons matrix so it travels with the model parameters:
 *
 * - additive neurons (Sigmoid, Tanh, ReLU, Sine): row 0 holds the biases b, rows 1…d the input
 *   weights W, and hⱼ(x) = g(bⱼ + x·Wⱼ); weights and biases are drawn from U(−1, 1);
 * - RBF (Gaussian) neurons: row 0 holds the widths γ, rows 1…d the centres C, and
 *   hⱼ(x) = exp(−γⱼ‖x − Cⱼ‖²); centres from U(−1, 1), widths from U(0.5, 2)/d, so the layer suits
 *   features scaled to about [−1, 1].
 *
 * The hidden layer never depends on the data (only on the seed), so every child of a distributed
 * run that gets the same parameters computes the same features.
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { matmul } from "../../matrix/product";
import { sigmoid } from "../neural/activations";

/** The hidden neuron types (`"Gaussian"` is the RBF neuron). */
export type ElmNeuronType = "Sigmoid" | "Tanh" | "ReLU" | "Sine" | "RBF" | "Gaussian";

/** Every accepted neuron type. */
export const ELM_NEURON_TYPES: ReadonlyArray<ElmNeuronType> = ["Sigmoid", "Tanh", "ReLU", "Sine", "RBF", "Gaussian"];

function isRadial(neuronType: ElmNeuronType): boolean {
	return neuronType === "RBF" || neuronType === "Gaussian";
}

/** A seeded random hidden layer: (features + 1) × neurons, drawn row by row from `rng`. */
export function initializeHiddenLayer(neuronType: ElmNeuronType, features: number, neurons: number, rng: RandomGenerator): Matrix {
	const out = table.create<Array<number>>(features + 1);
	const first = table.create<number>(neurons, 0);
	for (const j of $range(0, neurons - 1)) {
		first[j] = isRadial(neuronType) ? rng.uniform(0.5, 2) / features : rng.uniform(-1, 1);
	}
	out[0] = first;
	for (const i of $range(1, features)) {
		const row = table.create<number>(neurons, 0);
		for (const j of $range(0, neurons - 1)) row[j] = rng.uniform(-1, 1);
		out[i] = row;
	}
	return out;
}

/** x·W (n × neurons) for the rows 1…d of `hidden`, the first row left out. */
function project(hidden: Matrix, x: Matrix): Matrix {
	const weights = table.create<Array<number>>(hidden.size() - 1);
	for (const i of $range(1, hidden.size() - 1)) weights[i - 1] = hidden[i];
	return matmul(x, weights);
}

/**
 * The hidden-layer output for `x` (n × features) with a leading column of ones (the output
 * layer's bias): n × (neurons + 1).
 */
export function hiddenOutput(neuronType: ElmNeuronType, hidden: Matrix, x: Matrix): Matrix {
	const n = x.size();
	const d = x[0].size();
	const h = hidden[0].size();
	const first = hidden[0];
	const projected = project(hidden, x);
	const out = table.create<Array<number>>(n);
	let centreNorms: Array<number> = [];
	if (isRadial(neuronType)) {
		centreNorms = table.create<number>(h, 0);
		for (const i of $range(1, d)) {
			const wi = hidden[i];
			for (const j of $range(0, h - 1)) centreNorms[j] += wi[j] * wi[j];
		}
	}
	for (const r of $range(0, n - 1)) {
		const p = projected[r];
		const row = table.create<number>(h + 1, 1);
		if (isRadial(neuronType)) {
			const xr = x[r];
			let xNorm = 0;
			for (const i of $range(0, d - 1)) xNorm += xr[i] * xr[i];
			for (const j of $range(0, h - 1)) {
				const squaredDistance = math.max(0, xNorm - 2 * p[j] + centreNorms[j]);
				row[j + 1] = math.exp(-first[j] * squaredDistance);
			}
		} else {
			for (const j of $range(0, h - 1)) {
				const z = first[j] + p[j];
				let value: number;
				if (neuronType === "Sigmoid") value = sigmoid(z);
				else if (neuronType === "Tanh") value = math.tanh(z);
				else if (neuronType === "ReLU") value = z > 0 ? z : 0;
				else value = math.sin(z);
				row[j + 1] = value;
			}
		}
		out[r] = row;
	}
	return out;
}

/**
 * A fingerprint of a hidden layer (its shape and two position-weighted sums printed to 17
 * digits): equal layers give equal strings; layers drawn from different seeds differ.
 */
export function layoutFingerprint(hidden: Matrix): string {
	let weighted = 0;
	let squares = 0;
	let k = 0;
	for (const row of hidden) {
		for (const v of row) {
			k += 1;
			weighted += v * k;
			squares += v * v;
		}
	}
	return `elm:${hidden.size()}x${hidden[0].size()}:${string.format("%.17g", weighted)}:${string.format("%.17g", squares)}`;
}
