/** Registers the passive-aggressive models with their tags and example datasets. */
import { registerModel } from "../registry";
import { blobs } from "../base/examples";
import { PassiveAggressiveClassifier } from "./PassiveAggressiveClassifier";
import { PassiveAggressiveRegressor } from "./PassiveAggressiveRegressor";

registerModel({
	name: "PassiveAggressiveClassifier",
	create: (o) => new PassiveAggressiveClassifier(o),
	tags: ["online", "classifier"],
	example: (rng, p, n) => {
		const [X, blob] = blobs(rng, p, n, 2);
		return { X, y: blob.map((b) => (b === 1 ? "yes" : "no")), options: { classesList: ["no", "yes"], maximumNumberOfIterations: 5 } };
	},
});
registerModel({
	name: "PassiveAggressiveRegressor",
	create: (o) => new PassiveAggressiveRegressor(o),
	tags: ["online", "regressor"],
	example: (rng, p, n) => {
		const [X] = blobs(rng, p, n, 2);
		return {
			X,
			y: X.map((row) => 1 + row.reduce((a, v, j) => a + (j + 1) * 0.5 * v, 0) + 0.05 * rng.normal()),
			options: { maximumNumberOfIterations: 5 },
		};
	},
});
