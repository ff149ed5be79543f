/**
 * DataPredict's `Others.Regularization` (1.x; `Others.Regularizer` in its tutorials): a λ and a
 * mode, given to a model's `setRegularization` / `setRegularizer` or to a NeuralNetwork layer.
 * It builds a Hivemind regularizer: L1 λ‖w‖₁, L2 ½λ‖w‖², ElasticNet λ(½‖w‖₁ + ¼‖w‖²) (mixing ratio ½),
 * added to the MEAN data loss.
 */
import { createRegularizer, Regularizer } from "../optimization/regularizers/regularizers";
import { describeValue } from "../core/describe";
import { argumentNames, readArguments } from "./arguments";

const WHERE = "DataPredict.Regularization";
const NAMES = argumentNames("lambda", ["regularizationMode", "regularisationMode", "mode"]);

/** DataPredict's mode names (case-insensitive) and the Hivemind regularizer each one builds. */
const MODES: { [mode: string]: string } = { l1: "L1", lasso: "L1", l2: "L2", ridge: "L2", "l1+l2": "ElasticNet", elasticnet: "ElasticNet" };

/** `Regularization.new(lambda, regularizationMode)` (or one options table); defaults λ = 0.01, "L2". */
export class DataPredictRegularization {
	private lambda = 0.01;
	private mode = "L2";
	private regularizer: Regularizer;

	constructor(...args: Array<unknown>) {
		this.regularizer = this.apply(`${WHERE}.new`, args);
	}

	private apply(where: string, args: Array<unknown>): Regularizer {
		const given = readArguments(where, NAMES, args);
		const lambda = given.lambda ?? this.lambda;
		const modeValue = given.regularizationMode ?? this.mode;
		if (!typeIs(lambda, "number") || !(lambda >= 0) || lambda === math.huge) {
			error(`[Hivemind] ${where}: lambda must be a finite number ≥ 0, got ${describeValue(lambda)}`, 3);
		}
		const kind = typeIs(modeValue, "string") ? MODES[modeValue.lower()] : undefined;
		if (kind === undefined) {
			error(
				`[Hivemind] ${where}: regularizationMode must be one of "L1", "Lasso", "L2", "Ridge", "L1+L2", "ElasticNet", got ${describeValue(modeValue)}`,
				3,
			);
		}
		this.lambda = lambda;
		this.mode = modeValue as string;
		return kind === "ElasticNet" ? createRegularizer(kind, { lambda, l1Ratio: 0.5 }) : createRegularizer(kind, { lambda });
	}

	/** Changes λ and/or the mode (nil keeps the current value). */
	setParameters(...args: Array<unknown>) {
		this.regularizer = this.apply(`${WHERE}.setParameters`, args);
	}

	/** λ. */
	getLambda(): number {
		return this.lambda;
	}

	/** The Hivemind regularizer this object stands for. */
	getRegularizer(): Regularizer {
		return this.regularizer;
	}
}
