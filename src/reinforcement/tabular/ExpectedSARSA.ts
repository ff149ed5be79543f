/** Expected SARSA (van Seijen et al. 2009; Sutton & Barto §6.6): target r + γ Σₐ π(a|s′) Q(s′, a). */
import { Matrix } from "../../matrix/types";
import { TabularAgent, TabularOptions } from "./TabularAgent";

/** TD control on the expectation under the agent's own policy. */
export class ExpectedSARSA extends TabularAgent {
	/** An agent with the given options (`stateCount`, `actionCount` required). */
	constructor(options?: Partial<TabularOptions>) {
		super("ExpectedSARSA", options);
	}

	protected bootstrap(q: Matrix, nextState: number): LuaTuple<[number, boolean]> {
		const p = this.selector.probabilities(q[nextState]);
		let value = 0;
		p.forEach((pa, a) => (value += pa * q[nextState][a]));
		return $tuple(value, true);
	}
}
