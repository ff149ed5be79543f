/** Registers the outlier detectors with their tags and example datasets (one blob and a few far rows). */
import { Matrix } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { registerModel } from "../registry";
import { blobs } from "../base/examples";
import { IsolationForest } from "./IsolationForest";
import { LocalOutlierFactor } from "./LocalOutlierFactor";
import { OneClassSupportVectorMachine } from "./OneClassSupportVectorMachine";

/** One blob of `n` rows, every tenth moved 8 units away on every feature. */
function withOutliers(rng: RandomGenerator, p: number, n: number): Matrix {
	const [x] = blobs(rng, p, n, 1);
	x.forEach((row, i) => {
		if (i % 10 === 9) row.forEach((v, j) => (row[j] = v + 8));
	});
	return x;
}

registerModel({
	name: "LocalOutlierFactor",
	create: (o) => new LocalOutlierFactor(o),
	tags: ["outlier"],
	example: (rng, p, n) => ({ X: withOutliers(rng, p, n), options: { numberOfNeighbours: 5 } }),
});
registerModel({
	name: "IsolationForest",
	create: (o) => new IsolationForest(o),
	tags: ["outlier", "nondeterministic"],
	example: (rng, p, n) => ({ X: withOutliers(rng, p, n), options: { numberOfTrees: 20, contamination: 0.1 } }),
});
registerModel({
	name: "OneClassSupportVectorMachine",
	create: (o) => new OneClassSupportVectorMachine(o),
	tags: ["outlier"],
	example: (rng, p, n) => ({ X: withOutliers(rng, p, n), options: { nu: 0.2 } }),
});
