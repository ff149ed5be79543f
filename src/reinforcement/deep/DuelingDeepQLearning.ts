/** Dueling DQN (Wang et al. 2016): Q(s, a) = V(s) + A(s, a) − meanₐ′ A(s, a′) from one network with n + 1 outputs. */
import { DeepValueAgent, DeepValueOptions } from "./DeepValueAgent";

/**
 * Dueling DQN (Wang et al. 2016): one network outputs V(s) and A(s, ·); Q = V + A − mean A, the
 * TD-error gradient chained through that aggregation; bootstrap as DQN (target network).
 * @example const agent = new DuelingDeepQLearning({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class DuelingDeepQLearning extends DeepValueAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `DeepValueOptions`). */
	constructor(options?: Partial<DeepValueOptions>) {
		super("DuelingDeepQLearning", "QLearning", "Single", options, true);
	}
}
