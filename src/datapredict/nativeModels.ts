/**
 * The `Models` entries over `DataPredictAdapter`: DataPredict's documented constructors for the
 * models Hivemind also has (support vector machine, the naive Bayes family, the neighbour
 * models, passive-aggressive, Bayesian linear regression), and Hivemind's own models under
 * Hivemind's names (an options table of Hivemind's option names). Written from DataPredict's
 * public documentation of names, argument orders and stored parameter layouts only.
 */
import { SupportVectorMachine } from "../models/svm/SupportVectorMachine";
import { GaussianNaiveBayes } from "../models/naiveBayes/GaussianNaiveBayes";
import { MultinomialNaiveBayes } from "../models/naiveBayes/MultinomialNaiveBayes";
import { BernoulliNaiveBayes } from "../models/naiveBayes/BernoulliNaiveBayes";
import { ComplementNaiveBayes } from "../models/naiveBayes/ComplementNaiveBayes";
import { CategoricalNaiveBayes } from "../models/naiveBayes/CategoricalNaiveBayes";
import { KNearestNeighboursClassifier } from "../models/neighbours/KNearestNeighboursClassifier";
import { KNearestNeighboursRegressor } from "../models/neighbours/KNearestNeighboursRegressor";
import { NearestCentroid } from "../models/neighbours/NearestCentroid";
import { PassiveAggressiveClassifier } from "../models/passiveAggressive/PassiveAggressiveClassifier";
import { PassiveAggressiveRegressor } from "../models/passiveAggressive/PassiveAggressiveRegressor";
import { BayesianLinearRegression } from "../models/linear/BayesianLinearRegression";
import { RidgeRegression } from "../models/linear/RidgeRegression";
import { ExtremeLearningMachine } from "../models/elm/ExtremeLearningMachine";
import { BaseModel } from "../models/base/BaseModel";
import { describeValue } from "../core/describe";
import { argumentNames, expectType, GivenArguments } from "./arguments";
import { HivemindOptions } from "./DataPredictModel";
import { adapterClass, AdapterSpec, DataPredictAdapter } from "./NativeAdapter";
import { GAUSSIAN_NAIVE_BAYES_LAYOUT, NEAREST_CENTROID_LAYOUT, NEIGHBOURS_CLASSIFIER_LAYOUT, NEIGHBOURS_REGRESSOR_LAYOUT } from "./layouts";

/** Throws unless `value` is nil or (case-insensitively) one of `names`; gives the matching Hivemind value. */
function choice(where: string, argument: string, value: unknown, names: { [dataPredictName: string]: string }): string | undefined {
	if (value === undefined) return undefined;
	const listed = new Array<string>();
	for (const [name, hivemind] of pairs(names)) {
		if (typeIs(value, "string") && value.lower() === (name as string).lower()) return hivemind;
		listed.push(`"${name}"`);
	}
	listed.sort();
	error(`[Hivemind] ${where}: ${argument} must be one of ${listed.join(", ")}, got ${describeValue(value)}`, 5);
}

/** DataPredict's `useLogProbabilities`: a boolean; Hivemind always works in log space, so it changes no result. */
function useLogProbabilities(where: string, given: GivenArguments) {
	expectType(where, "useLogProbabilities", given.useLogProbabilities, "boolean", "a boolean or nil");
}

const DISTANCES = { Euclidean: "euclidean", Manhattan: "manhattan", Cosine: "cosine" };

/** DataPredict's neighbour arguments: `distanceFunction`, `useWeightedDistance`. */
function neighbourOptions(where: string, given: GivenArguments, into: HivemindOptions) {
	const distance = choice(where, "distanceFunction", given.distanceFunction, DISTANCES);
	if (distance !== undefined) into.distance = distance;
	expectType(where, "useWeightedDistance", given.useWeightedDistance, "boolean", "a boolean or nil");
	if (given.useWeightedDistance !== undefined) into.weights = given.useWeightedDistance === true ? "distance" : "uniform";
}

const NAIVE_BAYES_ARGUMENTS = argumentNames("useLogProbabilities");
const NEIGHBOUR_ARGUMENTS = argumentNames("kValue", "distanceFunction", "useWeightedDistance");
const PASSIVE_AGGRESSIVE_ARGUMENTS = argumentNames(["maximumNumberOfIterations", "maxNumberOfIterations"], "variant", ["cValue", "C"]);
/** Given order, no intercept of its own (X carries the ones): DataPredict's single d×1 matrix. */
const PASSIVE_AGGRESSIVE_DEFAULTS = { variant: "PA", fitIntercept: false, shuffle: false };

/** DataPredict's variants 0, 1, 2 (numbers or strings) → "PA", "PA-I", "PA-II". */
function passiveAggressiveVariant(where: string, given: GivenArguments, into: HivemindOptions) {
	const variant =
		given.variant === undefined ? undefined : choice(where, "variant", tostring(given.variant), { "0": "PA", "1": "PA-I", "2": "PA-II" });
	if (variant !== undefined) into.variant = variant;
}

