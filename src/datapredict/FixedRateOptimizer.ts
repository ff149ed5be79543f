/** A layer's own learning rate (DataPredict's 4th `addLayer` argument) around any Hivemind optimizer. */
import { Matrix } from "../matrix/types";
import { Optimizer, OptimizerState } from "../optimization/optimizers/types";

/** Steps with `inner` at `learningRate`, whatever rate the model passes. */
export class FixedRateOptimizer implements Optimizer {
	readonly optimizerName: string;

	constructor(
		private readonly inner: Optimizer,
		private readonly learningRate: number,
	) {
		this.optimizerName = inner.optimizerName;
	}

	/** The inner optimizer's step at this object's rate. */
	step(parameter: Matrix, gradient: Matrix, state: OptimizerState | undefined): OptimizerState {
		return this.inner.step(parameter, gradient, state, this.learningRate);
	}

	/** The inner optimizer's options and the rate. */
	getOptions() {
		const options = this.inner.getOptions();
		options.learningRate = this.learningRate;
		return options;
	}
}
