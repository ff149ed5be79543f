/** Registers KMeans and PCA with their tags and example datasets. */
import { registerModel } from "../registry";
import { blobs } from "../base/examples";
import { KMeans } from "./KMeans";
import { PCA } from "../../transformers/PCA";

registerModel({
	name: "KMeans",
	create: (o) => new KMeans(o),
	tags: ["clusterer", "online", "nondeterministic"],
	example: (rng, p, n) => {
		const [X] = blobs(rng, p, n, 3);
		return { X, options: { numberOfClusters: math.min(3, n), tolerance: 0 } };
	},
});
registerModel({
	name: "PCA",
	create: (o) => new PCA(o),
	tags: ["transformer"],
	example: (rng, p, n) => {
		const [X] = blobs(rng, p, n, 2);
		return { X };
	},
});
