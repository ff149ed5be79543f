//!native
/**
 * A seeded pseudo-random generator of the project's own: xoshiro128** (Blackman & Vigna),
 * seeded through splitmix32. All 32-bit integer arithmetic is exact in doubles, so the same
 * seed gives the same numbers in Roblox (interpreter or native) and under Lune.
 */

const TWO_32 = 4294967296;

/** (a · b) mod 2³² for 32-bit unsigned a and b, exact in doubles. */
function mul32(a: number, b: number): number {
	const aLo = a % 65536;
	const aHi = (a - aLo) / 65536;
	return (aLo * b + ((aHi * b) % 65536) * 65536) % TWO_32;
}

/** One splitmix32 output for the 32-bit state `x` (already advanced). */
function splitmix32(x: number): number {
	let z = x;
	z = mul32(bit32.bxor(z, bit32.rshift(z, 16)), 0x85ebca6b);
	z = mul32(bit32.bxor(z, bit32.rshift(z, 13)), 0xc2b2ae35);
	return bit32.bxor(z, bit32.rshift(z, 16));
}

/** Reduces any finite number to a 32-bit unsigned seed word. */
function seedWord(seed: number): number {
	const whole = math.floor(math.abs(seed));
	const lo = whole % TWO_32;
	const hi = math.floor(whole / TWO_32) % TWO_32;
	return bit32.bxor(lo, mul32(hi, 0x9e3779b9), seed < 0 ? 0xffffffff : 0);
}

/** The complete state of a generator, as plain data (saveable, sendable). */
export interface RandomState {
	/** The four xoshiro128** state words. */
	words: [number, number, number, number];
	/** The seed word the generator started from (used by `fork`). */
	seed: number;
	/** A cached second normal deviate, or -1 when none (a sentinel: tables cannot hold nil). */
	hasSpare: number;
	/** The cached normal deviate when `hasSpare` is 1. */
	spare: number;
}

/** A seeded xoshiro128** generator: uniform, normal, integer draws, shuffles and forks. */
export class RandomGenerator {
	private s0 = 0;
	private s1 = 0;
	private s2 = 0;
	private s3 = 0;
	private seedValue = 0;
	private spare: number | undefined;

	/** Creates a generator from any finite number; the same seed gives the same sequence everywhere. */
	constructor(seed = 42) {
		if (!typeIs(seed, "number") || seed !== seed || seed === math.huge || seed === -math.huge) {
			error(`[Hivemind] RandomGenerator.new: seed must be a finite number, got ${tostring(seed)}`, 2);
		}
		this.reseed(seedWord(seed));
	}

	private reseed(word: number) {
		this.seedValue = word;
		let x = word;
		const words = new Array<number>();
		for (const _ of $range(1, 4)) {
			x = (x + 0x9e3779b9) % TWO_32;
			words.push(splitmix32(x));
		}
		if (words[0] === 0 && words[1] === 0 && words[2] === 0 && words[3] === 0) words[0] = 1;
		this.s0 = words[0];
		this.s1 = words[1];
		this.s2 = words[2];
		this.s3 = words[3];
		this.spare = undefined;
	}

	/** The next 32-bit unsigned integer. */
	nextUInt32(): number {
		const s0 = this.s0;
		const s1 = this.s1;
		const s2 = this.s2;
		const s3 = this.s3;
		const result = mul32(bit32.lrotate(mul32(s1, 5), 7), 9);
		const t = bit32.lshift(s1, 9);
		const n2 = bit32.bxor(s2, s0);
		const n3 = bit32.bxor(s3, s1);
		this.s1 = bit32.bxor(s1, n2);
		this.s0 = bit32.bxor(s0, n3);
		this.s2 = bit32.bxor(n2, t);
		this.s3 = bit32.lrotate(n3, 11);
		return result;
	}

	/** A uniform float in [0, 1). */
	nextFloat(): number {
		return this.nextUInt32() / TWO_32;
	}

	/** A uniform float in [low, high). */
	uniform(low = 0, high = 1): number {
		return low + (high - low) * (this.nextUInt32() / TWO_32);
	}

	/** A normal deviate N(mean, std²) (Box–Muller; the second deviate is cached). */
	normal(mean = 0, std = 1): number {
		const cached = this.spare;
		if (cached !== undefined) {
			this.spare = undefined;
			return mean + std * cached;
		}
		const u1 = 1 - this.nextUInt32() / TWO_32;
		const u2 = this.nextUInt32() / TWO_32;
		const radius = math.sqrt(-2 * math.log(u1));
		const angle = 2 * math.pi * u2;
		this.spare = radius * math.sin(angle);
		return mean + std * radius * math.cos(angle);
	}

