/**
 * The k-armed bandit testbed (Sutton & Barto §2.3): arm a pays N(q(a), 1); the means q are given
 * or drawn from N(0, 1). One state (0); every pull is a one-step episode.
 */
import { RandomGenerator } from "../../matrix/random";
import { describeValue, isFiniteNumber } from "../../core/describe";
import { anyFinite, integerAtLeast } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { assertIndex } from "../validate";

/** A k-armed bandit with Gaussian rewards. */
export class MultiArmedBandit {
	/** Number of arms. */
	readonly armCount: number;
	private readonly means: Array<number>;
	private readonly rng: RandomGenerator;

	/** Options: `means` (one per arm) or `armCount` (default 10, means from N(0, 1)), `seed` (default 0). */
	constructor(options?: { means?: Array<number>; armCount?: number; seed?: number }) {
		const means = options?.means;
		const o = resolveOptions(
			"MultiArmedBandit.new",
			{ armCount: 10, seed: 0 },
			{ armCount: options?.armCount, seed: options?.seed },
			{ armCount: integerAtLeast(1), seed: anyFinite },
		);
		this.rng = new RandomGenerator(o.seed);
		if (means !== undefined) {
			if (!typeIs(means, "table") || means.size() === 0 || !means.every((m) => isFiniteNumber(m))) {
				error(`[Hivemind] MultiArmedBandit.new: means must be a non-empty array of finite numbers, got ${describeValue(means)}`, 2);
			}
			this.means = table.clone(means);
		} else {
			this.means = [];
			for (const _ of $range(1, o.armCount)) this.means.push(this.rng.normal(0, 1));
		}
		this.armCount = this.means.size();
	}

	/** The true mean of every arm (a copy). */
	getMeans(): Array<number> {
		return table.clone(this.means);
	}

	/** The best mean. */
	optimalMean(): number {
		let best = -math.huge;
		for (const m of this.means) best = math.max(best, m);
		return best;
	}

	/** A reward from arm `arm`: N(q(arm), 1). */
	pull(arm: number): number {
		assertIndex(arm, this.armCount, "MultiArmedBandit.pull", "arm");
		return this.rng.normal(this.means[arm], 1);
	}
}
