//!native
// Train-time checks of the data's scale against a default that is only safe on features of moderate size.
import { Matrix } from "../../matrix/types";
import { FrameBudget, rowsPerBlock } from "../../parallel/FrameBudget";
import { warnTraining } from "./output";

/**
 * The largest mean square of a column of `x` and that column (0-based): one multiply-add per
 * entry, paced by `budget`.
 */
export function largestColumnMeanSquare(x: Matrix, budget = new FrameBudget()): LuaTuple<[number, number]> {
	const p = x[0].size();
	let worst = 0;
	let worstColumn = 0;
	const every = rowsPerBlock(8); // one multiply-add a row, and the loop around it
	for (const j of $range(0, p - 1)) {
		let total = 0;
		for (const i of $range(0, x.size() - 1)) {
			const v = x[i][j];
			total += v * v;
			if (i % every === every - 1) budget.check();
		}
		if (total > worst) [worst, worstColumn] = [total, j];
	}
	return $tuple(worst / x.size(), worstColumn);
}

/**
 * Above this mean square (a root mean square of about 30) a unit with weights of order 1 — Xavier
 * initialisation, the ELM's U(−1, 1) — has an input beyond ±10 at most rows: Sigmoid and Tanh saturate.
 */
export const SATURATING_MEAN_SQUARE = 1000;

/**
 * Warns (through the training output) when a column of `x` is so large that `units` with
 * weights of order 1 saturate: the model then learns little or nothing until the features are scaled.
 */
export function warnIfSaturating(x: Matrix, where: string, units: string, budget = new FrameBudget()) {
	const [meanSquare, column] = largestColumnMeanSquare(x, budget);
	if (meanSquare > SATURATING_MEAN_SQUARE)
		warnTraining(
			`[Hivemind] ${where}: feature ${column + 1} has mean square ${string.format("%.3g", meanSquare)}, so ${units} saturate at most rows and learn little; scale the features (StandardScaler)`,
		);
}
