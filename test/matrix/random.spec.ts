import { describe, expect, it } from "../support/jest-globals";
import { expectError } from "../support/numeric";
import { RandomGenerator } from "../../src/matrix";

// Reference values from an independent xoshiro128** implementation (Python, uint32 masks),
// seeded by splitmix32 over seed + k·0x9E3779B9 (k = 1..4).
describe("RandomGenerator", () => {
	it("matches the reference xoshiro128** sequence", () => {
		const rng = new RandomGenerator(42);
		const got = [rng.nextUInt32(), rng.nextUInt32(), rng.nextUInt32(), rng.nextUInt32(), rng.nextUInt32()];
		expect(got).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180]);
		const zero = new RandomGenerator(0);
		expect([zero.nextUInt32(), zero.nextUInt32(), zero.nextUInt32()]).toEqual([3809008728, 1133695204, 53579671]);
		const big = new RandomGenerator(123456789);
		expect([big.nextUInt32(), big.nextUInt32(), big.nextUInt32()]).toEqual([4284103975, 1001954530, 2701803082]);
	});
	it("gives floats in [0, 1), integers in range, and a normal sample with the right moments", () => {
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
		expect(math.abs(mean - 2) < 0.2).toBe(true);
		expect(math.abs(math.sqrt(variance) - 3) < 0.2).toBe(true);
	});
	it("shuffles into a permutation, reproducibly", () => {
		const a = new RandomGenerator(5).permutation(10);
		const b = new RandomGenerator(5).permutation(10);
		expect(a).toEqual(b);
		const sorted = [...a];
		sorted.sort((x, y) => x < y);
		expect(sorted).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});
	it("forks children that differ from each other and replay from the same seed", () => {
		const parent = new RandomGenerator(99);
		const c1 = parent.fork(1).nextUInt32();
		const c2 = parent.fork(2).nextUInt32();
		expect(c1 === c2).toBe(false);
		expect(new RandomGenerator(99).fork(1).nextUInt32()).toBe(c1);
	});
	it("restores its state exactly", () => {
		const rng = new RandomGenerator(3);
		rng.normal();
		const state = rng.getState();
		const expected = [rng.normal(), rng.nextUInt32()];
		const other = new RandomGenerator(1);
		other.setState(state);
		expect([other.normal(), other.nextUInt32()]).toEqual(expected);
	});
	it("rejects bad seeds and ranges", () => {
		expectError(() => new RandomGenerator(0 / 0), "seed must be a finite number");
		expectError(() => new RandomGenerator(1).integer(3, 1), "low and high must be integers with low ≤ high");
		expectError(() => new RandomGenerator(1).fork(1.5), "id must be an integer");
	});
});
