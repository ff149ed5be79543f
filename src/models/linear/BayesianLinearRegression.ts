/** Bayesian linear regression with a conjugate Gaussian prior and known noise precision. */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { ConstraintTable, booleanValue, numberAbove } from "../../options";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { LinearPartial } from "../../sufficientStatistics/linear";
import { finalizeBayesianLinear } from "../../sufficientStatistics/bayesianLinear";
import { StatisticsLinearModel, StatisticsLinearOptions } from "./StatisticsLinearModel";
import { mapInBlocks } from "../base/data";

/** Options of `BayesianLinearRegression`. */
export interface BayesianLinearRegressionOptions extends StatisticsLinearOptions {
	/** α, the prior precision of each non-bias weight (w ~ N(0, α⁻¹); the bias prior is flat): > 0, default 1. */
	priorPrecision: number;
	/** β, the precision of the observation noise (y ~ N(x·w, β⁻¹)): > 0, default 1. */
	noisePrecision: number;
}

const DEFAULTS: BayesianLinearRegressionOptions = { fitIntercept: true, priorPrecision: 1, noisePrecision: 1 };
const CONSTRAINTS: ConstraintTable<BayesianLinearRegressionOptions> = {
	fitIntercept: booleanValue,
	priorPrecision: numberAbove(0),
	noisePrecision: numberAbove(0),
};

/** The posterior as parameters: `{ mean: p×1, covariance: p×p }`. */
export type BayesianLinearParameters = { mean: Matrix; covariance: Matrix };

/**
 * The exact Gaussian posterior over the weights: Sₙ = (αI′ + βXᵀX)⁻¹, mₙ = βSₙXᵀy. `predict`
 * returns the predictive mean xᵀmₙ and, as a second value, the predictive variance 1/β + xᵀSₙx.
 * Mergeable from statistics like `RidgeRegression`. One output.
 * @example
 * const model = new BayesianLinearRegression({ priorPrecision: 2, noisePrecision: 25 });
 * model.train(X, y);
 * const [mean, variance] = model.predict(newX);
 */
export class BayesianLinearRegression extends StatisticsLinearModel<BayesianLinearRegressionOptions, BayesianLinearParameters> {
	constructor(options?: Partial<BayesianLinearRegressionOptions>) {
		super("BayesianLinearRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected outputCount(): number {
		return 1;
	}

	protected parametersFromPartial(partial: LinearPartial): BayesianLinearParameters {
		const o = this.options;
		const posterior = finalizeBayesianLinear(partial, o.priorPrecision, o.noisePrecision, this.unpenalizedRows());
		return { mean: posterior.mean, covariance: posterior.covariance };
	}

	protected weightsOf(parameters: BayesianLinearParameters): Matrix {
		return parameters.mean;
	}

	/** The negative log posterior per sample, up to a constant: (β‖y − Xm‖² + α‖m′‖²) / (2n). */
	protected objective(squaredError: number, n: number, parameters: BayesianLinearParameters): number {
		const o = this.options;
		return (o.noisePrecision * squaredError + o.priorPrecision * this.penaltyOf(this.weightsOf(parameters))) / (2 * n);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is BayesianLinearParameters {
		const expected = "a table { mean = p×1, covariance = p×p } (p = features + 1 with the bias)";
		if (parameterKind(parameters) !== "record")
			error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 3);
		const p = parameters as Partial<BayesianLinearParameters>;
		if (p.mean === undefined || p.covariance === undefined)
			error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 3);
		const rows = p.mean.size();
		if (p.mean[0].size() !== 1 || p.covariance.size() !== rows || p.covariance[0].size() !== rows || rows < this.unpenalizedRows().size() + 1) {
			error(
				`[Hivemind] ${where}: parameters must be ${expected}, got mean ${describeShape(p.mean)} and covariance ${describeShape(p.covariance)}`,
				3,
			);
		}
		super.validateModelParameters(parameters, where);
	}

	/**
	 * The predictive mean (n×1) and, as a second value, the predictive variance 1/β + xᵀSₙx (n×1).
	 * @example local mean, variance = model:predict({{0.5}})
	 */
	predict(X: unknown): LuaTuple<[Matrix, Matrix]> {
		const where = `${this.modelName}.predict`;
		const [x, mean] = this.inputsAndMeans(X, where);
		const s = this.parameters!.covariance;
		const noise = 1 / this.options.noisePrecision;
		const variance = mapInBlocks(x.size(), x[0].size() * (x[0].size() + 1), (i) => {
			const xi = x[i];
			let q = 0;
			for (const a of $range(0, xi.size() - 1)) {
				const sa = s[a];
				let inner = 0;
				for (const b of $range(0, xi.size() - 1)) inner += sa[b] * xi[b];
				q += xi[a] * inner;
			}
			return [noise + q];
		});
		return $tuple(mean, variance);
	}
}
