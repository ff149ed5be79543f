//!native
/** The general weight penalty behind L1, L2 and ElasticNet. */
import type { Matrix } from "../../matrix/types";
import { zeros } from "../../matrix/creation";
import { assertMatrix, assertSameShape } from "../../matrix/validate";
import type { Regularizer } from "./regularizers";
import { ConstraintTable, numberAbove, resolveOptions } from "../../options";
import { describeValue, isFiniteNumber } from "../../core/describe";
import { optionValues, OptionValues } from "../helpers";

/** Options shared by the penalties. */
export interface PenaltyOptions {
	/** λ, the penalty's strength: ≥ 0, default 0.01. */
	lambda: number;
}

/** The defaults of `PenaltyOptions`. */
export const PENALTY_DEFAULTS: PenaltyOptions = { lambda: 0.01 };

/** The constraint table of `PenaltyOptions`. */
export const PENALTY_CONSTRAINTS: ConstraintTable<PenaltyOptions> = { lambda: numberAbove(0, true) };

/** Bias rows when none are given: the first row. */
const DEFAULT_BIAS_ROWS = [0];

/**
 * λ·(r·‖w‖₁ + ½(1 − r)·‖w‖²) over the non-bias rows, with gradient λ·(r·sign(w) + (1 − r)·w)
 * (sign(0) = 0: the L1 subgradient at 0 is 0). L1 is r = 1, L2 is r = 0. Use the presets.
 */
export abstract class WeightPenalty<O extends PenaltyOptions = PenaltyOptions> implements Regularizer {
	/** The preset's name. */
	readonly regularizerName: string;
	/** The resolved, frozen options. */
	protected readonly options: Readonly<O>;
	private readonly l1Ratio: number;

	/** Validates the preset's options; `l1Ratio` picks r from them. */
	protected constructor(
		regularizerName: string,
		defaults: O,
		constraints: ConstraintTable<O>,
		options: unknown,
		l1Ratio: (options: Readonly<O>) => number,
	) {
		this.regularizerName = regularizerName;
		this.options = resolveOptions(`${regularizerName}.new`, defaults, options as Partial<O>, constraints);
		this.l1Ratio = l1Ratio(this.options);
	}

	/** R(w) over the rows not in `biasRows` (default `[0]`). */
	penalty(weights: Matrix, biasRows?: Array<number>): number {
		const skip = this.check("penalty", weights, biasRows);
		const r = this.l1Ratio;
		const half = 0.5 * (1 - r);
		const columns = weights[0].size();
		let total = 0;
		for (const i of $range(0, weights.size() - 1)) {
			if (skip[i]) continue;
			const row = weights[i];
			for (const j of $range(0, columns - 1)) {
				const w = row[j];
				total += r * math.abs(w) + half * w * w;
			}
		}
		return this.options.lambda * total;
	}

	/** ∂R/∂w, a new matrix; zero on the bias rows (default `[0]`). */
	gradient(weights: Matrix, biasRows?: Array<number>): Matrix {
		const skip = this.check("gradient", weights, biasRows);
		const out = zeros(weights.size(), weights[0].size());
		this.accumulate(out, weights, skip, 1);
		return out;
	}

	/** target += scale·∂R/∂w in place, bias rows (default `[0]`) untouched; returns target. */
	addGradientInPlace(target: Matrix, weights: Matrix, biasRows?: Array<number>, scale = 1): Matrix {
		const skip = this.check("addGradientInPlace", weights, biasRows);
		assertMatrix(target, "target", `${this.regularizerName}.addGradientInPlace`);
		assertSameShape(target, weights, `${this.regularizerName}.addGradientInPlace`);
		if (!isFiniteNumber(scale)) {
			error(`[Hivemind] ${this.regularizerName}.addGradientInPlace: scale must be a finite number, got ${describeValue(scale)}`, 2);
		}
		this.accumulate(target, weights, skip, scale);
		return target;
	}

	/** λ(1 − r): the curvature of the L2 part. */
	quadraticCurvature(): number {
		return this.options.lambda * (1 - this.l1Ratio);
	}

	/** The options as plain data. */
	getOptions(): OptionValues {
		return optionValues(this.options);
	}

	private accumulate(target: Matrix, weights: Matrix, skip: Array<boolean>, scale: number) {
		const l1 = scale * this.options.lambda * this.l1Ratio;
		const l2 = scale * this.options.lambda * (1 - this.l1Ratio);
		const columns = weights[0].size();
		for (const i of $range(0, weights.size() - 1)) {
			if (skip[i]) continue;
			const row = weights[i];
			const out = target[i];
			for (const j of $range(0, columns - 1)) {
				const w = row[j];
				out[j] += l1 * math.sign(w) + l2 * w;
			}
		}
	}

	/** Validates the arguments; returns a per-row "is a bias row" table. */
	private check(method: string, weights: Matrix, biasRows: Array<number> | undefined): Array<boolean> {
		const where = `${this.regularizerName}.${method}`;
		assertMatrix(weights, "weights", where);
		const rows = biasRows ?? DEFAULT_BIAS_ROWS;
		if (!typeIs(rows, "table")) {
			error(`[Hivemind] ${where}: biasRows must be an array of row indices, got ${describeValue(rows)}`, 3);
		}
		const skip = new Array<boolean>(weights.size(), false);
		for (const k of $range(0, rows.size() - 1)) {
			const index = rows[k];
			if (!typeIs(index, "number") || index !== math.floor(index) || index < 0 || index >= weights.size()) {
				const range = `an integer row index in [0, ${weights.size() - 1}]`;
				error(`[Hivemind] ${where}: biasRows[${k + 1}] must be ${range}, got ${describeValue(index)}`, 3);
			}
			skip[index] = true;
		}
		return skip;
	}
}
