/** Proximal policy optimization with a fixed KL penalty β (Schulman et al. 2017): `epochs` passes maximizing r·Â − β·KL(π_old‖π). */
import { PolicyAgent, PolicyOptions } from "./PolicyAgent";

/**
 * Proximal policy optimization with a fixed KL penalty β (Schulman et al. 2017): `epochs` passes maximizing r·Â − β·KL(π_old‖π).
 * @example const agent = new ProximalPolicyOptimization({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class ProximalPolicyOptimization extends PolicyAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `PolicyOptions`). */
	constructor(options?: Partial<PolicyOptions>) {
		super("ProximalPolicyOptimization", "PPO", { ...options });
	}
}
