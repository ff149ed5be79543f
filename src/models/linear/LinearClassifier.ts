/** Base of the gradient-trained linear classifiers: labels, classes, probabilities. */
import { Matrix } from "../../matrix/types";
import { argmax } from "../../matrix/reductions";
import { allocatingRowsPerBlock, fillInBlocks, FrameBudget } from "../../parallel/FrameBudget";
import { rowsBetween } from "../../parallel/shards";
import { Label } from "../../utilities/labels";
import { ClassLabels } from "../base/ClassLabels";
import { DATAPREDICT_HINT } from "../../core/describe";
import { LinearModel, LinearModelOptions } from "./LinearModel";
import { Classifier } from "../base/capabilities";

/** Options of every linear classifier. */
export interface LinearClassifierOptions extends LinearModelOptions {
	/** The class labels in output order (numbers or strings); default: binary models {0, 1}, others discovered (sorted) at the first training. */
	classesList?: Array<Label>;
}

/**
 * A linear classifier: `y` is a vector of labels (or an n×1 matrix); `predict` returns the labels
 * and, as a second value, the n×k class probabilities (columns in `getClassesList()` order).
 */
export abstract class LinearClassifier<O extends LinearClassifierOptions> extends LinearModel<O> implements Classifier {
	private readonly labels = new ClassLabels(() => this.options.classesList);

	/** Numeric targets from 0-based class indices (binary: an n×1 column of 0/1; multinomial: one-hot). */
	protected abstract encodeTargets(indices: Array<number>, classCount: number): Matrix;

	/** Class probabilities (n×k, rows summing to 1) from the scores. */
	protected abstract probabilitiesFromScores(z: Matrix): Matrix;

	/** Checks the number of classes found in the data (binary models need exactly 2). */
	protected abstract checkClassCount(classes: Array<Label>, where: string): void;

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["fitIntercept", "classesList"];
	}

	/** The class labels in output order, or undefined when not known yet. */
	getClassesList(): Array<Label> | undefined {
		return this.labels.get();
	}

	/** How many classes, or undefined before they are known. */
	protected classCount(): number | undefined {
		return this.labels.count();
	}

	protected prepareTargets(y: unknown, rows: number, where: string, xShape: string): Matrix {
		const indices = this.labels.encode(y, rows, where, xShape, (classes) => this.checkClassCount(classes, where));
		return this.encodeTargets(indices, this.labels.count()!);
	}

	/**
	 * The predicted labels and, as a second value, the class probabilities (n×k).
	 * @example local labels, probabilities = model:predict(X)
	 */
	predict(X: unknown, ...extra: Array<unknown>): LuaTuple<[Array<Label>, Matrix]> {
		const where = `${this.modelName}.predict`;
		if (extra.size() > 0) {
			error(
				`[Hivemind] ${where}: takes only X (it returns the labels and the n×k probabilities), got ${1 + extra.size()} arguments ${DATAPREDICT_HINT}`,
				2,
			);
		}
		const z = this.scores(X, where);
		const classes = this.labels.require(where);
		const n = z.size();
		const labels = table.create<Label>(n);
		// row by row (each row's probabilities depend on its scores only; a few new tables a row), in fixed blocks within the frame budget
		const probabilities = fillInBlocks<Array<number>>(n, allocatingRowsPerBlock(8 * (z[0].size() + 4)), new FrameBudget(), (out, first, last) => {
			const part = this.probabilitiesFromScores(rowsBetween(z, first, last));
			const best = argmax(part, 1);
			for (const i of $range(first, last)) {
				out[i] = part[i - first];
				labels[i] = classes[best[i - first]];
			}
		});
		return $tuple(labels, probabilities);
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		twin.labels.copyFrom(this.labels);
	}
}
