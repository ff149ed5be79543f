/** Deep Expected SARSA: target r + γ Σₐ π(a|s′) Q̄(s′, a). */
import { DeepValueAgent, DeepValueOptions } from "./DeepValueAgent";

/**
 * Deep Expected SARSA: target r + γ Σₐ π(a|s′) Q̄(s′, a).
 * @example const agent = new DeepExpectedSARSA({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class DeepExpectedSARSA extends DeepValueAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `DeepValueOptions`). */
	constructor(options?: Partial<DeepValueOptions>) {
		super("DeepExpectedSARSA", "ExpectedSARSA", "Single", options);
	}
}
