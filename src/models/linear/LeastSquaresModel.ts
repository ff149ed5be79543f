/** Base of the exact least-squares regressors (normal equations, ridge): one weight matrix. */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { finalizeLinear, LinearPartial } from "../../sufficientStatistics/linear";
import { symmetricEigen } from "../../matrix/linalg/eigen";
import { StatisticsLinearModel, StatisticsLinearOptions } from "./StatisticsLinearModel";

/** The minimum-norm solution of xtx·w = xty (eigen-decomposition; eigenvalues below p·1e-12·max dropped). */
function minimumNormSolution(xtx: Matrix, xty: Matrix): Matrix {
	const { values, vectors } = symmetricEigen(xtx);
	const p = xtx.size();
	const k = xty[0].size();
	const tolerance = math.max(math.abs(values[0]), 1e-300) * p * 1e-12;
	const w = table.create<Array<number>>(p);
	for (const i of $range(0, p - 1)) w[i] = table.create<number>(k, 0);
	for (const e of $range(0, p - 1)) {
		const lambda = values[e];
		if (lambda <= tolerance) continue;
		for (const c of $range(0, k - 1)) {
			let projection = 0;
			for (const i of $range(0, p - 1)) projection += vectors[i][e] * xty[i][c];
			const s = projection / lambda;
			for (const i of $range(0, p - 1)) w[i][c] += s * vectors[i][e];
		}
	}
	return w;
}

/** Least squares with an L2 penalty λ on the non-bias weights (λ = 0: ordinary least squares). */
export abstract class LeastSquaresModel<O extends StatisticsLinearOptions> extends StatisticsLinearModel<O, Matrix> {
	/** The ridge penalty λ on the summed squared error. */
	protected abstract penaltyStrength(): number;

	protected parametersFromPartial(partial: LinearPartial): Matrix {
		const lambda = this.penaltyStrength();
		const [ok, w] = pcall(finalizeLinear, partial, lambda, this.unpenalizedRows());
		if (ok) return w as Matrix;
		if (lambda === 0) return minimumNormSolution(partial.xtx, partial.xty);
		return error(w, 2);
	}

	protected weightsOf(parameters: Matrix): Matrix {
		return parameters;
	}

	/** (‖y − Xw‖² + λ‖w′‖²) / n. */
	protected objective(squaredError: number, n: number, parameters: Matrix): number {
		return (squaredError + this.penaltyStrength() * this.penaltyOf(parameters)) / n;
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is Matrix {
		const bias = this.unpenalizedRows().size();
		const expected = `a single matrix ((features${bias > 0 ? " + 1" : ""}) × outputs${bias > 0 ? ", bias row first" : ""})`;
		if (parameterKind(parameters) !== "matrix")
			error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 3);
		if ((parameters as Matrix).size() < bias + 1)
			error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeShape(parameters)}`, 3);
		super.validateModelParameters(parameters, where);
	}

	/**
	 * Predictions [1, X]·W (n × outputs).
	 * @example local predictions = model:predict({{1, 2}})
	 */
	predict(X: unknown): Matrix {
		return this.inputsAndMeans(X, `${this.modelName}.predict`)[1];
	}
}
