/**
 * The class labels of one classifier: the `classesList` option (read when needed, so a change
 * before training is seen), or discovered (sorted) at the first training; training labels become
 * 0-based class indices, predicted indices become labels again.
 */
import { Matrix } from "../../matrix/types";
import { labelVector } from "./labels";
import { mapInBlocks } from "./data";
import { encodeLabels, Label, sortedUniqueLabels } from "../../utilities/labels";

/** A classifier's label list (composition: each classifier owns one). */
export class ClassLabels {
	private learned: Array<Label> | undefined;

	/**
	 * `given`: reads the model's `classesList` option (undefined: discover the classes from the
	 * first training labels). `requiredCount`: the exact number of classes (2 for binary models).
	 */
	constructor(
		private readonly given: () => Array<Label> | undefined,
		private readonly requiredCount?: number,
	) {}

	/** The labels in class-index order, or undefined before they are known. */
	get(): Array<Label> | undefined {
		const classes = this.learned ?? this.given();
		return classes === undefined ? undefined : table.clone(classes);
	}

	/** How many classes, or undefined before they are known. */
	count(): number | undefined {
		return (this.learned ?? this.given())?.size();
	}

	/**
	 * Reads the training labels `y` (a vector or n×1 matrix, `rows` of them) and returns their
	 * class indices; learns the classes on the first call. `check` may refuse the classes (a
	 * model's own rule on their number). Errors name `where`.
	 */
	encode(y: unknown, rows: number, where: string, xShape: string, check?: (classes: Array<Label>) => void): Array<number> {
		const labels = labelVector(y, rows, where, xShape);
		const classes = this.get() ?? sortedUniqueLabels(labels);
		const required = this.requiredCount;
		if (required !== undefined && classes.size() !== required) {
			error(
				`[Hivemind] ${where}: y must hold exactly ${required} classes (or give classesList with ${required} labels), got ${classes.size()}`,
				3,
			);
		}
		if (check !== undefined) check(classes);
		const indices = encodeLabels(labels, classes, "y", where);
		this.learned = classes;
		return indices;
	}

	/** The labels in class-index order (not a copy); an error naming `where` when they are unknown. */
	require(where: string): Array<Label> {
		const classes = this.learned ?? this.given();
		if (classes === undefined) {
			error(`[Hivemind] ${where}: the class labels are unknown (parameters were set without training); give the classesList option`, 4);
		}
		return classes;
	}

	/** The labels of class indices; an error naming `where` when the classes are unknown. */
	decode(indices: Array<number>, where: string): Array<Label> {
		const classes = this.require(where);
		return mapInBlocks(indices.size(), 1, (i) => classes[indices[i]]);
	}

	/** The labels of binary decision values (n×1): the second class where a value is > 0, else the first; an error naming `where` when the classes are unknown. */
	decodeSigns(values: Matrix, where: string): Array<Label> {
		const classes = this.require(where);
		return mapInBlocks(values.size(), 1, (i) => classes[values[i][0] > 0 ? 1 : 0]);
	}

	/** Takes over the classes another model learned (for `clone`). */
	copyFrom(other: ClassLabels) {
		this.learned = other.learned === undefined ? undefined : table.clone(other.learned);
	}
}
