//!native
/**
 * Deep value-based control on `NeuralNetwork`s with experience replay and target networks
 * (DQN, Mnih et al. 2015). The TD target's bootstrap follows the `rule` and the `estimator`:
 * - rule "QLearning": maxₐ Q̄(s′, a); "SARSA": Q̄(s′, a′) for the action a′ actually chosen next;
 *   "ExpectedSARSA": Σₐ π(a|s′) Q̄(s′, a) under the agent's own selection policy.
 * - estimator "Single": one network; "Double" with QLearning: Double DQN (van Hasselt, Guez &
 *   Silver 2016): a* = argmaxₐ Q(s′, a) by the online network, valued by its target network; "Double"
 *   with SARSA rules: Double SARSA / Double Expected SARSA (Ganger, Duryea & Hu 2016): two networks,
 *   a coin picks the one updated, the other values the bootstrap, actions follow their mean;
 *   "Clipped": two networks, a* by the first, bootstrap minₖ Q̄ₖ(s′, a*) (Fujimoto et al. 2018), both updated.
 * Q̄ is the target network when `targetUpdateInterval` > 0, else the online one. The loss is
 * ½ wᵢ(Q(sᵢ, aᵢ) − yᵢ)² (wᵢ the importance weights with prioritized replay, else 1). With `dueling`
 * (Wang et al. 2016) each network has n + 1 outputs (V, A₁…Aₙ) aggregated outside it (dueling.ts).
 */
import { Matrix, Vector } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { integerAtLeast, booleanValue, numberAbove } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { ModelParameters } from "../../parameters";
import { assertEpisodeArguments, assertReinforceArguments, assertSizesGiven, assertStateVector } from "../validate";
import { ReinforcementAgent } from "../types";
import { createSelector, DiscreteSelector, SELECTION_DEFAULTS, SelectionOptions } from "../selection/createSelector";
import { greedyIndex } from "../selection/EpsilonGreedy";
import { AGENT_CONSTRAINTS, SELECTION_CONSTRAINTS } from "../options";
import { ReplayBuffer } from "../replay/ReplayBuffer";
import { PrioritizedReplayBuffer } from "../replay/PrioritizedReplayBuffer";
import { buildNetwork, forward, NETWORK_CONSTRAINTS, NETWORK_DEFAULTS, NetworkOptions, outputErrorGradients } from "./networks";
import { NetworkSet } from "./NetworkSet";
import { duelingGradient, duelingValues } from "./dueling";
import { NeuralNetwork } from "../../models/neural/NeuralNetwork";

/** One stored experience. */
interface Experience {
	state: Vector;
	action: number;
	reward: number;
	nextState: Vector;
	nextAction: number;
	done: boolean;
}

/** Options of the deep value-based agents. */
export interface DeepValueOptions extends SelectionOptions, NetworkOptions {
	/** Size of a state vector. Required. */
	stateSize: number;
	/** Number of actions. Required. */
	actionCount: number;
	/** Step size of the networks' optimizer. Default 0.001. */
	learningRate: number;
	/** γ. Default 0.99. */
	discountFactor: number;
	/** Replay capacity. Default 10000. */
	replayCapacity: number;
	/** Experiences per update. Default 32. */
	batchSize: number;
	/** One update every this many steps. Default 1. */
	updateInterval: number;
	/** Updates start once the buffer holds this many experiences. Default 64. */
	warmupSteps: number;
	/** Steps between target-network refreshes; 0 = no target network. Default 100. */
	targetUpdateInterval: number;
	/** Prioritized replay (α 0.6, β 0.4). Default false. */
	prioritizedReplay: boolean;
	/** Sum gradients for `takeGradients()` instead of applying them (distributed training). Default false. */
	collectGradients: boolean;
	/** Seed of the initial weights, exploration and replay draws. Default 0. */
	seed: number;
}

const DEFAULTS: DeepValueOptions = {
	...SELECTION_DEFAULTS,
	...NETWORK_DEFAULTS,
	stateSize: 1,
	actionCount: 1,
	learningRate: 0.001,
	discountFactor: 0.99,
	replayCapacity: 10000,
	batchSize: 32,
	updateInterval: 1,
	warmupSteps: 64,
	targetUpdateInterval: 100,
	prioritizedReplay: false,
	collectGradients: false,
	seed: 0,
};
const CONSTRAINTS = {
	...SELECTION_CONSTRAINTS,
	...AGENT_CONSTRAINTS,
	...NETWORK_CONSTRAINTS,
	stateSize: integerAtLeast(1),
	replayCapacity: integerAtLeast(1),
	batchSize: integerAtLeast(1),
	updateInterval: integerAtLeast(1),
	warmupSteps: integerAtLeast(1),
	targetUpdateInterval: integerAtLeast(0),
	prioritizedReplay: booleanValue,
	collectGradients: booleanValue,
	seed: numberAbove(-math.huge),
};

