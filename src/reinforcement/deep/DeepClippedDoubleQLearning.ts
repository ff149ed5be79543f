/** Clipped Double Q-learning (Fujimoto et al. 2018): two networks, bootstrap min over both targets at the first one's a*. */
import { DeepValueAgent, DeepValueOptions } from "./DeepValueAgent";

/**
 * Clipped Double Q-learning (Fujimoto et al. 2018): two networks, bootstrap min over both targets at the first one's a*.
 * @example const agent = new DeepClippedDoubleQLearning({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class DeepClippedDoubleQLearning extends DeepValueAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `DeepValueOptions`). */
	constructor(options?: Partial<DeepValueOptions>) {
		super("DeepClippedDoubleQLearning", "QLearning", "Clipped", options);
	}
}
