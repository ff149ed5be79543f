/** Deep SARSA: target r + γ Q̄(s′, a′) for the action taken next. */
import { DeepValueAgent, DeepValueOptions } from "./DeepValueAgent";

/**
 * Deep SARSA: target r + γ Q̄(s′, a′) for the action taken next.
 * @example const agent = new DeepSARSA({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class DeepSARSA extends DeepValueAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `DeepValueOptions`). */
	constructor(options?: Partial<DeepValueOptions>) {
		super("DeepSARSA", "SARSA", "Single", options);
	}
}