/** The bootstrap rule of the TD target. */
export type ValueRule = "QLearning" | "SARSA" | "ExpectedSARSA";
/** How many estimators and how they are combined (see the file comment). */
export type ValueEstimator = "Single" | "Double" | "Clipped";

/** A deep value-based agent; the named classes (DeepQLearning, …) fix its rule and estimator. */
export class DeepValueAgent implements ReinforcementAgent<Vector, number> {
	protected readonly options: Readonly<DeepValueOptions>;
	private readonly rng: RandomGenerator;
	private readonly selector: DiscreteSelector;
	private readonly networks: NetworkSet;
	private readonly uniform: ReplayBuffer<Experience>;
	private readonly prioritized: PrioritizedReplayBuffer<Experience>;
	private previous: [Vector, number] | undefined;
	private steps = 0;

	/** An agent with `rule` and `estimator` (and the dueling head when `dueling`); `options.stateSize` and `options.actionCount` are required. */
	constructor(
		readonly agentName: string,
		private readonly rule: ValueRule,
		private readonly estimator: ValueEstimator,
		options?: Partial<DeepValueOptions>,
		private readonly dueling = false,
	) {
		const where = `${agentName}.new`;
		this.options = resolveOptions(where, DEFAULTS, options, CONSTRAINTS);
		const o = this.options;
		assertSizesGiven(where, "stateSize", options?.stateSize, "actionCount", options?.actionCount, 3);
		this.rng = new RandomGenerator(o.seed);
		this.selector = createSelector(o);
		const count = estimator === "Single" || (estimator === "Double" && rule === "QLearning") ? 1 : 2;
		const nets = [];
		for (const k of $range(1, count))
			nets.push(buildNetwork(o, o.stateSize, o.actionCount + (dueling ? 1 : 0), o.learningRate, o.seed + 1000 * (k - 1)));
		this.networks = new NetworkSet(nets, ["A", "B"], o.collectGradients);
		this.uniform = new ReplayBuffer<Experience>({ capacity: o.replayCapacity });
		this.prioritized = new PrioritizedReplayBuffer<Experience>({ capacity: o.prioritizedReplay ? o.replayCapacity : 1 });
	}

	/** Q(state, ·) the policy acts on (the mean of the networks for two-network estimators). */
	actionValues(state: Vector): Vector {
		assertStateVector(state, this.options.stateSize, `${this.agentName}.actionValues`);
		return this.meanValues([state])[0];
	}

	/** Learns from `reward` (the previous action's, leading to `state`), then returns the action chosen in `state`. */
	reinforce(state: Vector, reward: number): number {
		assertReinforceArguments(this.agentName, state, reward, this.options.stateSize);
		const action = this.selector.select(this.meanValues([state])[0], this.rng);
		if (this.previous !== undefined) this.remember(reward, state, action, false);
		this.previous = [table.clone(state), action];
		return action;
	}

	/** Ends the episode (terminal, or cut at `finalState`, which is then bootstrapped from). */
	episodeUpdate(reward: number, finalState?: Vector) {
		assertEpisodeArguments(this.agentName, reward, finalState, this.options.stateSize);
		if (this.previous !== undefined) {
			if (finalState === undefined) this.remember(reward, this.previous[0], 0, true);
			else this.remember(reward, finalState, this.selector.select(this.meanValues([finalState])[0], this.rng), false);
		}
		this.previous = undefined;
		this.selector.decay();
	}

	/** The options (frozen, defaults filled in). */
	getOptions(): Readonly<DeepValueOptions> {
		return this.options;
	}

	/** Forgets the episode in progress (the replay buffer and the networks stay). */
	reset() {
		this.previous = undefined;
	}

	/** The networks' parameters: one network → its list of layer matrices; two → a record A1…, B1…. */
	getModelParameters(): ModelParameters {
		return this.networks.getModelParameters();
	}

	/**
	 * Sets the networks from `getModelParameters`'s structure, and their target networks unless
	 * `keepTargets` (distributed training: parameters from the main model arrive often, targets
	 * still refresh every `targetUpdateInterval` steps).
	 */
	setModelParameters(parameters: ModelParameters, keepTargets = false) {
		this.networks.setModelParameters(parameters, `${this.agentName}.setModelParameters`, keepTargets);
	}

