/** Base of the two-class linear classifiers (logistic, probit, hinge). */
import { Matrix } from "../../matrix/types";
import { constraint, labelList } from "../../options";
import { Label } from "../../utilities/labels";
import { LinearClassifier, LinearClassifierOptions } from "./LinearClassifier";
import { OutputLink } from "./links";
import { mapInBlocks } from "../base/data";

/** A classesList of exactly two labels. */
export const TWO_CLASSES = constraint(
	(v) => labelList.check(v) && (v as Array<unknown>).size() === 2,
	"an array of 2 distinct labels (numbers or strings)",
);

/** Two classes: one score column; P(second class) = link(score). */
export abstract class BinaryClassifier<O extends LinearClassifierOptions> extends LinearClassifier<O> {
	/** The link turning a score into P(second class). */
	protected abstract probabilityLink(): OutputLink;

	protected fixedOutputCount(): number {
		return 1;
	}

	protected checkClassCount(classes: Array<Label>, where: string) {
		if (classes.size() !== 2) {
			error(
				`[Hivemind] ${where}: y must hold exactly 2 classes for ${this.modelName}, found ${classes.size()}; give the classesList option`,
				4,
			);
		}
	}

	protected encodeTargets(indices: Array<number>): Matrix {
		return mapInBlocks(indices.size(), 1, (i) => [indices[i]]);
	}

	protected probabilitiesFromScores(z: Matrix): Matrix {
		const p = this.probabilityLink().forward(z);
		return p.map((row) => [1 - row[0], row[0]]);
	}
}
