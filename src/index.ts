/**
 * Hivemind: machine learning for Roblox game servers.
 * The package's public surface is this file: what the README documents, by area. Every area's
 * types are exported; its values (classes, functions, constants) only where listed here, so
 * helpers, kernels and internals stay inside. A new public value is added here by name.
 */
export const VERSION = "0.1.0";

export type * from "./matrix";
export { Matrix, RandomGenerator } from "./matrix";

export type * from "./parameters";
export { zipParameters } from "./parameters";

export type * from "./options";
export type * from "./costs";

export type * from "./models";
export {
	BaseModel,
	GradientModel,
	setTrainingOutput,
	LinearRegression,
	HuberRegression,
	QuantileRegression,
	PoissonRegression,
	LogisticRegression,
	BinaryRegression,
	SoftmaxRegression,
	NormalLinearRegression,
	RidgeRegression,
	BayesianLinearRegression,
	NeuralNetwork,
	ExtremeLearningMachine,
	SupportVectorMachine,
	GaussianNaiveBayes,
	MultinomialNaiveBayes,
	BernoulliNaiveBayes,
	ComplementNaiveBayes,
	CategoricalNaiveBayes,
	KNearestNeighboursClassifier,
	KNearestNeighboursRegressor,
	NearestCentroid,
	PassiveAggressiveClassifier,
	PassiveAggressiveRegressor,
	OneVsAll,
	KMeans,
	KMedoids,
	FuzzyCMeans,
	BisectingKMeans,
	DBSCAN,
	OPTICS,
	MeanShift,
	AgglomerativeHierarchical,
	AffinityPropagation,
	GaussianMixture,
	GradientMethodWrapper,
	SafeguardWrapper,
	isGradientTrainable,
	isGradientSaving,
	isStatisticsModel,
	isClassifier,
	isTransformer,
	isGenerative,
	isParameterExchanging,
	predictValues,
	featureCountOf,
} from "./models";

export type * from "./optimization";
export {
	GradientDescent,
	Momentum,
	Nesterov,
	AdaGrad,
	AdaDelta,
	RMSProp,
	Adam,
	AdamW,
	NAdam,
	AdaMax,
	RAdam,
	RProp,
	Gravity,
	AdaFactor,
	createOptimizer,
	constantRate,
	stepDecay,
	exponentialDecay,
	inverseTimeDecay,
	cosineAnnealing,
	createSchedule,
	clipByValue,
	clipByValueInPlace,
	clipByNorm,
	clipByNormInPlace,
	globalNorm,
	clipByGlobalNorm,
	clipByGlobalNormInPlace,
	createRegularizer,
	L1,
	L2,
	ElasticNet,
} from "./optimization";

export type * from "./utilities";
export { Metrics, trainTestSplit, kFold } from "./utilities";

export type * from "./transformers";
export {
	StandardScaler,
	MinMaxScaler,
	computeScalerStatistics,
	mergeScalerStatistics,
	LabelEncoder,
	OneHotEncoder,
	PCA,
	PolynomialFeatures,
} from "./transformers";

export type * from "./distributed";
export {
	ABSENT,
	createUpdate,
	validateUpdate,
	encodeUpdate,
	decodeUpdate,
	deriveSeed,
	ModelParametersMerger,
	DistributedGradients,
	DistributedModelParameters,
	createTrainingSchedule,
	createIdentity,
	identityKey,
	AppliedSet,
} from "./distributed";
export type * from "./cluster";
export {
	ClusterNode,
	resolveClusterOptions,
	CLUSTER_DEFAULTS,
	robloxServices,
	planCluster,
	serializedLength,
	encodeVector,
	decodeVector,
	encodedByteCount,
	encodeBase64,
	decodeBase64,
	ErrorFeedback,
	DATASTORE_LIMITS,
	MEMORYSTORE_LIMITS,
	MESSAGING_LIMITS,
	experienceQuotas,
	serverQuotas,
} from "./cluster";

export type * from "./simulation";
export { FederatedTrainer, splitRows, simulateTraining, AsynchronousAdvantageActorCritic } from "./simulation";

export type * from "./sufficientStatistics";
export {
	mergeChain,
	mergeTree,
	computeLinearPartial,
	mergeLinearPartials,
	finalizeLinear,
	finalizeBayesianLinear,
	computeMomentsPartial,
	mergeMomentsPartials,
	finalizeMoments,
	computeCovariancePartial,
	mergeCovariancePartials,
	finalizeCovariance,
	finalizePca,
	computeKMeansPartial,
	mergeKMeansPartials,
	finalizeKMeans,
	computeGaussianNaiveBayesPartial,
	mergeGaussianNaiveBayesPartials,
	finalizeGaussianNaiveBayes,
	computeMultinomialNaiveBayesPartial,
	computeBernoulliNaiveBayesPartial,
	mergeCountNaiveBayesPartials,
	finalizeMultinomialNaiveBayes,
	finalizeBernoulliNaiveBayes,
	finalizeComplementNaiveBayes,
	computeCategoricalNaiveBayesPartial,
	mergeCategoricalNaiveBayesPartials,
	finalizeCategoricalNaiveBayes,
} from "./sufficientStatistics";

export type * from "./io";
export { loadModel, createModelFile, encodeModelFile, readModelFile, importDataPredictParameters, encodeJson, decodeJson } from "./io";

export type * from "./datapredict";
export { DataPredict } from "./datapredict";

export type * from "./parallel";
export { ActorPool, FrameBudget, getDefaultFrameBudget, setDefaultFrameBudget, registerKernel, runParallelWorker } from "./parallel";
export type * from "./reinforcement";
export {
	runEpisode,
	getRegisteredAgents,
	createAgent,
	EpsilonGreedy,
	Boltzmann,
	UpperConfidenceBound,
	GaussianNoise,
	OrnsteinUhlenbeckNoise,
	ReplayBuffer,
	PrioritizedReplayBuffer,
	NStepAccumulator,
	GridWorld,
	CartPole,
	MountainCar,
	MultiArmedBandit,
	QLearning,
	SARSA,
	ExpectedSARSA,
	DoubleQLearning,
	MonteCarloControl,
	OffPolicyMonteCarloControl,
	DeepQLearning,
	DeepDoubleQLearning,
	DeepClippedDoubleQLearning,
	DeepSARSA,
	DeepExpectedSARSA,
	DeepDoubleSARSA,
	DeepDoubleExpectedSARSA,
	DuelingDeepQLearning,
	DeepDeterministicPolicyGradient,
	REINFORCE,
	VanillaPolicyGradient,
	ActorCritic,
	AdvantageActorCritic,
	ProximalPolicyOptimization,
	ProximalPolicyOptimizationClip,
} from "./reinforcement";
