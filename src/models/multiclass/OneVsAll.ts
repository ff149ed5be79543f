/**
 * One-vs-all (one-vs-rest): any registered binary classifier becomes a multi-class one by
 * training one model per class ("this class" against "every other class") and predicting the
 * class whose model scores highest.
 */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { constraint, ConstraintTable, labelList } from "../../options";
import { ModelParameters } from "../../parameters";
import { Label } from "../../utilities/labels";
import { BaseModel } from "../base/BaseModel";
import { Classifier, featureCountOf, isClassifier, Model, predictValues } from "../base/capabilities";
import { featureMatrix, mapInBlocks } from "../base/data";
import { getRegisteredModels, getModelRegistration } from "../registry";
import { ClassLabels } from "../base/ClassLabels";
import { flattenPerClass, splitPerClass } from "./perClassParameters";

/** Options of `OneVsAll`. */
export interface OneVsAllOptions {
	/** The registered binary classifier trained per class: default "LogisticRegression". */
	modelName: string;
	/** Options of every per-class model (e.g. `{ learningRate: 0.05 }`): default `{}`. */
	modelOptions: object;
	/** The class labels in output order; default: discovered (sorted) at the first training. */
	classesList?: Array<Label>;
}

const isClassifierName = (v: unknown) =>
	typeIs(v, "string") && v !== "OneVsAll" && getRegisteredModels().some((r) => r.name === v && r.tags.includes("classifier"));

const DEFAULTS: OneVsAllOptions = { modelName: "LogisticRegression", modelOptions: {} };
const CONSTRAINTS: ConstraintTable<OneVsAllOptions> = {
	modelName: constraint(isClassifierName, "the name of a registered binary classifier (getRegisteredModels)"),
	modelOptions: constraint((v) => typeIs(v, "table"), "a table of options for the per-class model"),
	classesList: labelList,
};

/**
 * Trains one binary `modelName` model per class on "is this class" (the model's second label)
 * against "is another class" (its first label; {0, 1} for models without a label list) and
 * predicts the class with the highest score: the model's probability of its second label, or its
 * decision value. Parameters: a record of every class's parameters, named `<class>` (a single
 * matrix) or `<class>.<entry>` with the class numbered from 1 in `getClassesList()` order.
 * @example
 * const model = new OneVsAll({ modelName: "SupportVectorMachine", modelOptions: { kernel: "rbf" } });
 * model.train(X, { "rock", "paper", "scissors", ... });
 * const [predicted, scores] = model.predict(X);
 */
export class OneVsAll extends BaseModel<OneVsAllOptions> implements Classifier {
	private readonly labels = new ClassLabels(() => this.options.classesList);
	private models = new Array<Model>();
	private pending: Array<Model> | undefined;
	private features: number | undefined;

	constructor(options?: Partial<OneVsAllOptions>) {
		super("OneVsAll", DEFAULTS, CONSTRAINTS, options);
		// Surfaces bad per-class options now rather than at the first training.
		this.createModel().destroy();
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["modelName", "modelOptions", "classesList"];
	}

	/** The class labels in output order, or undefined before they are known. */
	getClassesList(): Array<Label> | undefined {
		return this.labels.get();
	}

	private createModel(): Model {
		return getModelRegistration(this.options.modelName).create(table.clone(this.options.modelOptions));
	}

	/** The negative and positive labels of a per-class model. */
	private binaryLabels(model: Model): [Label, Label] {
		const list = isClassifier(model) ? model.getClassesList() : undefined;
		return list !== undefined && list.size() === 2 ? [list[0], list[1]] : [0, 1];
	}

	/**
	 * Trains (or, for models that continue, trains further) one model per class. Returns the last
	 * cost each per-class model reported (0 when it reports none), in class order.
	 */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const x = featureMatrix(X, where, this.featureCount());
		const indices = this.labels.encode(y, x.size(), where, describeShape(x));
		const k = this.labels.count()!;
		this.features = x[0].size();
		const history = new Array<number>();
		for (const c of $range(0, k - 1)) {
			if (this.models[c] === undefined) this.models[c] = this.createModel();
			const model = this.models[c];
			const [negative, positive] = this.binaryLabels(model);
			const costs = model.train(
				x,
				mapInBlocks(indices.size(), 1, (i) => (indices[i] === c ? positive : negative)),
			);
			history.push(costs.size() > 0 ? costs[costs.size() - 1] : 0);
		}
		this.parameters = flattenPerClass(this.models.map((m) => m.getModelParameters(true)!));
		return history;
	}

	/** The feature count: known after training, or from the per-class models after `setModelParameters`. */
	private featureCount(): number | undefined {
		if (this.features !== undefined || this.models.size() === 0) return this.features;
		return featureCountOf(this.models[0]);
	}

	/** Each per-class model's score for the positive side (n×1). */
	private scoreColumn(model: Model, x: Matrix): Array<number> {
		const [labels, second] = predictValues(model, x);
		if (typeIs(second, "table") && typeIs((second as Array<unknown>)[0], "table")) {
			const m = second as Matrix;
			const column = m[0].size() >= 2 ? 1 : 0;
			return mapInBlocks(m.size(), 1, (i) => m[i][column]);
		}
		const positive = this.binaryLabels(model)[1];
		const list = labels as Array<Label>;
		return mapInBlocks(list.size(), 1, (i) => (list[i] === positive ? 1 : 0));
	}

	/**
	 * The labels of the highest-scoring classes (ties: the class listed first) and, as a second
	 * value, every class's score (n×k, columns in `getClassesList()` order).
	 * @example local labels, scores = model:predict(X)
	 */
	predict(X: unknown): LuaTuple<[Array<Label>, Matrix]> {
		const where = `${this.modelName}.predict`;
		this.requireParameters(where);
		const x = featureMatrix(X, where, this.featureCount());
		const columns = this.models.map((model) => this.scoreColumn(model, x));
		const winners = table.create<number>(x.size(), 0);
		const scores = mapInBlocks(x.size(), 2 * columns.size(), (i) => {
			let best = 0;
			const row = columns.map((column) => column[i]);
			for (const c of $range(1, row.size() - 1)) if (row[c] > row[best]) best = c;
			winners[i] = best;
			return row;
		});
		return $tuple(this.labels.decode(winners, where), scores);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		const parts = splitPerClass(parameters, where);
		const known = this.labels.count();
		if (known !== undefined && parts.size() !== known) {
			error(`[Hivemind] ${where}: parameters must hold ${known} classes (one per class, named 1 … ${known}), got ${parts.size()}`, 3);
		}
		const probes = parts.map((part, c) => {
			const probe = this.models[c] !== undefined ? this.models[c].clone() : this.createModel();
			const [ok, message] = pcall(() => probe.setModelParameters(part));
			if (!ok) error(`[Hivemind] ${where}: class ${c + 1}'s parameters were refused: ${tostring(message)}`, 3);
			return probe;
		});
		this.pending = probes;
	}

	protected onParametersSet() {
		for (const model of this.models) model.destroy();
		this.models = this.pending ?? [];
		this.pending = undefined;
		this.features = undefined;
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		(twin as OneVsAll).labels.copyFrom(this.labels);
		(twin as OneVsAll).models = this.models.map((model) => model.clone());
		(twin as OneVsAll).features = this.features;
	}

	/** Releases every per-class model too. */
	destroy() {
		for (const model of this.models) model.destroy();
		this.models = [];
		super.destroy();
	}
}
