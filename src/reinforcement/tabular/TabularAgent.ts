//!native
/**
 * The tabular temporal-difference family (Sutton & Barto ch. 6, 7, 12): a Q table indexed by
 * state index × action, learned online from `reinforce(state, reward)`, with optional eligibility
 * traces (λ > 0: accumulating or replacing; Watkins's cut for the off-policy targets).
 */
import { Matrix, Vector } from "../../matrix/types";
import { zeros, copy } from "../../matrix/creation";
import { RandomGenerator } from "../../matrix/random";
import { integerAtLeast, numberBetween, oneOf } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { ModelParameters } from "../../parameters";
import { expectRecord, expectShape } from "../../models/base/recordParameters";
import { assertMatrix } from "../../matrix/validate";
import { assertEpisodeArguments, assertReinforceArguments, assertSizesGiven } from "../validate";
import { ReinforcementAgent } from "../types";
import { createSelector, DiscreteSelector, SELECTION_DEFAULTS, SelectionOptions } from "../selection/createSelector";
import { greedyIndex } from "../selection/EpsilonGreedy";
import { AGENT_CONSTRAINTS, SELECTION_CONSTRAINTS } from "../options";

/** Options of the tabular agents. */
export interface TabularOptions extends SelectionOptions {
	/** Number of states (state indices 0 … stateCount − 1). Required. */
	stateCount: number;
	/** Number of actions. Required. */
	actionCount: number;
	/** α, the step size. Default 0.1. */
	learningRate: number;
	/** γ. Default 0.95. */
	discountFactor: number;
	/** λ of the eligibility traces (0 = one-step). Default 0. */
	traceDecay: number;
	/** "Accumulating" (e ← e + 1, default) or "Replacing" (e ← 1). */
	traceType: "Accumulating" | "Replacing";
	/** Seed of the exploration draws. Default 0. */
	seed: number;
}

const DEFAULTS: TabularOptions = {
	...SELECTION_DEFAULTS,
	stateCount: 1,
	actionCount: 1,
	learningRate: 0.1,
	discountFactor: 0.95,
	traceDecay: 0,
	traceType: "Accumulating",
	seed: 0,
};
const CONSTRAINTS = {
	...SELECTION_CONSTRAINTS,
	...AGENT_CONSTRAINTS,
	stateCount: integerAtLeast(1),
	traceDecay: numberBetween(0, 1),
	traceType: oneOf("Accumulating", "Replacing"),
};

/** The base of Q-learning, SARSA, Expected SARSA and Double Q-learning: subclasses give the TD target. */
export abstract class TabularAgent implements ReinforcementAgent<number, number> {
	protected readonly options: Readonly<TabularOptions>;
	protected readonly rng: RandomGenerator;
	protected readonly selector: DiscreteSelector;
	protected tables: Array<Matrix>;
	private previous: [number, number] | undefined;
	private traces = new Map<number, number>();

	/** An agent with the given options (`stateCount` and `actionCount` required; validated). */
	constructor(
		readonly agentName: string,
		options: Partial<TabularOptions> | undefined,
		tableCount = 1,
	) {
		const where = `${agentName}.new`;
		this.options = resolveOptions(where, DEFAULTS, options, CONSTRAINTS);
		assertSizesGiven(where, "stateCount", options?.stateCount, "actionCount", options?.actionCount, 3);
		this.rng = new RandomGenerator(this.options.seed);
		this.selector = createSelector(this.options);
		this.tables = [];
		for (const _ of $range(1, tableCount)) this.tables.push(zeros(this.options.stateCount, this.options.actionCount));
	}

	/** The action values the policy acts on in `state` (a copy). */
	actionValues(state: number): Vector {
		const out = table.clone(this.tables[0][state]);
		for (const k of $range(1, this.tables.size() - 1)) this.tables[k][state].forEach((v, a) => (out[a] += v));
		return out;
	}

	/** The greedy action in `state` (ties to the lowest index). */
	greedyAction(state: number): number {
		return greedyIndex(this.actionValues(state));
	}

