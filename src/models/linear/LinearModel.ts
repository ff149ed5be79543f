/**
 * The generalized linear model core shared by every gradient-trained linear model: scores
 * Z = [1, X]·W, an output link, a cost; parameters are ONE matrix W ((features + 1) × outputs,
 * the bias row first when `fitIntercept`).
 */
import { RowPacer } from "../../matrix/fused";
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
import { modelInputs, productInBlocks } from "../base/data";
import { OutputLink } from "./links";
import { linearLossGradientInto } from "./fusedLoss";
import { SecondOrderSolver, secondOrderRun, SolverRun } from "./solvers/step";
import { Lbfgs } from "./solvers/lbfgs";
import { warnTraining } from "../base/output";
import { FeatureCounting } from "../base/capabilities";
import { FrameBudget } from "../../parallel/FrameBudget";
import { largestColumnMeanSquare } from "../base/scaleCheck";

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
	private costCache: [Readonly<O>, CostFunction] | undefined;
	/** The second-order solver's run of the current training call (false: the optimizer steps). */
	private solverRun: SolverRun | false | undefined;

	/** The cost the loop minimises (on the link's outputs). */
	protected abstract trainingCost(): CostFunction;

	/** The link between scores and what the cost sees. */
	protected abstract trainingLink(): OutputLink;

	/** Numeric n×k targets from `y` (validated; errors name `where`). */
	protected abstract prepareTargets(y: unknown, rows: number, where: string, xShape: string): Matrix;

	/** The second-order solver the `solver` option picks (undefined: the optimizer, by gradient steps). */
	protected secondOrderSolver(): SecondOrderSolver | undefined {
		return undefined;
	}

	/**
	 * An upper bound of the loss's second derivative in the score (2 for squared error), which
	 * with the learning rate tells when plain gradient steps must diverge on data of this scale;
	 * undefined when there is none.
	 */
	protected curvatureBound(): number | undefined {
		return undefined;
	}

	protected solverStep(parameters: ModelParameters, data: TrainingData, pacer: RowPacer): boolean | undefined {
		if (this.solverRun === undefined) this.solverRun = this.createSolverRun(parameters as Matrix, data, pacer) ?? false;
		return this.solverRun === false ? undefined : this.solverRun.step(parameters as Matrix);
	}

	/** The run of the solver the options pick, for one training call (undefined: the optimizer steps). */
	private createSolverRun(w: Matrix, data: TrainingData, pacer: RowPacer): SolverRun | undefined {
		const solver = this.secondOrderSolver();
		if (solver === undefined) return undefined;
		const regularizer = this.regularizerFor("");
		if (solver.kind !== "LBFGS") return secondOrderRun(w, data.inputs, data.targets, solver, regularizer, this.biasRowCount(), pacer.between);
		// L-BFGS on the mean loss + penalty, through the model's own loss and gradient.
		const exempt = this.biasRowCount() > 0 ? [0] : [];
		const n = data.sampleCount;
		const lbfgs = new Lbfgs((weights, gradient) => {
			const [loss, g] = this.lossAndGradient(weights, data, gradient, pacer);
			for (const i of $range(0, weights.size() - 1)) for (const j of $range(0, weights[i].size() - 1)) gradient[i][j] = (g as Matrix)[i][j] / n;
			if (regularizer === undefined) return loss / n;
			regularizer.addGradientInPlace(gradient, weights, exempt);
			return loss / n + regularizer.penalty(weights, exempt);
		}, w);
		return { step: (weights) => lbfgs.step(weights) };
	}

	/** Runs a training call and then drops the solver's run (its buffers, and the data it refers to). */
	protected whileTraining<T>(where: string, fn: () => T): T {
		return super.whileTraining(where, () => {
			const [ok, result] = pcall(fn);
			this.solverRun = undefined;
			if (!ok) error(result, 0);
			return result;
		});
	}

	/**
	 * Second-order solvers take full-batch steps (a `batchSize` is an error with them). With plain
	 * gradient descent at the default learning rate, warns when a column's mean square times the
	 * loss's curvature and the rate exceeds 2: the steps must then diverge (scale the features or
	 * lower the rate).
	 */
	protected beforeTraining(data: TrainingData, where: string, budget: FrameBudget) {
		const o = this.options;
		this.solverRun = undefined;
		if (this.secondOrderSolver() !== undefined) {
			if (o.batchSize > 0)
				error(
					`[Hivemind] ${where}: batchSize must be 0 with a second-order solver (each step uses every row; choose solver "GradientDescent" for mini-batches), got ${o.batchSize}`,
					0,
				);
			return;
		}
		const curvature = this.curvatureBound();
		if (
			curvature === undefined ||
			o.learningRate !== GRADIENT_DEFAULTS.learningRate ||
			o.learningRateSchedule !== undefined ||
			o.optimizer !== "GradientDescent"
		)
			return;
		const [meanSquare, worstColumn] = largestColumnMeanSquare(data.inputs, budget);
		if (o.learningRate * curvature * meanSquare > 2) {
			const column = worstColumn - this.biasRowCount() + 1;
			warnTraining(
				`[Hivemind] ${where}: learningRate ${o.learningRate} is too large for data of this scale (feature ${column} has mean square ${string.format("%.3g", meanSquare)}): gradient steps will diverge; scale the features (StandardScaler) or use learningRate < ${string.format("%.3g", 2 / (curvature * meanSquare))}`,
			);
		}
	}

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

	/** `trainingCost()`, built once per options table (options are frozen and replaced on change). */
	protected currentCost(): CostFunction {
		const cached = this.costCache;
		if (cached !== undefined && cached[0] === this.options) return cached[1];
		const cost = this.trainingCost();
		this.costCache = [this.options, cost];
		return cost;
	}

	/** The fused kernel (every cost with an entry loss) paces its own rows. */
	protected pacesRows(): boolean {
		return this.currentCost().entry !== undefined;
	}

	protected lossAndGradient(
		parameters: ModelParameters,
		data: TrainingData,
		out?: ModelParameters,
		pacer?: RowPacer,
	): LuaTuple<[number, ModelParameters]> {
		const link = this.trainingLink();
		const cost = this.currentCost();
		if (out !== undefined && cost.entry !== undefined) {
			return $tuple(
				linearLossGradientInto(
					out as Matrix,
					data.inputs,
					parameters as Matrix,
					data.targets,
					link,
					cost.costName,
					cost.entry,
					pacer,
					data.packed,
				),
				out,
			);
		}
		const z = matmul(data.inputs, parameters as Matrix);
		const a = link.forward(z);
		const loss = cost.value(a, data.targets);
		const dz = link.backward(z, a, cost.gradient(a, data.targets));
		return $tuple(loss, transposeMatmul(data.inputs, dz));
	}

	/** The scores Z = [1, X]·W for new inputs (validated; errors name `where`). */
	protected scores(X: unknown, where: string): Matrix {
		const w = this.requireParameters(where);
		return productInBlocks(this.inputsOf(X, where), w);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is Matrix {
		const outputs = this.fixedOutputCount();
		const bias = this.biasRowCount();
		const expected = `a single matrix ((features${bias > 0 ? " + 1" : ""}) × ${outputs ?? "outputs"}${bias > 0 ? ", bias row first" : ""})`;
		if (parameterKind(parameters) !== "matrix")
			error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 3);
		const w = parameters as Matrix;
		if (w.size() < bias + 1 || (outputs !== undefined && w[0].size() !== outputs)) {
			error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeShape(w)}`, 3);
		}
		super.validateModelParameters(parameters, where);
	}
}