/** DataPredict's NaiveBayes (1.x) and GaussianNaiveBayes: the same model and stored layout. */
const GAUSSIAN: Omit<AdapterSpec, "name"> = {
	arguments: NAIVE_BAYES_ARGUMENTS,
	translate: useLogProbabilities,
	create: (options) => new GaussianNaiveBayes(options),
	predict: "probabilities",
	layout: GAUSSIAN_NAIVE_BAYES_LAYOUT,
};

/** `SupportVectorMachine.new(maxNumberOfIterations, learningRate, cValue, targetCost, kernelFunction, kernelParameters)`. */
const SUPPORT_VECTOR_MACHINE: AdapterSpec = {
	name: "SupportVectorMachine",
	arguments: argumentNames(
		["maxNumberOfIterations", "maximumNumberOfIterations"],
		"learningRate",
		["cValue", "C"],
		"targetCost",
		"kernelFunction",
		"kernelParameters",
	),
	defaults: { kernel: "linear" },
	renamed: { maxNumberOfIterations: "maximumNumberOfIterations", cValue: "C" },
	translate: (where, given, into) => {
		const kernel = choice(where, "kernelFunction", given.kernelFunction, {
			linear: "linear",
			polynomial: "polynomial",
			rbf: "rbf",
			sigmoid: "sigmoid",
		});
		if (kernel !== undefined) into.kernel = kernel;
		const settings = given.kernelParameters;
		expectType(where, "kernelParameters", settings, "table", "a table of degree, gamma, coef0 or nil");
		for (const [key, value] of pairs((settings ?? {}) as object)) {
			if (key !== "degree" && key !== "gamma" && key !== "coef0")
				error(`[Hivemind] ${where}: kernelParameters keys must be degree, gamma or coef0, got ${describeValue(key)}`, 4);
			into[key] = value;
		}
	},
	create: (options) => new SupportVectorMachine(options),
	predict: "scores",
};

/** DataPredict's SupportVectorMachine (see `SUPPORT_VECTOR_MACHINE`), with its `setCValue`. */
export class DataPredictSupportVectorMachine extends DataPredictAdapter {
	constructor(...args: Array<unknown>) {
		super("SupportVectorMachine", args);
	}
	protected spec() {
		return SUPPORT_VECTOR_MACHINE;
	}
	/** Sets C, the penalty on margin violations (`setParameters(nil, nil, cValue)`). */
	setCValue(cValue: number) {
		this.setParameters(undefined, undefined, cValue);
	}
}

/** DataPredict 1.x's `NaiveBayes.new(useLogProbabilities)`: Gaussian naive Bayes. */
export const DataPredictNaiveBayes = adapterClass({ name: "NaiveBayes", ...GAUSSIAN });
/** `GaussianNaiveBayes.new(useLogProbabilities)`. */
export const DataPredictGaussianNaiveBayes = adapterClass({ name: "GaussianNaiveBayes", ...GAUSSIAN });
/** `MultinomialNaiveBayes.new(useLogProbabilities)`. */
export const DataPredictMultinomialNaiveBayes = adapterClass({
	name: "MultinomialNaiveBayes",
	arguments: NAIVE_BAYES_ARGUMENTS,
	translate: useLogProbabilities,
	create: (options) => new MultinomialNaiveBayes(options),
	predict: "probabilities",
});
/** `BernoulliNaiveBayes.new(useLogProbabilities, mode)`: "Hybrid" (default) and "Online" both add to the statistics. */
export const DataPredictBernoulliNaiveBayes = adapterClass({
	name: "BernoulliNaiveBayes",
	arguments: argumentNames("useLogProbabilities", "mode"),
	translate: (where, given) => {
		useLogProbabilities(where, given);
		choice(where, "mode", given.mode, { Hybrid: "Hybrid", Online: "Online" });
	},
	create: (options) => new BernoulliNaiveBayes(options),
	predict: "probabilities",
});
/** `ComplementNaiveBayes.new(useLogProbabilities)`. */
export const DataPredictComplementNaiveBayes = adapterClass({
	name: "ComplementNaiveBayes",
	arguments: NAIVE_BAYES_ARGUMENTS,
	translate: useLogProbabilities,
	create: (options) => new ComplementNaiveBayes(options),
	predict: "probabilities",
});
/** `CategoricalNaiveBayes.new(useLogProbabilities)`. */
export const DataPredictCategoricalNaiveBayes = adapterClass({
	name: "CategoricalNaiveBayes",
	arguments: NAIVE_BAYES_ARGUMENTS,
	translate: useLogProbabilities,
	create: (options) => new CategoricalNaiveBayes(options),
	predict: "probabilities",
});

