/** Registers the neighbour models with their tags and example datasets. */
import { registerModel } from "../registry";
import { blobs } from "../base/examples";
import { KNearestNeighboursClassifier } from "./KNearestNeighboursClassifier";
import { KNearestNeighboursRegressor } from "./KNearestNeighboursRegressor";
import { NearestCentroid } from "./NearestCentroid";

const NAMES = ["north", "east", "south"];

registerModel({
	name: "KNearestNeighboursClassifier",
	create: (o) => new KNearestNeighboursClassifier(o),
	tags: ["classifier"],
	example: (rng, p, n) => {
		const [X, blob] = blobs(rng, p, n, 3);
		return { X, y: blob.map((b) => NAMES[b]), options: { numberOfNeighbours: 3, classesList: NAMES } };
	},
});
registerModel({
	name: "KNearestNeighboursRegressor",
	create: (o) => new KNearestNeighboursRegressor(o),
	tags: ["regressor"],
	example: (rng, p, n) => {
		const [X] = blobs(rng, p, n, 2);
		return { X, y: X.map((row) => row.reduce((a, v) => a + v, 0) + 0.1 * rng.normal()), options: { numberOfNeighbours: 3, weights: "distance" } };
	},
});
registerModel({
	name: "NearestCentroid",
	create: (o) => new NearestCentroid(o),
	tags: ["classifier"],
	example: (rng, p, n) => {
		const [X, blob] = blobs(rng, p, n, 3);
		return { X, y: blob.map((b) => NAMES[b]), options: { classesList: NAMES } };
	},
});
