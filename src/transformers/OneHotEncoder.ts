//!native
/** One-hot encoding: a label becomes a row with a 1 in its category's column and 0 elsewhere. */
import { assertMatrix, describeShape } from "../matrix";
import { Matrix } from "../matrix/types";
import { describeValue } from "../core/describe";
import { ConstraintTable, labelList, oneOf, resolveOptions } from "../options";
import { assertClassList, assertLabels, encodeLabels, Label, learnClasses } from "../utilities/labels";
import { InvertibleTransformer } from "../models/base/capabilities";
import { EncoderClasses } from "./encoderClasses";

/** Options of {@link OneHotEncoder}. */
export interface OneHotEncoderOptions {
	/** `"error"` (default): an unknown label in `transform` is an error; `"ignore"`: it becomes a row of zeros. */
	handleUnknown: "error" | "ignore";
	/** An explicit category list, in column order; omit to learn the categories, sorted, from `fit`. */
	categories?: Array<Label>;
}

const DEFAULTS: OneHotEncoderOptions = { handleUnknown: "error" };
const CONSTRAINTS: ConstraintTable<OneHotEncoderOptions> = { handleUnknown: oneOf("error", "ignore"), categories: labelList };

/** A fitted one-hot encoder as plain data (survives JSON). */
export interface OneHotEncoderState {
	/** Always `"OneHotEncoder"`. */
	kind: "OneHotEncoder";
	/** The categories in column order. */
	categories: Array<Label>;
	/** The unknown-label policy. */
	handleUnknown: "error" | "ignore";
}

/**
 * Encodes labels (numbers or strings) as one-hot rows of an n×k matrix, k = number of categories.
 * Categories are the distinct labels seen by `fit`, numbers ascending then strings in byte order,
 * so every server builds the same columns; or the explicit `categories` option (order kept).
 *
 * @example
 * const encoder = new OneHotEncoder();
 * encoder.fitTransform(["red", "blue", "red"]); // [[0, 1], [1, 0], [0, 1]] (columns: blue, red)
 * encoder.inverseTransform([[0.2, 0.8]]);       // ["red"] (the largest entry of each row)
 */
export class OneHotEncoder implements InvertibleTransformer<Array<Label>, Matrix> {
	private options: Readonly<OneHotEncoderOptions>;
	private readonly categories: EncoderClasses;

	/** Creates an encoder; `options` are validated (unknown keys are errors). */
	constructor(options?: Partial<OneHotEncoderOptions>) {
		this.options = resolveOptions("OneHotEncoder.new", DEFAULTS, options, CONSTRAINTS);
		this.categories = new EncoderClasses("OneHotEncoder", "categories", this.options.categories);
	}

	/** Learns the categories from `labels`; returns this encoder. */
	fit(labels: Array<Label>): this {
		this.categories.set(learnClasses(labels, this.options.categories, "OneHotEncoder.fit"));
		return this;
	}

	/** The n×k one-hot matrix of `labels` (unknown labels: error, or zero rows with `handleUnknown = "ignore"`). */
	transform(labels: Array<Label>): Matrix {
		const categories = this.categories.get("transform");
		assertLabels(labels, "labels", "OneHotEncoder.transform");
		const ignore = this.options.handleUnknown === "ignore";
		const codes = encodeLabels(labels, categories, "labels", "OneHotEncoder.transform", ignore);
		const k = categories.size();
		const out = table.create<Array<number>>(codes.size());
		for (const i of $range(0, codes.size() - 1)) {
			const row = table.create<number>(k, 0);
			if (codes[i] >= 0) row[codes[i]] = 1;
			out[i] = row;
		}
		return out;
	}

	/** Fits on `labels` and returns their one-hot matrix. */
	fitTransform(labels: Array<Label>): Matrix {
		return this.fit(labels).transform(labels);
	}

	/**
	 * The category of each row of an n×k matrix: the column of its largest entry (so one-hot rows
	 * and predicted probabilities both work; ties go to the first column). A row with no positive
	 * entry (an ignored unknown label) is an error.
	 */
	inverseTransform(X: Matrix): Array<Label> {
		const categories = this.categories.get("inverseTransform");
		const where = "OneHotEncoder.inverseTransform";
		assertMatrix(X, "X", where);
		const k = categories.size();
		if (X[0].size() !== k) error(`[Hivemind] ${where}: X must have ${k} columns (one per category), got ${describeShape(X)}`, 2);
		const out = table.create<Label>(X.size());
		for (const i of $range(0, X.size() - 1)) {
			const row = X[i];
			let best = 0;
			for (const j of $range(1, k - 1)) if (row[j] > row[best]) best = j;
			if (row[best] <= 0) error(`[Hivemind] ${where}: X row ${i + 1} must have a positive entry, got no entry > 0`, 2);
			out[i] = categories[best];
		}
		return out;
	}

	/** The categories in column order (a copy). */
	getCategories(): Array<Label> {
		return table.clone(this.categories.get("getCategories"));
	}

	/** The fitted encoder as plain data; restore with {@link setState}. */
	getState(): OneHotEncoderState {
		return { kind: "OneHotEncoder", categories: table.clone(this.categories.get("getState")), handleUnknown: this.options.handleUnknown };
	}

	/** Restores categories and policy from {@link getState}'s plain data (validated); returns this encoder. */
	setState(state: OneHotEncoderState): this {
		const where = "OneHotEncoder.setState";
		if (!typeIs(state, "table") || state.kind !== "OneHotEncoder") {
			error(`[Hivemind] ${where}: state must be a table from getState() with kind "OneHotEncoder", got ${describeValue(state)}`, 2);
		}
		assertClassList(state.categories, "state.categories", where);
		this.options = resolveOptions(where, DEFAULTS, { handleUnknown: state.handleUnknown, categories: this.options.categories }, CONSTRAINTS);
		this.categories.set(table.clone(state.categories));
		return this;
	}
}
