/** The passive-aggressive binary classifier (hinge loss). */
import { Matrix } from "../../matrix/types";
import { ConstraintTable } from "../../options";
import { Label } from "../../utilities/labels";
import { TWO_CLASSES } from "../linear/BinaryClassifier";
import { ClassLabels } from "../base/ClassLabels";
import { mapInBlocks } from "../base/data";
import {
	PASSIVE_AGGRESSIVE_CONSTRAINTS,
	PASSIVE_AGGRESSIVE_DEFAULTS,
	PassiveAggressiveModel,
	PassiveAggressiveOptions,
} from "./PassiveAggressiveModel";
import { Classifier } from "../base/capabilities";

/** Options of `PassiveAggressiveClassifier`. */
export interface PassiveAggressiveClassifierOptions extends PassiveAggressiveOptions {
	/** The two labels: the first is the negative class (−1), the second the positive (+1); default {-1, 1}. */
	classesList: Array<Label>;
}

const DEFAULTS: PassiveAggressiveClassifierOptions = { ...PASSIVE_AGGRESSIVE_DEFAULTS, classesList: [-1, 1] };
const CONSTRAINTS: ConstraintTable<PassiveAggressiveClassifierOptions> = { ...PASSIVE_AGGRESSIVE_CONSTRAINTS, classesList: TWO_CLASSES };

/**
 * Online binary classification: hinge loss ℓ = max(0, 1 − y·w·x) with y = ±1; each mistake or
 * margin violation moves w by τ·y·x. Train again continues online. For more classes, wrap it in
 * `OneVsAll`.
 * @example
 * const model = new PassiveAggressiveClassifier({ variant: "PA-II", C: 0.5, classesList: ["bot", "human"] });
 * model.train(X, labels);                       // one pass; call again with new rows as they come
 * const [predicted, scores] = model.predict(X);
 */
export class PassiveAggressiveClassifier extends PassiveAggressiveModel<PassiveAggressiveClassifierOptions> implements Classifier {
	private readonly labels = new ClassLabels(() => this.options.classesList, 2);

	constructor(options?: Partial<PassiveAggressiveClassifierOptions>) {
		super("PassiveAggressiveClassifier", DEFAULTS, CONSTRAINTS, options);
	}

	protected fixedOptionsAfterTraining(): Array<string> {
		return ["fitIntercept", "classesList"];
	}

	/** The two class labels (negative first). */
	getClassesList(): Array<Label> {
		return this.labels.get()!;
	}

	protected targetsOf(y: unknown, rows: number, where: string, xShape: string): Array<number> {
		const indices = this.labels.encode(y, rows, where, xShape);
		return mapInBlocks(indices.size(), 1, (i) => (indices[i] === 1 ? 1 : -1));
	}

	protected lossAndDirection(score: number, target: number): LuaTuple<[number, number]> {
		return $tuple(math.max(0, 1 - target * score), target);
	}

	/**
	 * The predicted labels (positive where w·x > 0) and, as a second value, the scores w·x (n×1).
	 * @example local labels, scores = model:predict(X)
	 */
	predict(X: unknown): LuaTuple<[Array<Label>, Matrix]> {
		const where = `${this.modelName}.predict`;
		const scores = this.scores(X, where);
		return $tuple(this.labels.decodeSigns(scores, where), scores);
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		(twin as PassiveAggressiveClassifier).labels.copyFrom(this.labels);
	}
}
