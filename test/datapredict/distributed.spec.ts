// DataPredict's distributed training as its docs show it (docs/Tutorials/DistributedTraining,
// API reference: DistributedGradients, DistributedModelParameters, ModelParametersMerger), and
// KMeans, OneVsAll, GradientDescentModifier and the 2.x names, run against Hivemind.DataPredict.
import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import type { Matrix } from "../../src/matrix/types";
import { DataPredict } from "../../src/datapredict";
import { runDataPredict } from "./luau";

const SHARDS = `
local featureMatrix1 = { {1, 0.1, 0.5}, {1, 0.4, -0.2}, {1, -0.3, 0.8} }
local labelVector1 = { {1.2}, {0.7}, {1.9} }
local featureMatrix2 = { {1, 0.9, 0.1}, {1, -0.5, -0.5} }
local labelVector2 = { {1.5}, {-0.4} }
local featureMatrix3 = { {1, 0.2, 0.2}, {1, 0.6, 0.9}, {1, -0.8, 0.3}, {1, 0, -0.7} }
local labelVector3 = { {0.9}, {2.1}, {0.2}, {-0.3} }
`;

describe("DataPredict tutorial: distributed training with DistributedGradients", () => {
	it("addGradients applies the child's step: the main parameters equal w₀ − 0.1·(2/n)·Xᵀ(Xw₀ − y)", () => {
		const [w0, main, child] = runDataPredict(
			`local DataPredict = ...
			${SHARDS}
			local LinearRegression = DataPredict.Models.LinearRegression
			local LinearRegression1 = LinearRegression.new()
			local LinearRegression2 = LinearRegression.new()
			local LinearRegression3 = LinearRegression.new()
			for _, model in {LinearRegression1, LinearRegression2, LinearRegression3} do model:setPrintOutput(false) end
			LinearRegression1:train(featureMatrix1, labelVector1)
			LinearRegression2:train(featureMatrix2, labelVector2)
			LinearRegression3:train(featureMatrix3, labelVector3)

			local DistributedGradients = DataPredict.Models.DistributedGradients.new()
			local ModelParameters1 = LinearRegression1:getModelParameters()
			DistributedGradients:setModelParameters(ModelParameters1)
			LinearRegression1:setAreGradientsSaved(true)
			LinearRegression1:setParameters(1)
			LinearRegression1:train(featureMatrix1, labelVector1)
			local Gradients1 = LinearRegression1:getGradients()
			DistributedGradients:addGradients(Gradients1)
			local UpdatedModelParameters = DistributedGradients:getModelParameters()
			LinearRegression1:setModelParameters(UpdatedModelParameters)
			return ModelParameters1, UpdatedModelParameters, LinearRegression1:getModelParameters()`,
			"DistributedTraining.DistributedGradients",
		);
		const X = [
			[1, 0.1, 0.5],
			[1, 0.4, -0.2],
			[1, -0.3, 0.8],
		];
		const y = [1.2, 0.7, 1.9];
		const w = (w0 as Matrix).map((row) => row[0]);
		const expected = w.map((wj, j) => {
			let g = 0;
			X.forEach((row, i) => (g += row[j] * (row[0] * w[0] + row[1] * w[1] + row[2] * w[2] - y[i])));
			return [wj - 0.1 * (2 / 3) * g];
		});
		expectMatrixClose(main as Matrix, expected, 1e-12);
		expectMatrixClose(child as Matrix, expected, 1e-12);
	});
});