	/** Learns from `reward` (the previous action's), then returns the action chosen in `state`. */
	reinforce(state: number, reward: number): number {
		assertReinforceArguments(this.agentName, state, reward, this.options.stateCount, true);
		const action = this.selector.select(this.actionValues(state), this.rng);
		if (this.previous !== undefined) this.learn(this.previous[0], this.previous[1], reward, state, action);
		this.previous = [state, action];
		return action;
	}

	/** Ends the episode with the last reward (terminal, or bootstrapped from `finalState` when cut). */
	episodeUpdate(reward: number, finalState?: number) {
		assertEpisodeArguments(this.agentName, reward, finalState, this.options.stateCount, true);
		if (this.previous !== undefined) {
			const nextAction = finalState === undefined ? undefined : this.selector.select(this.actionValues(finalState), this.rng);
			this.learn(this.previous[0], this.previous[1], reward, finalState, nextAction);
		}
		this.reset();
		this.selector.decay();
	}

	/** The options (frozen, defaults filled in). */
	getOptions(): Readonly<TabularOptions> {
		return this.options;
	}

	/** Forgets the episode in progress and the traces. */
	reset() {
		this.previous = undefined;
		this.traces.clear();
	}

	/** The Q table(s): a record `{ Q }` (Double Q-learning: `{ Q1, Q2 }`), copies. */
	getModelParameters(): ModelParameters {
		if (this.tables.size() === 1) return { Q: copy(this.tables[0]) };
		return { Q1: copy(this.tables[0]), Q2: copy(this.tables[1]) };
	}

	/** Replaces the Q table(s) (record and shapes checked, copied). */
	setModelParameters(parameters: ModelParameters) {
		const where = `${this.agentName}.setModelParameters`;
		const names = this.tables.size() === 1 ? ["Q"] : ["Q1", "Q2"];
		const record = expectRecord(parameters, names, "state × action values", where);
		names.forEach((name) => {
			assertMatrix(record[name], `parameters.${name}`, where);
			expectShape(record[name], name, this.options.stateCount, this.options.actionCount, where);
		});
		this.tables = names.map((name) => copy(record[name]));
	}

	/**
	 * The TD target's bootstrap value at (`nextState`, `nextAction`), and whether `nextAction` is the
	 * greedy one for the target (traces are cut otherwise in off-policy targets).
	 */
	protected abstract bootstrap(q: Matrix, nextState: number, nextAction: number): LuaTuple<[number, boolean]>;

	/** One TD update of table `k` (traces over every traced pair when λ > 0). */
	protected learn(state: number, action: number, reward: number, nextState: number | undefined, nextAction: number | undefined) {
		const k = this.pickTable();
		const q = this.tables[k];
		const other = this.tables.size() === 1 ? q : this.tables[1 - k];
		let target = reward;
		let keepTraces = false;
		if (nextState !== undefined && nextAction !== undefined) {
			const [value, onPolicy] = this.bootstrap(q === other ? q : other, nextState, nextAction);
			target += this.options.discountFactor * value;
			keepTraces = onPolicy;
		}
		const delta = target - q[state][action];
		const o = this.options;
		if (o.traceDecay === 0) {
			q[state][action] += o.learningRate * delta;
			return;
		}
		const key = state * o.actionCount + action;
		this.traces.set(key, o.traceType === "Replacing" ? 1 : (this.traces.get(key) ?? 0) + 1);
		const decay = o.discountFactor * o.traceDecay;
		const faded = new Array<number>();
		for (const [traced, e] of this.traces) {
			const s = math.floor(traced / o.actionCount);
			q[s][traced % o.actionCount] += o.learningRate * delta * e;
			if (!keepTraces || e * decay < 1e-8) faded.push(traced);
			else this.traces.set(traced, e * decay);
		}
		for (const traced of faded) this.traces.delete(traced);
	}

	/** Which table the update changes (0; Double Q-learning draws one). */
	protected pickTable(): number {
		return 0;
	}
}
