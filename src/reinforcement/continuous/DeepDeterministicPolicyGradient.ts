//!native
/**
 * DDPG (Lillicrap et al. 2015): a deterministic actor μ(s) (tanh outputs scaled to the action
 * bounds) and a critic Q(s, a) on `NeuralNetwork`s, both with target copies moved by soft updates
 * θ′ ← τθ + (1 − τ)θ′, uniform replay, and exploration noise added to μ(s) (GaussianNoise or
 * OrnsteinUhlenbeckNoise). The critic minimizes ½(Q(s, a) − y)², y = r + γ Q′(s′, μ′(s′)); the
 * actor ascends Q(s, μ(s)): ∂Q/∂a comes from the critic's `backpropagate` (the action columns of
 * ∂Q/∂[s, a]) and is chained through the actor's own `backpropagate`.
 */
import { Matrix, Vector } from "../../matrix/types";
import { RandomGenerator } from "../../matrix/random";
import { anyFinite, integerAtLeast, numberAbove, numberBetween, objectWith } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { ModelParameters } from "../../parameters";
import { NeuralNetwork } from "../../models/neural/NeuralNetwork";
import { assertEpisodeArguments, assertReinforceArguments, assertSizesGiven, assertStateVector } from "../validate";
import { ReinforcementAgent } from "../types";
import { AGENT_CONSTRAINTS } from "../options";
import { ReplayBuffer } from "../replay/ReplayBuffer";
import { GaussianNoise } from "../selection/GaussianNoise";
import { buildNetwork, forward, NETWORK_CONSTRAINTS, NETWORK_DEFAULTS, NetworkOptions, outputErrorGradients } from "../deep/networks";
import { NetworkSet } from "../deep/NetworkSet";

/** Exploration noise on a continuous action (GaussianNoise, OrnsteinUhlenbeckNoise). */
export interface ActionNoise {
	/** `action` plus noise (a new vector). */
	apply(action: Vector, rng: RandomGenerator): Vector;
	/** Restarts the noise process (each episode). */
	reset(): void;
}

/** Options of {@link DeepDeterministicPolicyGradient}. */
export interface DeepDeterministicPolicyGradientOptions extends NetworkOptions {
	/** Size of a state vector. Required. */
	stateSize: number;
	/** Size of an action vector. Required. */
	actionSize: number;
	/** Lowest action value. Default −1. */
	lowerBound: number;
	/** Highest action value. Default 1. */
	upperBound: number;
	/** Step size of the actor. Default 0.001. */
	learningRate: number;
	/** Step size of the critic. Default 0.001. */
	criticLearningRate: number;
	/** γ. Default 0.99. */
	discountFactor: number;
	/** Soft-update rate τ of the target networks. Default 0.005. */
	softUpdateRate: number;
	/** Replay capacity. Default 10000. */
	replayCapacity: number;
	/** Experiences per update. Default 32. */
	batchSize: number;
	/** Updates start once the buffer holds this many experiences. Default 64. */
	warmupSteps: number;
	/** Exploration noise. Default GaussianNoise σ 0.1. */
	noise: ActionNoise;
	/** Seed of the initial weights, noise and replay draws. Default 0. */
	seed: number;
}

interface Experience {
	state: Vector;
	action: Vector;
	reward: number;
	nextState: Vector;
	done: boolean;
}

const CONSTRAINTS = {
	...NETWORK_CONSTRAINTS,
	stateSize: integerAtLeast(1),
	actionSize: integerAtLeast(1),
	lowerBound: anyFinite,
	upperBound: anyFinite,
	learningRate: AGENT_CONSTRAINTS.learningRate,
	criticLearningRate: numberAbove(0),
	discountFactor: AGENT_CONSTRAINTS.discountFactor,
	softUpdateRate: numberBetween(0, 1),
	replayCapacity: integerAtLeast(1),
	batchSize: integerAtLeast(1),
	warmupSteps: integerAtLeast(1),
	noise: objectWith("a noise object", "apply", "reset"),
	seed: anyFinite,
};

