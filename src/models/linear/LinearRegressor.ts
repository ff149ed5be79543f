/** Base of the gradient-trained linear regressors: numeric targets, predictions as a matrix. */
import { Matrix } from "../../matrix/types";
import { targetMatrix } from "../base/data";
import { LinearModel, LinearModelOptions } from "./LinearModel";
import { identityLink, OutputLink } from "./links";

/** A linear regressor: targets are a vector or an n×k matrix; `predict` returns n×k predictions. */
export abstract class LinearRegressor<O extends LinearModelOptions> extends LinearModel<O> {
	protected trainingLink(): OutputLink {
		return identityLink;
	}

	protected prepareTargets(y: unknown, rows: number, where: string, xShape: string): Matrix {
		return targetMatrix(y, rows, where, xShape);
	}

	/** Maps scores to predictions (identity; Poisson: exp). */
	protected predictionFromScores(z: Matrix): Matrix {
		return z;
	}

	/**
	 * Predictions for the rows of X (n×k; k = 1 for a vector y).
	 * @example local predictions = model:predict({{1, 2}, {3, 4}})
	 */
	predict(X: unknown): Matrix {
		return this.predictionFromScores(this.scores(X, `${this.modelName}.predict`));
	}
}
