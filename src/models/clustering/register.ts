/** Registers the clustering models and PCA with their tags and example datasets. */
import { registerModel } from "../registry";
import { blobs } from "../base/examples";
import { ModelTag } from "../base/types";
import { Model } from "../base/capabilities";
import { RandomGenerator } from "../../matrix/random";
import { ExampleDataset } from "../registry";
import { KMeans } from "./KMeans";
import { KMedoids } from "./KMedoids";
import { DBSCAN } from "./DBSCAN";
import { OPTICS } from "./OPTICS";
import { AgglomerativeHierarchical } from "./AgglomerativeHierarchical";
import { AffinityPropagation } from "./AffinityPropagation";
import { MeanShift } from "./MeanShift";
import { FuzzyCMeans } from "./FuzzyCMeans";
import { BisectingKMeans } from "./BisectingKMeans";
import { PCA } from "../../transformers/PCA";

function clusterer(name: string, create: (o?: object) => Model, tags: Array<ModelTag>, options: (n: number) => object, blobCount = 3) {
	registerModel({
		name,
		create,
		tags: ["clusterer", ...tags],
		example: (rng: RandomGenerator, p: number, n: number): ExampleDataset => {
			const [X] = blobs(rng, p, n, blobCount);
			return { X, options: options(n) };
		},
	});
}

clusterer(
	"KMeans",
	(o) => new KMeans(o),
	["online", "nondeterministic"],
	(n) => ({ numberOfClusters: math.min(3, n), tolerance: 0 }),
);
clusterer(
	"KMedoids",
	(o) => new KMedoids(o),
	[],
	(n) => ({ numberOfClusters: math.min(3, n) }),
);
clusterer(
	"DBSCAN",
	(o) => new DBSCAN(o),
	[],
	() => ({ epsilon: 1.5, minimumPoints: 3 }),
);
clusterer(
	"OPTICS",
	(o) => new OPTICS(o),
	[],
	() => ({ minimumPoints: 3, extractionEpsilon: 1.5 }),
);
clusterer(
	"AgglomerativeHierarchical",
	(o) => new AgglomerativeHierarchical(o),
	[],
	(n) => ({ numberOfClusters: math.min(3, n) }),
);
clusterer(
	"AffinityPropagation",
	(o) => new AffinityPropagation(o),
	[],
	() => ({ preference: "minimum" }),
);
clusterer(
	"MeanShift",
	(o) => new MeanShift(o),
	[],
	() => ({}),
);
clusterer(
	"FuzzyCMeans",
	(o) => new FuzzyCMeans(o),
	["online", "nondeterministic"],
	(n) => ({ numberOfClusters: math.min(3, n), tolerance: 0 }),
);
clusterer(
	"BisectingKMeans",
	(o) => new BisectingKMeans(o),
	["nondeterministic"],
	(n) => ({ numberOfClusters: math.min(3, n) }),
);
registerModel({
	name: "PCA",
	create: (o) => new PCA(o),
	tags: ["transformer"],
	example: (rng, p, n) => {
		const [X] = blobs(rng, p, n, 2);
		return { X };
	},
});
