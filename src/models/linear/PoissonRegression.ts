/** Poisson regression (log link) for counts. */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable } from "../../options";
import { LinearRegressor } from "./LinearRegressor";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS, LinearModelOptions } from "./LinearModel";
import { expEntries } from "./links";

/** Options of `PoissonRegression` (those of every linear model). */
export type PoissonRegressionOptions = LinearModelOptions;

/**
 * Counts y ≥ 0 modelled as Poisson with mean μ = exp(b + X·w), fitted by gradient descent on the
 * Poisson deviance; `predict` returns μ.
 * @example new PoissonRegression({ learningRate: 0.05 }).train(X, counts)
 */
export class PoissonRegression extends LinearRegressor<PoissonRegressionOptions> {
	constructor(options?: Partial<PoissonRegressionOptions>) {
		super("PoissonRegression", LINEAR_DEFAULTS, LINEAR_CONSTRAINTS as ConstraintTable<PoissonRegressionOptions>, options);
	}

	protected trainingCost(): CostFunction {
		return createCost("PoissonDeviance");
	}

	protected prepareTargets(y: unknown, rows: number, where: string, xShape: string): Matrix {
		const t = super.prepareTargets(y, rows, where, xShape);
		for (const i of $range(0, t.size() - 1)) {
			for (const j of $range(0, t[i].size() - 1)) {
				if (t[i][j] < 0) error(`[Hivemind] ${where}: y must hold counts ≥ 0, got ${t[i][j]} at row ${i + 1} (y is ${describeShape(t)})`, 3);
			}
		}
		return t;
	}

	protected predictionFromScores(z: Matrix): Matrix {
		return expEntries(z);
	}
}
