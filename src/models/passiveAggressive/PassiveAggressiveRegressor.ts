/** The passive-aggressive regressor (ε-insensitive loss). */
import { Matrix } from "../../matrix/types";
import { ConstraintTable, numberAbove } from "../../options";
import { mapInBlocks, targetMatrix } from "../base/data";
import {
	PASSIVE_AGGRESSIVE_CONSTRAINTS,
	PASSIVE_AGGRESSIVE_DEFAULTS,
	PassiveAggressiveModel,
	PassiveAggressiveOptions,
} from "./PassiveAggressiveModel";

/** Options of `PassiveAggressiveRegressor`. */
export interface PassiveAggressiveRegressorOptions extends PassiveAggressiveOptions {
	/** Errors up to ε cost nothing: ≥ 0, default 0.1. */
	epsilon: number;
}

const DEFAULTS: PassiveAggressiveRegressorOptions = { ...PASSIVE_AGGRESSIVE_DEFAULTS, epsilon: 0.1 };
const CONSTRAINTS: ConstraintTable<PassiveAggressiveRegressorOptions> = { ...PASSIVE_AGGRESSIVE_CONSTRAINTS, epsilon: numberAbove(0, true) };

/**
 * Online regression: ε-insensitive loss ℓ = max(0, |y − w·x| − ε); each larger error moves w by
 * τ·sign(y − w·x)·x. One output. Train again continues online.
 * @example
 * const model = new PassiveAggressiveRegressor({ epsilon: 0.05 });
 * model.train(X, y);
 * const predictions = model.predict(X);
 */
export class PassiveAggressiveRegressor extends PassiveAggressiveModel<PassiveAggressiveRegressorOptions> {
	constructor(options?: Partial<PassiveAggressiveRegressorOptions>) {
		super("PassiveAggressiveRegressor", DEFAULTS, CONSTRAINTS, options);
	}

	protected targetsOf(y: unknown, rows: number, where: string, xShape: string): Array<number> {
		const t = targetMatrix(y, rows, where, xShape, 1);
		return mapInBlocks(rows, 1, (i) => t[i][0]);
	}

	protected lossAndDirection(score: number, target: number): LuaTuple<[number, number]> {
		const error_ = target - score;
		return $tuple(math.max(0, math.abs(error_) - this.options.epsilon), error_ >= 0 ? 1 : -1);
	}

	/** The predictions w·[1, x] (n×1). */
	predict(X: unknown): Matrix {
		return this.scores(X, `${this.modelName}.predict`);
	}
}
