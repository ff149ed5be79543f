// DataPredict's documented tutorials (docs/Tutorials: CreatingOurFirstModel,
// CreatingProbabilityToLeavePredictionModel, UsingNeuralNetworksPart1, UsingRegularizer, and the
// optimizer pages of its API reference) written as a DataPredict user writes them, run against
// Hivemind.DataPredict with only the require changed, checked against the outcomes the docs
// state or against numbers worked out by hand here.
import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectMatrixClose } from "../support/numeric";
import type { Matrix } from "../../src/matrix/types";
import { printed, runDataPredict } from "./luau";

const DATA = `
local featureMatrix = {
	{1, 0,  0},
	{1, 10, 2},
	{1, -3, -2},
	{1, -12, -22},
	{1, 2,  2},
	{1, 1,  1},
	{1, -11, -12},
	{1, 3,  3},
	{1, -2, -2},
}
local labelVector = { {1}, {1}, {0}, {0}, {1}, {1}, {0}, {1}, {0} }
`;

describe("DataPredict tutorial: creating our first model (LogisticRegression)", () => {
	it("trains on the tutorial's data and predicts 1 for {1, 90, 32} and 0 for {1, -120, -41}", () => {
		const before = printed.size();
		const [value1, value2, costCount] = runDataPredict(
			`local DataPredict = ...
			local LogisticRegression = DataPredict.Models.LogisticRegression
			local LogisticRegressionModel = LogisticRegression.new()
			${DATA}
			local costArray = LogisticRegressionModel:train(featureMatrix, labelVector)
			local testData = {
				{1, 90, 32},
				{1, -120, -41},
			}
			local predictedVector = LogisticRegressionModel:predict(testData)
			return predictedVector[1][1], predictedVector[2][1], #costArray`,
			"CreatingOurFirstModel",
		);
		expect(value1).toBe(1);
		expect(value2).toBe(0);
		expect(costCount).toBe(500);
		// "the cost of the training is printed out by default"
		expect(printed.size() - before).toBe(500);
		expect(printed[before].sub(1, 10)).toBe("Iteration:");
	});
});

describe("DataPredict tutorial: probability to leave (options table, saving and loading)", () => {
	it("one iteration at 0.3 from zero weights gives w = 0.3 · ½ · x; the saved parameters load into a new model", () => {
		const [costCount, saved, prediction, probability] = runDataPredict(
			`local DataPredict = ...
			local HttpService = game:GetService("HttpService")
			local Classification = DataPredict.Models.LogisticRegression.new({maximumNumberOfIterations = 1, learningRate = 0.3})
			Classification:setPrintOutput(false)
			local initialPlayerDataVector = {{1, 120, 3, 40, 600, 100}}
			local costArray = Classification:train(initialPlayerDataVector, {{1}})
			local ModelParameters = Classification:getModelParameters()
			local stored = HttpService:JSONEncode(ModelParameters) -- a DataStore keeps JSON
			local Returning = DataPredict.Models.LogisticRegression.new({maximumNumberOfIterations = 1, learningRate = 0.3})
			Returning:setModelParameters(HttpService:JSONDecode(stored))
			local predictedLabelVector, probabilityVector = Returning:predict({{1, 120, 3, 40, 600, 100}})
			return #costArray, ModelParameters, predictedLabelVector[1][1], probabilityVector[1][1]`,
			"CreatingProbabilityToLeavePredictionModel",
		);
		expect(costCount).toBe(1);
		// mean cross-entropy gradient at w = 0: (σ(0) − 1)·x = −½x, so w = 0.3·½·x = 0.15·x
		const x = [1, 120, 3, 40, 600, 100];
		expectMatrixClose(
			saved as Matrix,
			x.map((v) => [0.15 * v]),
			1e-12,
		);
		expect(prediction).toBe(1);
		// P(1) = σ(0.15·Σx²) ≈ 1
		expectClose(probability as number, 1, 1e-12);
	});
});

