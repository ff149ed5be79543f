/** The optimizer contract (docs/DESIGN.md, `src/optimization`): one small step with explicit state. */
import { Matrix } from "../../matrix/types";

/**
 * What an optimizer remembers between steps for one parameter entry: plain data (matrices and
 * numbers, including the step counter `t`), so it survives JSON, DataStores and Actor messages.
 */
export type OptimizerState = { [key: string]: Matrix | number };

/** A descent rule: variants (Adam, RMSProp, ...) are classes implementing this interface. */
export interface Optimizer {
	/** The optimizer's name, e.g. `"Adam"` (what `createOptimizer` accepts). */
	readonly optimizerName: string;
	/**
	 * One descent step on `parameter` IN PLACE from the gradient of the cost; returns the new state
	 * (undefined state = first step).
	 */
	step(parameter: Matrix, gradient: Matrix, state: OptimizerState | undefined, learningRate: number): OptimizerState;
	/** The hyper-parameters as plain data. */
	getOptions(): { [key: string]: number | string | boolean };
}
