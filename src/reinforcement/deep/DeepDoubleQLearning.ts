/** Double DQN (van Hasselt, Guez & Silver 2016): the online network picks a*, the target network values it. */
import { DeepValueAgent, DeepValueOptions } from "./DeepValueAgent";

/**
 * Double DQN (van Hasselt, Guez & Silver 2016): the online network picks a*, the target network values it.
 * @example const agent = new DeepDoubleQLearning({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class DeepDoubleQLearning extends DeepValueAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `DeepValueOptions`). */
	constructor(options?: Partial<DeepValueOptions>) {
		super("DeepDoubleQLearning", "QLearning", "Double", options);
	}
}
