// Every name the README's examples use exists in the package's entry point, and the examples'
// core lines run and give the numbers the README states.
import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectMatrixClose } from "../support/numeric";
import * as Hivemind from "../../src";
import type { Matrix } from "../../src/matrix/types";
import type { ModelParameters } from "../../src/parameters/tree";

const NAMES = [
	"VERSION",
	"Matrix",
	"RandomGenerator",
	"zipParameters",
	"LinearRegression",
	"HuberRegression",
	"QuantileRegression",
	"PoissonRegression",
	"LogisticRegression",
	"BinaryRegression",
	"SoftmaxRegression",
	"NormalLinearRegression",
	"RidgeRegression",
	"BayesianLinearRegression",
	"PolynomialFeatures",
	"NeuralNetwork",
	"ExtremeLearningMachine",
	"SupportVectorMachine",
	"GaussianNaiveBayes",
	"MultinomialNaiveBayes",
	"BernoulliNaiveBayes",
	"ComplementNaiveBayes",
	"CategoricalNaiveBayes",
	"KNearestNeighboursClassifier",
	"KNearestNeighboursRegressor",
	"NearestCentroid",
	"PassiveAggressiveClassifier",
	"PassiveAggressiveRegressor",
	"OneVsAll",
	"KMeans",
	"PCA",
	"KMedoids",
	"FuzzyCMeans",
	"BisectingKMeans",
	"DBSCAN",
	"OPTICS",
	"MeanShift",
	"AgglomerativeHierarchical",
	"AffinityPropagation",
	"GaussianMixture",
	"isGradientTrainable",
	"isGradientSaving",
	"isStatisticsModel",
	"isClassifier",
	"isTransformer",
	"isGenerative",
	"predictValues",
	"featureCountOf",
	"StandardScaler",
	"MinMaxScaler",
	"computeScalerStatistics",
	"mergeScalerStatistics",
	"LabelEncoder",
	"OneHotEncoder",
	"trainTestSplit",
	"kFold",
	"Metrics",
	"GradientDescent",
	"Momentum",
	"Nesterov",
	"AdaGrad",
	"AdaDelta",
	"RMSProp",
	"Adam",
	"AdamW",
	"NAdam",
	"AdaMax",
	"RAdam",
	"RProp",
	"Gravity",
	"AdaFactor",
	"DataPredict",
	"createOptimizer",
	"constantRate",
	"stepDecay",
	"exponentialDecay",
	"inverseTimeDecay",
	"cosineAnnealing",
	"createSchedule",
	"clipByValue",
	"clipByNorm",
	"clipByGlobalNorm",
	"globalNorm",
	"clipByValueInPlace",
	"clipByNormInPlace",
	"clipByGlobalNormInPlace",
	"createRegularizer",
	"createUpdate",
	"validateUpdate",
	"encodeUpdate",
	"decodeUpdate",
	"ABSENT",
	"deriveSeed",
	"ModelParametersMerger",
	"DistributedModelParameters",
	"DistributedGradients",
	"createTrainingSchedule",
	"FederatedTrainer",
	"computeLinearPartial",
	"mergeLinearPartials",
	"finalizeLinear",
	"computeMomentsPartial",
	"mergeMomentsPartials",
	"finalizeMoments",
	"computeCovariancePartial",
	"mergeCovariancePartials",
	"finalizeCovariance",
	"finalizePca",
	"computeKMeansPartial",
	"mergeKMeansPartials",
	"finalizeKMeans",
	"computeGaussianNaiveBayesPartial",
	"mergeGaussianNaiveBayesPartials",
	"finalizeGaussianNaiveBayes",
	"computeMultinomialNaiveBayesPartial",
	"computeBernoulliNaiveBayesPartial",
	"mergeCountNaiveBayesPartials",
	"mergeChain",
	"mergeTree",
	"loadModel",
	"createModelFile",
	"encodeModelFile",
	"readModelFile",
	"simulateTraining",
	"splitRows",
	"importDataPredictParameters",
	"QLearning",
	"SARSA",
	"ExpectedSARSA",
	"DoubleQLearning",
	"MonteCarloControl",
	"OffPolicyMonteCarloControl",
	"DeepQLearning",
	"DeepDoubleQLearning",
	"DeepClippedDoubleQLearning",
	"DeepSARSA",
	"DeepExpectedSARSA",
	"DeepDoubleSARSA",
	"DeepDoubleExpectedSARSA",
	"DuelingDeepQLearning",
	"DeepDeterministicPolicyGradient",
	"AsynchronousAdvantageActorCritic",
	"REINFORCE",
	"VanillaPolicyGradient",
	"ActorCritic",
	"AdvantageActorCritic",
	"ProximalPolicyOptimization",
	"ProximalPolicyOptimizationClip",
	"EpsilonGreedy",
	"Boltzmann",
	"UpperConfidenceBound",
	"GaussianNoise",
	"OrnsteinUhlenbeckNoise",
	"ReplayBuffer",
	"PrioritizedReplayBuffer",
	"NStepAccumulator",
	"GridWorld",
	"CartPole",
	"MountainCar",
	"MultiArmedBandit",
	"runEpisode",
	"getRegisteredAgents",
	"createAgent",
];