	/** With `collectGradients`: the gradients summed since the last call and their sample count (undefined, 0 when none). */
	takeGradients(): LuaTuple<[ModelParameters | undefined, number]> {
		return this.networks.takeGradients();
	}

	/** The current ε of ε-greedy selection (undefined with Boltzmann selection). */
	getEpsilon(): number | undefined {
		const selector = this.selector as DiscreteSelector & { getEpsilon?: () => number };
		return selector.getEpsilon?.();
	}

	/** Q(s, ·) of `network` for the rows of `states` (the dueling aggregation applied when `dueling`). */
	private values(network: NeuralNetwork, states: Matrix): Matrix {
		const outputs = forward(network, states);
		return this.dueling ? outputs.map((row) => duelingValues(row)) : outputs;
	}

	private meanValues(states: Matrix): Matrix {
		const nets = this.networks.networks;
		const first = this.values(nets[0], states);
		if (nets.size() === 1) return first;
		const second = this.values(nets[1], states);
		return first.map((row, i) => row.map((v, a) => (v + second[i][a]) / 2));
	}

	private remember(reward: number, nextState: Vector, nextAction: number, done: boolean) {
		const [state, action] = this.previous!;
		const experience: Experience = { state, action, reward, nextState: table.clone(nextState), nextAction, done };
		if (this.options.prioritizedReplay) this.prioritized.add(experience);
		else this.uniform.add(experience);
		this.steps += 1;
		const o = this.options;
		const stored = o.prioritizedReplay ? this.prioritized.size() : this.uniform.size();
		if (this.steps % o.updateInterval === 0 && stored >= o.warmupSteps) this.learn();
		if (o.targetUpdateInterval > 0 && this.steps % o.targetUpdateInterval === 0) this.networks.syncTargets();
	}

	private evaluator(k: number) {
		return this.options.targetUpdateInterval > 0 ? this.networks.target(k) : this.networks.networks[k];
	}

	/** One replay update. */
	private learn() {
		const o = this.options;
		let batch: Array<Experience>;
		let weights: Array<number> | undefined;
		let slots: Array<number> | undefined;
		if (o.prioritizedReplay) {
			const sample = this.prioritized.sample(o.batchSize, this.rng);
			[batch, weights, slots] = [sample.items, sample.weights, sample.indices];
		} else batch = this.uniform.sample(o.batchSize, this.rng);
		const X = batch.map((e) => e.state);
		const nextStates = batch.map((e) => e.nextState);
		const nets = this.networks.networks;
		const two = nets.size() === 2;
		const updated = this.estimator === "Double" && two ? [this.rng.nextFloat() < 0.5 ? 0 : 1] : this.estimator === "Clipped" ? [0, 1] : [0];
		const valuedBy = this.estimator === "Double" && two ? 1 - updated[0] : 0;
		const online = this.rule === "QLearning" && this.estimator !== "Single" ? this.values(nets[0], nextStates) : undefined;
		const evaluated = this.values(this.evaluator(valuedBy), nextStates);
		const second = this.estimator === "Clipped" ? this.values(this.evaluator(1), nextStates) : undefined;
		const policyValues = this.rule === "ExpectedSARSA" ? this.values(nets[updated[0]], nextStates) : undefined;
		const targets = batch.map((e, i) => {
			if (e.done) return e.reward;
			let value: number;
			if (this.rule === "SARSA") value = evaluated[i][e.nextAction];
			else if (this.rule === "ExpectedSARSA") {
				value = 0;
				this.selector.probabilities(policyValues![i]).forEach((p, a) => (value += p * evaluated[i][a]));
			} else if (online === undefined) value = evaluated[i][greedyIndex(evaluated[i])];
			else {
				const best = greedyIndex(online[i]);
				value = second === undefined ? evaluated[i][best] : math.min(evaluated[i][best], second[i][best]);
			}
			return e.reward + o.discountFactor * value;
		});
		const tdErrors = new Array<number>();
		for (const k of updated) {
			const raw = forward(nets[k], X);
			const outputs = this.dueling ? raw.map((row) => duelingValues(row)) : raw;
			const errors = outputs.map((row, i) => {
				const delta = row[batch[i].action] - targets[i];
				if (k === updated[0]) tdErrors.push(delta);
				const line = row.map(() => 0);
				line[batch[i].action] = delta * (weights === undefined ? 1 : weights[i]);
				return this.dueling ? duelingGradient(line) : line;
			});
			this.networks.deliver(k, outputErrorGradients(nets[k], X, errors, raw), batch.size());
		}
		if (slots !== undefined) this.prioritized.updatePriorities(slots, tdErrors);
	}
}
