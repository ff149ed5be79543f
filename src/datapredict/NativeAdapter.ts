/**
 * One adapter for the DataPredict models that need no training loop of DataPredict's own
 * (support vector machine, naive Bayes, neighbours, passive-aggressive, closed-form
 * regressions, …): each is a table entry (`AdapterSpec`) — DataPredict's constructor arguments,
 * the Hivemind options they stand for, the shape `predict` gives, and DataPredict's stored
 * parameter layout where its documentation describes one. No model code lives here.
 */
import { Matrix } from "../matrix/types";
import { BaseModel } from "../models/base/BaseModel";
import { ModelParameters } from "../parameters";
import { Label } from "../utilities/labels";
import { describeValue } from "../core/describe";
import { ArgumentName, GivenArguments } from "./arguments";
import { DataPredictModel, HivemindOptions } from "./DataPredictModel";
import { isClassifier, Model, predictValues } from "../models/base/capabilities";

/**
 * What `predict(X, returnOriginalOutput)` gives, from what the Hivemind model's `predict` returns:
 * - `values`: the regressor's result as it is (n×1; a second value passes through);
 * - `probabilities`: labels n×1 and the predicted label's probability n×1; original: n×k probabilities;
 * - `scores`: labels n×1 and the decision value n×1 (±1 classifiers); original: the decision values n×1;
 * - `distances`: labels n×1 and the distance to the predicted class n×1; original: n×k distances;
 * - `clusters`: cluster numbers from 1 n×1 (noise stays −1) and the model's second value; original: that value.
 */
export type PredictShape = "values" | "probabilities" | "scores" | "distances" | "clusters";

/** DataPredict's stored parameter layout, converted from and to Hivemind's. */
export interface ParameterLayout {
	/** Hivemind's parameters → DataPredict's layout. */
	toDataPredict(parameters: ModelParameters, model: BaseModel<object>): ModelParameters;
	/** DataPredict's layout → Hivemind's parameters (errors name `where`). */
	fromDataPredict(parameters: unknown, model: BaseModel<object>, where: string): ModelParameters;
}

/** One model of `Hivemind.DataPredict.Models` over a Hivemind class. */
export interface AdapterSpec {
	/** DataPredict's name of the model. */
	readonly name: string;
	/** DataPredict's constructor (and `setParameters`) arguments, in order. */
	readonly arguments: ReadonlyArray<ArgumentName>;
	/** Hivemind options every new model starts from (e.g. `fitIntercept = false`: X carries the ones). */
	readonly defaults?: HivemindOptions;
	/** Arguments copied unchanged to the Hivemind option of this name. */
	readonly renamed?: { readonly [argument: string]: string };
	/** The other arguments: validates them and adds the Hivemind options they stand for. */
	readonly translate?: (where: string, given: GivenArguments, into: HivemindOptions) => void;
	/** A new Hivemind model with these options. */
	readonly create: (options: HivemindOptions) => BaseModel<object>;
	/** The shape of `predict`'s results (or a function of the model's options). */
	readonly predict: PredictShape | ((options: HivemindOptions) => PredictShape);
	/** DataPredict's parameter layout (absent: Hivemind's, listed in the README). */
	readonly layout?: ParameterLayout;
	/** false: only one options table of Hivemind's option names (DataPredict's positional order is not mapped). */
	readonly positional?: boolean;
}

/** Throws when `spec` takes an options table only and `args` is positional. */
function checkedArguments(spec: AdapterSpec, where: string, args: Array<unknown>): Array<unknown> {
	if (spec.positional !== false || args.size() === 0 || (args.size() === 1 && typeIs(args[0], "table"))) return args;
	const names = spec.arguments.map((entry) => entry.name).join(", ");
	error(
		`[Hivemind] DataPredict.${spec.name}.${where}: takes one options table of Hivemind's options (${names}); DataPredict's positional arguments are not mapped for this model, got ${describeValue(args[0])} at position 1`,
		4,
	);
}

/** A DataPredict model object described by an `AdapterSpec` (see the file comment). */
export abstract class DataPredictAdapter extends DataPredictModel<BaseModel<object>> {
	/** The description of this model. */
	protected abstract spec(): AdapterSpec;

