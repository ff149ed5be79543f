/**
 * `Hivemind.DataPredict`: the layout of DataPredict 1.x's module (Release 1.22: `Models`,
 * `Optimizers`, `Others`), plus the 2.x names of the distributed classes, over Hivemind's own
 * classes. A DataPredict game script switches by changing its `require` only. Written from
 * DataPredict's public documentation of names and signatures.
 */
import { DataPredictOptimizer, OPTIMIZER_MAPPINGS } from "./DataPredictOptimizer";
import { DataPredictLinearRegression } from "./LinearRegression";
import { DataPredictLogisticRegression } from "./LogisticRegression";
import { DataPredictSoftmaxRegression } from "./SoftmaxRegression";
import { DataPredictNeuralNetwork } from "./NeuralNetwork";
import { DataPredictKMeans } from "./KMeans";
import { DataPredictNormalLinearRegression } from "./NormalLinearRegression";
import { DataPredictRegularization } from "./Regularization";
import { DataPredictDistributedGradients } from "./DistributedGradients";
import { DataPredictDistributedModelParameters } from "./DistributedModelParameters";
import { DataPredictModelParametersMerger } from "./ModelParametersMerger";
import { DataPredictOneVsAll } from "./OneVsAll";
import { DataPredictGradientDescentModifier } from "./GradientDescentModifier";
import * as Native from "./nativeModels";
import { DataPredictBinaryRegression } from "./BinaryRegression";
import { CLUSTERING_MODELS } from "./clusteringModels";
import { DataPredictPoissonRegression, DataPredictQuantileRegression, DataPredictHuberRegression } from "./gradientRegressions";

export { DataPredictOptimizer, OPTIMIZER_MAPPINGS, isDataPredictOptimizer } from "./DataPredictOptimizer";
export { DataPredictLinearRegression } from "./LinearRegression";
export { DataPredictLogisticRegression } from "./LogisticRegression";
export { DataPredictSoftmaxRegression } from "./SoftmaxRegression";
export { DataPredictNeuralNetwork } from "./NeuralNetwork";
export { DataPredictKMeans } from "./KMeans";
export { DataPredictNormalLinearRegression } from "./NormalLinearRegression";
export { DataPredictRegularization } from "./Regularization";
export { DataPredictDistributedGradients } from "./DistributedGradients";
export { DataPredictDistributedModelParameters } from "./DistributedModelParameters";
export { DataPredictModelParametersMerger } from "./ModelParametersMerger";
export { DataPredictOneVsAll } from "./OneVsAll";
export { DataPredictGradientDescentModifier } from "./GradientDescentModifier";
export { DataPredictBinaryRegression } from "./BinaryRegression";
export { CLUSTERING_MODELS } from "./clusteringModels";
export { DataPredictPoissonRegression, DataPredictQuantileRegression, DataPredictHuberRegression } from "./gradientRegressions";
export * from "./nativeModels";
export type { AdapterSpec, ParameterLayout, PredictShape } from "./NativeAdapter";

/** A DataPredict optimizer "class": `Optimizers.<Name>.new(...)`. */
export interface DataPredictOptimizerClass {
	new: (...args: Array<unknown>) => DataPredictOptimizer;
}

function optimizerClasses(): { [name: string]: DataPredictOptimizerClass } {
	const out: { [name: string]: DataPredictOptimizerClass } = {};
	for (const [name] of pairs(OPTIMIZER_MAPPINGS))
		out[name as string] = { new: (...args: Array<unknown>) => new DataPredictOptimizer(name as string, args) };
	return out;
}

/** DataPredict's models (those Hivemind has), by DataPredict's names; Hivemind's own models by theirs. */
const Models = {
	LinearRegression: DataPredictLinearRegression,
	LogisticRegression: DataPredictLogisticRegression,
	SoftmaxRegression: DataPredictSoftmaxRegression,
	NeuralNetwork: DataPredictNeuralNetwork,
	KMeans: DataPredictKMeans,
	NormalLinearRegression: DataPredictNormalLinearRegression,
	SupportVectorMachine: Native.DataPredictSupportVectorMachine,
	NaiveBayes: Native.DataPredictNaiveBayes,
	GaussianNaiveBayes: Native.DataPredictGaussianNaiveBayes,
	MultinomialNaiveBayes: Native.DataPredictMultinomialNaiveBayes,
	BernoulliNaiveBayes: Native.DataPredictBernoulliNaiveBayes,
	ComplementNaiveBayes: Native.DataPredictComplementNaiveBayes,
	CategoricalNaiveBayes: Native.DataPredictCategoricalNaiveBayes,
	KNearestNeighboursClassifier: Native.DataPredictKNearestNeighboursClassifier,
	KNearestNeighboursRegressor: Native.DataPredictKNearestNeighboursRegressor,
	NearestCentroid: Native.DataPredictNearestCentroid,
	PassiveAggressiveClassifier: Native.DataPredictPassiveAggressiveClassifier,
	PassiveAggressiveRegressor: Native.DataPredictPassiveAggressiveRegressor,
	BayesianLinearRegression: Native.DataPredictBayesianLinearRegression,
	BinaryRegression: DataPredictBinaryRegression,
	PoissonRegression: DataPredictPoissonRegression,
	QuantileRegression: DataPredictQuantileRegression,
	HuberRegression: DataPredictHuberRegression,
	// DataPredict 1.x's name of the classifier
	KNearestNeighbours: Native.DataPredictKNearestNeighboursClassifier,
	// Hivemind's own models (not in DataPredict's docs), under Hivemind's names
	RidgeRegression: Native.DataPredictRidgeRegression,
	ExtremeLearningMachine: Native.DataPredictExtremeLearningMachine,
	// clustering and outlier models: one options table of Hivemind's option names each
	...CLUSTERING_MODELS,
	// the DistributedTraining tutorial reaches the distributed classes through Models
	DistributedGradients: DataPredictDistributedGradients,
	DistributedModelParameters: DataPredictDistributedModelParameters,
};

/** DataPredict's "Others". */
const Others = {
	Regularization: DataPredictRegularization,
	Regularizer: DataPredictRegularization,
	DistributedGradients: DataPredictDistributedGradients,
	DistributedModelParameters: DataPredictDistributedModelParameters,
	ModelParametersMerger: DataPredictModelParametersMerger,
	OneVsAll: DataPredictOneVsAll,
	GradientDescentModifier: DataPredictGradientDescentModifier,
	GradientMethodModifier: DataPredictGradientDescentModifier,
};

/**
 * `Hivemind.DataPredict`: `Models`, `Optimizers`, `Others` as in DataPredict 1.x, and
 * `DistributedTrainingStrategies` (2.x names of the distributed classes).
 * @example local DataPredict = require(ReplicatedStorage.Hivemind).DataPredict
 */
export const DataPredict = {
	Models,
	Optimizers: optimizerClasses(),
	Others,
	DistributedTrainingStrategies: {
		DistributedGradientsCoordinator: DataPredictDistributedGradients,
		DistributedModelParametersCoordinator: DataPredictDistributedModelParameters,
	},
};
