/**
 * Class labels (numbers or strings): validation, a deterministic order, and reading labels out of
 * the shapes models and users hold them in (label arrays, n×1 matrices, n×k one-hot or
 * probability matrices).
 */
import { describeValue, isFiniteNumber } from "../core/describe";
import { FrameBudget, forEachBlock } from "../parallel/FrameBudget";
import { copyMatrixWithinBudget } from "../parallel/matrixCopy";
import { rowsBetween } from "../parallel/shards";

/** Labels per block of the label passes (a hash lookup or a check each; from the count only, never from time). */
const LABEL_BLOCK = 2048;
import { argmax, assertMatrix } from "../matrix";
import { Matrix } from "../matrix/types";

/** A class label: a finite number or a string. */
export type Label = number | string;

/** Labels as given to the encoders, metrics and splits: an array, an n×1 matrix, or an n×k matrix (argmax per row). */
export type LabelInput = Array<Label> | Matrix;

/** `"cat"` for a string label, `3` for a number: how labels appear in messages. */
export function describeLabel(label: unknown): string {
	return typeIs(label, "string") ? `"${label}"` : tostring(label);
}

/** True for a finite number or a string. */
export function isLabel(value: unknown): value is Label {
	return typeIs(value, "string") || isFiniteNumber(value);
}

/** The deterministic label order: numbers ascending first, then strings in byte order. */
export function compareLabels(a: Label, b: Label): boolean {
	const aIsNumber = typeIs(a, "number");
	if (aIsNumber !== typeIs(b, "number")) return aIsNumber;
	return (a as number) < (b as number);
}

/** Throws unless `value` is a non-empty array of labels (finite numbers or strings). */
export function assertLabels(value: unknown, argName: string, where: string): asserts value is Array<Label> {
	if (!typeIs(value, "table") || (value as Array<unknown>).size() === 0) {
		error(
			`[Hivemind] ${where}: ${argName} must be a non-empty array of labels (numbers or strings), got ${typeIs(value, "table") ? "an empty table" : describeValue(value)}`,
			3,
		);
	}
	const values = value as Array<unknown>;
	forEachBlock(values.size(), LABEL_BLOCK, new FrameBudget(), (first, last) => {
		for (const i of $range(first, last)) {
			const v = values[i];
			if (!isLabel(v)) {
				error(`[Hivemind] ${where}: ${argName}[${i + 1}] must be a label (a finite number or a string), got ${describeValue(v)}`, 5);
			}
		}
	});
}

/** The distinct labels of `labels`, in the deterministic order of {@link compareLabels}. */
export function sortedUniqueLabels(labels: ReadonlyArray<Label>): Array<Label> {
	const seen = new Set<Label>();
	const out = new Array<Label>();
	forEachBlock(labels.size(), LABEL_BLOCK, new FrameBudget(), (first, last) => {
		for (const i of $range(first, last)) {
			const label = labels[i];
			if (!seen.has(label)) {
				seen.add(label);
				out.push(label);
			}
		}
	});
	out.sort(compareLabels);
	return out;
}

/**
 * Reads labels from a label array (validated, copied), an n×1 matrix (its values) or an n×k matrix
 * with k ≥ 2 (the 0-based column of each row's largest entry, e.g. one-hot rows or probabilities).
 */
export function readLabels(value: unknown, argName: string, where: string): Array<Label> {
	if (typeIs(value, "table") && typeIs((value as Array<unknown>)[0], "table")) {
		// validated in blocks; when invalid, assertMatrix says why
		const copied = copyMatrixWithinBudget(value);
		if (copied === undefined) assertMatrix(value, argName, where);
		const m = copied!;
		const n = m.size();
		const out = table.create<Label>(n);
		// a label per row: the value of n×1 rows, the 0-based column of the largest entry of n×k ones
		forEachBlock(n, LABEL_BLOCK, new FrameBudget(), (first, last) => {
			if (m[0].size() === 1) {
				for (const i of $range(first, last)) out[i] = m[i][0];
			} else {
				const best = argmax(rowsBetween(m, first, last), 1);
				for (const i of $range(first, last)) out[i] = best[i - first];
			}
		});
		return out;
	}
	assertLabels(value, argName, where);
	const copied = table.create<Label>(value.size());
	forEachBlock(value.size(), 4 * LABEL_BLOCK, new FrameBudget(), (first, last) => {
		for (const i of $range(first, last)) copied[i] = value[i];
	});
	return copied;
}

/** Labels joined for messages, at most 10 of them (`1, 2, "cat", …`). */
export function describeLabels(labels: ReadonlyArray<Label>): string {
	const shown = new Array<string>();
	for (const i of $range(0, math.min(labels.size(), 10) - 1)) shown.push(describeLabel(labels[i]));
	if (labels.size() > 10) shown.push(`… (${labels.size()} in all)`);
	return shown.join(", ");
}

/** Throws unless `value` is a non-empty array of distinct labels (an explicit class list). */
export function assertClassList(value: unknown, argName: string, where: string): asserts value is Array<Label> {
	assertLabels(value, argName, where);
	const seen = new Set<Label>();
	for (const i of $range(0, value.size() - 1)) {
		if (seen.has(value[i])) {
			error(`[Hivemind] ${where}: ${argName} must not repeat a label, got ${describeLabel(value[i])} twice`, 3);
		}
		seen.add(value[i]);
	}
}

/** Label → 0-based position in `classes`. */
export function indexLabels(classes: ReadonlyArray<Label>): Map<Label, number> {
	const index = new Map<Label, number>();
	for (const i of $range(0, classes.size() - 1)) index.set(classes[i], i);
	return index;
}

/**
 * The 0-based code of each label in `classes`; an unknown label is an error naming
 * `argName[i]`, or −1 when `allowUnknown`. `labels` must already be validated.
 */
export function encodeLabels(
	labels: ReadonlyArray<Label>,
	classes: ReadonlyArray<Label>,
	argName: string,
	where: string,
	allowUnknown = false,
): Array<number> {
	const index = indexLabels(classes);
	const codes = table.create<number>(labels.size(), 0);
	forEachBlock(labels.size(), LABEL_BLOCK, new FrameBudget(), (first, last) => {
		for (const i of $range(first, last)) {
			const code = index.get(labels[i]);
			if (code === undefined && !allowUnknown) {
				error(
					`[Hivemind] ${where}: ${argName}[${i + 1}] must be one of the classes (${describeLabels(classes)}), got ${describeLabel(labels[i])}`,
					5,
				);
			}
			codes[i] = code ?? -1;
		}
	});
	return codes;
}

/**
 * The classes learned from `labels`: `explicit` when given (every label must be in it, order
 * kept), else the distinct labels in the deterministic order of {@link compareLabels}.
 */
export function learnClasses(labels: unknown, explicit: ReadonlyArray<Label> | undefined, where: string): Array<Label> {
	assertLabels(labels, "labels", where);
	if (explicit === undefined) return sortedUniqueLabels(labels);
	encodeLabels(labels, explicit, "labels", where);
	return table.clone(explicit) as Array<Label>;
}
