//!native
/** Upper-confidence-bound action selection: argmax Q(a) + c·√(ln t / N(a)) (Sutton & Barto §2.7). */
import { Vector } from "../../matrix/types";
import { numberAbove } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";

/** Options of {@link UpperConfidenceBound}. */
export interface UpperConfidenceBoundOptions {
	/** c ≥ 0, the exploration weight. Default 2. */
	explorationWeight: number;
}

/**
 * Chooses the untried action of lowest index first, then the action maximizing
 * Q(a) + c·√(ln t / N(a)); counts are kept per state key (`select(values, stateKey)`).
 */
export class UpperConfidenceBound {
	private readonly options: Readonly<UpperConfidenceBoundOptions>;
	private readonly counts = new Map<number, Array<number>>();

	/** A selector with the given exploration weight (validated). */
	constructor(options?: Partial<UpperConfidenceBoundOptions>) {
		this.options = resolveOptions("UpperConfidenceBound.new", { explorationWeight: 2 }, options, { explorationWeight: numberAbove(0, true) });
	}

	/** The action for `values` in state `stateKey` (default 0); counts the choice. */
	select(values: Vector, stateKey = 0): number {
		let counts = this.counts.get(stateKey);
		if (counts === undefined) {
			counts = values.map(() => 0);
			this.counts.set(stateKey, counts);
		}
		let total = 0;
		for (const n of counts) total += n;
		let best = -1;
		let bestScore = -math.huge;
		for (const a of $range(0, values.size() - 1)) {
			if (counts[a] === 0) {
				best = a;
				break;
			}
			const score = values[a] + this.options.explorationWeight * math.sqrt(math.log(total) / counts[a]);
			if (score > bestScore) {
				bestScore = score;
				best = a;
			}
		}
		counts[best] += 1;
		return best;
	}

	/** How often each action was chosen in `stateKey` (a copy). */
	getCounts(stateKey = 0): Array<number> {
		return table.clone(this.counts.get(stateKey) ?? []);
	}

	/** No schedule: kept for the selector contract. */
	decay() {}
}
