/** What every optimizer shares: validated options, the state bookkeeping around its update rule. */
import { Matrix } from "../../matrix/types";
import { Optimizer, OptimizerState } from "./types";
import { ConstraintTable, resolveOptions } from "../../options";
import { optionValues, OptionValues } from "../helpers";
import { beginStep } from "./state";

/**
 * Base of the optimizer classes: resolves the options against the class's constraint table
 * (errors name `<optimizerName>.new`), and implements `step` as checks + counter + `update`.
 * A subclass names its state matrices and writes `update`, its element rule.
 */
export abstract class BaseOptimizer<O extends object> implements Optimizer {
	/** The optimizer's name, e.g. `"Adam"`. */
	readonly optimizerName: string;
	/** The resolved, frozen options. */
	protected readonly options: Readonly<O>;

	/** `stateKeys`: the state's matrices (each shaped like the parameter, zeros on the first step). */
	protected constructor(
		optimizerName: string,
		defaults: O,
		constraints: ConstraintTable<O>,
		options: unknown,
		private readonly stateKeys: ReadonlyArray<string>,
	) {
		this.optimizerName = optimizerName;
		this.options = resolveOptions(`${optimizerName}.new`, defaults, options as Partial<O>, constraints);
	}

	/**
	 * One descent step on `parameter` IN PLACE; returns the state `{ t, ... }`: a fresh one when
	 * `state` is undefined, otherwise `state` itself, updated in place (matrices and counter).
	 */
	step(parameter: Matrix, gradient: Matrix, state: OptimizerState | undefined, learningRate: number): OptimizerState {
		const fresh = state === undefined;
		const s = beginStep(`${this.optimizerName}.step`, parameter, gradient, state, learningRate, this.stateKeys);
		const t = (s.t as number) + 1;
		s.t = t;
		this.update(parameter, gradient, s, learningRate, t, fresh);
		return s;
	}

	/** The hyper-parameters as plain data (a fresh table). */
	getOptions(): OptionValues {
		return optionValues(this.options);
	}

	/** The update rule: `t` is this step's 1-based number, `fresh` says the state was just created. */
	protected abstract update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number, t: number, fresh: boolean): void;
}
