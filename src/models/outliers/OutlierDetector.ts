/**
 * The contract shared by the outlier detectors (scikit-learn's conventions): `score(X)` is the
 * score of each row, higher = more normal (scikit-learn's `score_samples`); the decision value is
 * the score minus the model's `offset` (negative = outlier); `predict(X)` labels a row 1 (inlier)
 * or −1 (outlier, decision value < 0) and returns the decision values as a second value.
 */
import { Matrix, Vector } from "../../matrix/types";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { ConstraintTable } from "../../options";
import { BaseModel } from "../base/BaseModel";
import { featureMatrix, mapInBlocks } from "../base/data";
import { canonicalRows } from "../base/rowOrder";
import { FrameBudget } from "../../parallel/FrameBudget";
import { expectShape } from "../base/recordParameters";
import { Contamination, contaminationOffset } from "./threshold";

/** Record parameters of an outlier detector (every one holds `offset`, 1×1). */
export type OutlierParameters = { [name: string]: Matrix };

/** What fitting found: the parameters (without `offset`), the training rows' scores and the cost history. */
export interface OutlierFit {
	/** The learned entries; the base adds `offset`. */
	readonly parameters: OutlierParameters;
	/** The score of every training row, as the model saw it (for the contamination percentile). */
	readonly trainingScores: Vector;
	/** The value `train` returns. */
	readonly history: Array<number>;
}

/** Options every outlier detector has. */
export interface OutlierOptions {
	/** "auto" (the model's fixed offset) or the expected share of outliers in (0, 0.5]. */
	contamination: Contamination;
	/** The frame budget of `train` and `predict` in ms (undefined = the library default; 0 = never yield), where the model offers it. */
	frameBudget?: number;
}

/** Base of the outlier detectors: training, the offset, labels and decision values. */
export abstract class OutlierDetector<O extends OutlierOptions> extends BaseModel<O> {
	protected constructor(modelName: string, defaults: O, constraints: ConstraintTable<O>, options?: Partial<O>) {
		super(modelName, defaults, constraints, options);
	}

	/** Fits on the validated training rows in canonical order (so the fit ignores the order rows came in), within `budget`. */
	protected abstract fit(rows: Matrix, budget: FrameBudget, where: string): OutlierFit;

	/** The scores (higher = more normal) of validated rows `x` (width already checked). */
	protected abstract scoreRows(parameters: OutlierParameters, x: Matrix): Vector;

	/** The offset for contamination "auto". */
	protected abstract autoOffset(parameters: OutlierParameters): number;

	/** The number of features the parameters expect. */
	protected abstract featureCount(parameters: OutlierParameters): number;

	/** Checks the model's own entries (the base checks `offset`). */
	protected abstract validateEntries(parameters: ModelParameters, where: string): OutlierParameters;

	/**
	 * Fits on `X` (n×p; `y` is ignored) and sets the offset from `contamination`. Returns the
	 * model's cost history (see each model).
	 */
	train(X: unknown, _y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const budget = new FrameBudget(this.options.frameBudget);
		const fitted = this.fit(canonicalRows(featureMatrix(X, where), budget), budget, where);
		const offset = contaminationOffset(this.options.contamination, fitted.trainingScores, this.autoOffset(fitted.parameters));
		const parameters = { ...fitted.parameters, offset: [[offset]] };
		this.parameters = parameters;
		return fitted.history;
	}

	private rowsOf(X: unknown, where: string): LuaTuple<[OutlierParameters, Matrix]> {
		const parameters = this.requireParameters(where) as OutlierParameters;
		return $tuple(parameters, featureMatrix(X, where, this.featureCount(parameters)));
	}

	/** The score of each row of `X` (n×1; higher = more normal; scikit-learn's `score_samples`). */
	score(X: unknown): Matrix {
		const [parameters, x] = this.rowsOf(X, `${this.modelName}.score`);
		const scores = this.scoreRows(parameters, x);
		return mapInBlocks(scores.size(), 1, (i) => [scores[i]]);
	}

	/** Labels (1 inlier, −1 outlier) and decision values (score − offset, n×1) from scores. */
	protected labelScores(parameters: OutlierParameters, scores: Vector): LuaTuple<[Array<number>, Matrix]> {
		const offset = parameters.offset[0][0];
		const decision = mapInBlocks(scores.size(), 1, (i) => [scores[i] - offset]);
		return $tuple(
			mapInBlocks(scores.size(), 1, (i) => (decision[i][0] < 0 ? -1 : 1)),
			decision,
		);
	}

	/**
	 * 1 (inlier) or −1 (outlier: decision value < 0) for each row of `X` and, as a second value,
	 * the decision values (score − offset, n×1; scikit-learn's `decision_function`).
	 * @example local labels, decisionValues = detector:predict(X)
	 */
	predict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		const [parameters, x] = this.rowsOf(X, `${this.modelName}.predict`);
		return this.labelScores(parameters, this.scoreRows(parameters, x));
	}

	/**
	 * Trains on `X`, then labels its rows as `predict` does (scikit-learn's `fit_predict`; for
	 * LocalOutlierFactor each training row's neighbours exclude the row itself).
	 */
	trainAndPredict(X: unknown): LuaTuple<[Array<number>, Matrix]> {
		this.train(X);
		return this.predict(X);
	}

	protected validateModelParameters(parameters: ModelParameters, where: string) {
		if (parameterKind(parameters) !== "record") {
			error(`[Hivemind] ${where}: parameters must be a record of matrices with an offset entry, got ${describeParameters(parameters)}`, 3);
		}
		const record = this.validateEntries(parameters, where);
		expectShape(record.offset, "offset", 1, 1, where);
		super.validateModelParameters(parameters, where);
	}
}
