/**
 * The generalized linear model core shared by every gradient-trained linear model: scores
 * Z = [1, X]·W, an output link, a cost; parameters are ONE matrix W ((features + 1) × outputs,
 * the bias row first when `fitIntercept`).
 */
import { Matrix } from "../../matrix/types";
import { zeros } from "../../matrix/creation";
import { matmul, transposeMatmul } from "../../matrix/product";
import { describeShape } from "../../matrix/validate";
import { CostFunction } from "../../costs";
import { booleanValue, ConstraintTable } from "../../options";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { GradientModel } from "../base/GradientModel";
import { GRADIENT_CONSTRAINTS, GRADIENT_DEFAULTS, GradientOptions } from "../base/gradientOptions";
import { TrainingData } from "../base/types";
import { modelInputs } from "../base/data";
import { OutputLink } from "./links";
import { FeatureCounting } from "../base/capabilities";

/** Options of every linear model: the loop's options and the intercept. */
export interface LinearModelOptions extends GradientOptions {
	/** Add a bias (intercept) column to X (the bias is row 1 of the parameters, never regularized): default true. */
	fitIntercept: boolean;
}

/** Defaults of `LinearModelOptions`. */
export const LINEAR_DEFAULTS: LinearModelOptions = { ...GRADIENT_DEFAULTS, fitIntercept: true };

/** Constraint table of `LinearModelOptions`. */
export const LINEAR_CONSTRAINTS: ConstraintTable<LinearModelOptions> = { ...GRADIENT_CONSTRAINTS, fitIntercept: booleanValue };

/** Base of the gradient-trained linear models (regressors and classifiers). */
export abstract class LinearModel<O extends LinearModelOptions> extends GradientModel<O, Matrix> implements FeatureCounting {
	/** The cost the loop minimises (on the link's outputs). */
	protected abstract trainingCost(): CostFunction;

	/** The link between scores and what the cost sees. */
	protected abstract trainingLink(): OutputLink;

	/** Numeric n×k targets from `y` (validated; errors name `where`). */
	protected abstract prepareTargets(y: unknown, rows: number, where: string, xShape: string): Matrix;

	/** The number of output columns the parameters must have, when fixed (classifiers). */
	protected fixedOutputCount(): number | undefined {
		return undefined;
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["fitIntercept"];
	}

	/** 1 with an intercept (the bias row), else 0. */
	protected biasRowCount(): number {
		return this.options.fitIntercept ? 1 : 0;
	}

	/** The number of features the model was trained on, or undefined before training. */
	getFeatureCount(): number | undefined {
		const w = this.parameters;
		return w === undefined ? undefined : w.size() - this.biasRowCount();
	}

	/** X validated (width checked once trained) with the bias column added. */
	protected inputsOf(X: unknown, where: string): Matrix {
		return modelInputs(X, where, this.options.fitIntercept, this.getFeatureCount());
	}

	protected prepareData(X: unknown, y: unknown, where: string): TrainingData {
		const inputs = this.inputsOf(X, where);
		const xShape = `${inputs.size()}×${inputs[0].size() - this.biasRowCount()}`;
		const targets = this.prepareTargets(y, inputs.size(), where, xShape);
		const w = this.parameters;
		if (w !== undefined && targets[0].size() !== w[0].size()) {
			error(`[Hivemind] ${where}: y must have ${w[0].size()} columns (outputs) like the model, got ${describeShape(targets)}`, 3);
		}
		return { inputs, targets, sampleCount: inputs.size() };
	}

	protected initializeParameters(data: TrainingData): Matrix {
		return zeros(data.inputs[0].size(), data.targets[0].size());
	}

	protected lossAndGradient(parameters: Matrix, data: TrainingData): LuaTuple<[number, Matrix]> {
		const link = this.trainingLink();
		const cost = this.trainingCost();
		const z = matmul(data.inputs, parameters);
		const a = link.forward(z);
		const loss = cost.value(a, data.targets);
		const dz = link.backward(z, a, cost.gradient(a, data.targets));
		return $tuple(loss, transposeMatmul(data.inputs, dz));
	}

	/** The scores Z = [1, X]·W for new inputs (validated; errors name `where`). */
	protected scores(X: unknown, where: string): Matrix {
		const w = this.requireParameters(where);
		return matmul(this.inputsOf(X, where), w);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is Matrix {
		const outputs = this.fixedOutputCount();
		const bias = this.biasRowCount();
		const expected = `a single matrix ((features${bias > 0 ? " + 1" : ""}) × ${outputs ?? "outputs"}${bias > 0 ? ", bias row first" : ""})`;
		if (parameterKind(parameters) !== "matrix") error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 3);
		const w = parameters as Matrix;
		if (w.size() < bias + 1 || (outputs !== undefined && w[0].size() !== outputs)) {
			error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeShape(w)}`, 3);
		}
		super.validateModelParameters(parameters, where);
	}
}
