//!native
/**
 * Policy-gradient agents with a softmax policy network (logits out) and a state-value network,
 * both `NeuralNetwork`s (Sutton & Barto ch. 13). The policy loss per step is −Âₜ·log π(aₜ|sₜ)
 * (its logit gradient Â(π − e_a)); the critic's ½(V(sₜ) − Ĝₜ)². Methods:
 * - "REINFORCE" (Williams 1992): Â = Gₜ at the episode end; with `baseline`, Gₜ − V(sₜ) (§13.4).
 * - "ActorCritic": one-step, every step: Â = r + γV(s′) − V(s) (§13.5).
 * - "AdvantageActorCritic" (A2C, Mnih et al. 2016): rollouts of `rolloutLength` steps, GAE(λ) advantages.
 * - "PPO" / "PPOClip" (Schulman et al. 2017): rollouts, then `epochs` passes maximizing
 *   r·Â − β·KL(π_old‖π) (PPO) or min(r·Â, clip(r, 1 ± ε)·Â) (PPOClip), r = π/π_old.
 */
import { Matrix, Vector } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { booleanValue, integerAtLeast, numberAbove, numberBetween, anyFinite } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { ModelParameters } from "../../parameters";
import { assertEpisodeArguments, assertReinforceArguments, assertSizesGiven, assertStateVector } from "../validate";
import { ReinforcementAgent } from "../types";
import { AGENT_CONSTRAINTS } from "../options";
import { sampleIndex, softmaxOf } from "../selection/Boltzmann";
import { buildNetwork, forward, NETWORK_CONSTRAINTS, NETWORK_DEFAULTS, NetworkOptions, outputErrorGradients } from "../deep/networks";
import { NetworkSet } from "../deep/NetworkSet";
import { discountedReturns, generalizedAdvantages } from "./advantages";

/** Options of the policy-gradient agents. */
export interface PolicyOptions extends NetworkOptions {
	/** Size of a state vector. Required. */
	stateSize: number;
	/** Number of actions. Required. */
	actionCount: number;
	/** Step size of the policy network. Default 0.001. */
	learningRate: number;
	/** Step size of the value network. Default 0.005. */
	criticLearningRate: number;
	/** γ. Default 0.99. */
	discountFactor: number;
	/** λ of GAE (A2C, PPO). Default 0.95. */
	gaeLambda: number;
	/** REINFORCE: subtract the learned V(s). Default true. */
	baseline: boolean;
	/** Steps per rollout (A2C, PPO); rollouts also end with the episode. Default 128. */
	rolloutLength: number;
	/** Passes over a rollout (PPO). Default 4. */
	epochs: number;
	/** ε of PPO-Clip. Default 0.2. */
	clipRatio: number;
	/** β of PPO's KL penalty. Default 0.01. */
	klPenalty: number;
	/** Standardize each batch's advantages (mean 0, deviation 1). Default false. */
	normalizeAdvantages: boolean;
	/** Sum gradients for `takeGradients()` instead of applying them. Default false. */
	collectGradients: boolean;
	/** Seed of the weights and the action draws. Default 0. */
	seed: number;
}

const DEFAULTS: PolicyOptions = {
	...NETWORK_DEFAULTS,
	stateSize: 1,
	actionCount: 1,
	learningRate: 0.001,
	criticLearningRate: 0.005,
	discountFactor: 0.99,
	gaeLambda: 0.95,
	baseline: true,
	rolloutLength: 128,
	epochs: 4,
	clipRatio: 0.2,
	klPenalty: 0.01,
	normalizeAdvantages: false,
	collectGradients: false,
	seed: 0,
};
const CONSTRAINTS = {
	...AGENT_CONSTRAINTS,
	...NETWORK_CONSTRAINTS,
	stateSize: integerAtLeast(1),
	criticLearningRate: numberAbove(0),
	gaeLambda: numberBetween(0, 1),
	baseline: booleanValue,
	rolloutLength: integerAtLeast(1),
	epochs: integerAtLeast(1),
	clipRatio: numberBetween(0, 1),
	klPenalty: numberAbove(0, true),
	normalizeAdvantages: booleanValue,
	collectGradients: booleanValue,
	seed: anyFinite,
};

/** The update rule of a policy agent (see the file comment). */
export type PolicyMethod = "REINFORCE" | "ActorCritic" | "AdvantageActorCritic" | "PPO" | "PPOClip";

const ACTOR = 0;
const CRITIC = 1;

/** A softmax-policy agent; the named classes (REINFORCE, ActorCritic, …) fix its method. Parameters `{ Actor1…, Critic1… }`. */
export class PolicyAgent implements ReinforcementAgent<Vector, number> {
	protected readonly options: Readonly<PolicyOptions>;
	private readonly rng: RandomGenerator;
	private readonly networks: NetworkSet;
	private states = new Array<Vector>();
	private actions = new Array<number>();
	private rewards = new Array<number>();
	private pending = false;

	/** An agent using `method`; `options.stateSize` and `options.actionCount` are required. */
	constructor(
		readonly agentName: string,
		private readonly method: PolicyMethod,
		options?: Partial<PolicyOptions>,
	) {
		const where = `${agentName}.new`;
		this.options = resolveOptions(where, DEFAULTS, options, CONSTRAINTS);
		const o = this.options;
		assertSizesGiven(where, "stateSize", options?.stateSize, "actionCount", options?.actionCount, 3);
		this.rng = new RandomGenerator(o.seed);
		const actor = buildNetwork(o, o.stateSize, o.actionCount, o.learningRate, o.seed);
		const critic = buildNetwork(o, o.stateSize, 1, o.criticLearningRate, o.seed + 1000);
		this.networks = new NetworkSet([actor, critic], ["Actor", "Critic"], o.collectGradients);
	}

