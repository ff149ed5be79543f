/**
 * The regularization side of a gradient model's update, as plain functions: the bias rows a
 * regularizer leaves alone, the penalty of all entries, and the per-entry steps g / n + penalty
 * gradient that the optimizer then takes (after clipping).
 */
import { Matrix } from "../../matrix/types";
import { copyInto, scaleInPlace } from "../../matrix/inplace";
import { Regularizer } from "../../optimization/regularizers/regularizers";

/** The row indices 0 … count − 1 (the leading bias rows of an entry; empty for 0). */
export function leadingRows(count: number): Array<number> {
	const rows = new Array<number>();
	for (const i of $range(0, count - 1)) rows.push(i);
	return rows;
}

/**
 * The penalty summed over the parameter `entries` (`parameterEntries` of the parameters), each by
 * its regularizer (none: 0; its `biasRows` exempt).
 */
export function totalPenalty(
	entries: Array<[string, Matrix]>,
	regularizerOf: (entryName: string) => Regularizer | undefined,
	biasRows: Array<Array<number>>,
): number {
	let total = 0;
	for (const k of $range(0, entries.size() - 1)) {
		const [name, matrix] = entries[k];
		const regularizer = regularizerOf(name);
		if (regularizer !== undefined) total += regularizer.penalty(matrix, biasRows[k]);
	}
	return total;
}

/**
 * One step per entry, written into `steps` (shaped like the entries; returned): the summed
 * gradient divided by `sampleCount`, plus the entry's regularizer's gradient (its `biasRows`
 * exempt). `entries` and `gradientEntries` are `parameterEntries` of the parameters and the gradient.
 */
export function regularizedStepsInto(
	steps: Array<Matrix>,
	entries: Array<[string, Matrix]>,
	gradientEntries: Array<[string, Matrix]>,
	sampleCount: number,
	regularizerOf: (entryName: string) => Regularizer | undefined,
	biasRows: Array<Array<number>>,
): Array<Matrix> {
	const inverse = 1 / sampleCount;
	for (const k of $range(0, entries.size() - 1)) {
		const [name, matrix] = entries[k];
		const step = scaleInPlace(copyInto(steps[k], gradientEntries[k][1]), inverse);
		const regularizer = regularizerOf(name);
		if (regularizer !== undefined) regularizer.addGradientInPlace(step, matrix, biasRows[k]);
	}
	return steps;
}
