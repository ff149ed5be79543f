/** Advantage actor-critic (A2C; Mnih et al. 2016): rollouts of `rolloutLength` steps with GAE(λ) advantages (Schulman et al. 2016); λ = 1: n-step returns. */
import { PolicyAgent, PolicyOptions } from "./PolicyAgent";

/**
 * Advantage actor-critic (A2C; Mnih et al. 2016): rollouts of `rolloutLength` steps with GAE(λ) advantages (Schulman et al. 2016); λ = 1: n-step returns.
 * @example const agent = new AdvantageActorCritic({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class AdvantageActorCritic extends PolicyAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `PolicyOptions`). */
	constructor(options?: Partial<PolicyOptions>) {
		super("AdvantageActorCritic", "AdvantageActorCritic", { ...options });
	}
}
