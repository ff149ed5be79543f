//!native
/**
 * Proportional prioritized experience replay (Schaul et al. 2016): item i is drawn with
 * probability P(i) = pᵢ^α / Σ pₖ^α, pᵢ = |δᵢ| + ε, and weighted by wᵢ = (N·P(i))^−β / maxₖ wₖ.
 * A sum tree gives O(log N) sampling and updates.
 */
import { RandomGenerator } from "../../matrix/random";
import { describeValue, isFiniteNumber } from "../../core/describe";
import { integerAtLeast, numberAbove, numberBetween } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { assertCount } from "./common";

/** Options of {@link PrioritizedReplayBuffer}. */
export interface PrioritizedReplayOptions {
	/** Fixed capacity. Default 10000. */
	capacity: number;
	/** α ∈ [0, 1]: 0 = uniform. Default 0.6. */
	alpha: number;
	/** β ∈ [0, 1]: importance-sampling correction (1 = full). Default 0.4. */
	beta: number;
	/** ε > 0 added to |δ| so no item is never drawn. Default 1e-6. */
	epsilon: number;
}

/** A prioritized sample: the items, their slots (for `updatePriorities`) and importance weights. */
export interface PrioritizedSample<T extends defined> {
	/** The drawn items. */
	items: Array<T>;
	/** Their slots in the buffer. */
	indices: Array<number>;
	/** Importance-sampling weights, the largest of the buffer scaled to 1. */
	weights: Array<number>;
}

const DEFAULTS: PrioritizedReplayOptions = { capacity: 10000, alpha: 0.6, beta: 0.4, epsilon: 1e-6 };
const CONSTRAINTS = { capacity: integerAtLeast(1), alpha: numberBetween(0, 1), beta: numberBetween(0, 1), epsilon: numberAbove(0) };

/** A ring buffer whose items are drawn in proportion to their priority^α. */
export class PrioritizedReplayBuffer<T extends defined> {
	private readonly options: Readonly<PrioritizedReplayOptions>;
	private readonly items = new Array<T>();
	private readonly tree: Array<number>;
	private next = 0;
	private maxPriority = 1;

	/** A buffer with the given options (validated). */
	constructor(options?: Partial<PrioritizedReplayOptions>) {
		this.options = resolveOptions("PrioritizedReplayBuffer.new", DEFAULTS, options, CONSTRAINTS);
		this.tree = table.create(2 * this.options.capacity, 0);
	}

	/** Stores `item` with `priority` (default: the largest seen so far), overwriting the oldest when full. */
	add(item: T, priority?: number) {
		const where = "PrioritizedReplayBuffer.add";
		if (priority !== undefined && (!isFiniteNumber(priority) || priority < 0))
			error(`[Hivemind] ${where}: priority must be a finite number ≥ 0, got ${describeValue(priority)}`, 2);
		const slot = this.next;
		if (this.items.size() < this.options.capacity) this.items.push(item);
		else this.items[slot] = item;
		this.next = (slot + 1) % this.options.capacity;
		this.setPriority(slot, priority === undefined ? this.maxPriority : priority + this.options.epsilon);
	}

	/** How many items are stored (never more than the capacity). */
	size(): number {
		return this.items.size();
	}

	/** P(i) of the item in `slot`. */
	probability(slot: number): number {
		return this.tree[this.options.capacity + slot] / this.tree[1];
	}

	/** `count` items drawn with replacement in proportion to priority^α, with importance weights. */
	sample(count: number, rng: RandomGenerator): PrioritizedSample<T> {
		assertCount(count, this.items.size(), "PrioritizedReplayBuffer.sample");
		const n = this.items.size();
		let smallest = math.huge;
		for (const i of $range(0, n - 1)) smallest = math.min(smallest, this.tree[this.options.capacity + i]);
		const maxWeight = math.pow((n * smallest) / this.tree[1], -this.options.beta);
		const result: PrioritizedSample<T> = { items: [], indices: [], weights: [] };
		for (const _ of $range(1, count)) {
			const slot = this.find(rng.nextFloat() * this.tree[1]);
			result.items.push(this.items[slot]);
			result.indices.push(slot);
			result.weights.push(math.pow(n * this.probability(slot), -this.options.beta) / maxWeight);
		}
		return result;
	}

	/** Sets the priorities of `indices` from their new TD errors: pᵢ = |δᵢ| + ε. */
	updatePriorities(indices: Array<number>, errors: Array<number>) {
		const where = "PrioritizedReplayBuffer.updatePriorities";
		if (indices.size() !== errors.size())
			error(`[Hivemind] ${where}: errors must have ${indices.size()} values like indices, got ${errors.size()}`, 2);
		indices.forEach((slot, k) => {
			if (!typeIs(slot, "number") || slot !== math.floor(slot) || slot < 0 || slot >= this.items.size()) {
				error(`[Hivemind] ${where}: indices[${k}] must be a stored slot in [0, ${this.items.size() - 1}], got ${describeValue(slot)}`, 3);
			}
			if (!isFiniteNumber(errors[k])) error(`[Hivemind] ${where}: errors[${k}] must be a finite number, got ${describeValue(errors[k])}`, 3);
		});
		indices.forEach((slot, k) => this.setPriority(slot, math.abs(errors[k]) + this.options.epsilon));
	}

	private setPriority(slot: number, priority: number) {
		this.maxPriority = math.max(this.maxPriority, priority);
		let node = this.options.capacity + slot;
		this.tree[node] = math.pow(priority, this.options.alpha);
		node = math.floor(node / 2);
		while (node >= 1) {
			this.tree[node] = this.tree[2 * node] + this.tree[2 * node + 1];
			node = math.floor(node / 2);
		}
	}

	/** The slot whose cumulative-priority interval holds `mass`. */
	private find(mass: number): number {
		const capacity = this.options.capacity;
		let node = 1;
		while (node < capacity) {
			const left = this.tree[2 * node];
			if (mass < left) node = 2 * node;
			else {
				mass -= left;
				node = 2 * node + 1;
			}
		}
		return math.min(node - capacity, this.items.size() - 1);
	}
}
