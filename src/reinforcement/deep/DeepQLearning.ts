/** DQN (Mnih et al. 2015): target r + γ maxₐ Q̄(s′, a) from a target network. */
import { DeepValueAgent, DeepValueOptions } from "./DeepValueAgent";

/**
 * DQN (Mnih et al. 2015): target r + γ maxₐ Q̄(s′, a) from a target network.
 * @example const agent = new DeepQLearning({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class DeepQLearning extends DeepValueAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `DeepValueOptions`). */
	constructor(options?: Partial<DeepValueOptions>) {
		super("DeepQLearning", "QLearning", "Single", options);
	}
}
