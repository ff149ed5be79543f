/** Uniform experience replay with a fixed capacity (Lin 1992; Mnih et al. 2015). */
import { RandomGenerator } from "../../matrix/random";
import { integerAtLeast } from "../../options/constraints";
import { resolveOptions } from "../../options/resolve";
import { assertCount } from "./common";

/** A ring buffer of experiences: the oldest is overwritten once `capacity` is reached. */
export class ReplayBuffer<T extends defined> {
	private readonly items = new Array<T>();
	private next = 0;
	/** The fixed capacity. */
	readonly capacity: number;

	/** A buffer holding at most `capacity` items (default 10000). */
	constructor(options?: { capacity?: number }) {
		this.capacity = resolveOptions("ReplayBuffer.new", { capacity: 10000 }, options, { capacity: integerAtLeast(1) }).capacity;
	}

	/** Stores `item`, overwriting the oldest when full. */
	add(item: T) {
		if (this.items.size() < this.capacity) this.items.push(item);
		else this.items[this.next] = item;
		this.next = (this.next + 1) % this.capacity;
	}

	/** How many items are stored (never more than the capacity). */
	size(): number {
		return this.items.size();
	}

	/** `count` items drawn uniformly with replacement. */
	sample(count: number, rng: RandomGenerator): Array<T> {
		assertCount(count, this.items.size(), "ReplayBuffer.sample");
		const out = new Array<T>();
		for (const _ of $range(1, count)) out.push(this.items[rng.integer(0, this.items.size() - 1)]);
		return out;
	}

	/** Forgets every item. */
	clear() {
		this.items.clear();
		this.next = 0;
	}
}
