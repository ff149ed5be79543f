/** Double SARSA (Ganger, Duryea & Hu 2016): two networks, one updated at random, valued by the other. */
import { DeepValueAgent, DeepValueOptions } from "./DeepValueAgent";

/**
 * Double SARSA (Ganger, Duryea & Hu 2016): two networks, one updated at random, valued by the other.
 * @example const agent = new DeepDoubleSARSA({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class DeepDoubleSARSA extends DeepValueAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `DeepValueOptions`). */
	constructor(options?: Partial<DeepValueOptions>) {
		super("DeepDoubleSARSA", "SARSA", "Double", options);
	}
}
