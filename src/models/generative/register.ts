/** Registers the adversarial networks with their tags and example datasets (small networks, few steps). */
import { registerModel } from "../registry";
import { blobs } from "../base/examples";
import { ConditionalGenerativeAdversarialNetwork } from "./ConditionalGenerativeAdversarialNetwork";
import { ConditionalWassersteinGAN } from "./ConditionalWassersteinGAN";
import { GenerativeAdversarialNetwork } from "./GenerativeAdversarialNetwork";
import { WassersteinGAN } from "./WassersteinGAN";

const QUICK = { maximumNumberOfIterations: 3, batchSize: 8, generatorHiddenLayers: [4], discriminatorHiddenLayers: [4], latentSize: 2 };

registerModel({
	name: "GenerativeAdversarialNetwork",
	create: (o) => new GenerativeAdversarialNetwork(o),
	tags: ["generative", "nondeterministic"],
	example: (rng, p, n) => ({ X: blobs(rng, p, n, 2)[0], options: QUICK }),
});
registerModel({
	name: "WassersteinGAN",
	create: (o) => new WassersteinGAN(o),
	tags: ["generative", "nondeterministic"],
	example: (rng, p, n) => ({ X: blobs(rng, p, n, 2)[0], options: { ...QUICK, discriminatorSteps: 2 } }),
});
registerModel({
	name: "ConditionalGenerativeAdversarialNetwork",
	create: (o) => new ConditionalGenerativeAdversarialNetwork(o),
	tags: ["generative", "nondeterministic"],
	example: (rng, p, n) => {
		const [X, blob] = blobs(rng, p, n, 2);
		return { X, y: blob.map((b) => (b === 0 ? "low" : "high")), options: { ...QUICK, classesList: ["low", "high"] } };
	},
});
registerModel({
	name: "ConditionalWassersteinGAN",
	create: (o) => new ConditionalWassersteinGAN(o),
	tags: ["generative", "nondeterministic"],
	example: (rng, p, n) => {
		const [X, blob] = blobs(rng, p, n, 2);
		return {
			X,
			y: blob.map((b) => (b === 0 ? "low" : "high")),
			options: { ...QUICK, discriminatorSteps: 2, variant: "WeightClipping", classesList: ["low", "high"] },
		};
	},
});
