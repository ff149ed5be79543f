/**
 * The class labels of one classifier: given (`classesList`), or discovered (sorted) at the first
 * training; training labels become 0-based class indices, predicted indices become labels again.
 */
import { labelVector } from "../base/labels";
import { encodeLabels, Label, sortedUniqueLabels } from "../../utilities/labels";

/** A classifier's label list (composition: each classifier owns one). */
export class ClassLabels {
	private classes: Array<Label> | undefined;

	/**
	 * `given`: the `classesList` option (fixed order), or undefined to discover the classes from
	 * the first training labels. `requiredCount`: the exact number of classes (2 for binary models).
	 */
	constructor(given: Array<Label> | undefined, private readonly requiredCount?: number) {
		this.classes = given === undefined ? undefined : table.clone(given);
	}

	/** The labels in class-index order, or undefined before they are known. */
	get(): Array<Label> | undefined {
		return this.classes === undefined ? undefined : table.clone(this.classes);
	}

	/** How many classes, or undefined before they are known. */
	count(): number | undefined {
		return this.classes?.size();
	}

	/**
	 * Reads the training labels `y` (a vector or n×1 matrix, `rows` of them) and returns their
	 * class indices; discovers the classes when unknown. Errors name `where`.
	 */
	encode(y: unknown, rows: number, where: string, xShape: string): Array<number> {
		const labels = labelVector(y, rows, where, xShape);
		const classes = this.classes ?? sortedUniqueLabels(labels);
		const required = this.requiredCount;
		if (required !== undefined && classes.size() !== required) {
			error(`[Hivemind] ${where}: y must hold exactly ${required} classes (or give classesList with ${required} labels), got ${classes.size()}`, 3);
		}
		const indices = encodeLabels(labels, classes, "y", where);
		this.classes = classes;
		return indices;
	}

	/** The labels of class indices; an error naming `where` when the classes are unknown. */
	decode(indices: Array<number>, where: string): Array<Label> {
		const classes = this.classes;
		if (classes === undefined) {
			error(`[Hivemind] ${where}: the class labels are unknown (parameters were set without training); give the classesList option`, 3);
		}
		return indices.map((k) => classes[k]);
	}

	/** An independent copy. */
	copy(): ClassLabels {
		const twin = new ClassLabels(undefined, this.requiredCount);
		twin.classes = this.get();
		return twin;
	}
}
