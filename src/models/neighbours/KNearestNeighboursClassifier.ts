/** k-nearest-neighbour classification: the (weighted) majority label of the k nearest rows. */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { ConstraintTable, labelList } from "../../options";
import { Label } from "../../utilities/labels";
import { ClassLabels } from "../base/ClassLabels";
import { NEIGHBOURS_CONSTRAINTS, NEIGHBOURS_DEFAULTS, NeighboursModel, NeighboursOptions } from "./NeighboursModel";
import { Classifier } from "../base/capabilities";
import { FrameBudget } from "../../parallel/FrameBudget";
import { mapInBlocks } from "../base/data";

/** Options of `KNearestNeighboursClassifier`. */
export interface KNearestNeighboursClassifierOptions extends NeighboursOptions {
	/** The class labels in output order; default: discovered (sorted) at training. */
	classesList?: Array<Label>;
}

const DEFAULTS: KNearestNeighboursClassifierOptions = { ...NEIGHBOURS_DEFAULTS };
const CONSTRAINTS: ConstraintTable<KNearestNeighboursClassifierOptions> = { ...NEIGHBOURS_CONSTRAINTS, classesList: labelList };

/**
 * Predicts the label with the largest (weighted) vote among the k nearest training rows; vote
 * ties go to the class listed first (`getClassesList()`), distance ties to the row stored first.
 * Parameters: the stored `inputs` (n×p) and `targets` (n×1 class indices, 0-based).
 * @example
 * const knn = new KNearestNeighboursClassifier({ numberOfNeighbours: 3, weights: "distance" });
 * knn.train(X, labels);
 * const [predicted, probabilities] = knn.predict(X);
 */
export class KNearestNeighboursClassifier extends NeighboursModel<KNearestNeighboursClassifierOptions> implements Classifier {
	private readonly labels = new ClassLabels(() => this.options.classesList);

	constructor(options?: Partial<KNearestNeighboursClassifierOptions>) {
		super("KNearestNeighboursClassifier", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["classesList"];
	}

	/** The class labels in output order, or undefined before they are known. */
	getClassesList(): Array<Label> | undefined {
		return this.labels.get();
	}

	protected targetsOf(y: unknown, rows: number, where: string, xShape: string, budget: FrameBudget): Matrix {
		const codes = this.labels.encode(y, rows, where, xShape);
		return mapInBlocks(rows, 1, (i) => [codes[i]], budget);
	}

	protected validateTargets(targets: Matrix, where: string) {
		const k = this.labels.count();
		for (const row of targets) {
			const c = row[0];
			if (row.size() !== 1 || c < 0 || c !== math.floor(c) || (k !== undefined && c >= k)) {
				error(
					`[Hivemind] ${where}: parameters.targets must be an n×1 column of class indices in [0, ${k === undefined ? "k" : k - 1}], got ${row.size() !== 1 ? describeShape(targets) : c}`,
					4,
				);
			}
		}
	}

	/**
	 * The predicted labels and, as a second value, the class probabilities: each class's share of
	 * the (weighted) vote (n×k, columns in `getClassesList()` order).
	 */
	predict(X: unknown): LuaTuple<[Array<Label>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const [inputs, targets, x] = this.stored(X, where);
		let classCount = this.labels.count() ?? 0;
		for (const row of targets) classCount = math.max(classCount, row[0] + 1);
		const winners = new Array<number>();
		const probabilities = this.neighboursOfAll(inputs, x).map((found) => {
			const votes = table.create<number>(classCount, 0);
			found.indices.forEach((i, n) => (votes[targets[i][0]] += found.weights[n]));
			let best = 0;
			for (const c of $range(1, classCount - 1)) if (votes[c] > votes[best]) best = c;
			winners.push(best);
			return votes.map((v) => v / found.total);
		});
		return $tuple(this.labels.decode(winners, where), probabilities);
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		(twin as KNearestNeighboursClassifier).labels.copyFrom(this.labels);
	}
}