/** `KNearestNeighboursClassifier.new(kValue, distanceFunction, useWeightedDistance)` (1.x: `KNearestNeighbours`). */
export const DataPredictKNearestNeighboursClassifier = adapterClass({
	name: "KNearestNeighboursClassifier",
	arguments: NEIGHBOUR_ARGUMENTS,
	renamed: { kValue: "numberOfNeighbours" },
	translate: neighbourOptions,
	create: (options) => new KNearestNeighboursClassifier(options),
	predict: "probabilities",
	layout: NEIGHBOURS_CLASSIFIER_LAYOUT,
});
/** `KNearestNeighboursRegressor.new(kValue, distanceFunction, useWeightedDistance)`. */
export const DataPredictKNearestNeighboursRegressor = adapterClass({
	name: "KNearestNeighboursRegressor",
	arguments: NEIGHBOUR_ARGUMENTS,
	renamed: { kValue: "numberOfNeighbours" },
	translate: neighbourOptions,
	create: (options) => new KNearestNeighboursRegressor(options),
	predict: "values",
	layout: NEIGHBOURS_REGRESSOR_LAYOUT,
});
/** `NearestCentroid.new(distanceFunction)`. */
export const DataPredictNearestCentroid = adapterClass({
	name: "NearestCentroid",
	arguments: argumentNames("distanceFunction"),
	translate: (where, given, into) => {
		const distance = choice(where, "distanceFunction", given.distanceFunction, DISTANCES);
		if (distance !== undefined) into.distance = distance;
	},
	create: (options) => new NearestCentroid(options),
	predict: "distances",
	layout: NEAREST_CENTROID_LAYOUT,
});

/** `PassiveAggressiveClassifier.new(maximumNumberOfIterations, variant, cValue)`: labels ±1. */
export const DataPredictPassiveAggressiveClassifier = adapterClass({
	name: "PassiveAggressiveClassifier",
	arguments: PASSIVE_AGGRESSIVE_ARGUMENTS,
	defaults: PASSIVE_AGGRESSIVE_DEFAULTS,
	renamed: { maximumNumberOfIterations: "maximumNumberOfIterations", cValue: "C" },
	translate: passiveAggressiveVariant,
	create: (options) => new PassiveAggressiveClassifier(options),
	predict: "scores",
});
/** `PassiveAggressiveRegressor.new(maximumNumberOfIterations, variant, cValue)`. */
export const DataPredictPassiveAggressiveRegressor = adapterClass({
	name: "PassiveAggressiveRegressor",
	arguments: PASSIVE_AGGRESSIVE_ARGUMENTS,
	defaults: PASSIVE_AGGRESSIVE_DEFAULTS,
	renamed: { maximumNumberOfIterations: "maximumNumberOfIterations", cValue: "C" },
	translate: passiveAggressiveVariant,
	create: (options) => new PassiveAggressiveRegressor(options),
	predict: "values",
});

/** `BayesianLinearRegression.new(priorPrecision, likelihoodPrecision, useLogProbabilities)`; predict → mean n×1, variance n×1. */
export const DataPredictBayesianLinearRegression = adapterClass({
	name: "BayesianLinearRegression",
	arguments: argumentNames("priorPrecision", ["likelihoodPrecision", "noisePrecision"], "useLogProbabilities"),
	defaults: { fitIntercept: false },
	renamed: { priorPrecision: "priorPrecision", likelihoodPrecision: "noisePrecision" },
	translate: useLogProbabilities,
	create: (options) => new BayesianLinearRegression(options),
	predict: "values",
});

/**
 * A Hivemind model DataPredict does not document, under its Hivemind name: `Name.new({ option =
 * value })` with Hivemind's option names, or those options positionally in the order listed.
 */
function nativeOnly(
	name: string,
	optionNames: Array<string>,
	defaults: HivemindOptions,
	create: (options: HivemindOptions) => BaseModel<object>,
	predict: AdapterSpec["predict"],
) {
	const renamed: { [argument: string]: string } = {};
	for (const option of optionNames) renamed[option] = option;
	return adapterClass({ name, arguments: argumentNames(...optionNames), defaults, renamed, create, predict });
}

/** `RidgeRegression.new(lambda)` (Hivemind's; X carries the ones): exact penalized least squares; predict → n×1. */
export const DataPredictRidgeRegression = nativeOnly(
	"RidgeRegression",
	["lambda"],
	{ fitIntercept: false },
	(options) => new RidgeRegression(options),
	"values",
);

/** `ExtremeLearningMachine.new(hiddenNeurons, neuronType, lambda, mode, classesList, seed)` (Hivemind's). */
export const DataPredictExtremeLearningMachine = nativeOnly(
	"ExtremeLearningMachine",
	["hiddenNeurons", "neuronType", "lambda", "mode", "classesList", "seed"],
	{},
	(options) => new ExtremeLearningMachine(options),
	(options) => (options.mode === "Regression" ? "values" : "probabilities"),
);
