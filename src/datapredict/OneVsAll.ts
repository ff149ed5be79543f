/**
 * DataPredict's `Others.OneVsAll` over Hivemind's `OneVsAll`: `setModels(...)` gives the binary
 * model (one per class in DataPredict; Hivemind trains one model per class from the FIRST model's
 * kind and settings), parameters come and go as an array with one entry per class (1-based).
 */
import { Matrix } from "../matrix/types";
// the models index: importing it registers every model OneVsAll can train per class
import { OneVsAll } from "../models";
import { BaseModel } from "../models/base/BaseModel";
import { flattenPerClass, splitPerClass } from "../models/multiclass/perClassParameters";
import { ModelParameters } from "../parameters";
import { describeValue } from "../core/describe";
import { Label } from "../utilities/labels";
import { argumentNames, readArguments } from "./arguments";
import { DataPredictModel, HivemindOptions, targetCostBand } from "./DataPredictModel";
import { DataPredictLogisticRegression } from "./LogisticRegression";
import { labelsAndValues } from "./results";

const WHERE = "DataPredict.OneVsAll";
type AnyModel = DataPredictModel<BaseModel<object>>;
const NAMES = argumentNames(["maxNumberOfIterations", "maximumNumberOfIterations"], "useNegativeOneBinaryLabel", "targetCost");

/**
 * `OneVsAll.new(maxNumberOfIterations, useNegativeOneBinaryLabel, targetCost)`. The per-class
 * models' own two labels are used inside (useNegativeOneBinaryLabel is accepted; the results do
 * not depend on it).
 */
export class DataPredictOneVsAll {
	private settings: HivemindOptions = {};
	private models = new Array<AnyModel>();
	private classes?: Array<Label>;
	private inner?: OneVsAll;

	constructor(...args: Array<unknown>) {
		this.readSettings(`${WHERE}.new`, args);
	}

	private readSettings(where: string, args: Array<unknown>) {
		const given = readArguments(where, NAMES, args);
		if (given.maxNumberOfIterations !== undefined) this.settings.maximumNumberOfIterations = given.maxNumberOfIterations;
		const band = targetCostBand(where, given.targetCost);
		if (band !== undefined) this.settings.targetCost = band;
	}

	/** Changes the settings (nil keeps a value); they apply from the next fresh training. */
	setParameters(...args: Array<unknown>) {
		this.readSettings(`${WHERE}.setParameters`, args);
		this.inner = undefined;
	}

	/** The binary models, one per class (DataPredict model objects of one kind). */
	setModels(...models: Array<defined>) {
		models.forEach((value, i) => {
			if (!(value instanceof DataPredictModel))
				error(`[Hivemind] ${WHERE}.setModels: model ${i + 1} must be a Hivemind.DataPredict model object, got ${describeValue(value)}`, 3);
			const kind = (value as AnyModel).getModel().modelName;
			const firstKind = (models[0] as AnyModel).getModel().modelName;
			if (kind !== firstKind)
				error(
					`[Hivemind] ${WHERE}.setModels: every model must be of one kind (Hivemind trains one per class from the first), got ${kind} after ${firstKind}`,
					3,
				);
		});
		this.models = models as Array<AnyModel>;
		this.inner = undefined;
	}

	/** Calls `setParameters(...)` on every model given to `setModels`. */
	setAllModelsParameters(...args: Array<unknown>) {
		for (const model of this.models) model.setParameters(...args);
		this.inner = undefined;
	}

	private native(): OneVsAll {
		if (this.inner !== undefined) return this.inner;
		// cast: DataPredictModel<M> is invariant in M (its model field); any DataPredict model serves as the template here
		const first = this.models[0] ?? (new DataPredictLogisticRegression() as unknown as AnyModel);
		const modelOptions = table.clone(first.getModel().getOptions()) as HivemindOptions;
		for (const [key, value] of pairs(this.settings)) modelOptions[key as string] = value;
		if (this.classes !== undefined && this.models.size() > 0 && this.models.size() !== this.classes.size()) {
			error(`[Hivemind] ${WHERE}: setModels gave ${this.models.size()} models for ${this.classes.size()} classes; give one per class`, 3);
		}
		this.inner = new OneVsAll({ modelName: first.getModel().modelName, modelOptions, classesList: this.classes });
		return this.inner;
	}

	/** Trains one model per class; returns each class model's last cost. */
	train(featureMatrix: unknown, labelVector: unknown): Array<number> {
		return this.native().train(featureMatrix, labelVector);
	}

	/** The predicted labels (n×1) and each one's score (n×1); with `returnOriginalOutput`, every class's score (n×k). */
	predict(featureMatrix: unknown, returnOriginalOutput?: boolean): LuaTuple<[Matrix, Matrix?]> {
		const [labels, scores] = this.native().predict(featureMatrix);
		if (returnOriginalOutput === true) return $tuple(scores);
		return labelsAndValues(labels, scores);
	}

	/** The classes, in model order. */
	getClassesList(): Array<Label> | undefined {
		return this.inner?.getClassesList() ?? this.classes;
	}

	/** Sets the classes, in model order (before training). */
	setClassesList(classesList: Array<Label>) {
		this.classes = table.clone(classesList);
		this.inner = undefined;
	}

	/** Every class model's parameters, one array entry per class (nil before training). */
	getModelParametersArray(): Array<ModelParameters> | undefined {
		const parameters = this.inner?.getModelParameters();
		return parameters === undefined ? undefined : splitPerClass(parameters, `${WHERE}.getModelParametersArray`);
	}

	/** Sets every class model's parameters from an array with one entry per class (nil clears them). */
	setModelParameters(ModelParameters: Array<ModelParameters> | undefined) {
		if (ModelParameters === undefined) return this.clearModelParameters();
		if (!typeIs(ModelParameters, "table"))
			error(
				`[Hivemind] ${WHERE}.setModelParameters: ModelParameters must be an array with one entry per class, got ${describeValue(ModelParameters)}`,
				2,
			);
		this.native().setModelParameters(flattenPerClass(ModelParameters));
	}

	/** Forgets every class model's parameters. */
	clearModelParameters() {
		this.inner = undefined;
	}

	/** Whether the class models print their training (DataPredict prints by default). */
	setPrintOutput(option: boolean) {
		if (!typeIs(option, "boolean")) error(`[Hivemind] ${WHERE}.setPrintOutput: option must be a boolean, got ${describeValue(option)}`, 2);
		this.settings.isOutputPrinted = option;
		this.inner = undefined;
	}

	/** The Hivemind OneVsAll underneath (built at the first use). */
	getModel(): OneVsAll {
		return this.native();
	}
}