/**
 * Deep Deterministic Policy Gradient (Lillicrap et al. 2015) for continuous actions.
 * @example const agent = new DeepDeterministicPolicyGradient({ stateSize: 3, actionSize: 1 }); const action = agent.reinforce(state, reward);
 */
export class DeepDeterministicPolicyGradient implements ReinforcementAgent<Vector, Vector> {
	readonly agentName = "DeepDeterministicPolicyGradient";
	private readonly options: Readonly<DeepDeterministicPolicyGradientOptions>;
	private readonly rng: RandomGenerator;
	private readonly actor: NeuralNetwork;
	private readonly critic: NeuralNetwork;
	private readonly networks: NetworkSet;
	private readonly actorTarget: NeuralNetwork;
	private readonly criticTarget: NeuralNetwork;
	private readonly replay: ReplayBuffer<Experience>;
	private previous: [Vector, Vector] | undefined;

	/** An agent with the given options (`stateSize`, `actionSize` required). */
	constructor(options?: Partial<DeepDeterministicPolicyGradientOptions>) {
		const where = "DeepDeterministicPolicyGradient.new";
		const defaults: DeepDeterministicPolicyGradientOptions = {
			...NETWORK_DEFAULTS,
			stateSize: 1,
			actionSize: 1,
			lowerBound: -1,
			upperBound: 1,
			learningRate: 0.001,
			criticLearningRate: 0.001,
			discountFactor: 0.99,
			softUpdateRate: 0.005,
			replayCapacity: 10000,
			batchSize: 32,
			warmupSteps: 64,
			noise: new GaussianNoise({ standardDeviation: 0.1 }),
			seed: 0,
		};
		const o = resolveOptions(where, defaults, options, CONSTRAINTS);
		assertSizesGiven(where, "stateSize", options?.stateSize, "actionSize", options?.actionSize, 2);
		if (!(o.lowerBound < o.upperBound))
			error(`[Hivemind] ${where}: upperBound must be a number > lowerBound (${o.lowerBound}), got ${o.upperBound}`, 2);
		this.options = o;
		this.rng = new RandomGenerator(o.seed);
		this.actor = buildNetwork(o, o.stateSize, o.actionSize, o.learningRate, o.seed, "Tanh");
		this.critic = buildNetwork(o, o.stateSize + o.actionSize, 1, o.criticLearningRate, o.seed + 1000);
		this.networks = new NetworkSet([this.actor, this.critic], ["Actor", "Critic"]);
		this.actorTarget = this.actor.clone() as NeuralNetwork;
		this.criticTarget = this.critic.clone() as NeuralNetwork;
		this.replay = new ReplayBuffer<Experience>({ capacity: o.replayCapacity });
	}

	/** The options (frozen, defaults filled in). */
	getOptions(): Readonly<DeepDeterministicPolicyGradientOptions> {
		return this.options;
	}

	/** μ(state): the deterministic action, without noise. */
	policy(state: Vector): Vector {
		assertStateVector(state, this.options.stateSize, `${this.agentName}.policy`);
		return this.actions(this.actor, [state])[0];
	}

	/** Q(state, action) by the critic. */
	actionValue(state: Vector, action: Vector): number {
		const where = `${this.agentName}.actionValue`;
		assertStateVector(state, this.options.stateSize, where);
		assertStateVector(action, this.options.actionSize, where, "action");
		return forward(this.critic, [[...state, ...action]])[0][0];
	}

	/** Σᵢ ∂Q(sᵢ, μ(sᵢ))/∂θ for the actor's weights θ (the ascent direction of the actor's update). */
	actorGradient(states: Matrix): Array<Matrix> {
		const o = this.options;
		const scale = (o.upperBound - o.lowerBound) / 2;
		const mu = this.actions(this.actor, states);
		const [, dInput] = this.critic.backpropagate(
			states.map((s, i) => [...s, ...mu[i]]),
			(out) => out.map(() => [1]),
		);
		const dAction = dInput.map((row) => {
			const part = new Array<number>();
			for (const j of $range(o.stateSize + 1, o.stateSize + o.actionSize)) part.push(row[j - 1] * scale);
			return part;
		});
		return this.actor.backpropagate(states, () => dAction)[0];
	}

