/** Registers GaussianMixture with its tags and example dataset. */
import { registerModel } from "../registry";
import { blobs } from "../base/examples";
import { GaussianMixture } from "./GaussianMixture";

registerModel({
	name: "GaussianMixture",
	create: (o) => new GaussianMixture(o),
	tags: ["clusterer", "online", "nondeterministic"],
	example: (rng, p, n) => {
		const [X] = blobs(rng, p, n, 2);
		return { X, options: { numberOfComponents: math.min(2, n), tolerance: 0 } };
	},
});
