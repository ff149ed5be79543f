/** Double Expected SARSA (Ganger, Duryea & Hu 2016): two networks, one updated at random, valued by the other. */
import { DeepValueAgent, DeepValueOptions } from "./DeepValueAgent";

/**
 * Double Expected SARSA (Ganger, Duryea & Hu 2016): two networks, one updated at random, valued by the other.
 * @example const agent = new DeepDoubleExpectedSARSA({ stateSize: 4, actionCount: 2 }); const action = agent.reinforce(state, reward);
 */
export class DeepDoubleExpectedSARSA extends DeepValueAgent {
	/** An agent with the given options (`stateSize`, `actionCount` required; see `DeepValueOptions`). */
	constructor(options?: Partial<DeepValueOptions>) {
		super("DeepDoubleExpectedSARSA", "ExpectedSARSA", "Double", options);
	}
}
