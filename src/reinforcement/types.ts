/**
 * The agent contract every reinforcement learner keeps, and the environment contract of the
 * bundled environments (DESIGN.md, "src/reinforcement").
 */
import { ModelParameters } from "../parameters";

/** What an environment returns after one action. */
export interface StepResult<S> {
	/** The state reached. */
	state: S;
	/** The reward for the action. */
	reward: number;
	/** True when the episode ended (terminal state or time limit). */
	done: boolean;
	/** True when the episode ended only because of the time limit (the state is not terminal). */
	truncated: boolean;
}

/** An episodic environment: `reset()` starts an episode, `step(action)` advances it. */
export interface Environment<S, A> {
	/** Starts a new episode and returns its first state. */
	reset(): S;
	/** Applies `action` and returns the next state, the reward and whether the episode ended. */
	step(action: A): StepResult<S>;
}

/**
 * The agent contract (DataPredict's verb): `reinforce(state, reward)` gives the reward of the
 * previous action (ignored on an episode's first call), learns from it, and returns the next
 * action; `episodeUpdate(reward, finalState?)` delivers the last reward of an episode (terminal,
 * or truncated at `finalState`, which is then bootstrapped from); `reset()` forgets the episode in
 * progress without learning from it. Parameters are plain data like every model's.
 */
export interface ReinforcementAgent<S, A> {
	/** The agent's name (its class). */
	readonly agentName: string;
	/** Learns from the reward of the previous action, which led to `state`, and returns the next action. */
	reinforce(state: S, reward: number): A;
	/** Ends the episode: `reward` for the last action; `finalState` when the episode was cut by a time limit. */
	episodeUpdate(reward: number, finalState?: S): void;
	/** Forgets the episode in progress (no update); learned values stay. */
	reset(): void;
	/** The learned parameters (plain data, a deep copy), undefined before any. */
	getModelParameters(): ModelParameters | undefined;
	/** Replaces the learned parameters (checked, deep-copied). */
	setModelParameters(parameters: ModelParameters): void;
}