describe("DataPredict: DistributedModelParameters with a ModelParametersMerger", () => {
	it("merges the three children's parameters when the third update arrives (Average), children numbered from 1", () => {
		const [main, own1, own2, own3, count, pushed] = runDataPredict(
			`local DataPredict = ...
			${SHARDS}
			local function newModel()
				local model = DataPredict.Models.LinearRegression.new(50, 0.1)
				model:setPrintOutput(false)
				return model
			end
			local DistributedModelParameters = DataPredict.Others.DistributedModelParameters.new(3)
			local ModelParametersMerger = DataPredict.Others.ModelParametersMerger.new(nil, "Regression", "Average")
			DistributedModelParameters:setModelParametersMerger(ModelParametersMerger)
			local children = {newModel(), newModel(), newModel()}
			for _, child in children do DistributedModelParameters:addModel(child) end
			DistributedModelParameters:train(featureMatrix1, labelVector1, 1)
			local own1 = children[1]:getModelParameters()
			DistributedModelParameters:train(featureMatrix2, labelVector2, 2)
			local own2 = children[2]:getModelParameters()
			local count = DistributedModelParameters:getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel()
			DistributedModelParameters:train(featureMatrix3, labelVector3, 3)
			local twin = newModel() -- what child 3 learned before the merge replaced it
			twin:train(featureMatrix3, labelVector3)
			return DistributedModelParameters:getMainModelParameters(), own1, own2, twin:getModelParameters(), count, children[1]:getModelParameters()`,
			"DistributedModelParameters",
		);
		const average = (main as Matrix).map((_, i) => [((own1 as Matrix)[i][0] + (own2 as Matrix)[i][0] + (own3 as Matrix)[i][0]) / 3]);
		expectMatrixClose(main as Matrix, average, 1e-14);
		expect(count).toBe(2);
		expectMatrixClose(pushed as Matrix, average, 1e-14);
	});

	it("merge(p1, p2, p3) is variadic; Custom weighs by setCustomSplitPercentageArray; Best picks the best child", () => {
		const [average, custom, best] = runDataPredict(
			`local DataPredict = ...
			local p1, p2, p3 = {{1}, {2}}, {{3}, {0}}, {{5}, {4}}
			local Merger = DataPredict.Others.ModelParametersMerger.new()
			local average = Merger:merge(p1, p2, p3)
			Merger:setParameters(nil, nil, "Custom")
			Merger:setCustomSplitPercentageArray({0.5, 0.25, 0.25})
			local custom = Merger:merge(p1, p2, p3)
			local model = DataPredict.Models.LinearRegression.new()
			Merger:setParameters(model, "Regression", "Best")
			Merger:setData({{1, 1}, {1, 2}}, {{3}, {5}})
			return average, custom, Merger:merge(p1, p2, p3)`,
			"ModelParametersMerger",
		);
		expectMatrixClose(average as Matrix, [[3], [2]], 1e-15);
		expectMatrixClose(custom as Matrix, [[0.5 + 0.75 + 1.25], [1 + 0 + 1]], 1e-15);
		// y = 1 + 2x exactly is p1
		expectMatrixClose(best as Matrix, [[1], [2]], 0);
	});

	it("DataPredict 2.x names point at the same classes", () => {
		expect(DataPredict.DistributedTrainingStrategies.DistributedGradientsCoordinator).toBe(DataPredict.Others.DistributedGradients);
		expect(DataPredict.DistributedTrainingStrategies.DistributedModelParametersCoordinator).toBe(DataPredict.Others.DistributedModelParameters);
		expect(DataPredict.Models.DistributedGradients).toBe(DataPredict.Others.DistributedGradients);
	});
});

describe("DataPredict: KMeans, OneVsAll, GradientDescentModifier", () => {
	it("KMeans: 1-based cluster numbers and each row's euclidean distance to its centroid", () => {
		const [clusters, distances, centroids] = runDataPredict(
			`local DataPredict = ...
			local KMeans = DataPredict.Models.KMeans.new(100, nil, 2)
			local data = { {0, 0}, {0.5, 0}, {0, 0.5}, {10, 10}, {10.5, 10}, {10, 9.5} }
			KMeans:train(data)
			local clusters, distances = KMeans:predict(data)
			return clusters, distances, KMeans:getModelParameters()`,
			"KMeans",
		);
		const c = clusters as Matrix;
		expect(c[0][0] === c[1][0] && c[1][0] === c[2][0]).toBe(true);
		expect(c[3][0] === c[4][0] && c[4][0] === c[5][0]).toBe(true);
		expect([c[0][0], c[3][0]].sort()).toEqual([1, 2]);
		const data = [
			[0, 0],
			[0.5, 0],
			[0, 0.5],
			[10, 10],
			[10.5, 10],
			[10, 9.5],
		];
		const centre = centroids as Matrix;
		// the centroids are the group means; distances by hand
		expectMatrixClose([centre[c[0][0] - 1]], [[1 / 6, 1 / 6]], 1e-12);
		data.forEach((row, i) => {
			const k = c[i][0] - 1;
			expectClose((distances as Matrix)[i][0], math.sqrt((row[0] - centre[k][0]) ** 2 + (row[1] - centre[k][1]) ** 2), 1e-12);
		});
	});

	it("NormalLinearRegression: the exact least-squares weights, bias row first, for data carrying its ones", () => {
		const [weights, predicted] = runDataPredict(
			`local DataPredict = ...
			local model = DataPredict.Models.NormalLinearRegression.new()
			-- y = 1 + 2·x₁ − x₂ exactly
			model:train({ {1, 0, 0}, {1, 1, 0}, {1, 0, 1}, {1, 2, 3} }, { {1}, {3}, {0}, {2} })
			return model:getModelParameters(), model:predict({ {1, 5, 5} })`,
			"NormalLinearRegression",
		);
		expectMatrixClose(weights as Matrix, [[1], [2], [-1]], 1e-12);
		expectMatrixClose(predicted as Matrix, [[6]], 1e-12);
	});

	it("OneVsAll with one LogisticRegression per class: separable classes all predicted; parameters per class", () => {
		const [labels, parameterCount, shape] = runDataPredict(
			`local DataPredict = ...
			local function newModel()
				local model = DataPredict.Models.LogisticRegression.new(300, 0.5)
				model:setPrintOutput(false)
				return model
			end
			local OneVsAll = DataPredict.Others.OneVsAll.new()
			OneVsAll:setModels(newModel(), newModel(), newModel())
			OneVsAll:setClassesList({1, 2, 3})
			local featureMatrix = { {1, 0, 0}, {1, 0.2, 0.1}, {1, 5, 0}, {1, 5.2, 0.3}, {1, 0, 5}, {1, 0.1, 5.3} }
			OneVsAll:train(featureMatrix, { {1}, {1}, {2}, {2}, {3}, {3} })
			local predicted = OneVsAll:predict(featureMatrix)
			local array = OneVsAll:getModelParametersArray()
			return predicted, #array, {#array[1], #array[1][1]}`,
			"OneVsAll",
		);
		expect((labels as Matrix).map((row) => row[0])).toEqual([1, 1, 2, 2, 3, 3]);
		expect(parameterCount).toBe(3);
		expect(shape).toEqual([3, 1]);
	});

	it("GradientDescentModifier: MiniBatch epochs through the model; predict in DataPredict's shape", () => {
		const [costs, predicted] = runDataPredict(
			`local DataPredict = ...
			${SHARDS}
			local model = DataPredict.Models.LinearRegression.new(20, 0.1)
			model:setPrintOutput(false)
			local Modifier = DataPredict.Others.GradientDescentModifier.new(model, "MiniBatch", 2)
			local costs = Modifier:train(featureMatrix3, labelVector3)
			return costs, Modifier:predict(featureMatrix3)`,
			"GradientDescentModifier",
		);
		expect((costs as Array<number>).size()).toBe(20);
		expect((costs as Array<number>)[19] < (costs as Array<number>)[0]).toBe(true);
		expect((predicted as Matrix).size()).toBe(4);
		expect((predicted as Matrix)[0].size()).toBe(1);
	});
});

