/** AdaGrad: per-entry rates shrinking with the accumulated squared gradients. */
import { Matrix } from "../../matrix/types";
import { OptimizerState } from "./types";
import { ConstraintTable, numberAbove } from "../../options";
import { BaseOptimizer } from "./BaseOptimizer";
import { squaredAverageKernel } from "./kernels";

/** AdaGrad's options. */
export interface AdaGradOptions {
	/** ε added to √s to avoid dividing by zero: > 0, default 1e-8. */
	epsilon: number;
}

const DEFAULTS: AdaGradOptions = { epsilon: 1e-8 };
const CONSTRAINTS: ConstraintTable<AdaGradOptions> = { epsilon: numberAbove(0) };

/**
 * AdaGrad (Duchi, Hazan & Singer 2011): s ← s + g², w ← w − η·g / (√s + ε).
 * State: `{ t, sumOfSquares }`.
 * @example new AdaGrad({ epsilon: 1e-10 })
 */
export class AdaGrad extends BaseOptimizer<AdaGradOptions> {
	/** Options: `{ epsilon?: number }`. */
	constructor(options?: Partial<AdaGradOptions>) {
		super("AdaGrad", DEFAULTS, CONSTRAINTS, options, ["sumOfSquares"]);
	}

	/** s ← s + g², w ← w − η·g / (√s + ε). */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number) {
		const sumOfSquares = state.sumOfSquares as Matrix;
		squaredAverageKernel(parameter, gradient, sumOfSquares, learningRate, 1, 1, this.options.epsilon);
	}
}
