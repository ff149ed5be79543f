/** Poisson regression (log link) for counts. */
import { FrameBudget } from "../../parallel/FrameBudget";
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { CostFunction, createCost } from "../../costs";
import { ConstraintTable } from "../../options";
import { LinearRegressor } from "./LinearRegressor";
import { LINEAR_CONSTRAINTS, LINEAR_DEFAULTS, LinearModelOptions } from "./LinearModel";
import { expEntries } from "./links";
import { SecondOrderSolver, solverConstraint, usesSecondOrder } from "./solvers/step";
import { poissonScoreLoss } from "./solvers/scoreLosses";

/** Options of `PoissonRegression`. */
export interface PoissonRegressionOptions extends LinearModelOptions {
	/** "Auto" (default: "Newton" unless a gradient-descent option such as `learningRate` is set), "Newton" (no learning rate; converges on unscaled data), "LBFGS" (limited-memory BFGS, Wolfe line search; best on scaled data) or "GradientDescent" (the `optimizer` with `learningRate`). */
	solver: string;
}

const DEFAULTS: PoissonRegressionOptions = { ...LINEAR_DEFAULTS, solver: "Auto" };
const CONSTRAINTS: ConstraintTable<PoissonRegressionOptions> = { ...LINEAR_CONSTRAINTS, solver: solverConstraint("Newton") };

/**
 * Counts y ≥ 0 modelled as Poisson with mean μ = exp(b + X·w), fitted on the Poisson deviance by
 * Newton's method (`solver`, default) or by gradient steps; `predict` returns μ.
 * @example new PoissonRegression({ learningRate: 0.05 }).train(X, counts)
 */
export class PoissonRegression extends LinearRegressor<PoissonRegressionOptions> {
	constructor(options?: Partial<PoissonRegressionOptions>) {
		super("PoissonRegression", DEFAULTS, CONSTRAINTS, options);
	}

	protected trainingCost(): CostFunction {
		return createCost("PoissonDeviance");
	}

	protected prepareTargets(y: unknown, rows: number, where: string, xShape: string): Matrix {
		const t = super.prepareTargets(y, rows, where, xShape);
		const budget = new FrameBudget();
		for (const i of $range(0, t.size() - 1)) {
			if (i % 4096 === 4095) budget.check();
			for (const j of $range(0, t[i].size() - 1)) {
				if (t[i][j] < 0) error(`[Hivemind] ${where}: y must hold counts ≥ 0, got ${t[i][j]} at row ${i + 1} (y is ${describeShape(t)})`, 3);
			}
		}
		return t;
	}

	protected secondOrderSolver(): SecondOrderSolver | undefined {
		if (!usesSecondOrder(this.options)) return undefined;
		return this.options.solver === "LBFGS" ? { kind: "LBFGS" } : { kind: "Newton", loss: poissonScoreLoss };
	}

	protected predictionFromScores(z: Matrix): Matrix {
		return expEntries(z);
	}
}
