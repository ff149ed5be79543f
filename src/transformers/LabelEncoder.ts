/** Class labels (numbers or strings) ↔ 0-based integer codes. */
import { describeValue } from "../core/describe";
import { ConstraintTable, labelList, resolveOptions } from "../options";
import { assertClassList, assertLabels, encodeLabels, Label, learnClasses } from "../utilities/labels";
import { InvertibleTransformer } from "../models/base/capabilities";
import { EncoderClasses } from "./encoderClasses";

/** Options of {@link LabelEncoder}. */
export interface LabelEncoderOptions {
	/** An explicit class list, in code order (code i = classesList[i]); omit to learn the classes, sorted, from `fit`. */
	classesList?: Array<Label>;
}

const CONSTRAINTS: ConstraintTable<LabelEncoderOptions> = { classesList: labelList };

/** A fitted label encoder as plain data (survives JSON). */
export interface LabelEncoderState {
	/** Always `"LabelEncoder"`. */
	kind: "LabelEncoder";
	/** The classes in code order. */
	classes: Array<Label>;
}

/** Throws unless the codes are integers in [0, classCount − 1]. */
export function assertCodes(codes: unknown, classCount: number, argName: string, where: string): asserts codes is Array<number> {
	if (!typeIs(codes, "table") || (codes as Array<unknown>).size() === 0) {
		error(`[Hivemind] ${where}: ${argName} must be a non-empty array of class codes, got ${describeValue(codes)}`, 3);
	}
	const values = codes as Array<unknown>;
	for (const i of $range(0, values.size() - 1)) {
		const v = values[i];
		if (!typeIs(v, "number") || v !== math.floor(v) || v < 0 || v >= classCount) {
			error(`[Hivemind] ${where}: ${argName}[${i + 1}] must be an integer code in [0, ${classCount - 1}], got ${describeValue(v)}`, 3);
		}
	}
}

/**
 * Maps labels to 0-based codes and back. Without options the classes are the distinct labels seen
 * by `fit`, numbers ascending then strings in byte order (deterministic on every server). With
 * `classesList` the codes follow that list, the encoder is ready without `fit`, and `fit` only
 * checks that every label is in the list.
 *
 * @example
 * const encoder = new LabelEncoder();
 * encoder.fitTransform(["dog", "cat", "dog"]); // [1, 0, 1]
 * encoder.inverseTransform([0, 1]);            // ["cat", "dog"]
 */
export class LabelEncoder implements InvertibleTransformer<Array<Label>, Array<number>> {
	private readonly options: Readonly<LabelEncoderOptions>;
	private readonly classes: EncoderClasses;

	/** Creates an encoder; `options` are validated (unknown keys are errors). */
	constructor(options?: LabelEncoderOptions) {
		this.options = resolveOptions("LabelEncoder.new", {}, options, CONSTRAINTS);
		this.classes = new EncoderClasses("LabelEncoder", "classesList", this.options.classesList);
	}

	/** Learns the classes from `labels` (see the class description); returns this encoder. */
	fit(labels: Array<Label>): this {
		this.classes.set(learnClasses(labels, this.options.classesList, "LabelEncoder.fit"));
		return this;
	}

	/** The 0-based code of each label; a label outside the classes is an error. */
	transform(labels: Array<Label>): Array<number> {
		const classes = this.classes.get("transform");
		assertLabels(labels, "labels", "LabelEncoder.transform");
		return encodeLabels(labels, classes, "labels", "LabelEncoder.transform");
	}

	/** Fits on `labels` and returns their codes. */
	fitTransform(labels: Array<Label>): Array<number> {
		this.fit(labels);
		return encodeLabels(labels, this.classes.get("fitTransform"), "labels", "LabelEncoder.fitTransform");
	}

	/** The label of each 0-based code. */
	inverseTransform(codes: Array<number>): Array<Label> {
		const classes = this.classes.get("inverseTransform");
		assertCodes(codes, classes.size(), "codes", "LabelEncoder.inverseTransform");
		return codes.map((code) => classes[code]);
	}

	/** The classes in code order (a copy). */
	getClasses(): Array<Label> {
		return table.clone(this.classes.get("getClasses"));
	}

	/** The fitted encoder as plain data; restore with {@link setState}. */
	getState(): LabelEncoderState {
		return { kind: "LabelEncoder", classes: table.clone(this.classes.get("getState")) };
	}

	/** Restores the classes from {@link getState}'s plain data (validated); returns this encoder. */
	setState(state: LabelEncoderState): this {
		if (!typeIs(state, "table") || state.kind !== "LabelEncoder") {
			error(`[Hivemind] LabelEncoder.setState: state must be a table from getState() with kind "LabelEncoder", got ${describeValue(state)}`, 2);
		}
		assertClassList(state.classes, "state.classes", "LabelEncoder.setState");
		this.classes.set(table.clone(state.classes));
		return this;
	}
}
