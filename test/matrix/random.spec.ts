import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError } from "../support/numeric";
import { RandomGenerator } from "../../src/matrix";

// Reference values from an independent xoshiro128** written in Python with uint32 masks
// (`& 0xFFFFFFFF` after every multiply and shift), state words splitmix32(seed + k·0x9E3779B9)
// for k = 1…4; floats as u / 2³², normals by Box–Muller (cos first, sin cached),
// fork(id) = generator seeded with splitmix32(seed xor (id + 1)·0x9E3779B9 mod 2³²).
describe("RandomGenerator", () => {
	it("matches the reference xoshiro128** sequence", () => {
		const rng = new RandomGenerator(42);
		const got = [rng.nextUInt32(), rng.nextUInt32(), rng.nextUInt32(), rng.nextUInt32(), rng.nextUInt32()];
		expect(got).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180]);
		const zero = new RandomGenerator(0);
		expect([zero.nextUInt32(), zero.nextUInt32(), zero.nextUInt32()]).toEqual([3809008728, 1133695204, 53579671]);
		const big = new RandomGenerator(123456789);
		expect([big.nextUInt32(), big.nextUInt32(), big.nextUInt32()]).toEqual([4284103975, 1001954530, 2701803082]);
		// A negative seed maps to (|seed| xor 0xFFFFFFFF): −1 → 0xFFFFFFFE
		const negative = new RandomGenerator(-1);
		expect([negative.nextUInt32(), negative.nextUInt32()]).toEqual([3912067584, 3242214432]);
		expect(new RandomGenerator(42.9).nextUInt32()).toBe(2837322924);
	});

	it("derives uniform, normal, integer and permutation draws from the reference sequence", () => {
		const u = new RandomGenerator(42);
		expect([u.uniform(-2, 3), u.uniform(-2, 3), u.uniform(-2, 3)]).toEqual([1.303078613243997, -1.3655994802247733, -1.441490180324763]);
		expect(new RandomGenerator(42).nextFloat()).toBe(2837322924 / 4294967296);
		const n = new RandomGenerator(42);
		const normals = [n.normal(), n.normal(), n.normal(), n.normal()];
		const reference = [1.0271775679456403, 1.0517370146991034, 0.1931295978853847, -0.4467626781880613];
		for (const i of $range(0, 3)) expectClose(normals[i], reference[i], 1e-13);
		const shifted = new RandomGenerator(42);
		expectClose(shifted.normal(10, 2), 10 + 2 * reference[0], 1e-13);
		expectClose(shifted.normal(10, 2), 10 + 2 * reference[1], 1e-13);
		const dice = new RandomGenerator(42);
		const rolls = new Array<number>();
		for (const _ of $range(1, 8)) rolls.push(dice.integer(1, 6));
		expect(rolls).toEqual([4, 1, 1, 5, 1, 1, 1, 2]);
		expect(new RandomGenerator(42).permutation(8)).toEqual([1, 2, 3, 7, 4, 6, 0, 5]);
		expect(new RandomGenerator(42).integer(5, 5)).toBe(5);
	});

	it("gives floats in [0, 1), integers in range, and normal samples with the right moments", () => {
		const rng = new RandomGenerator(7);
		let sum = 0;
		let sumSq = 0;
		const n = 4000;
		for (const _ of $range(1, n)) {
			const f = rng.nextFloat();
			expect(f >= 0 && f < 1).toBe(true);
			const k = rng.integer(-2, 3);
			expect(k >= -2 && k <= 3 && k === math.floor(k)).toBe(true);
			const z = rng.normal(2, 3);
			sum += z;
			sumSq += z * z;
		}
		const mean = sum / n;
		const variance = sumSq / n - mean * mean;
		// standard error of the mean is 3/√4000 ≈ 0.047
		expect(math.abs(mean - 2) < 0.2).toBe(true);
		expect(math.abs(math.sqrt(variance) - 3) < 0.2).toBe(true);
	});

	it("shuffles in place into a permutation, reproducibly", () => {
		const a = new RandomGenerator(5).permutation(10);
		expect(new RandomGenerator(5).permutation(10)).toEqual(a);
		const sorted = [...a];
		sorted.sort((x, y) => x < y);
		expect(sorted).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		const letters = ["a", "b", "c", "d", "e", "f", "g", "h"];
		const shuffled = new RandomGenerator(42).shuffle(letters);
		expect(shuffled).toBe(letters);
		// the same swaps as permutation(8) of seed 42: position i holds element perm[i]
		expect(letters).toEqual(["b", "c", "d", "h", "e", "g", "a", "f"]);
		expect(new RandomGenerator(1).permutation(0)).toEqual([]);
		expect(new RandomGenerator(1).permutation(1)).toEqual([0]);
	});

	it("writes a permutation into a reused buffer with the same draws, and rejects a buffer of another size", () => {
		const stream = new RandomGenerator(42);
		const buffer = [9, 9, 9, 9, 9, 9, 9, 9];
		expect(stream.permutation(8, undefined, buffer)).toBe(buffer);
		expect(buffer).toEqual([1, 2, 3, 7, 4, 6, 0, 5]);
		// the second call refills the same buffer: what a second fresh permutation of the same stream gives
		const reference = new RandomGenerator(42);
		reference.permutation(8);
		stream.permutation(8, undefined, buffer);
		expect(buffer).toEqual(reference.permutation(8));
		expect(() => stream.permutation(8, undefined, [0, 1, 2])).toThrow(
			"[Hivemind] RandomGenerator.permutation: into must be an array of 8 entries, got 3 entries",
		);
	});

	it("forks children from the seed and id, independent of draws already made", () => {
		const parent = new RandomGenerator(42);
		expect(parent.fork(1).nextUInt32()).toBe(1146306083);
		const seven = parent.fork(7);
		expect([seven.nextUInt32(), seven.nextUInt32(), seven.nextUInt32()]).toEqual([1770095804, 2150998505, 3754658477]);
		parent.nextUInt32();
		parent.normal();
		const zero = parent.fork(0);
		expect([zero.nextUInt32(), zero.nextUInt32()]).toEqual([3147875521, 2580087575]);
		expect(parent.fork(1).nextUInt32() === parent.fork(2).nextUInt32()).toBe(false);
	});

	it("restores its state exactly, including a cached normal deviate", () => {
		const rng = new RandomGenerator(3);
		rng.normal();
		const state = rng.getState();
		expect(state.hasSpare).toBe(1);
		const expected = [rng.normal(), rng.nextUInt32(), rng.normal()];
		const other = new RandomGenerator(1);
		other.setState(state);
		expect([other.normal(), other.nextUInt32(), other.normal()]).toEqual(expected);
		const fresh = new RandomGenerator(9).getState();
		expect(fresh.hasSpare).toBe(-1);
		const restored = new RandomGenerator(0);
		restored.setState(fresh);
		expect(restored.nextUInt32()).toBe(new RandomGenerator(9).nextUInt32());
		expect(restored.fork(4).nextUInt32()).toBe(new RandomGenerator(9).fork(4).nextUInt32());
	});

	it("rejects bad seeds, ranges, ids and states", () => {
		expectError(() => new RandomGenerator(0 / 0), "[Hivemind] RandomGenerator.new: seed must be a finite number, got");
		expectError(() => new RandomGenerator(math.huge), "[Hivemind] RandomGenerator.new: seed must be a finite number, got inf");
		expectError(() => new RandomGenerator("1" as never), "seed must be a finite number, got 1");
		expectError(
			() => new RandomGenerator(1).integer(3, 1),
			"[Hivemind] RandomGenerator.integer: low and high must be integers with low ≤ high, got 3 and 1",
		);
		expectError(() => new RandomGenerator(1).integer(0.5, 1), "low and high must be integers with low ≤ high, got 0.5 and 1");
		expectError(() => new RandomGenerator(1).permutation(-1), "[Hivemind] RandomGenerator.permutation: n must be an integer ≥ 0, got -1");
		expectError(() => new RandomGenerator(1).fork(1.5), "[Hivemind] RandomGenerator.fork: id must be an integer, got 1.5");
		expectError(() => new RandomGenerator(1).shuffle(5 as never), "[Hivemind] RandomGenerator.shuffle: values must be an array, got number");
		expectError(
			() => new RandomGenerator(1).setState(5 as never),
			"[Hivemind] RandomGenerator.setState: state must come from getState(), got number",
		);
		expectError(
			() => new RandomGenerator(1).setState({ words: [1, 2, 3, -4], seed: 0, hasSpare: -1, spare: 0 }),
			"[Hivemind] RandomGenerator.setState: state.words[4] must be an integer in [0, 4294967295], got -4",
		);
		expectError(
			() => new RandomGenerator(1).setState({ words: [0, 0, 0, 0], seed: 0, hasSpare: -1, spare: 0 }),
			"[Hivemind] RandomGenerator.setState: state.words must not all be 0",
		);
	});
});