	/** A uniform integer in [low, high] (inclusive). */
	integer(low: number, high: number): number {
		if (!typeIs(low, "number") || !typeIs(high, "number") || low !== math.floor(low) || high !== math.floor(high) || high < low) {
			error(`[Hivemind] RandomGenerator.integer: low and high must be integers with low ≤ high, got ${low} and ${high}`, 2);
		}
		return low + math.floor((this.nextUInt32() / TWO_32) * (high - low + 1));
	}

	/**
	 * Shuffles `values` in place (Fisher–Yates) and returns it. `pace`, when given, is called after
	 * every 1024 swaps (a long shuffle checking a frame budget; the draws never depend on it).
	 */
	shuffle<T>(values: Array<T>, pace?: () => void): Array<T> {
		if (!typeIs(values, "table")) error(`[Hivemind] RandomGenerator.shuffle: values must be an array, got ${typeOf(values)}`, 2);
		const n = values.size();
		for (const i of $range(n - 1, 1, -1)) {
			const j = math.floor((this.nextUInt32() / TWO_32) * (i + 1));
			const tmp = values[i];
			values[i] = values[j];
			values[j] = tmp;
			if (pace !== undefined && i % 1024 === 0) pace();
		}
		return values;
	}

	/**
	 * A random permutation of 0 … n−1 (`pace` as in {@link shuffle}), written into `into` when given
	 * (a buffer of n entries reused between calls: the same draws, no new array).
	 */
	permutation(n: number, pace?: () => void, into?: Array<number>): Array<number> {
		if (!typeIs(n, "number") || n !== math.floor(n) || n < 0)
			error(`[Hivemind] RandomGenerator.permutation: n must be an integer ≥ 0, got ${n}`, 2);
		if (into !== undefined && (!typeIs(into, "table") || into.size() !== n))
			error(
				`[Hivemind] RandomGenerator.permutation: into must be an array of ${n} entries, got ${typeIs(into, "table") ? `${into.size()} entries` : typeOf(into)}`,
				2,
			);
		const out = into ?? table.create<number>(n);
		for (const i of $range(0, n - 1)) {
			out[i] = i;
			if (pace !== undefined && i % 8192 === 8191) pace();
		}
		return this.shuffle(out, pace);
	}

	/** An independent generator derived from this generator's seed and `id` (children: fork(childId)). */
	fork(id: number): RandomGenerator {
		if (!typeIs(id, "number") || id !== math.floor(id)) error(`[Hivemind] RandomGenerator.fork: id must be an integer, got ${tostring(id)}`, 2);
		const child = new RandomGenerator(0);
		child.reseed(splitmix32(bit32.bxor(this.seedValue, mul32(seedWord(id) + 1, 0x9e3779b9))));
		return child;
	}

	/** The complete state as plain data. */
	getState(): RandomState {
		const spare = this.spare;
		return { words: [this.s0, this.s1, this.s2, this.s3], seed: this.seedValue, hasSpare: spare === undefined ? -1 : 1, spare: spare ?? 0 };
	}

	/** Restores a state from {@link getState} (validated: four 32-bit words, not all zero). */
	setState(state: RandomState) {
		const where = "RandomGenerator.setState";
		if (!typeIs(state, "table") || !typeIs(state.words, "table") || state.words.size() !== 4) {
			error(`[Hivemind] ${where}: state must come from getState(), got ${typeOf(state)}`, 2);
		}
		const isWord = (v: unknown) => typeIs(v, "number") && v === math.floor(v) && v >= 0 && v < TWO_32;
		for (const k of $range(0, 3)) {
			const w = state.words[k];
			if (!isWord(w)) error(`[Hivemind] ${where}: state.words[${k + 1}] must be an integer in [0, 4294967295], got ${tostring(w)}`, 2);
		}
		if (state.words[0] === 0 && state.words[1] === 0 && state.words[2] === 0 && state.words[3] === 0) {
			error(`[Hivemind] ${where}: state.words must not all be 0 (xoshiro128** would only produce zeros)`, 2);
		}
		if (!isWord(state.seed)) error(`[Hivemind] ${where}: state.seed must be an integer in [0, 4294967295], got ${tostring(state.seed)}`, 2);
		if (state.hasSpare !== 1 && state.hasSpare !== -1)
			error(`[Hivemind] ${where}: state.hasSpare must be 1 or -1, got ${tostring(state.hasSpare)}`, 2);
		if (state.hasSpare === 1 && !(typeIs(state.spare, "number") && state.spare === state.spare)) {
			error(`[Hivemind] ${where}: state.spare must be a number, got ${tostring(state.spare)}`, 2);
		}
		this.s0 = state.words[0];
		this.s1 = state.words[1];
		this.s2 = state.words[2];
		this.s3 = state.words[3];
		this.seedValue = state.seed;
		this.spare = state.hasSpare === 1 ? state.spare : undefined;
	}
}
