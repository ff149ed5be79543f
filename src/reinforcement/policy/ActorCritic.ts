/** One-step actor-critic (Sutton & Barto §13.5): every step, Â = r + γV(s′) − V(s) for both networks. */
import { PolicyAgent, PolicyOptions } from "./PolicyAgent";

/**
 * One-step actor-critic (Sutton & Barto §13.5): every step, Â = r + γV(s′) − V(s) for both networks.
 * @example const agent = new ActorCritic({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class ActorCritic extends PolicyAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `PolicyOptions`). */
	constructor(options?: Partial<PolicyOptions>) {
		super("ActorCritic", "ActorCritic", { ...options });
	}
}