	/** π(·|state). */
	actionProbabilities(state: Vector): Vector {
		assertStateVector(state, this.options.stateSize, `${this.agentName}.actionProbabilities`);
		return softmaxOf(forward(this.networks.networks[ACTOR], [state])[0]);
	}

	/** V(state) of the critic. */
	stateValue(state: Vector): number {
		assertStateVector(state, this.options.stateSize, `${this.agentName}.stateValue`);
		return forward(this.networks.networks[CRITIC], [state])[0][0];
	}

	/** Records the previous action's reward, learns when the method's batch is complete, and returns an action drawn from π(·|state). */
	reinforce(state: Vector, reward: number): number {
		assertReinforceArguments(this.agentName, state, reward, this.options.stateSize);
		if (this.pending) {
			this.rewards.push(reward);
			if (this.method === "ActorCritic") this.update(state);
			else if (this.method !== "REINFORCE" && this.rewards.size() >= this.options.rolloutLength) this.update(state);
		}
		const action = sampleIndex(softmaxOf(forward(this.networks.networks[ACTOR], [state])[0]), this.rng);
		this.states.push(table.clone(state));
		this.actions.push(action);
		this.pending = true;
		return action;
	}

	/** Ends the episode: learns from what is recorded (bootstrapping from `finalState` when the episode was cut). */
	episodeUpdate(reward: number, finalState?: Vector) {
		assertEpisodeArguments(this.agentName, reward, finalState, this.options.stateSize);
		if (this.pending) {
			this.rewards.push(reward);
			this.update(finalState);
		}
		this.reset();
	}

	/** The options (frozen, defaults filled in). */
	getOptions(): Readonly<PolicyOptions> {
		return this.options;
	}

	/** Forgets the steps not yet learned from. */
	reset() {
		this.states = [];
		this.actions = [];
		this.rewards = [];
		this.pending = false;
	}

	/** `{ Actor1…, Critic1… }`: the policy and value networks' layers. */
	getModelParameters(): ModelParameters {
		return this.networks.getModelParameters();
	}

	/** Sets both networks from `getModelParameters`'s structure. */
	setModelParameters(parameters: ModelParameters) {
		this.networks.setModelParameters(parameters, `${this.agentName}.setModelParameters`);
	}

	/** With `collectGradients`: the gradients summed since the last call and their sample count (undefined, 0 when none). */
	takeGradients(): LuaTuple<[ModelParameters | undefined, number]> {
		return this.networks.takeGradients();
	}

	/** Learns from the recorded steps (all with a reward); `following` is the state after the last one (undefined: terminal). */
	private update(following: Vector | undefined) {
		const o = this.options;
		const X: Matrix = this.states;
		const n = this.rewards.size();
		const [actor, critic] = [this.networks.networks[ACTOR], this.networks.networks[CRITIC]];
		const values = forward(critic, X).map((row) => row[0]);
		values.push(following === undefined ? 0 : forward(critic, [following])[0][0]);
		let advantages: Array<number>;
		let returns: Array<number>;
		if (this.method === "REINFORCE") {
			returns = discountedReturns(this.rewards, o.discountFactor, values[n]);
			advantages = returns.map((g, t) => (o.baseline ? g - values[t] : g));
		} else {
			advantages = generalizedAdvantages(this.rewards, values, o.discountFactor, this.method === "ActorCritic" ? 0 : o.gaeLambda);
			returns = advantages.map((a, t) => a + values[t]);
		}
		if (o.normalizeAdvantages && n > 1) advantages = standardized(advantages);
		const criticErrors = values.filter((_, t) => t < n).map((v, t) => [v - returns[t]]);
		if (this.method !== "REINFORCE" || o.baseline) this.networks.deliver(CRITIC, outputErrorGradients(critic, X, criticErrors), n);
		const oldProbabilities = forward(actor, X).map((z) => softmaxOf(z));
		const passes = this.method === "PPO" || this.method === "PPOClip" ? o.epochs : 1;
		for (const pass of $range(1, passes)) {
			const logits = pass === 1 ? undefined : forward(actor, X);
			const errors = this.actions.map((a, t) => {
				const p = logits === undefined ? oldProbabilities[t] : softmaxOf(logits[t]);
				return p.map((pk, k) => this.logitError(pk, k === a ? 1 : 0, oldProbabilities[t][k], p[a] / oldProbabilities[t][a], advantages[t]));
			});
			this.networks.deliver(ACTOR, outputErrorGradients(actor, X, errors, logits), n);
		}
		this.states = [];
		this.actions = [];
		this.rewards = [];
		this.pending = false;
	}

	/** ∂loss/∂zₖ for one step: p = π(k), chosen = [k = a], old = π_old(k), ratio = π(a)/π_old(a). */
	private logitError(p: number, chosen: number, old: number, ratio: number, advantage: number): number {
		const policyGradient = advantage * (p - chosen);
		if (this.method === "PPOClip") {
			const e = this.options.clipRatio;
			const clipped = (advantage > 0 && ratio > 1 + e) || (advantage < 0 && ratio < 1 - e);
			return clipped ? 0 : ratio * policyGradient;
		}
		if (this.method === "PPO") return ratio * policyGradient + this.options.klPenalty * (p - old);
		return policyGradient;
	}
}

/** (x − mean) / standard deviation (deviation floored at 1e-8). */
function standardized(values: Array<number>): Array<number> {
	let mean = 0;
	for (const v of values) mean += v / values.size();
	let variance = 0;
	for (const v of values) variance += ((v - mean) * (v - mean)) / values.size();
	const deviation = math.max(math.sqrt(variance), 1e-8);
	return values.map((v) => (v - mean) / deviation);
}
