//!native
/** Class labels for classifiers: reading y (through `src/utilities/labels`) and one-hot targets. */
import { Matrix } from "../../matrix/types";
import { Label, readLabels } from "../../utilities/labels";
import { assertRowCount, mapInBlocks } from "./data";

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

/** An n×k matrix with a 1 at each sample's 0-based class index, in fixed row blocks within the frame budget. */
export function oneHot(indices: Array<number>, classCount: number): Matrix {
	return mapInBlocks(indices.size(), classCount, (i) => {
		const row = table.create<number>(classCount, 0);
		row[indices[i]] = 1;
		return row;
	});
}

/** An n×1 matrix of the 0-based class indices (binary targets), in fixed row blocks within the frame budget. */
export function indexColumn(indices: Array<number>): Matrix {
	return mapInBlocks(indices.size(), 1, (i) => [indices[i]]);
}
