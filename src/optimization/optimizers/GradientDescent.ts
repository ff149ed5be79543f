/** Plain gradient descent: w ← w − η·g. */
import { Matrix } from "../../matrix/types";
import { addScaledInPlace } from "../../matrix/inplace";
import { ConstraintTable } from "../../options";
import { BaseOptimizer } from "./BaseOptimizer";

/** GradientDescent has no hyper-parameters besides the learning rate given to `step`. */
export type GradientDescentOptions = Record<string, never>;

const CONSTRAINTS: ConstraintTable<GradientDescentOptions> = {};

/**
 * Plain (stochastic, mini-batch or full-batch) gradient descent, w ← w − η·g. State: `{ t }`.
 * @example new GradientDescent().step(weights, gradient, undefined, 0.1)
 */
export class GradientDescent extends BaseOptimizer<GradientDescentOptions> {
	/** No options (an empty table or nil). */
	constructor(options?: Partial<GradientDescentOptions>) {
		super("GradientDescent", {}, CONSTRAINTS, options, []);
	}

	/** w ← w − η·g. */
	protected update(parameter: Matrix, gradient: Matrix, _state: object, learningRate: number) {
		addScaledInPlace(parameter, gradient, -learningRate);
	}
}
