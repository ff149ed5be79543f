import { describe, expect, it } from "../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../support/numeric";
import { importDataPredictParameters } from "../../src/io/dataPredict";

interface Predicts {
	predict(X: unknown): LuaTuple<[unknown, unknown?]>;
	getOptions(): { fitIntercept?: boolean };
	getModelParameters(): unknown;
}

function imported(name: string, parameters: unknown, options: Parameters<typeof importDataPredictParameters>[2]): Predicts {
	return importDataPredictParameters(name, parameters, options) as unknown as Predicts;
}

describe("importDataPredictParameters", () => {
	it("takes a linear model's weights with the bias row first (X then comes without the column of ones)", () => {
		// DataPredict: [1, 3, 4]·[1, 2, −1] = 1 + 6 − 4 = 3
		const model = imported("LinearRegression", [[1], [2], [-1]], { hasBiasRow: true });
		expect(model.getOptions().fitIntercept).toBe(true);
		expectMatrixClose(model.predict([[3, 4]])[0] as Array<Array<number>>, [[3]], 1e-15);
		expect(model.getModelParameters()).toEqual([[1], [2], [-1]]);
	});

	it("takes weights without a bias row as a model without intercept", () => {
		// [3, 4]·[2, −1] = 2
		const model = imported("LinearRegression", [[2], [-1]], { hasBiasRow: false, featureCount: 2 });
		expect(model.getOptions().fitIntercept).toBe(false);
		expectMatrixClose(model.predict([[3, 4]])[0] as Array<Array<number>>, [[2]], 1e-15);
	});

	it("takes a logistic model (P = σ(b + w·x)) with its two labels", () => {
		// σ(0.5 + 1·1) = σ(1.5) = 0.8175744761936437
		const model = imported("LogisticRegression", [[0.5], [1]], { hasBiasRow: true, classesList: [0, 1] });
		const [labels, probabilities] = model.predict([[1]]);
		expect(labels).toEqual([1]);
		expectMatrixClose(probabilities as Array<Array<number>>, [[1 - 0.8175744761936437, 0.8175744761936437]], 1e-15);
	});

	it("takes a softmax model's d×k weights with the class list", () => {
		// scores for x = (2, 1): (0 + 2·1 + 0, 0 + 0 + 1, 0 − 2 + 0) = (2, 1, −2); softmax by hand
		const model = imported(
			"SoftmaxRegression",
			[
				[0, 0, 0],
				[1, 0, -1],
				[0, 1, 0],
			],
			{ hasBiasRow: true, classesList: ["a", "b", "c"] },
		);
		const [labels, probabilities] = model.predict([[2, 1]]);
		const total = math.exp(2) + math.exp(1) + math.exp(-2);
		expect(labels).toEqual(["a"]);
		expectMatrixClose(probabilities as Array<Array<number>>, [[math.exp(2) / total, math.exp(1) / total, math.exp(-2) / total]], 1e-14);
	});

	it("takes a network's per-layer weight matrices, the neuron counts from their shapes", () => {
		// input (3, 4); hidden = tanh(b + x·W): (tanh(1 + 3), tanh(2 + 4)); output = 0.5 + 2·h₁ − h₂
		const layers = [
			[
				[1, 2],
				[1, 0],
				[0, 1],
			],
			[[0.5], [2], [-1]],
		];
		const network = imported("NeuralNetwork", layers, { hasBiasRow: true, activations: ["Tanh", "None"], modelOptions: { mode: "Regression" } });
		expectMatrixClose(network.predict([[3, 4]])[0] as Array<Array<number>>, [[0.5 + 2 * math.tanh(4) - math.tanh(6)]], 1e-14);
		// the same network described by layers: {neurons = 2}, {neurons = 2, activation = "Tanh"}, {neurons = 1}
		const described = imported("NeuralNetwork", layers, {
			hasBiasRow: true,
			modelOptions: { mode: "Regression", layers: [{ neurons: 2 }, { neurons: 2, activation: "Tanh" }, { neurons: 1 }] },
		});
		expect(described.predict([[3, 4]])[0]).toEqual(network.predict([[3, 4]])[0]);
	});

	it("takes a classifying network with its class list", () => {
		// scores (1, −1) for x = (1, 0): P(a) = e / (e + e⁻¹) = 1 / (1 + e⁻²)
		const network = imported(
			"NeuralNetwork",
			[
				[
					[0, 0],
					[1, -1],
					[0, 0],
				],
			],
			{ hasBiasRow: true, activations: ["Softmax"], classesList: ["a", "b"] },
		);
		const [labels, probabilities] = network.predict([[1, 0]]);
		expect(labels).toEqual(["a"]);
		expectMatrixClose(probabilities as Array<Array<number>>, [[1 / (1 + math.exp(-2)), 1 - 1 / (1 + math.exp(-2))]], 1e-14);
	});

	it("takes k-means centroids", () => {
		const model = imported(
			"KMeans",
			[
				[0, 0],
				[10, 10],
			],
			{ hasBiasRow: false, featureCount: 2 },
		);
		const [clusters, distances] = model.predict([
			[1, 1],
			[9, 8],
		]);
		expect(clusters).toEqual([0, 1]);
		expectMatrixClose(
			distances as Array<Array<number>>,
			[
				[math.sqrt(2), math.sqrt(162)],
				[math.sqrt(145), math.sqrt(5)],
			],
			1e-14,
		);
	});

	it("checks every shape, naming the weights and both shapes", () => {
		expectError(
			() =>
				importDataPredictParameters(
					"LogisticRegression",
					[
						[1, 2],
						[3, 4],
						[5, 6],
					],
					{ hasBiasRow: true },
				),
			"importDataPredictParameters: LogisticRegression weights must be (features + 1 bias row)×1, got 3×2",
		);
		expectError(
			() => importDataPredictParameters("LinearRegression", [[1], [2], [3], [4]], { hasBiasRow: true, featureCount: 2 }),
			"LinearRegression weights must be 3×k, got 4×1",
		);
		expectError(
			() => importDataPredictParameters("LogisticRegression", [[1]], { hasBiasRow: true }),
			"LogisticRegression weights must be (features + 1 bias row)×1, got 1×1",
		);
		expectError(
			() =>
				importDataPredictParameters(
					"SoftmaxRegression",
					[
						[0, 0, 0],
						[1, 0, -1],
					],
					{ hasBiasRow: true, classesList: ["a", "b"] },
				),
			"SoftmaxRegression weights must be (features + 1 bias row)×2, got 2×3",
		);
		expectError(
			() => importDataPredictParameters("LinearRegression", [1, 2, 3], { hasBiasRow: false }),
			"parameters of LinearRegression must be one weight matrix (features)×k (an array of rows of numbers), got a table",
		);
		const twoLayers = [
			[
				[1, 2],
				[1, 0],
				[0, 1],
			],
			[[0.5], [2]],
		];
		expectError(
			() => importDataPredictParameters("NeuralNetwork", twoLayers, { hasBiasRow: true, activations: ["Tanh", "None"] }),
			"NeuralNetwork weights[2] (layer 2 → layer 3) must be 3×1 (2 neurons + 1 bias row, by 1 neurons), got 2×1",
		);
		expectError(
			() =>
				importDataPredictParameters("NeuralNetwork", twoLayers, {
					hasBiasRow: true,
					modelOptions: { layers: [{ neurons: 3 }, { neurons: 2 }, { neurons: 1 }] },
				}),
			"NeuralNetwork weights[1] (layer 1 → layer 2) must be 4×2 (3 neurons + 1 bias row, by 2 neurons), got 3×2",
		);
		expectError(
			() =>
				importDataPredictParameters("NeuralNetwork", twoLayers, {
					hasBiasRow: true,
					modelOptions: { layers: [{ neurons: 2 }, { neurons: 1 }] },
				}),
			"NeuralNetwork has 2 layers, so parameters must hold 1 weight matrices (one per layer after the input), got 2",
		);
		expectError(
			() => importDataPredictParameters("NeuralNetwork", twoLayers, { hasBiasRow: true }),
			"options.activations must list the activation of each of the 2 layers after the input",
		);
		expectError(
			() => importDataPredictParameters("NeuralNetwork", [[1, 2]], { hasBiasRow: true, activations: ["None"] }),
			"parameters of NeuralNetwork must be a list of weight matrices (one per layer after the input), got one 1×2 matrix",
		);
		expectError(
			() => importDataPredictParameters("NeuralNetwork", [[[1], [2]]], { hasBiasRow: true, activations: ["None"], featureCount: 3 }),
			"NeuralNetwork weights[1] must have 4 rows (3 features + 1 bias row), got 2×1",
		);
		expectError(
			() =>
				importDataPredictParameters(
					"KMeans",
					[
						[0, 0],
						[1, 1],
					],
					{ hasBiasRow: true },
				),
			"KMeans centroids have no bias row: options.hasBiasRow must be false, got true",
		);
		expectError(
			() =>
				importDataPredictParameters(
					"KMeans",
					[
						[0, 0],
						[1, 1],
					],
					{ hasBiasRow: false, featureCount: 3 },
				),
			"KMeans centroids must be k×3, got 2×2",
		);
		expectError(
			() =>
				importDataPredictParameters(
					"KMeans",
					[
						[0, 0],
						[1, 1],
					],
					{ hasBiasRow: false, modelOptions: { numberOfClusters: 3 } },
				),
			"KMeans centroids must be 3×d, got 2×2",
		);
	});

	it("rejects unknown models and missing or bad options", () => {
		expectError(
			() => importDataPredictParameters("QLearning", [[1]], { hasBiasRow: true }),
			'importDataPredictParameters: modelName must be one of KMeans, LinearRegression, LogisticRegression, NeuralNetwork, SoftmaxRegression, got "QLearning"',
		);
		expectError(
			() => importDataPredictParameters("LinearRegression", [[1], [2]], {} as never),
			"options.hasBiasRow must be true or false (is the first row of the weights a bias?), got nil",
		);
		expectError(
			() => importDataPredictParameters("LinearRegression", [[1], [2]], undefined as never),
			"options must be a table with hasBiasRow = true or false, got nil",
		);
		expectError(
			() =>
				importDataPredictParameters(
					"SoftmaxRegression",
					[
						[1, 2],
						[3, 4],
					],
					{ hasBiasRow: true },
				),
			"options.classesList must give the class labels in column order for SoftmaxRegression, got nil",
		);
		expectError(
			() => importDataPredictParameters("LinearRegression", [[1], [2]], { hasBiasRow: true, featureCount: 0 }),
			"options.featureCount must be an integer ≥ 1, got 0",
		);
		expectError(
			() => importDataPredictParameters("LogisticRegression", [[1], [2]], { hasBiasRow: true, classesList: ["x", "x"] }),
			"options.classesList must be a non-empty array of distinct numbers or strings",
		);
	});
});
