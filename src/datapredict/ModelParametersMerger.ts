/** DataPredict's `Others.ModelParametersMerger` over Hivemind's: variadic `merge(p1, p2, …)`, positional settings. */
import { MergeType, ModelParametersMerger } from "../distributed/ModelParametersMerger";
import { MergeModelType } from "../distributed/merging/scoring";
import { ParameterScoring } from "../models/base/capabilities";
import { Matrix } from "../matrix/types";
import { ModelParameters } from "../parameters";
import { ArgumentName, argumentNames, readArguments, underName } from "./arguments";

const WHERE = "DataPredict.ModelParametersMerger";
const NAMES: ReadonlyArray<ArgumentName> = argumentNames("Model", "modelType", "mergeType");

/**
 * `ModelParametersMerger.new(Model, modelType, mergeType)`: Model a DataPredict model object
 * (scores children for WeightedAverage, WeightedAverageEqual and Best), modelType "Regression"
 * (default), "Classification" or "Clustering", mergeType "Average" (default), "WeightedAverage",
 * "WeightedAverageEqual", "Best", "Custom" (and Hivemind's "Median", "TrimmedMean").
 */
export class DataPredictModelParametersMerger {
	private settings: { [name: string]: unknown } = {};
	private merger: ModelParametersMerger;
	private customSplit?: Array<number>;
	private data?: [Matrix, Matrix];

	constructor(...args: Array<unknown>) {
		this.merger = this.build(`${WHERE}.new`, readArguments(`${WHERE}.new`, NAMES, args));
	}

	private build(where: string, given: { [name: string]: unknown }): ModelParametersMerger {
		const settings = table.clone(this.settings);
		for (const [key, value] of pairs(given)) settings[key as string] = value;
		const result = underName(
			where,
			() =>
				new ModelParametersMerger({
					model: settings.Model as ParameterScoring,
					modelType: settings.modelType as MergeModelType,
					mergeType: settings.mergeType as MergeType,
				}),
		);
		const merger = result as ModelParametersMerger;
		if (this.customSplit !== undefined) merger.setCustomSplitPercentageArray(this.customSplit);
		if (this.data !== undefined) merger.setData(this.data[0], this.data[1]);
		this.settings = settings;
		return merger;
	}

	/** Changes Model, modelType and/or mergeType (nil keeps a value). */
	setParameters(...args: Array<unknown>) {
		this.merger = this.build(`${WHERE}.setParameters`, readArguments(`${WHERE}.setParameters`, NAMES, args));
	}

	/** Merges the given model parameters (one argument per child) into new ones. */
	merge(...modelParameters: Array<ModelParameters>): ModelParameters {
		return this.merger.merge(modelParameters);
	}

	/** The weights of the "Custom" merge type, one per child in `merge`'s argument order. */
	setCustomSplitPercentageArray(splitPercentageArray: Array<number>) {
		this.merger.setCustomSplitPercentageArray(splitPercentageArray);
		this.customSplit = table.clone(splitPercentageArray);
	}

	/** The data the scored merge types score children on. */
	setData(featureMatrix: Matrix, labelVector: Matrix) {
		this.merger.setData(featureMatrix, labelVector);
		this.data = [featureMatrix, labelVector];
	}

	/** The Hivemind merger underneath. */
	getMerger(): ModelParametersMerger {
		return this.merger;
	}
}
