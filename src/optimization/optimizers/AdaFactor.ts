//!native
/** AdaFactor (Shazeer & Stern 2018): Adam-like per-entry rates from factored second moments. */
import { Matrix } from "../../matrix/types";
import { zeros } from "../../matrix/creation";
import { describeShape } from "../../matrix/validate";
import { OptimizerState } from "./types";
import { booleanValue, ConstraintTable, numberAbove } from "../../options";
import { unitInterval } from "../helpers";
import { BaseOptimizer } from "./BaseOptimizer";

/** AdaFactor's options. */
export interface AdaFactorOptions {
	/** c in the second-moment decay β̂₂ = 1 − t^(−c): > 0, default 0.8. */
	decayRate: number;
	/** β₁, first-moment averaging of the clipped update (0 = none, as in the paper's default): [0, 1), default 0. */
	beta1: number;
	/** ε₁ added to g² before averaging: > 0, default 1e-30. */
	epsilon1: number;
	/** ε₂, the smallest parameter scale when `scaleParameter`: > 0, default 1e-3. */
	epsilon2: number;
	/** d, update clipping: the update is divided by max(1, RMS(U)/d): > 0, default 1. */
	clipThreshold: number;
	/** Multiply the step by max(ε₂, RMS(w)) (the paper's relative step size): default false. */
	scaleParameter: boolean;
}

const DEFAULTS: AdaFactorOptions = { decayRate: 0.8, beta1: 0, epsilon1: 1e-30, epsilon2: 1e-3, clipThreshold: 1, scaleParameter: false };
const CONSTRAINTS: ConstraintTable<AdaFactorOptions> = {
	decayRate: numberAbove(0),
	beta1: unitInterval,
	epsilon1: numberAbove(0),
	epsilon2: numberAbove(0),
	clipThreshold: numberAbove(0),
	scaleParameter: booleanValue,
};

function rootMeanSquare(m: Matrix): number {
	let total = 0;
	const columns = m[0].size();
	for (const i of $range(0, m.size() - 1)) {
		const mi = m[i];
		for (const j of $range(0, columns - 1)) total += mi[j] * mi[j];
	}
	return math.sqrt(total / (m.size() * columns));
}

function expectShape(where: string, state: OptimizerState, key: string, rows: number, columns: number) {
	const value = state[key] as Matrix | undefined;
	if (!typeIs(value, "table") || value.size() !== rows || !typeIs(value[0], "table") || value[0].size() !== columns) {
		error(`[Hivemind] ${where}: state.${key} must be a ${rows}×${columns} matrix, got ${describeShape(value)}`, 4);
	}
}

/**
 * AdaFactor ("Adafactor: Adaptive Learning Rates with Sublinear Memory Cost", Shazeer & Stern
 * 2018, Algorithms 4 and 5 with update clipping). For an r×c entry with r, c ≥ 2 it keeps only
 * row sums R (r×1) and column sums C (1×c) of the averaged squared gradient:
 * R ← β̂₂R + (1 − β̂₂)·rowsums(g² + ε₁), C ← β̂₂C + (1 − β̂₂)·colsums(g² + ε₁), V̂ = R·C / ΣR;
 * a vector entry (r or c = 1) keeps the full V̂ ← β̂₂V̂ + (1 − β̂₂)(g² + ε₁). With β̂₂ = 1 − t^(−c):
 * U = g / √V̂, Û = U / max(1, RMS(U)/d), optionally m ← β₁m + (1 − β₁)Û, then
 * w ← w − η·[max(ε₂, RMS(w)) when scaleParameter]·Û (or m). The external learning rate η plays the
 * paper's ρₜ. State: `{ t, rowSums, columnSums }` (factored) or `{ t, secondMoment }`, plus `momentum` when β₁ > 0.
 * @example new AdaFactor({ clipThreshold: 1, beta1: 0.9 })
 */
export class AdaFactor extends BaseOptimizer<AdaFactorOptions> {
	/** Options: `{ decayRate?, beta1?, epsilon1?, epsilon2?, clipThreshold?, scaleParameter? }`. */
	constructor(options?: Partial<AdaFactorOptions>) {
		super("AdaFactor", DEFAULTS, CONSTRAINTS, options, []);
	}

	/** The rule above (state matrices created on a fresh state, checked otherwise). */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number, t: number, fresh: boolean) {
		const { decayRate, beta1, epsilon1, epsilon2, clipThreshold, scaleParameter } = this.options;
		const where = "AdaFactor.step";
		const rows = parameter.size();
		const columns = parameter[0].size();
		const factored = rows >= 2 && columns >= 2;
		if (fresh) {
			if (factored) {
				state.rowSums = zeros(rows, 1);
				state.columnSums = zeros(1, columns);
			} else state.secondMoment = zeros(rows, columns);
			if (beta1 > 0) state.momentum = zeros(rows, columns);
		} else {
			if (factored) {
				expectShape(where, state, "rowSums", rows, 1);
				expectShape(where, state, "columnSums", 1, columns);
			} else expectShape(where, state, "secondMoment", rows, columns);
			if (beta1 > 0) expectShape(where, state, "momentum", rows, columns);
		}
		const decay = 1 - math.pow(t, -decayRate);
		const update = zeros(rows, columns);
		if (factored) {
			const rowSums = state.rowSums as Matrix;
			const columnSums = (state.columnSums as Matrix)[0];
			const columnTotals = new Array<number>(columns, 0);
			let total = 0;
			for (const i of $range(0, rows - 1)) {
				const gi = gradient[i];
				let rowTotal = 0;
				for (const j of $range(0, columns - 1)) {
					const square = gi[j] * gi[j] + epsilon1;
					rowTotal += square;
					columnTotals[j] += square;
				}
				rowSums[i][0] = decay * rowSums[i][0] + (1 - decay) * rowTotal;
				total += rowSums[i][0];
			}
			for (const j of $range(0, columns - 1)) columnSums[j] = decay * columnSums[j] + (1 - decay) * columnTotals[j];
			for (const i of $range(0, rows - 1)) {
				const gi = gradient[i];
				const ui = update[i];
				const r = rowSums[i][0];
				for (const j of $range(0, columns - 1)) ui[j] = gi[j] / math.sqrt((r * columnSums[j]) / total);
			}
		} else {
			const second = state.secondMoment as Matrix;
			for (const i of $range(0, rows - 1)) {
				const gi = gradient[i];
				const si = second[i];
				const ui = update[i];
				for (const j of $range(0, columns - 1)) {
					si[j] = decay * si[j] + (1 - decay) * (gi[j] * gi[j] + epsilon1);
					ui[j] = gi[j] / math.sqrt(si[j]);
				}
			}
		}
		const clip = math.max(1, rootMeanSquare(update) / clipThreshold);
		const rate = (scaleParameter ? math.max(epsilon2, rootMeanSquare(parameter)) : 1) * learningRate;
		const momentum = state.momentum as Matrix | undefined;
		for (const i of $range(0, rows - 1)) {
			const ui = update[i];
			const pi = parameter[i];
			for (const j of $range(0, columns - 1)) {
				let u = ui[j] / clip;
				if (momentum !== undefined) {
					u = beta1 * momentum[i][j] + (1 - beta1) * u;
					momentum[i][j] = u;
				}
				pi[j] -= rate * u;
			}
		}
	}
}
