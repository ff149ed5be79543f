/** The interaction loop every example and spec runs: one episode of an agent in an environment. */
import { Environment } from "./types";
import { ReinforcementAgent } from "./types";

/**
 * Runs one episode: `reinforce` on each state (with the previous reward), `episodeUpdate` at the
 * end (with the final state when the episode was cut by a time limit). Returns the undiscounted
 * return and the number of steps.
 */
export function runEpisode<S, A>(agent: ReinforcementAgent<S, A>, environment: Environment<S, A>): LuaTuple<[number, number]> {
	let state = environment.reset();
	let reward = 0;
	let total = 0;
	let steps = 0;
	for (;;) {
		const action = agent.reinforce(state, reward);
		const result = environment.step(action);
		steps += 1;
		total += result.reward;
		if (result.done) {
			agent.episodeUpdate(result.reward, result.truncated ? result.state : undefined);
			return $tuple(total, steps);
		}
		state = result.state;
		reward = result.reward;
	}
}
