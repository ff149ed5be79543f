/**
 * The generator and discriminator of an adversarial model as two `NeuralNetwork`s, and their
 * parameters in ONE record: `generator.<l>` and `discriminator.<l>` (l = 1, 2, … the layers after
 * the input layer, as `NeuralNetwork` numbers them).
 */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { describeShape } from "../../matrix/validate";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { NeuralNetwork } from "../neural/NeuralNetwork";
import { initializeNetwork, LayerSpec } from "../neural/layers";
import { AdversarialOptions } from "./options";

/** The two networks and the sizes they were built for. */
export interface AdversarialPair {
	readonly generator: NeuralNetwork;
	readonly discriminator: NeuralNetwork;
	/** p, the number of features of a sample. */
	readonly featureCount: number;
	/** c, the number of condition columns (0: unconditional). */
	readonly conditionCount: number;
}

function network(o: AdversarialOptions, inputs: number, hidden: Array<number>, outputs: number): NeuralNetwork {
	const layers: Array<LayerSpec> = [{ neurons: inputs }];
	for (const neurons of hidden) layers.push({ neurons, activation: o.activation });
	layers.push({ neurons: outputs, activation: "None" });
	return new NeuralNetwork({ mode: "Regression", optimizer: o.optimizer, learningRate: o.learningRate, layers });
}

/** Builds both networks for p features and c condition columns (no weights yet). */
export function buildPair(o: AdversarialOptions, featureCount: number, conditionCount: number): AdversarialPair {
	return {
		generator: network(o, o.latentSize + conditionCount, o.generatorHiddenLayers, featureCount),
		discriminator: network(o, featureCount + conditionCount, o.discriminatorHiddenLayers, 1),
		featureCount,
		conditionCount,
	};
}

/** Xavier-uniform initial weights for both networks from `rng`. */
export function initializePair(pair: AdversarialPair, rng: RandomGenerator) {
	pair.generator.setModelParameters(initializeNetwork(pair.generator.getLayers(), "XavierUniform", rng), true);
	pair.discriminator.setModelParameters(initializeNetwork(pair.discriminator.getLayers(), "XavierUniform", rng), true);
}

/** The record of both networks' weights (the matrices themselves, not copies). */
export function pairParameters(pair: AdversarialPair): { [name: string]: Matrix } {
	const out: { [name: string]: Matrix } = {};
	(pair.generator.getModelParameters(true) as Array<Matrix>).forEach((w, l) => (out[`generator.${l + 1}`] = w));
	(pair.discriminator.getModelParameters(true) as Array<Matrix>).forEach((w, l) => (out[`discriminator.${l + 1}`] = w));
	return out;
}

function expectedShapes(pair: AdversarialPair): Map<string, [number, number]> {
	const shapes = new Map<string, [number, number]>();
	for (const [prefix, net] of [
		["generator", pair.generator],
		["discriminator", pair.discriminator],
	] as Array<[string, NeuralNetwork]>) {
		const layers = net.getLayers();
		for (const l of $range(1, layers.size() - 1)) shapes.set(`${prefix}.${l}`, [layers[l - 1].neurons + 1, layers[l].neurons]);
	}
	return shapes;
}

/**
 * Reads p and c from a parameter record (the generator's last matrix has p columns, the
 * discriminator's first p + c + 1 rows) and checks every entry's shape against networks built
 * for them; returns the pair (weights not set). Errors name `where`.
 */
export function pairForParameters(o: AdversarialOptions, parameters: ModelParameters, where: string, conditionCount?: number): AdversarialPair {
	const expected = "a record {discriminator.1, …, generator.1, …} of the two networks' weight matrices";
	if (parameterKind(parameters) !== "record")
		error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 4);
	const record = parameters as { [name: string]: Matrix };
	const lastGenerator = record[`generator.${o.generatorHiddenLayers.size() + 1}`];
	const firstDiscriminator = record["discriminator.1"];
	if (lastGenerator === undefined || firstDiscriminator === undefined) {
		error(
			`[Hivemind] ${where}: parameters must be ${expected} (generator.1 … generator.${o.generatorHiddenLayers.size() + 1}), got ${describeParameters(parameters)}`,
			4,
		);
	}
	const p = lastGenerator[0].size();
	const c = conditionCount ?? firstDiscriminator.size() - 1 - p;
	if (c < 0)
		error(
			`[Hivemind] ${where}: parameters.discriminator.1 must have at least ${p + 1} rows (bias and ${p} features), got ${describeShape(firstDiscriminator)}`,
			4,
		);
	const pair = buildPair(o, p, c);
	const shapes = expectedShapes(pair);
	let count = 0;
	for (const [name, matrix] of pairs(record)) {
		count += 1;
		const shape = shapes.get(name as string);
		if (shape === undefined) error(`[Hivemind] ${where}: parameters must be ${expected}, got an entry named "${tostring(name)}"`, 4);
		if (matrix.size() !== shape[0] || matrix[0].size() !== shape[1]) {
			error(`[Hivemind] ${where}: parameters.${name} must be ${shape[0]}×${shape[1]}, got ${describeShape(matrix)}`, 4);
		}
	}
	if (count !== shapes.size()) error(`[Hivemind] ${where}: parameters must hold ${shapes.size()} entries (${expected}), got ${count}`, 4);
	return pair;
}

/** Gives each network its matrices from the record (shared, not copied). */
export function setPairParameters(pair: AdversarialPair, record: { [name: string]: Matrix }) {
	const g = new Array<Matrix>();
	const d = new Array<Matrix>();
	for (const l of $range(1, pair.generator.getLayers().size() - 1)) g.push(record[`generator.${l}`]);
	for (const l of $range(1, pair.discriminator.getLayers().size() - 1)) d.push(record[`discriminator.${l}`]);
	pair.generator.setModelParameters(g, true);
	pair.discriminator.setModelParameters(d, true);
}