describe("DataPredict tutorial: using neural networks, part 1", () => {
	it("createLayers({2, 3, 2}): 3 neurons (with bias) → 4 (with bias) → 2, stored as 3×3 and 4×2 matrices", () => {
		const [first, second, labels, values] = runDataPredict(
			`local DataPredict = ...
			local NeuralNetworkModel = DataPredict.Models.NeuralNetwork.new()
			NeuralNetworkModel:setClassesList({0, 1})
			${DATA}
			local numberOfNeuronsArray = {2, 3, 2}
			NeuralNetworkModel:createLayers(numberOfNeuronsArray, "Tanh")
			NeuralNetworkModel:train(featureMatrix, labelVector)
			local ModelParameters = NeuralNetworkModel:getModelParameters()
			local labels, values = NeuralNetworkModel:predict(featureMatrix)
			return {#ModelParameters[1], #ModelParameters[1][1]}, {#ModelParameters[2], #ModelParameters[2][1]}, labels, values`,
			"UsingNeuralNetworksPart1.createLayers",
		);
		expect(first).toEqual([3, 3]);
		expect(second).toEqual([4, 2]);
		expect((labels as Matrix).size()).toBe(9);
		expect((values as Matrix)[0].size()).toBe(1);
	});

	it("addLayer with per-layer learning rates: doubling layer 2's rate doubles its first step and leaves layer 3's", () => {
		const scriptFor = (rate: number) => `local DataPredict = ...
			local NeuralNetworkModel = DataPredict.Models.NeuralNetwork.new(1)
			NeuralNetworkModel:setPrintOutput(false)
			NeuralNetworkModel:setClassesList({0, 1})
			${DATA}
			local learningRate1 = ${rate}
			local learningRate2 = 0.01
			NeuralNetworkModel:addLayer(2, true, "None")
			NeuralNetworkModel:addLayer(3, true, "Tanh", learningRate1)
			NeuralNetworkModel:addLayer(2, false, "StableSoftmax", learningRate2)
			local start = {
				{ {0.1, -0.2, 0.3}, {0.2, 0.1, -0.1}, {-0.3, 0.2, 0.1} },
				{ {0.05, -0.05}, {0.2, -0.1}, {-0.1, 0.3}, {0.1, 0.1} },
			}
			NeuralNetworkModel:setModelParameters(start)
			NeuralNetworkModel:train(featureMatrix, labelVector)
			return start, NeuralNetworkModel:getModelParameters()`;
		const [start, once] = runDataPredict(scriptFor(0.001), "UsingNeuralNetworksPart1.addLayer");
		const [, twice] = runDataPredict(scriptFor(0.002), "UsingNeuralNetworksPart1.addLayer2");
		const s = start as Array<Matrix>;
		const a = once as Array<Matrix>;
		const b = twice as Array<Matrix>;
		let moved = 0;
		for (const i of $range(0, 2)) {
			for (const j of $range(0, 2)) {
				expectClose(b[0][i][j] - s[0][i][j], 2 * (a[0][i][j] - s[0][i][j]), 1e-15);
				moved += math.abs(a[0][i][j] - s[0][i][j]);
			}
		}
		expect(moved > 0).toBe(true);
		expectMatrixClose(b[1], a[1], 0);
	});

	it("one Regularization on layer 3 adds λ/2·Σ(its weights without the bias row)² to the cost", () => {
		const scriptFor = (withRegularization: boolean) => `local DataPredict = ...
			local NeuralNetworkModel = DataPredict.Models.NeuralNetwork.new(1)
			NeuralNetworkModel:setPrintOutput(false)
			NeuralNetworkModel:setClassesList({0, 1})
			${DATA}
			local Regularization = DataPredict.Others.Regularization
			local Reg1 = Regularization.new(0.5, "L2")
			NeuralNetworkModel:addLayer(2, true)
			NeuralNetworkModel:addLayer(3, true, "Tanh")
			NeuralNetworkModel:addLayer(2, false, "StableSoftmax", nil, nil, ${withRegularization ? "Reg1" : "nil"})
			NeuralNetworkModel:setModelParameters({
				{ {0.1, -0.2, 0.3}, {0.2, 0.1, -0.1}, {-0.3, 0.2, 0.1} },
				{ {0.05, -0.05}, {0.2, -0.1}, {-0.1, 0.3}, {0.1, 0.1} },
			})
			return NeuralNetworkModel:train(featureMatrix, labelVector)[1]`;
		const [plain] = runDataPredict(scriptFor(false), "UsingNeuralNetworksPart1.plain");
		const [regularized] = runDataPredict(scriptFor(true), "UsingNeuralNetworksPart1.regularization");
		// rows 2–4 of layer 3's matrix: 0.2² + 0.1² + 0.1² + 0.3² + 0.1² + 0.1² = 0.17
		expectClose((regularized as number) - (plain as number), 0.25 * 0.17, 1e-12);
	});
});