describe("DataPredict-style arguments: positional or one options table, checked", () => {
	it("positional and options-table constructors give the same settings", () => {
		const positional = new DataPredict.Models.LinearRegression(7, 0.05, "MeanAbsoluteError", 0.5);
		const fromTable = new DataPredict.Models.LinearRegression({
			maximumNumberOfIterations: 7,
			learningRate: 0.05,
			costFunction: "MeanAbsoluteError",
			targetCost: 0.5,
		});
		for (const model of [positional, fromTable]) {
			const o = model.getModel().getOptions();
			expect([o.maximumNumberOfIterations, o.learningRate, o.costFunction, o.fitIntercept]).toEqual([7, 0.05, "MeanAbsoluteError", false]);
			expect(o.targetCost).toEqual([-0.5, 0.5]);
		}
	});

	it("names the argument in errors", () => {
		expectError(
			() => new DataPredict.Models.LinearRegression({ maxIterations: 3 }),
			'[Hivemind] DataPredict.LinearRegression.new: unknown argument "maxIterations"',
			"arguments here are maxNumberOfIterations, learningRate, costFunction, targetCost",
		);
		expectError(
			() => new DataPredict.Models.LinearRegression(1, 2, "MeanSquaredError", 0, 5),
			"DataPredict.LinearRegression.new: takes at most 4 arguments",
		);
		expectError(() => new DataPredict.Models.LinearRegression(1, 0.1, "Squared"), "[Hivemind] LinearRegression.new: costFunction must be");
		expectError(() => new DataPredict.Models.KMeans(10, 0.1, 2, "Manhattan"), 'DataPredict.KMeans.new: distanceFunction must be "Euclidean"');
		expectError(
			() => new DataPredict.Models.LogisticRegression(10, 0.1, "tanh"),
			'DataPredict.LogisticRegression.new: sigmoidFunction must be "Sigmoid", got "tanh"',
		);
		expectError(() => new DataPredict.Others.Regularization(0.1, "L3"), 'DataPredict.Regularization.new: regularizationMode must be one of "L1"');
		expectError(
			() => DataPredict.Optimizers.AdaptiveMomentEstimation.new(1.5),
			"[Hivemind] DataPredict.AdaptiveMomentEstimation.new: beta1 must be a number in [0, 1), got 1.5",
		);
		const network = new DataPredict.Models.NeuralNetwork();
		expectError(
			() => network.setOptimizer("Adam"),
			"DataPredict.NeuralNetwork.setOptimizer: Optimizer must be an object of Hivemind.DataPredict.Optimizers",
		);
		const main = new DataPredict.Others.DistributedModelParameters(2);
		main.addModel(new DataPredict.Models.LinearRegression());
		expectError(
			() => main.train([[1, 2]], [[1]], 0),
			"[Hivemind] DataPredict.DistributedModelParameters.train: modelNumber must be an integer in [1, 1] (1-based), got 0",
		);
	});
});
