//!native
/**
 * The online passive-aggressive algorithms (Crammer, Dekel, Keshet, Shalev-Shwartz & Singer 2006):
 * for each sample, stay put when the loss ℓ is 0 (passive), else move w just enough along x
 * (aggressive): w ← w + s·τ·x with τ = ℓ/‖x‖² (PA), min(C, ℓ/‖x‖²) (PA-I) or ℓ/(‖x‖² + 1/(2C))
 * (PA-II), s the direction the loss asks for. Parameters: ONE matrix w ((features + 1) × 1, the
 * bias row first when `fitIntercept`), like the linear models, so it averages across servers.
 */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { zeros } from "../../matrix/creation";
import { RandomGenerator } from "../../matrix/random";
import { anyFinite, booleanValue, ConstraintTable, integerAtLeast, numberAbove, oneOf } from "../../options";
import { describeParameters, ModelParameters, parameterKind } from "../../parameters";
import { BaseModel } from "../base/BaseModel";
import { mapInBlocks, modelInputs } from "../base/data";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { canonicalRowOrder } from "../base/rowOrder";

/** Options every passive-aggressive model has. */
export interface PassiveAggressiveOptions {
	/** "PA" (no slack), "PA-I" (step capped at C) or "PA-II" (squared slack): default "PA-I". */
	variant: "PA" | "PA-I" | "PA-II";
	/** The aggressiveness C of PA-I and PA-II: > 0, default 1. */
	C: number;
	/** Learn a bias (a constant input 1, row 1 of the weights): default true. */
	fitIntercept: boolean;
	/** Passes over the data per `train` call: integer ≥ 1, default 1 (online: each call sees each row once). */
	maximumNumberOfIterations: number;
	/** Visit the rows in a seeded random order each pass (from a canonical order, so the input order does not matter): default true. false: the given order. */
	shuffle: boolean;
	/** Seed of the pass orders: finite, default 42. */
	seed: number;
}

/** Defaults of `PassiveAggressiveOptions`. */
export const PASSIVE_AGGRESSIVE_DEFAULTS: PassiveAggressiveOptions = {
	variant: "PA-I",
	C: 1,
	fitIntercept: true,
	maximumNumberOfIterations: 1,
	shuffle: true,
	seed: 42,
};

/** Constraint table of `PassiveAggressiveOptions`. */
export const PASSIVE_AGGRESSIVE_CONSTRAINTS: ConstraintTable<PassiveAggressiveOptions> = {
	variant: oneOf("PA", "PA-I", "PA-II"),
	C: numberAbove(0),
	fitIntercept: booleanValue,
	maximumNumberOfIterations: integerAtLeast(1),
	shuffle: booleanValue,
	seed: anyFinite,
};

/** The step size τ for loss ℓ and squared input norm q (0 when q = 0 for PA and PA-I). */
export function passiveAggressiveStep(variant: "PA" | "PA-I" | "PA-II", loss: number, squaredNorm: number, c: number): number {
	if (variant === "PA-II") return loss / (squaredNorm + 1 / (2 * c));
	if (squaredNorm === 0) return 0;
	const tau = loss / squaredNorm;
	return variant === "PA" ? tau : math.min(c, tau);
}

/** Base of `PassiveAggressiveClassifier` and `PassiveAggressiveRegressor`. */
export abstract class PassiveAggressiveModel<O extends PassiveAggressiveOptions> extends BaseModel<O, Matrix> {
	/** Passes made since the parameters were created or set (each pass's order comes from seed and pass number). */
	private passCount = 0;

	/** Numeric targets (n, one per row) of `y` for `rows` samples: ±1 for the classifier. */
	protected abstract targetsOf(y: unknown, rows: number, where: string, xShape: string): Array<number>;

	/** The loss of score `score` on target `target`, and the sign of the step (+1, −1). */
	protected abstract lossAndDirection(score: number, target: number): LuaTuple<[number, number]>;

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["fitIntercept"];
	}

	/** The number of features, or undefined before training. */
	getFeatureCount(): number | undefined {
		const w = this.parameters;
		return w === undefined ? undefined : w.size() - (this.options.fitIntercept ? 1 : 0);
	}

	/** Validated inputs with the bias column when fitted. */
	protected inputsOf(X: unknown, where: string): Matrix {
		return modelInputs(X, where, this.options.fitIntercept, this.getFeatureCount());
	}

	/**
	 * Runs `maximumNumberOfIterations` online passes over `X`, `y`, continuing from the current
	 * weights. Returns the mean loss suffered (before each update) in each pass.
	 */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		return this.whileTraining(where, () => this.passes(X, y, where));
	}

	private passes(X: unknown, y: unknown, where: string): Array<number> {
		const x = this.inputsOf(X, where);
		const bias = this.options.fitIntercept ? 1 : 0;
		const targets = this.targetsOf(y, x.size(), where, `${x.size()}×${x[0].size() - bias}`);
		const p = x[0].size();
		if (this.parameters === undefined) this.parameters = zeros(p, 1);
		const w = this.parameters!;
		const n = x.size();
		const budget = new FrameBudget();
		const canonical = this.options.shuffle ? canonicalRowOrder(x, targets, budget) : mapInBlocks(n, 1, (i) => i, budget);
		const pace = () => budget.check();
		const history = new Array<number>();
		for (const _ of $range(1, this.options.maximumNumberOfIterations)) {
			let order = canonical;
			if (this.options.shuffle) {
				const permutation = new RandomGenerator(this.options.seed).fork(this.passCount).permutation(n, pace);
				order = mapInBlocks(n, 1, (k) => canonical[permutation[k]], budget);
			}
			let total = 0;
			// one online pass, rows in `order`, checking the budget between fixed blocks of the pass
			forEachBlock(n, rowsPerBlock(3 * p), budget, (first, last) => {
				for (const r of $range(first, last)) {
					const i = order[r];
					const xi = x[i];
					let score = 0;
					let squaredNorm = 0;
					for (const j of $range(0, p - 1)) {
						score += w[j][0] * xi[j];
						squaredNorm += xi[j] * xi[j];
					}
					const [loss, direction] = this.lossAndDirection(score, targets[i]);
					total += loss;
					if (loss > 0) {
						const step = direction * passiveAggressiveStep(this.options.variant, loss, squaredNorm, this.options.C);
						for (const j of $range(0, p - 1)) w[j][0] += step * xi[j];
					}
				}
			});
			this.passCount += 1;
			history.push(total / n);
		}
		return history;
	}

	/** The scores w·[1, x] (n×1) of the rows of `X`. */
	protected scores(X: unknown, where: string): Matrix {
		const w = this.requireParameters(where);
		const x = this.inputsOf(X, where);
		return mapInBlocks(x.size(), x[0].size() + 2, (i) => {
			const row = x[i];
			let s = 0;
			for (const j of $range(0, row.size() - 1)) s += w[j][0] * row[j];
			return [s];
		});
	}

	protected validateModelParameters(parameters: ModelParameters, where: string): asserts parameters is Matrix {
		const bias = this.options.fitIntercept ? 1 : 0;
		const expected = `a single matrix ((features${bias > 0 ? " + 1" : ""}) × 1${bias > 0 ? ", bias row first" : ""})`;
		if (parameterKind(parameters) !== "matrix")
			error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 3);
		const w = parameters as Matrix;
		if (w.size() < bias + 1 || w[0].size() !== 1) error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeShape(w)}`, 3);
		super.validateModelParameters(parameters, where);
	}

	protected onParametersSet() {
		this.passCount = 0;
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		(twin as PassiveAggressiveModel<O>).passCount = this.passCount;
	}
}
