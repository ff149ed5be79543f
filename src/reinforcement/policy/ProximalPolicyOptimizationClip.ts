/** PPO-Clip (Schulman et al. 2017): `epochs` passes maximizing min(r·Â, clip(r, 1 − ε, 1 + ε)·Â). */
import { PolicyAgent, PolicyOptions } from "./PolicyAgent";

/**
 * PPO-Clip (Schulman et al. 2017): `epochs` passes maximizing min(r·Â, clip(r, 1 − ε, 1 + ε)·Â).
 * @example const agent = new ProximalPolicyOptimizationClip({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class ProximalPolicyOptimizationClip extends PolicyAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `PolicyOptions`). */
	constructor(options?: Partial<PolicyOptions>) {
		super("ProximalPolicyOptimizationClip", "PPOClip", { ...options });
	}
}
