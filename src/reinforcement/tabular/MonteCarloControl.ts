//!native
/**
 * Monte Carlo control (Sutton & Barto §5.3–5.7). On-policy: first-visit returns averaged into
 * Q(s, a) (or constant-α steps) under the ε-soft policy. Off-policy (`OffPolicyMonteCarloControl`): weighted importance
 * sampling from the ε-greedy behaviour policy b towards the greedy target policy π: walking the
 * episode backwards, C(s, a) += W, Q += (W / C)(G − Q), stop when a ≠ π(s), W ← W / b(a|s).
 * Learning happens at `episodeUpdate`; `reinforce` only records.
 */
import { Matrix, Vector } from "../../matrix/types";
import { copy, filled, zeros } from "../../matrix/creation";
import { RandomGenerator } from "../../matrix/random";
import { assertMatrix } from "../../matrix/validate";
import { anyFinite, integerAtLeast, numberBetween } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { ModelParameters } from "../../parameters";
import { expectRecord, expectShape } from "../../models/base/recordParameters";
import { assertEpisodeArguments, assertReinforceArguments, assertSizesGiven } from "../validate";
import { ReinforcementAgent } from "../types";
import { createSelector, DiscreteSelector, SELECTION_DEFAULTS, SelectionOptions } from "../selection/createSelector";
import { greedyIndex } from "../selection/EpsilonGreedy";
import { AGENT_CONSTRAINTS, SELECTION_CONSTRAINTS } from "../options";

/** Options of the Monte Carlo agents. */
export interface MonteCarloOptions extends SelectionOptions {
	/** Number of states. Required. */
	stateCount: number;
	/** Number of actions. Required. */
	actionCount: number;
	/** γ. Default 0.95. */
	discountFactor: number;
	/** α of constant-α Monte Carlo, Q += α(G − Q) (§6.1); 0 (default) = sample averages, Q += (G − Q)/N. Off-policy ignores it. */
	learningRate: number;
	/** Q before any return (a value below every return makes untried actions never greedy: useful off-policy). Default 0. */
	initialValue: number;
	/** Seed of the exploration draws. Default 0. */
	seed: number;
}

const DEFAULTS: MonteCarloOptions = {
	...SELECTION_DEFAULTS,
	stateCount: 1,
	actionCount: 1,
	discountFactor: 0.95,
	learningRate: 0,
	initialValue: 0,
	seed: 0,
};
const CONSTRAINTS = {
	...SELECTION_CONSTRAINTS,
	...AGENT_CONSTRAINTS,
	stateCount: integerAtLeast(1),
	learningRate: numberBetween(0, 1),
	initialValue: anyFinite,
};

/** On-policy first-visit Monte Carlo control with an ε-soft policy. Parameters `{ Q, counts }`. */
export class MonteCarloControl implements ReinforcementAgent<number, number> {
	protected readonly options: Readonly<MonteCarloOptions>;
	protected readonly rng: RandomGenerator;
	protected readonly selector: DiscreteSelector;
	protected q: Matrix;
	/** Visit counts (on-policy) or cumulative weights C (off-policy). */
	protected counts: Matrix;
	protected episode = new Array<[number, number, number]>();
	private pendingReward = false;

	/** An agent with the given options (`stateCount`, `actionCount` required). */
	constructor(
		options?: Partial<MonteCarloOptions>,
		readonly agentName = "MonteCarloControl",
	) {
		const where = `${agentName}.new`;
		this.options = resolveOptions(where, DEFAULTS, options, CONSTRAINTS);
		assertSizesGiven(where, "stateCount", options?.stateCount, "actionCount", options?.actionCount, 3);
		this.rng = new RandomGenerator(this.options.seed);
		this.selector = createSelector(this.options);
		this.q = filled(this.options.stateCount, this.options.actionCount, this.options.initialValue);
		this.counts = zeros(this.options.stateCount, this.options.actionCount);
	}

	/** The action values of `state` (a copy). */
	actionValues(state: number): Vector {
		return table.clone(this.q[state]);
	}

	/** Records the reward of the previous action and returns the action chosen in `state`. */
	reinforce(state: number, reward: number): number {
		assertReinforceArguments(this.agentName, state, reward, this.options.stateCount, true);
		if (this.pendingReward) this.episode[this.episode.size() - 1][2] = reward;
		const action = this.selector.select(this.q[state], this.rng);
		this.episode.push([state, action, 0]);
		this.pendingReward = true;
		return action;
	}

	/** Records the last reward and learns from the whole episode (`finalState` is not bootstrapped: Monte Carlo). */
	episodeUpdate(reward: number, finalState?: number) {
		assertEpisodeArguments(this.agentName, reward, finalState, this.options.stateCount, true);
		if (this.pendingReward) this.episode[this.episode.size() - 1][2] = reward;
		this.learnEpisode();
		this.reset();
		this.selector.decay();
	}

	/** The options (frozen, defaults filled in). */
	getOptions(): Readonly<MonteCarloOptions> {
		return this.options;
	}

	/** Forgets the episode in progress. */
	reset() {
		this.episode = [];
		this.pendingReward = false;
	}

	/** `{ Q, counts }` (copies). */
	getModelParameters(): ModelParameters {
		return { Q: copy(this.q), counts: copy(this.counts) };
	}

	/** Replaces `{ Q, counts }` (checked, copied). */
	setModelParameters(parameters: ModelParameters) {
		const where = `${this.agentName}.setModelParameters`;
		const record = expectRecord(parameters, ["Q", "counts"], "action values and visit counts", where);
		for (const name of ["Q", "counts"]) {
			assertMatrix(record[name], `parameters.${name}`, where);
			expectShape(record[name], name, this.options.stateCount, this.options.actionCount, where);
		}
		this.q = copy(record.Q);
		this.counts = copy(record.counts);
	}

	/** First-visit updates towards the returns (sample averages or constant α). */
	protected learnEpisode() {
		const gamma = this.options.discountFactor;
		const firstVisit = new Map<number, number>();
		this.episode.forEach(([s, a], t) => {
			const key = s * this.options.actionCount + a;
			if (!firstVisit.has(key)) firstVisit.set(key, t);
		});
		let g = 0;
		for (const t of $range(this.episode.size() - 1, 0, -1)) {
			const [s, a, r] = this.episode[t];
			g = gamma * g + r;
			if (firstVisit.get(s * this.options.actionCount + a) !== t) continue;
			this.counts[s][a] += 1;
			const alpha = this.options.learningRate;
			this.q[s][a] += (g - this.q[s][a]) * (alpha > 0 ? alpha : 1 / this.counts[s][a]);
		}
	}

	/** The greedy action of `state` (ties to the lowest index). */
	greedyAction(state: number): number {
		return greedyIndex(this.q[state]);
	}
}
