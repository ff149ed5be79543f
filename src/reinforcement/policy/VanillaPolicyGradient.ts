/** Vanilla policy gradient: REINFORCE with the learned state-value baseline (Gₜ − V(sₜ)) always on. */
import { PolicyAgent, PolicyOptions } from "./PolicyAgent";

/**
 * Vanilla policy gradient: REINFORCE with the learned state-value baseline (Gₜ − V(sₜ)) always on.
 * @example const agent = new VanillaPolicyGradient({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class VanillaPolicyGradient extends PolicyAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `PolicyOptions`). */
	constructor(options?: Partial<PolicyOptions>) {
		super("VanillaPolicyGradient", "REINFORCE", { ...options, baseline: true });
	}
}
