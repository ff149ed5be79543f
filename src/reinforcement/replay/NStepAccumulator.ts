/**
 * n-step returns for replay (Sutton & Barto §7.1; Hessel et al. 2018): turns one-step
 * transitions into (s, a, Σₖ γᵏ rₖ, s₊ₙ, done, γⁿ) with at most n rewards.
 */
import { integerAtLeast, numberBetween } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";

/** A transition whose reward may sum several steps: bootstrap with `discount` · V(nextState). */
export interface Transition<S, A> {
	/** The state acted in. */
	state: S;
	/** The action taken. */
	action: A;
	/** The (discounted, summed) reward. */
	reward: number;
	/** The state reached (meaningless when `done`). */
	nextState: S;
	/** True when `nextState` is terminal (no bootstrap). */
	done: boolean;
	/** γᵏ for the k steps summed (γ for a one-step transition). */
	discount: number;
}

/** Collects one-step transitions and emits their n-step versions once n are known (or at episode end). */
export class NStepAccumulator<S, A> {
	private readonly pending = new Array<Transition<S, A>>();
	private readonly options: Readonly<{ steps: number; discountFactor: number }>;

	/** An accumulator for `steps`-step returns (default 3) with discount γ (default 0.99). */
	constructor(options?: { steps?: number; discountFactor?: number }) {
		this.options = resolveOptions("NStepAccumulator.new", { steps: 3, discountFactor: 0.99 }, options, {
			steps: integerAtLeast(1),
			discountFactor: numberBetween(0, 1),
		});
	}

	/** Adds a one-step transition; returns the n-step transitions completed by it (oldest first). */
	push(transition: Transition<S, A>): Array<Transition<S, A>> {
		this.pending.push(transition);
		if (transition.done) return this.flush();
		if (this.pending.size() < this.options.steps) return [];
		return [this.combine()];
	}

	/** Emits every pending transition with the rewards known so far (call at episode end). */
	flush(): Array<Transition<S, A>> {
		const out = new Array<Transition<S, A>>();
		while (this.pending.size() > 0) out.push(this.combine());
		return out;
	}

	/** Drops the pending transitions. */
	clear() {
		this.pending.clear();
	}

	private combine(): Transition<S, A> {
		const gamma = this.options.discountFactor;
		const first = this.pending[0];
		let reward = 0;
		let discount = 1;
		let last = first;
		for (const t of this.pending) {
			reward += discount * t.reward;
			discount *= gamma;
			last = t;
		}
		this.pending.remove(0);
		return { state: first.state, action: first.action, reward, nextState: last.nextState, done: last.done, discount };
	}
}
