/** Registers `ExtremeLearningMachine` with its tags and example dataset (so the conformance suite covers it). */
import { RandomGenerator } from "../../matrix/random";
import { randomUniform } from "../../matrix/creation";
import { registerModel } from "../registry";
import { ExtremeLearningMachine } from "./ExtremeLearningMachine";

registerModel({
	name: "ExtremeLearningMachine",
	create: (options) => new ExtremeLearningMachine(options),
	tags: ["statistics", "regressor", "nondeterministic"],
	// a smooth non-linear target with a little noise
	example: (rng: RandomGenerator, p: number, n: number) => {
		const X = randomUniform(n, p, rng, -1, 1);
		const y = X.map((row) => row.reduce((total, v) => total + math.sin(2 * v), 0) + 0.05 * rng.normal());
		return { X, y, options: { mode: "Regression", hiddenNeurons: 20, neuronType: "Tanh", lambda: 0.01 } };
	},
});
