/**
 * Base of the linear models solved exactly from sufficient statistics (least squares, ridge,
 * Bayesian): train = computePartial + finalize, so distributed training is merge + finalize
 * (`src/sufficientStatistics/linear.ts`).
 */
import { Matrix } from "../../matrix/types";
import { allocatingRowsPerBlock, FrameBudget, forEachBlock, reduceInBlocks, rowsPerBlock } from "../../parallel/FrameBudget";
import { rowsBetween } from "../../parallel/shards";
import { matmul } from "../../matrix/product";
import { ConstraintTable } from "../../options";
import { ModelParameters } from "../../parameters";
import { computeLinearPartial, LinearPartial, mergeLinearPartials } from "../../sufficientStatistics/linear";
import { LinearPartialModel } from "../base/LinearPartialModel";
import { modelInputs, productInBlocks, targetMatrix } from "../base/data";
import { FeatureCounting } from "../base/capabilities";

/** Options every statistics-based linear model has. */
export interface StatisticsLinearOptions {
	/** Add a bias column to X (never penalized; row 1 of the weights): default true. */
	fitIntercept: boolean;
}

/** A linear model fitted exactly from `LinearPartial` statistics. */
export abstract class StatisticsLinearModel<O extends StatisticsLinearOptions, P extends ModelParameters = ModelParameters>
	extends LinearPartialModel<O, P>
	implements FeatureCounting
{
	protected constructor(modelName: string, defaults: O, constraints: ConstraintTable<O>, options?: Partial<O>) {
		super(modelName, defaults, constraints, options);
	}

	/** The learned parameters derived from (merged) statistics. */
	protected abstract parametersFromPartial(partial: LinearPartial): P;

	/** The weight matrix ((features + bias) × outputs) inside the parameters. */
	protected abstract weightsOf(parameters: P): Matrix;

	/** The objective per sample given the summed squared error over `n` samples (the cost `train` reports). */
	protected abstract objective(squaredError: number, n: number, parameters: P): number;

	/** The number of outputs the targets must have (undefined: any). */
	protected outputCount(): number | undefined {
		return undefined;
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["fitIntercept"];
	}

	/** 0-based indices of the unpenalized rows (the bias, when fitted). */
	protected unpenalizedRows(): Array<number> {
		return this.options.fitIntercept ? [0] : [];
	}

	/** Σ of the squares of the non-bias entries of `w` (the ridge / prior penalty). */
	protected penaltyOf(w: Matrix): number {
		let total = 0;
		for (const i of $range(this.unpenalizedRows().size(), w.size() - 1)) for (const v of w[i]) total += v * v;
		return total;
	}

	/** The number of features the model was trained on, or undefined before training. */
	getFeatureCount(): number | undefined {
		if (this.parameters === undefined) return undefined;
		return this.weightsOf(this.parameters).size() - this.unpenalizedRows().size();
	}

	/** X validated (width checked once trained), with the bias column when fitted. */
	protected inputsOf(X: unknown, where: string): Matrix {
		return modelInputs(X, where, this.options.fitIntercept, this.getFeatureCount());
	}

	private dataOf(X: unknown, y: unknown, where: string): LuaTuple<[Matrix, Matrix]> {
		const x = this.inputsOf(X, where);
		const t = targetMatrix(y, x.size(), where, `${x.size()}×${x[0].size() - this.unpenalizedRows().size()}`, this.outputCount());
		return $tuple(x, t);
	}

	/**
	 * The sufficient statistics of `X`, `y` (with the bias column as this model fits it): plain data
	 * to merge with `mergeLinearPartials` and pass to `trainFromPartial` (e.g. across servers).
	 */
	computePartial(X: unknown, y: unknown): LinearPartial {
		const where = `${this.modelName}.computePartial`;
		this.assertAlive(where);
		const [x, t] = this.dataOf(X, y, where);
		return this.statisticsOf(x, t);
	}

	/** XᵀX, Xᵀy, n in fixed row blocks, summed in block order within the frame budget. */
	private statisticsOf(x: Matrix, t: Matrix): LinearPartial {
		const p = x[0].size();
		const rows = rowsPerBlock((p * (p + 1)) / 2 + p * t[0].size());
		return reduceInBlocks(
			x.size(),
			rows,
			new FrameBudget(),
			(first, last) => computeLinearPartial(rowsBetween(x, first, last), rowsBetween(t, first, last)),
			mergeLinearPartials,
		);
	}

	/** A partial fits when it holds XᵀX, Xᵀy of this model's width (features + bias) and outputs. */
	protected partialMismatch(partial: LinearPartial): string | undefined {
		const p = partial.xtx.size();
		const width = p - this.unpenalizedRows().size();
		const expected = this.getFeatureCount();
		const outputs = this.outputCount();
		if (
			partial.n < 1 ||
			partial.xtx[0].size() !== p ||
			partial.xty.size() !== p ||
			width < 1 ||
			(expected !== undefined && width !== expected) ||
			(outputs !== undefined && partial.xty[0].size() !== outputs)
		) {
			return `partial must hold n ≥ 1, xtx p×p and xty p×${outputs ?? "k"} with p = ${expected !== undefined ? expected : "features"}${this.unpenalizedRows().size() > 0 ? " + 1 (bias)" : ""}, got xtx ${p}×${partial.xtx[0].size()}, xty ${partial.xty.size()}×${partial.xty[0].size()}, n ${partial.n}`;
		}
		return undefined;
	}

	protected fitPartial(partial: LinearPartial) {
		this.parameters = this.parametersFromPartial(partial);
	}

	/** Fits exactly on `X`, `y` (= computePartial + trainFromPartial); returns `[cost]` at the solution. */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const [x, t] = this.dataOf(X, y, where);
		const parameters = this.parametersFromPartial(this.statisticsOf(x, t));
		this.parameters = parameters;
		const weights = this.weightsOf(parameters);
		let squaredError = 0;
		forEachBlock(x.size(), allocatingRowsPerBlock(weights.size() * weights[0].size()), new FrameBudget(), (first, last) => {
			const predictions = matmul(rowsBetween(x, first, last), weights);
			for (const i of $range(first, last)) {
				for (const j of $range(0, t[i].size() - 1)) {
					const r = t[i][j] - predictions[i - first][j];
					squaredError += r * r;
				}
			}
		});
		return [this.objective(squaredError, x.size(), parameters)];
	}

	/** The model inputs of `X` and the predicted means [1, X]·W (n × outputs). */
	protected inputsAndMeans(X: unknown, where: string): LuaTuple<[Matrix, Matrix]> {
		const parameters = this.requireParameters(where);
		const x = this.inputsOf(X, where);
		return $tuple(x, productInBlocks(x, this.weightsOf(parameters)));
	}
}
