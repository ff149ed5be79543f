/** Registers every agent with its capability tags (`hivemind models` lists them). */
import { registerAgent, AgentTag } from "./registry";
import { QLearning } from "./tabular/QLearning";
import { SARSA } from "./tabular/SARSA";
import { ExpectedSARSA } from "./tabular/ExpectedSARSA";
import { DoubleQLearning } from "./tabular/DoubleQLearning";
import { MonteCarloControl } from "./tabular/MonteCarloControl";
import { OffPolicyMonteCarloControl } from "./tabular/OffPolicyMonteCarloControl";
import { DeepQLearning } from "./deep/DeepQLearning";
import { DeepDoubleQLearning } from "./deep/DeepDoubleQLearning";
import { DeepClippedDoubleQLearning } from "./deep/DeepClippedDoubleQLearning";
import { DeepSARSA } from "./deep/DeepSARSA";
import { DeepExpectedSARSA } from "./deep/DeepExpectedSARSA";
import { DeepDoubleSARSA } from "./deep/DeepDoubleSARSA";
import { DeepDoubleExpectedSARSA } from "./deep/DeepDoubleExpectedSARSA";
import { DuelingDeepQLearning } from "./deep/DuelingDeepQLearning";
import { DeepDeterministicPolicyGradient } from "./continuous/DeepDeterministicPolicyGradient";
import { REINFORCE } from "./policy/REINFORCE";
import { VanillaPolicyGradient } from "./policy/VanillaPolicyGradient";
import { ActorCritic } from "./policy/ActorCritic";
import { AdvantageActorCritic } from "./policy/AdvantageActorCritic";
import { ProximalPolicyOptimization } from "./policy/ProximalPolicyOptimization";
import { ProximalPolicyOptimizationClip } from "./policy/ProximalPolicyOptimizationClip";

type Factory = new (options?: object) => never;
const TABULAR: Array<AgentTag> = ["agent", "tabular", "discrete"];
const DEEP_VALUE: Array<AgentTag> = ["agent", "value", "discrete", "distributed"];
const POLICY: Array<AgentTag> = ["agent", "policy", "discrete", "distributed"];

const families: Array<[Array<[string, unknown]>, Array<AgentTag>, object]> = [
	[
		[
			["QLearning", QLearning],
			["SARSA", SARSA],
			["ExpectedSARSA", ExpectedSARSA],
			["DoubleQLearning", DoubleQLearning],
			["MonteCarloControl", MonteCarloControl],
			["OffPolicyMonteCarloControl", OffPolicyMonteCarloControl],
		],
		TABULAR,
		{ stateCount: 1, actionCount: 2 },
	],
	[
		[
			["DeepQLearning", DeepQLearning],
			["DeepDoubleQLearning", DeepDoubleQLearning],
			["DeepClippedDoubleQLearning", DeepClippedDoubleQLearning],
			["DeepSARSA", DeepSARSA],
			["DeepExpectedSARSA", DeepExpectedSARSA],
			["DeepDoubleSARSA", DeepDoubleSARSA],
			["DeepDoubleExpectedSARSA", DeepDoubleExpectedSARSA],
			["DuelingDeepQLearning", DuelingDeepQLearning],
		],
		DEEP_VALUE,
		{ stateSize: 1, actionCount: 2 },
	],
	[
		[
			["REINFORCE", REINFORCE],
			["VanillaPolicyGradient", VanillaPolicyGradient],
			["ActorCritic", ActorCritic],
			["AdvantageActorCritic", AdvantageActorCritic],
			["ProximalPolicyOptimization", ProximalPolicyOptimization],
			["ProximalPolicyOptimizationClip", ProximalPolicyOptimizationClip],
		],
		POLICY,
		{ stateSize: 1, actionCount: 2 },
	],
	[[["DeepDeterministicPolicyGradient", DeepDeterministicPolicyGradient]], ["agent", "policy", "continuous"], { stateSize: 1, actionSize: 1 }],
];

for (const [members, tags, required] of families) {
	for (const [name, agentClass] of members) {
		registerAgent({ name, tags, required, create: (options) => new (agentClass as Factory)(options) });
	}
}
