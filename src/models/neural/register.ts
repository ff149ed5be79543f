/** Registers `NeuralNetwork` with its tags and example dataset (so the conformance suite covers it). */
import { RandomGenerator } from "../../matrix/random";
import { randomUniform } from "../../matrix/creation";
import { registerModel } from "../registry";
import { NeuralNetwork } from "./NeuralNetwork";

registerModel({
	name: "NeuralNetwork",
	create: (options) => new NeuralNetwork(options),
	tags: ["gradient", "online", "classifier", "nondeterministic"],
	// points inside or outside a sphere of squared radius p/3 (not linearly separable)
	example: (rng: RandomGenerator, p: number, n: number) => {
		const X = randomUniform(n, p, rng, -1, 1);
		const y = X.map((row) => (row.reduce((total, v) => total + v * v, 0) < p / 3 ? "inside" : "outside"));
		const layers = [{ neurons: p }, { neurons: 5, activation: "Tanh" }, { neurons: 2, activation: "Softmax" }];
		return {
			X,
			y,
			options: { layers, classesList: ["inside", "outside"], optimizer: "Adam", learningRate: 0.05, maximumNumberOfIterations: 60 },
		};
	},
});
