/**
 * The `Models` entries for Hivemind's clustering and outlier models under DataPredict's names
 * (ExpectationMaximization = GaussianMixture, KMedoids, FuzzyCMeans, BisectingCluster, DBSCAN's long name, MeanShift, AffinityPropagation,
 * AgglomerativeHierarchical, OPTICS's long name, LocalOutlierFactor, OneClassSupportVectorMachine;
 * IsolationForest under Hivemind's). Their DataPredict positional orders are not mapped: each
 * takes one options table of Hivemind's option names (a positional call is an error, never a
 * misread). Clusters are numbered from 1; outliers are −1 and inliers 1, as DataPredict's.
 */
import { BaseModel } from "../models/base/BaseModel";
import { KMedoids } from "../models/clustering/KMedoids";
import { FuzzyCMeans } from "../models/clustering/FuzzyCMeans";
import { BisectingKMeans } from "../models/clustering/BisectingKMeans";
import { DBSCAN } from "../models/clustering/DBSCAN";
import { MeanShift } from "../models/clustering/MeanShift";
import { AffinityPropagation } from "../models/clustering/AffinityPropagation";
import { AgglomerativeHierarchical } from "../models/clustering/AgglomerativeHierarchical";
import { OPTICS } from "../models/clustering/OPTICS";
import { GaussianMixture } from "../models/mixture/GaussianMixture";
import { LocalOutlierFactor } from "../models/outliers/LocalOutlierFactor";
import { IsolationForest } from "../models/outliers/IsolationForest";
import { OneClassSupportVectorMachine } from "../models/outliers/OneClassSupportVectorMachine";
import { argumentNames } from "./arguments";
import { HivemindOptions } from "./DataPredictModel";
import { adapterClass, AdapterClass, PredictShape } from "./NativeAdapter";

/** An options-table-only entry `name` over `create`, with Hivemind's option names. */
function optionsEntry(
	name: string,
	options: Array<string>,
	create: (options: HivemindOptions) => BaseModel<object>,
	predict: PredictShape,
): AdapterClass {
	const renamed: { [argument: string]: string } = {};
	for (const option of options) renamed[option] = option;
	return adapterClass({ name, arguments: argumentNames(...options), renamed, create, predict, positional: false });
}

/** Hivemind's clustering and outlier models, by the names a DataPredict script uses. */
export const CLUSTERING_MODELS: { [name: string]: AdapterClass } = {
	ExpectationMaximization: optionsEntry(
		"ExpectationMaximization",
		[
			"numberOfComponents",
			"covarianceType",
			"maximumNumberOfIterations",
			"tolerance",
			"regularization",
			"initialization",
			"numberOfInitializations",
			"seed",
			"yieldInterval",
		],
		(o) => new GaussianMixture(o),
		"clusters",
	),
	KMedoids: optionsEntry(
		"KMedoids",
		["numberOfClusters", "distance", "maximumNumberOfIterations", "yieldInterval"],
		(o) => new KMedoids(o),
		"clusters",
	),
	FuzzyCMeans: optionsEntry(
		"FuzzyCMeans",
		["numberOfClusters", "fuzziness", "maximumNumberOfIterations", "tolerance", "seed", "yieldInterval"],
		(o) => new FuzzyCMeans(o),
		"clusters",
	),
	BisectingCluster: optionsEntry(
		"BisectingCluster",
		["numberOfClusters", "maximumNumberOfIterations", "numberOfInitializations", "seed", "yieldInterval"],
		(o) => new BisectingKMeans(o),
		"clusters",
	),
	DensityBasedSpatialClusteringOfApplicationsWithNoise: optionsEntry(
		"DensityBasedSpatialClusteringOfApplicationsWithNoise",
		["epsilon", "minimumPoints", "distance", "yieldInterval"],
		(o) => new DBSCAN(o),
		"clusters",
	),
	MeanShift: optionsEntry(
		"MeanShift",
		["bandwidth", "quantile", "maximumNumberOfIterations", "yieldInterval"],
		(o) => new MeanShift(o),
		"clusters",
	),
	AffinityPropagation: optionsEntry(
		"AffinityPropagation",
		["damping", "maximumNumberOfIterations", "convergenceIterations", "preference", "yieldInterval"],
		(o) => new AffinityPropagation(o),
		"clusters",
	),
	AgglomerativeHierarchical: optionsEntry(
		"AgglomerativeHierarchical",
		["numberOfClusters", "distanceThreshold", "linkage", "distance", "yieldInterval"],
		(o) => new AgglomerativeHierarchical(o),
		"clusters",
	),
	OrderingPointsToIdentifyClusteringStructure: optionsEntry(
		"OrderingPointsToIdentifyClusteringStructure",
		["minimumPoints", "maximumEpsilon", "extractionEpsilon", "distance", "yieldInterval"],
		(o) => new OPTICS(o),
		"clusters",
	),
	LocalOutlierFactor: optionsEntry(
		"LocalOutlierFactor",
		["numberOfNeighbours", "distance", "contamination", "yieldInterval"],
		(o) => new LocalOutlierFactor(o),
		"scores",
	),
	OneClassSupportVectorMachine: optionsEntry(
		"OneClassSupportVectorMachine",
		["nu", "kernel", "degree", "gamma", "coef0", "tolerance", "maximumNumberOfIterations", "contamination"],
		(o) => new OneClassSupportVectorMachine(o),
		"scores",
	),
	IsolationForest: optionsEntry(
		"IsolationForest",
		["numberOfTrees", "maximumSamples", "contamination", "seed", "yieldInterval"],
		(o) => new IsolationForest(o),
		"scores",
	),
};
