/** REINFORCE (Williams 1992; Sutton & Barto §13.3–13.4): Monte Carlo policy gradient, learned at each episode end, with a learned baseline V(s) unless `baseline` is false. */
import { PolicyAgent, PolicyOptions } from "./PolicyAgent";

/**
 * REINFORCE (Williams 1992; Sutton & Barto §13.3–13.4): Monte Carlo policy gradient, learned at each episode end, with a learned baseline V(s) unless `baseline` is false.
 * @example const agent = new REINFORCE({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class REINFORCE extends PolicyAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `PolicyOptions`). */
	constructor(options?: Partial<PolicyOptions>) {
		super("REINFORCE", "REINFORCE", { ...options });
	}
}
