//!native
/** Off-policy Monte Carlo control with weighted importance sampling (Sutton & Barto §5.7). */
import { greedyIndex } from "../selection/EpsilonGreedy";
import { MonteCarloControl, MonteCarloOptions } from "./MonteCarloControl";

/** Learns the greedy policy from ε-greedy behaviour. Parameters `{ Q, counts }` (counts = C, the cumulative weights). */
export class OffPolicyMonteCarloControl extends MonteCarloControl {
	/** An agent with the given options (`stateCount`, `actionCount` required). */
	constructor(options?: Partial<MonteCarloOptions>) {
		super(options, "OffPolicyMonteCarloControl");
	}

	protected learnEpisode() {
		const gamma = this.options.discountFactor;
		let g = 0;
		let w = 1;
		for (const t of $range(this.episode.size() - 1, 0, -1)) {
			const [s, a, r] = this.episode[t];
			g = gamma * g + r;
			this.counts[s][a] += w;
			this.q[s][a] += (w / this.counts[s][a]) * (g - this.q[s][a]);
			if (a !== greedyIndex(this.q[s])) break;
			w /= this.selector.probabilities(this.q[s])[a];
		}
	}
}
