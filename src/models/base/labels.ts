//!native
/** Class labels for classifiers: reading y (through `src/utilities/labels`) and one-hot targets. */
import { Matrix } from "../../matrix/types";
import { FrameBudget } from "../../parallel/FrameBudget";
import { Label, readLabels } from "../../utilities/labels";
import { assertRowCount } from "./data";

/**
 * The labels of `y` (a vector of numbers/strings, an n×1 matrix, or one-hot / probability rows),
 * as many as X has rows; errors name `where` and `y`.
 */
export function labelVector(y: unknown, rows: number, where: string, xShape: string): Array<Label> {
	if (y === undefined) error(`[Hivemind] ${where}: y must be given (labels for the ${rows} samples of X), got nil`, 3);
	const labels = readLabels(y, "y", where);
	assertRowCount(labels, rows, where, xShape);
	return labels;
}

/** An n×k matrix with a 1 at each sample's 0-based class index. */
export function oneHot(indices: Array<number>, classCount: number): Matrix {
	const out = table.create<Array<number>>(indices.size());
	const budget = new FrameBudget();
	for (const i of $range(0, indices.size() - 1)) {
		if (i % 4096 === 4095) budget.check();
		const row = table.create<number>(classCount, 0);
		row[indices[i]] = 1;
		out[i] = row;
	}
	return out;
}

/** An n×1 matrix of the 0-based class indices (binary targets), checking the frame budget every 4096 rows. */
export function indexColumn(indices: Array<number>): Matrix {
	const out = table.create<Array<number>>(indices.size());
	const budget = new FrameBudget();
	for (const i of $range(0, indices.size() - 1)) {
		if (i % 4096 === 4095) budget.check();
		out[i] = [indices[i]];
	}
	return out;
}