describe("DataPredict tutorials: optimizers per layer; saving and loading model parameters", () => {
	it("one AdaptiveGradient per layer: AdaGrad's first step moves every weight by learningRate·sign(gradient)", () => {
		const [start, after] = runDataPredict(
			`local DataPredict = ...
			local NeuralNetworkModel = DataPredict.Models.NeuralNetwork.new(1, 0.1)
			NeuralNetworkModel:setPrintOutput(false)
			NeuralNetworkModel:setClassesList({0, 1})
			${DATA}
			local AdaptiveGradientOptimizer = DataPredict.Optimizers.AdaptiveGradient
			local Adagrad1 = AdaptiveGradientOptimizer.new()
			local Adagrad2 = AdaptiveGradientOptimizer.new()
			NeuralNetworkModel:addLayer(2, true)
			NeuralNetworkModel:addLayer(3, true, "Tanh", nil, Adagrad1)
			NeuralNetworkModel:addLayer(2, false, "StableSoftmax", nil, Adagrad2)
			local start = {
				{ {0.1, -0.2, 0.3}, {0.2, 0.1, -0.1}, {-0.3, 0.2, 0.1} },
				{ {0.05, -0.05}, {0.2, -0.1}, {-0.1, 0.3}, {0.1, -0.2} },
			}
			NeuralNetworkModel:setModelParameters(start)
			NeuralNetworkModel:train(featureMatrix, labelVector)
			return start, NeuralNetworkModel:getModelParameters()`,
			"UsingNeuralNetworksPart1.optimizers",
		);
		const s = start as Array<Matrix>;
		const a = after as Array<Matrix>;
		s.forEach((matrix, l) => matrix.forEach((row, i) => row.forEach((v, j) => expectClose(math.abs(a[l][i][j] - v), 0.1, 1e-5))));
	});

	it("getModelParameters gives a deep copy; what a DataStore kept loads into a new network and predicts the same", () => {
		const [same, changedCopyKeptModel] = runDataPredict(
			`local DataPredict = ...
			local HttpService = game:GetService("HttpService")
			${DATA}
			local function newNetwork()
				local NeuralNetwork = DataPredict.Models.NeuralNetwork.new(50)
				NeuralNetwork:setPrintOutput(false)
				NeuralNetwork:setClassesList({0, 1})
				NeuralNetwork:createLayers({2, 3, 2}, "Tanh")
				return NeuralNetwork
			end
			local NeuralNetwork = newNetwork()
			NeuralNetwork:train(featureMatrix, labelVector)
			local SavedModelParameters = NeuralNetwork:getModelParameters()
			local stored = HttpService:JSONEncode(SavedModelParameters)
			local before = NeuralNetwork:predict(featureMatrix, true)
			SavedModelParameters[1][1][1] = 1000 -- a copy: the model keeps its weights
			local unchanged = NeuralNetwork:getModelParameters()[1][1][1] ~= 1000
			local Loaded = newNetwork()
			Loaded:setModelParameters(HttpService:JSONDecode(stored))
			local after = Loaded:predict(featureMatrix, true)
			local same = true
			for i = 1, #before do
				for j = 1, #before[i] do
					if math.abs(before[i][j] - after[i][j]) > 1e-12 then same = false end
				end
			end
			return same, unchanged`,
			"SavingAndLoadingModelParameters",
		);
		expect(same).toBe(true);
		expect(changedCopyKeptModel).toBe(true);
	});
});

describe("DataPredict tutorial: using a regularizer", () => {
	it("Others.Regularizer.new() (L2, λ = 0.01) given by setRegularizer adds λ/2·‖w‖² to the cost", () => {
		const [plain, regularized] = runDataPredict(
			`local DataPredict = ...
			${DATA}
			local function firstCost(useRegularizer)
				local LogisticRegressionModel = DataPredict.Models.LogisticRegression.new(1)
				LogisticRegressionModel:setPrintOutput(false)
				if useRegularizer then
					local RegularizerObject = DataPredict.Others.Regularizer.new()
					LogisticRegressionModel:setRegularizer(RegularizerObject)
				end
				LogisticRegressionModel:setModelParameters({{0.5}, {-1}, {2}})
				return LogisticRegressionModel:train(featureMatrix, labelVector)[1]
			end
			return firstCost(false), firstCost(true)`,
			"UsingRegularizer",
		);
		// DataPredict's data carries the bias as a column, so every row is regularized: 0.25 + 1 + 4
		expectClose((regularized as number) - (plain as number), 0.005 * 5.25, 1e-12);
	});
});