	/** Learns from `reward` (the previous action's, leading to `state`), then returns μ(state) plus noise, clipped to the bounds. */
	reinforce(state: Vector, reward: number): Vector {
		assertReinforceArguments(this.agentName, state, reward, this.options.stateSize);
		const o = this.options;
		const action = o.noise.apply(this.actions(this.actor, [state])[0], this.rng).map((a) => math.clamp(a, o.lowerBound, o.upperBound));
		if (this.previous !== undefined) this.remember(reward, state, false);
		this.previous = [table.clone(state), action];
		return action;
	}

	/** Ends the episode (terminal, or cut at `finalState`, which is then bootstrapped from). */
	episodeUpdate(reward: number, finalState?: Vector) {
		assertEpisodeArguments(this.agentName, reward, finalState, this.options.stateSize);
		if (this.previous !== undefined) this.remember(reward, finalState ?? this.previous[0], finalState === undefined);
		this.reset();
	}

	/** Forgets the episode in progress and restarts the noise (the replay buffer and networks stay). */
	reset() {
		this.previous = undefined;
		this.options.noise.reset();
	}

	/** The parameters: a record Actor1…, Critic1… (one entry per layer). */
	getModelParameters(): ModelParameters {
		return this.networks.getModelParameters();
	}

	/** Sets both networks (and their targets) from `getModelParameters`'s structure. */
	setModelParameters(parameters: ModelParameters) {
		this.networks.setModelParameters(parameters, `${this.agentName}.setModelParameters`);
		this.actorTarget.setModelParameters(this.actor.getModelParameters() as ModelParameters);
		this.criticTarget.setModelParameters(this.critic.getModelParameters() as ModelParameters);
	}

	private actions(actor: NeuralNetwork, states: Matrix): Matrix {
		const o = this.options;
		return forward(actor, states).map((row) => row.map((t) => o.lowerBound + ((t + 1) * (o.upperBound - o.lowerBound)) / 2));
	}

	private remember(reward: number, nextState: Vector, done: boolean) {
		const [state, action] = this.previous!;
		this.replay.add({ state, action, reward, nextState: table.clone(nextState), done });
		if (this.replay.size() >= this.options.warmupSteps) this.learn();
	}

	private learn() {
		const o = this.options;
		const batch = this.replay.sample(o.batchSize, this.rng);
		const nextStates = batch.map((e) => e.nextState);
		const nextActions = this.actions(this.actorTarget, nextStates);
		const nextValues = forward(
			this.criticTarget,
			nextStates.map((s, i) => [...s, ...nextActions[i]]),
		);
		const inputs = batch.map((e) => [...e.state, ...e.action]);
		const values = forward(this.critic, inputs);
		const errors = batch.map((e, i) => [values[i][0] - (e.done ? e.reward : e.reward + o.discountFactor * nextValues[i][0])]);
		this.critic.applyGradients(outputErrorGradients(this.critic, inputs, errors, values), batch.size());
		// descent on −Q(s, μ(s))
		const ascent = this.actorGradient(batch.map((e) => e.state));
		this.actor.applyGradients(
			ascent.map((m) => m.map((row) => row.map((v) => -v))),
			batch.size(),
		);
		softUpdate(this.actorTarget, this.actor, o.softUpdateRate);
		softUpdate(this.criticTarget, this.critic, o.softUpdateRate);
	}
}

/** θ′ ← τθ + (1 − τ)θ′. */
function softUpdate(target: NeuralNetwork, source: NeuralNetwork, tau: number) {
	const theta = source.getModelParameters() as Array<Matrix>;
	const old = target.getModelParameters() as Array<Matrix>;
	target.setModelParameters(old.map((m, l) => m.map((row, i) => row.map((v, j) => tau * theta[l][i][j] + (1 - tau) * v))));
}
