/**
 * Double Q-learning (van Hasselt 2010; Sutton & Barto §6.7): two tables; each step one of them,
 * drawn with probability ½, is updated towards r + γ Q_other(s′, argmaxₐ Q_this(s′, a)); the
 * policy acts on Q1 + Q2. Removes Q-learning's maximization bias.
 */
import { Matrix } from "../../matrix/types";
import { greedyIndex } from "../selection/EpsilonGreedy";
import { TabularAgent, TabularOptions } from "./TabularAgent";

/** Q-learning with two decoupled estimators. Parameters `{ Q1, Q2 }`. */
export class DoubleQLearning extends TabularAgent {
	private updated = 0;

	/** An agent with the given options (`stateCount`, `actionCount` required). */
	constructor(options?: Partial<TabularOptions>) {
		super("DoubleQLearning", options, 2);
	}

	protected pickTable(): number {
		this.updated = this.rng.nextFloat() < 0.5 ? 0 : 1;
		return this.updated;
	}

	protected bootstrap(other: Matrix, nextState: number, nextAction: number): LuaTuple<[number, boolean]> {
		const own = this.tables[this.updated][nextState];
		const best = greedyIndex(own);
		return $tuple(other[nextState][best], own[nextAction] === own[best]);
	}
}