describe("DataPredict optimizers (API reference)", () => {
	it("AdaptiveMomentEstimation.new() via setOptimizer: the first step is learningRate·sign(mean gradient)", () => {
		const [w, t] = runDataPredict(
			`local DataPredict = ...
			local Adam = DataPredict.Optimizers.AdaptiveMomentEstimation.new()
			local model = DataPredict.Models.LinearRegression.new(1, 0.1)
			model:setPrintOutput(false)
			model:setOptimizer(Adam)
			model:train({{1, 2}, {1, -1}, {1, 3}}, {{3}, {1}, {5}})
			local afterOne = model:getModelParameters()
			model:train({{1, 2}, {1, -1}, {1, 3}}, {{3}, {1}, {5}})
			local states = model:getModel():getOptimizerStates()
			return afterOne, states[""].t`,
			"AdaptiveMomentEstimation",
		);
		// at w = 0 the MSE gradient is −(2/3)·Xᵀy = −(2/3)·[9, 19]: both negative, so w = [0.1, 0.1]
		expectMatrixClose(w as Matrix, [[0.1], [0.1]], 1e-8);
		// Hivemind keeps the optimizer's state across train calls (DataPredict resets it)
		expect(t).toBe(2);
	});

	it("LearningRateStepDecay / LearningRateTimeDecay: calculate() decays the rate every timeStepToDecay steps", () => {
		const [step, time] = runDataPredict(
			`local DataPredict = ...
			local StepDecay = DataPredict.Optimizers.LearningRateStepDecay.new(0.5, 2)
			local TimeDecay = DataPredict.Optimizers.LearningRateTimeDecay.new(0.5, 2)
			local stepRates, timeRates = {}, {}
			for i = 1, 5 do
				stepRates[i] = StepDecay:calculate(0.1, {{1}})[1][1]
				timeRates[i] = TimeDecay:calculate(0.1, {{1}})[1][1]
			end
			return stepRates, timeRates`,
			"LearningRateDecay",
		);
		// step: 0.1·0.5^⌊(t−1)/2⌋; time: 0.1/(1 + 0.5·⌊(t−1)/2⌋)
		const expectedStep = [0.1, 0.1, 0.05, 0.05, 0.025];
		const expectedTime = [0.1, 0.1, 0.1 / 1.5, 0.1 / 1.5, 0.05];
		expectedStep.forEach((v, i) => expectClose((step as Array<number>)[i], v, 1e-15));
		expectedTime.forEach((v, i) => expectClose((time as Array<number>)[i], v, 1e-15));
	});

	it("Gravity and AdaptiveFactor are there, setters included; reset() clears calculate()'s state", () => {
		const [first, again, afterReset, name] = runDataPredict(
			`local DataPredict = ...
			local Gravity = DataPredict.Optimizers.Gravity.new(0, 0.9)
			local a = Gravity:calculate(0.1, {{0.5, -0.1}})
			local b = Gravity:calculate(0.1, {{0.5, -0.1}})
			Gravity:reset()
			local c = Gravity:calculate(0.1, {{0.5, -0.1}})
			local AdaptiveFactor = DataPredict.Optimizers.AdaptiveFactor.new()
			AdaptiveFactor:setParameters({clipThreshold = 2})
			return a, b, c, AdaptiveFactor.optimizerName`,
			"GravityAdaptiveFactor",
		);
		// Gravity's first step: v = ½·g/(1 + (g·max|g|)²), change = 0.1·v
		expectMatrixClose(first as Matrix, [[0.05 * (0.5 / 1.0625), 0.05 * (-0.1 / 1.0025)]], 1e-15);
		expect((again as Matrix)[0][0] !== (first as Matrix)[0][0]).toBe(true);
		expectMatrixClose(afterReset as Matrix, first as Matrix, 0);
		expect(name).toBe("AdaFactor");
	});
});
