/**
 * The training frame every clustering and mixture model shares: `train` checks the model is alive,
 * marks it training, opens a frame budget, validates X and hands it to the model's `fitRows`.
 */
import { Matrix } from "../../matrix/types";
import { ModelParameters } from "../../parameters";
import { FrameBudget } from "../../parallel/FrameBudget";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix } from "../base/data";
import { canonicalRows } from "../base/rowOrder";
import { DistanceName } from "../neighbours/search";
import { assignToCentres } from "./shared";

/** Options every clustering model has: the frame budget of `train` in milliseconds. */
export interface ClusteringBudgetOptions {
	frameBudget?: number;
}

/**
 * Base of the clustering and mixture models: `train(X)` (y ignored) runs `fitRows` on the checked
 * X within the frame budget; `inputs` checks X against the trained feature count.
 */
export abstract class ClusteringModel<O extends ClusteringBudgetOptions, P extends ModelParameters = Matrix> extends BaseModel<O, P> {
	/** The feature count of the trained parameters (undefined before training). */
	protected featureCount(): number | undefined {
		return (this.parameters as Matrix | undefined)?.[0].size();
	}

	/** X checked as a feature matrix of the trained width. */
	protected inputs(X: unknown, where: string): Matrix {
		return featureMatrix(X, where, this.featureCount());
	}

	/** Trains on X (`y` ignored); returns the model's history. */
	train(X: unknown, _y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		return this.whileTraining(where, () => {
			const budget = new FrameBudget(this.options.frameBudget);
			return this.fitRows(this.inputs(X, where), budget, where);
		});
	}

	/** The rows of x in the canonical order (the result ignores the caller's row order). */
	protected canonicalRows(x: Matrix, budget: FrameBudget): Matrix {
		return canonicalRows(x, budget);
	}

	/** For each row of X: its nearest stored centre (ties: the lower index), and the n×m distances. */
	protected predictNearest(X: unknown, distance: DistanceName = "euclidean"): LuaTuple<[Array<number>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const centres = this.requireParameters(where) as unknown as Matrix;
		return assignToCentres(this.inputs(X, where), centres, distance, new FrameBudget(this.options.frameBudget));
	}

	/** Fits the checked x (the caller's row order) within `budget`; returns the history. */
	protected abstract fitRows(x: Matrix, budget: FrameBudget, where: string): Array<number>;
}
