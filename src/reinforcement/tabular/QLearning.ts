/** Q-learning (Watkins 1989; Sutton & Barto §6.5): target r + γ maxₐ Q(s′, a); Watkins's Q(λ) with traces. */
import { Matrix } from "../../matrix/types";
import { greedyIndex } from "../selection/EpsilonGreedy";
import { TabularAgent, TabularOptions } from "./TabularAgent";

/** Off-policy TD control. @example const agent = new QLearning({ stateCount: 16, actionCount: 4 }) */
export class QLearning extends TabularAgent {
	/** An agent with the given options (`stateCount`, `actionCount` required). */
	constructor(options?: Partial<TabularOptions>) {
		super("QLearning", options);
	}

	protected bootstrap(q: Matrix, nextState: number, nextAction: number): LuaTuple<[number, boolean]> {
		const best = greedyIndex(q[nextState]);
		return $tuple(q[nextState][best], q[nextState][nextAction] === q[nextState][best]);
	}
}
