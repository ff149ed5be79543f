/**
 * DataPredict's `Models.KMeans` over Hivemind's `KMeans` (k-means++ or random rows, exact Lloyd
 * steps). Clusters are numbered from 1, as Luau users count them.
 */
import { Matrix } from "../matrix/types";
import { KMeans } from "../models/clustering/KMeans";
import { describeValue } from "../core/describe";
import { argumentNames, GivenArguments } from "./arguments";
import { DataPredictModel, HivemindOptions } from "./DataPredictModel";

const NAMES = argumentNames(
	["maxNumberOfIterations", "maximumNumberOfIterations"],
	"learningRate",
	"numberOfClusters",
	"distanceFunction",
	"targetCost",
	"setInitialClustersOnDataPoints",
	"setTheCentroidsDistanceFarthest",
	"stopWhenModelParametersDoesNotChange",
);

/**
 * `KMeans.new(maxNumberOfIterations, learningRate, numberOfClusters, distanceFunction, targetCost,
 * setInitialClustersOnDataPoints, setTheCentroidsDistanceFarthest, stopWhenModelParametersDoesNotChange)`.
 * Centroids move by exact Lloyd steps, so `learningRate` and `targetCost` are accepted and not
 * used; the distance is euclidean; `setTheCentroidsDistanceFarthest` (default) seeds by
 * k-means++, otherwise k data points are drawn; `stopWhenModelParametersDoesNotChange` stops only
 * when no centroid moves (otherwise below 1e-4).
 */
export class DataPredictKMeans extends DataPredictModel<KMeans> {
	constructor(...args: Array<unknown>) {
		super("KMeans", args);
	}
	protected argumentNames() {
		return NAMES;
	}
	protected defaults(): HivemindOptions {
		return {};
	}
	protected translate(where: string, given: GivenArguments, into: HivemindOptions) {
		if (given.maxNumberOfIterations !== undefined) into.maximumNumberOfIterations = given.maxNumberOfIterations;
		if (given.numberOfClusters !== undefined) into.numberOfClusters = given.numberOfClusters;
		const distance = given.distanceFunction;
		if (distance !== undefined && !(typeIs(distance, "string") && distance.lower() === "euclidean")) {
			error(
				`[Hivemind] ${where}: distanceFunction must be "Euclidean" (Hivemind's KMeans minimizes squared euclidean distances), got ${describeValue(distance)}`,
				4,
			);
		}
		const farthest = given.setTheCentroidsDistanceFarthest;
		if (farthest !== undefined) into.initialization = farthest === false ? "random" : "kmeans++";
		if (given.stopWhenModelParametersDoesNotChange !== undefined) into.tolerance = given.stopWhenModelParametersDoesNotChange === true ? 0 : 1e-4;
		return into;
	}
	protected createModel(options: HivemindOptions) {
		return new KMeans(options);
	}

	/** Each row's cluster number (1-based, n×1) and its distance to that centroid (n×1). */
	predict(featureMatrix: unknown): LuaTuple<[Matrix, Matrix]> {
		const [clusters, distances] = this.model.predict(featureMatrix);
		return $tuple(
			clusters.map((k) => [k + 1]),
			clusters.map((k, i) => [distances[i][k]]),
		);
	}
}