const exported = Hivemind as unknown as { [name: string]: unknown };

describe("review: README names", () => {
	it("are all exported by the package entry point", () => {
		const missing = NAMES.filter((name) => exported[name] === undefined);
		expect(missing).toEqual([]);
	});
	it("Metrics holds the metrics the README lists", () => {
		const metrics = Hivemind.Metrics as unknown as { [name: string]: unknown };
		const names = [
			"meanSquaredError",
			"meanAbsoluteError",
			"r2Score",
			"accuracy",
			"precision",
			"recall",
			"f1Score",
			"confusionMatrix",
			"logLoss",
		];
		expect(names.filter((name) => !typeIs(metrics[name], "function"))).toEqual([]);
	});
});

describe("review: README examples", () => {
	it("Models: logistic regression, exact ridge merge, gradient exchange", () => {
		const model = new Hivemind.LogisticRegression({ classesList: ["stay", "leave"], learningRate: 0.5 });
		const costs = model.train(
			[
				[0.2, 3],
				[0.9, 1],
				[0.1, 4],
				[0.8, 0],
			],
			["stay", "leave", "stay", "leave"],
		);
		expect(costs[costs.size() - 1] < costs[0]).toBe(true);
		const [labels, probabilities] = model.predict([[0.7, 1]]);
		expect(labels).toEqual(["leave"]);
		expectClose((probabilities as Matrix)[0][0] + (probabilities as Matrix)[0][1], 1, 1e-12);

		const xA = [[1], [2]];
		const yA = [1, 3];
		const xB = [[3], [4], [5]];
		const yB = [2, 5, 4];
		const ridge = new Hivemind.RidgeRegression({ lambda: 0.5 });
		ridge.trainFromPartial(ridge.mergePartials(ridge.computePartial(xA, yA), ridge.computePartial(xB, yB)));
		const whole = new Hivemind.RidgeRegression({ lambda: 0.5 });
		whole.train([[1], [2], [3], [4], [5]], [1, 3, 2, 5, 4]);
		expectMatrixClose(ridge.getModelParameters() as Matrix, whole.getModelParameters() as Matrix, 1e-12);

		const child1 = new Hivemind.LinearRegression();
		const child2 = new Hivemind.LinearRegression();
		const mainModel = new Hivemind.LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 1 });
		const [g1, n1] = child1.computeGradients(xA, yA);
		const [g2, n2] = child2.computeGradients(xB, yB);
		mainModel.setModelParameters([[0], [0]]);
		const summed = Hivemind.zipParameters([g1, g2], (m) => Hivemind.Matrix.add(m[0], m[1]));
		mainModel.applyGradients(summed, n1 + n2);
		const central = new Hivemind.LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 1 });
		central.train([[1], [2], [3], [4], [5]], [1, 3, 2, 5, 4]);
		expectMatrixClose(mainModel.getModelParameters() as Matrix, central.getModelParameters() as Matrix, 1e-12);
	});
	it("NeuralNetwork: addLayer, createLayers, setLayerActivation", () => {
		const network = new Hivemind.NeuralNetwork({ optimizer: "Adam", learningRate: 0.05, maximumNumberOfIterations: 500, seed: 42 });
		network.addLayer(2);
		network.addLayer(4, true, "Tanh");
		network.addLayer(2, true, "Softmax");
		network.train(
			[
				[0, 0],
				[0, 1],
				[1, 0],
				[1, 1],
			],
			[0, 1, 1, 0],
		);
		const [labels] = network.predict([[1, 0]]);
		expect(labels).toEqual([1]);
		const regressor = new Hivemind.NeuralNetwork({ mode: "Regression", batchSize: 16 });
		regressor.createLayers([1, 16, 1], "Tanh");
		regressor.setLayerActivation(2, "None");
		expect((regressor.getOptions().layers as Array<{ activation?: string }>)[2].activation).toBe("None");
	});
	it("Matrix: least squares recovers {1, 2, 3}", () => {
		const rng = new Hivemind.RandomGenerator(42);
		const X = Hivemind.Matrix.randomNormal(100, 3, rng);
		const w = Hivemind.Matrix.leastSquares(X, Hivemind.Matrix.matmul(X, [[1], [2], [3]]));
		expectMatrixClose(w, [[1], [2], [3]], 1e-9);
	});
	it("Utilities: split, scale, F1, scaler statistics merged across servers", () => {
		const X = [
			[1, 10],
			[2, 20],
			[3, 30],
			[4, 40],
			[5, 50],
			[6, 60],
			[7, 70],
			[8, 80],
			[9, 90],
			[10, 100],
		];
		const labels = ["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"];
		const parts = Hivemind.trainTestSplit(X, labels, { testSize: 0.2, seed: 7, stratify: true });
		expect(parts.xTest.size()).toBe(2);
		const scaler = new Hivemind.StandardScaler();
		scaler.fitTransform(parts.xTrain);
		scaler.transform(parts.xTest);
		expect(Hivemind.Metrics.f1Score(["a", "b"], ["a", "b"], { average: "macro" })).toBe(1);
		const serverA = new Hivemind.StandardScaler().fit([[1], [2]]);
		const serverB = new Hivemind.StandardScaler().fit([[3], [4], [5]]);
		scaler.setStatistics(Hivemind.mergeScalerStatistics(serverA.getStatistics(), serverB.getStatistics()));
		// mean 3, population variance 2
		expectMatrixClose(scaler.transform([[3 + math.sqrt(2)]]), [[1]], 1e-12);
	});
	it("Optimizers: Adam by object and by name rebuilds the same options", () => {
		const adam = new Hivemind.Adam({ beta1: 0.9 });
		const model = new Hivemind.LinearRegression({ optimizer: adam });
		expect(model.getOptions().optimizer).toBe(adam);
		const rebuilt = Hivemind.createOptimizer(adam.optimizerName, adam.getOptions());
		expect(rebuilt.getOptions()).toEqual(adam.getOptions());
	});
	it("Distributed: statistics over the wire, parameters every N updates, gradients", () => {
		const text = Hivemind.encodeUpdate(
			Hivemind.createUpdate({
				kind: "statistics",
				modelName: "Ridge",
				round: 1,
				childId: 1,
				sampleCount: 2,
				data: Hivemind.computeLinearPartial(
					[
						[1, 1],
						[1, 2],
					],
					[[1], [3]],
				),
			}),
		);
		const update = Hivemind.decodeUpdate(text);
		expect((update.data as { n: number }).n).toBe(2);

		const merger = new Hivemind.ModelParametersMerger({ mergeType: "TrimmedMean", trimFraction: 0.2 });
		const main = new Hivemind.DistributedModelParameters({
			totalNumberOfChildModelUpdatesToUpdateMainModel: 2,
			modelName: "Logistic",
			logRejections: false,
		});
		main.setMainModelParameters([[0], [0]]);
		main.setModelParametersMerger(merger);
		main.addUpdate(Hivemind.createUpdate({ kind: "parameters", modelName: "Logistic", round: 1, childId: 1, sampleCount: 4, data: [[1], [2]] }));
		main.addUpdate(Hivemind.createUpdate({ kind: "parameters", modelName: "Logistic", round: 1, childId: 2, sampleCount: 4, data: [[3], [4]] }));
		expect(main.getMainModelParameters()).toEqual([[2], [3]]);

		const gradients = new Hivemind.DistributedGradients({
			optimizer: "Adam",
			learningRate: 0.01,
			averaging: "SampleWeighted",
			stalenessBound: 2,
			logRejections: false,
		});
		gradients.setModelParameters([[0], [0]] as ModelParameters);
		const child = new Hivemind.LinearRegression();
		child.setModelParameters(gradients.getModelParameters()!);
		const [g, n] = child.computeGradients([[1], [2]], [1, 3]);
		expect(gradients.addGradients(g, n, gradients.getVersion())).toBe(true);
		expect(gradients.applyPending()).toBe(1);
		// Adam's first step moves every entry by −η·sign(g): g = 2Σ(0 − y)·[1, x] = [−8, −14]
		expectMatrixClose(gradients.getModelParameters() as Matrix, [[0.01], [0.01]], 1e-9);

		const trainer = new Hivemind.FederatedTrainer({ schedule: Hivemind.createTrainingSchedule({ kind: "Synchronous" }) });
		trainer.addChild(new Hivemind.LinearRegression({ maximumNumberOfIterations: 5 }), [[1], [2]], [[1], [3]]);
		expect(trainer.train(1).size()).toBe(1);
		expect(trainer.getMainModelParameters()).never.toBe(undefined);
	});
	it("Installing in a game: the roblox-ts example", () => {
		const X = [[1], [2], [3]];
		const y = [3, 5, 7];
		const model = new Hivemind.LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 500 });
		model.train(X, y);
		expect(Hivemind.Metrics.r2Score(y, model.predict(X)) > 0.999).toBe(true);
		expect(Hivemind.Matrix.matmul([[1, 2]], [[3], [4]])).toEqual([[11]]);
	});
});
