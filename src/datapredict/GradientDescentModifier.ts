/**
 * DataPredict's `Others.GradientDescentModifier` over Hivemind's `GradientMethodWrapper`: the
 * model's own loop, epoch by epoch over "Batch", "MiniBatch" or "Stochastic" steps.
 */
import { GradientMethodWrapper } from "../models/wrappers/GradientMethodWrapper";
import { describeValue } from "../core/describe";
import { argumentNames, readArguments, underName } from "./arguments";
import { DataPredictGradientModel } from "./DataPredictGradientModel";

const WHERE = "DataPredict.GradientDescentModifier";
const NAMES = argumentNames("Model", ["gradientDescentType", "gradientDescentMode"], "batchSize", ["showOutput", "showOutputCost"]);

/**
 * `GradientDescentModifier.new(Model, gradientDescentType, batchSize, showOutput)`: Model a
 * DataPredict gradient model object; "Batch" (default), "MiniBatch" or "Stochastic"; batchSize
 * (default 32). Each `train` runs the model's maxNumberOfIterations epochs, one step per batch.
 */
export class DataPredictGradientDescentModifier {
	private settings: { [name: string]: unknown } = { gradientDescentType: "Batch", batchSize: 32 };
	private wrapper!: GradientMethodWrapper;
	private model!: DataPredictGradientModel<never>;

	constructor(...args: Array<unknown>) {
		this.apply(`${WHERE}.new`, args);
	}

	private apply(where: string, args: Array<unknown>) {
		const given = readArguments(where, NAMES, args);
		const settings = table.clone(this.settings);
		for (const [key, value] of pairs(given)) settings[key as string] = value;
		const model = settings.Model;
		if (!(model instanceof DataPredictGradientModel)) {
			error(
				`[Hivemind] ${where}: Model must be a Hivemind.DataPredict gradient model object (LinearRegression, LogisticRegression, SoftmaxRegression, NeuralNetwork), got ${describeValue(model)}`,
				3,
			);
		}
		const result = underName(
			where,
			// cast: the Luau-given method name is checked by GradientMethodWrapper's constraint table; the model was checked by instanceof above
			() =>
				new GradientMethodWrapper({
					model: (model as DataPredictGradientModel<never>).getModel(),
					method: settings.gradientDescentType as never,
					batchSize: settings.batchSize as number,
				}),
		);
		this.settings = settings;
		this.wrapper = result as GradientMethodWrapper;
		this.model = model as DataPredictGradientModel<never>;
	}

	/** Changes the settings (nil keeps a value). */
	setParameters(...args: Array<unknown>) {
		this.apply(`${WHERE}.setParameters`, args);
	}

	/** Trains the model in the chosen mode; returns the cost after each epoch. */
	train(featureMatrix: unknown, labelVector?: unknown): Array<number> {
		return this.wrapper.train(featureMatrix, labelVector);
	}

	/** The model's `predict` (DataPredict's shapes). */
	predict(...args: Array<unknown>): unknown {
		// cast: the wrapped DataPredict model's predict takes DataPredict's extra arguments, which its declared type does not list
		return (this.model as unknown as { predict(...a: Array<unknown>): unknown }).predict(...args);
	}
}
