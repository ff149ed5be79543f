/** SARSA (Rummery & Niranjan 1994; Sutton & Barto §6.4): target r + γ Q(s′, a′); SARSA(λ) with traces. */
import { Matrix } from "../../matrix/types";
import { TabularAgent, TabularOptions } from "./TabularAgent";

/** On-policy TD control. @example const agent = new SARSA({ stateCount: 16, actionCount: 4, traceDecay: 0.8 }) */
export class SARSA extends TabularAgent {
	/** An agent with the given options (`stateCount`, `actionCount` required). */
	constructor(options?: Partial<TabularOptions>) {
		super("SARSA", options);
	}

	protected bootstrap(q: Matrix, nextState: number, nextAction: number): LuaTuple<[number, boolean]> {
		return $tuple(q[nextState][nextAction], true);
	}
}