	protected argumentNames() {
		return this.spec().arguments;
	}
	protected defaults(): HivemindOptions {
		return table.clone(this.spec().defaults ?? {});
	}
	protected translate(where: string, given: GivenArguments, into: HivemindOptions) {
		const spec = this.spec();
		for (const [argument, option] of pairs(spec.renamed ?? {})) if (given[argument] !== undefined) into[option] = given[argument];
		spec.translate?.(where, given, into);
		return into;
	}
	/** A new Hivemind model; its option errors are raised under DataPredict's names (`cValue (Hivemind's C) must be ...`). */
	protected createModel(options: HivemindOptions) {
		const spec = this.spec();
		const [ok, result] = pcall(() => spec.create(options));
		if (ok) return result;
		let message = tostring(result).gsub("^.-%[Hivemind%] [%w%.]+: ", "")[0];
		for (const [argument, option] of pairs(spec.renamed ?? {})) {
			if (argument !== option) message = message.gsub(`^${option} must`, `${argument} (Hivemind's ${option}) must`)[0];
		}
		error(`[Hivemind] ${this.where}.new: ${message}`, 4);
	}

	/** The parameters in DataPredict's layout where documented (else Hivemind's); nil before training. */
	getModelParameters(doNotDeepCopy?: boolean): ModelParameters | undefined {
		const parameters = this.model.getModelParameters(doNotDeepCopy === true);
		const layout = this.spec().layout;
		return parameters === undefined || layout === undefined ? parameters : layout.toDataPredict(parameters, this.model);
	}

	/** Sets the parameters (DataPredict's layout where documented; nil clears them). */
	setModelParameters(parameters: ModelParameters | undefined, doNotDeepCopy?: boolean) {
		const layout = this.spec().layout;
		if (parameters === undefined || layout === undefined) return super.setModelParameters(parameters, doNotDeepCopy);
		this.model.setModelParameters(layout.fromDataPredict(parameters, this.model, `${this.where}.setModelParameters`), true);
	}

	/** The predictions in DataPredict's shapes (see `PredictShape`). */
	predict(featureMatrix: unknown, returnOriginalOutput?: boolean): LuaTuple<[unknown, unknown?]> {
		if (returnOriginalOutput !== undefined && !typeIs(returnOriginalOutput, "boolean")) {
			error(`[Hivemind] ${this.where}.predict: returnOriginalOutput must be a boolean or nil, got ${describeValue(returnOriginalOutput)}`, 2);
		}
		const predictShape = this.spec().predict;
		const shape = typeIs(predictShape, "function") ? predictShape(this.model.getOptions() as HivemindOptions) : predictShape;
		const [first, second] = predictValues(this.model, featureMatrix);
		if (shape === "values") return $tuple(first, second);
		if (shape === "clusters") {
			if (returnOriginalOutput === true) return $tuple(second);
			return $tuple(
				(first as Array<number>).map((k) => [k < 0 ? k : k + 1]),
				second,
			);
		}
		const labels = (first as Array<Label>).map((label) => [label]);
		const values = second as Matrix;
		if (returnOriginalOutput === true) return $tuple(values);
		if (shape === "scores") return $tuple(labels, values);
		return $tuple(
			labels,
			values.map((row) => [shape === "distances" ? math.min(...row) : math.max(...row)]),
		);
	}

	/** The class labels in output order (classifiers; nil before they are known). */
	getClassesList(): Array<Label> | undefined {
		const model: Model = this.model;
		return isClassifier(model) ? model.getClassesList() : undefined;
	}

	/** Changes the settings, with the constructor's arguments (nil keeps a value). */
	setParameters(...args: Array<unknown>) {
		super.setParameters(...checkedArguments(this.spec(), "setParameters", args));
	}

	/** Sets the class labels in output order (before training). */
	setClassesList(classesList: Array<Label>) {
		(this.model as Model).setParameters({ classesList });
	}
}

/** A `Models` entry: `Name.new(...)` gives a DataPredict model object. */
export type AdapterClass = new (...args: Array<unknown>) => DataPredictAdapter;

/** A `Models` entry (`Name.new(...)`) for the model `spec` describes. */
export function adapterClass(spec: AdapterSpec): AdapterClass {
	return class extends DataPredictAdapter {
		constructor(...args: Array<unknown>) {
			super(spec.name, checkedArguments(spec, "new", args));
		}
		protected spec() {
			return spec;
		}
	};
}
