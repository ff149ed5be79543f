import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { Matrix, RandomGenerator } from "../../src/matrix";

describe("Matrix creation", () => {
	it("builds constants and the identity in any shape", () => {
		expect(Matrix.zeros(2, 3)).toEqual([
			[0, 0, 0],
			[0, 0, 0],
		]);
		expect(Matrix.zeros(1, 1)).toEqual([[0]]);
		expect(Matrix.ones(1, 2)).toEqual([[1, 1]]);
		expect(Matrix.ones(3, 1)).toEqual([[1], [1], [1]]);
		expect(Matrix.filled(2, 1, -7.5)).toEqual([[-7.5], [-7.5]]);
		expect(Matrix.identity(1)).toEqual([[1]]);
		expect(Matrix.identity(3)).toEqual([
			[1, 0, 0],
			[0, 1, 0],
			[0, 0, 1],
		]);
	});

	it("gives independent rows (writing one entry changes only that entry)", () => {
		const m = Matrix.zeros(2, 2);
		m[0][1] = 5;
		expect(m).toEqual([
			[0, 5],
			[0, 0],
		]);
	});

	it("copies nested arrays deeply both ways", () => {
		const data = [
			[1, 2, 3],
			[4, 5, 6],
		];
		const m = Matrix.fromArray(data);
		m[0][0] = 99;
		expect(data[0][0]).toBe(1);
		const back = Matrix.toArray(m);
		back[1][2] = -1;
		expect(m[1][2]).toBe(6);
		expect(back).toEqual([
			[99, 2, 3],
			[4, 5, -1],
		]);
		const c = Matrix.copy(data);
		c[1][0] = 0;
		expect(data[1][0]).toBe(4);
		expect(Matrix.columnOf([1, 2])).toEqual([[1], [2]]);
		expect(Matrix.rowOf([1, 2])).toEqual([[1, 2]]);
		const values = [3, 4];
		const row = Matrix.rowOf(values);
		row[0][0] = 0;
		expect(values[0]).toBe(3);
	});

	it("fills from a seeded generator with the generator's own draws, in row-major order", () => {
		const m = Matrix.randomUniform(2, 2, new RandomGenerator(42), -2, 3);
		const rng = new RandomGenerator(42);
		expect(m).toEqual([
			[rng.uniform(-2, 3), rng.uniform(-2, 3)],
			[rng.uniform(-2, 3), rng.uniform(-2, 3)],
		]);
		// First draw of seed 42, from the reference implementation (random.spec.ts): −2 + 5 · 2837322924 / 2³²
		expect(m[0][0]).toBe(-2 + 5 * (2837322924 / 4294967296));
		for (const r of m) for (const v of r) expect(v >= -2 && v < 3).toBe(true);
		const n = Matrix.randomNormal(3, 1, new RandomGenerator(2), 10, 0);
		expect(n).toEqual([[10], [10], [10]]);
		const z = Matrix.randomNormal(1, 3, new RandomGenerator(7), 1, 2);
		const again = new RandomGenerator(7);
		expect(z).toEqual([[again.normal(1, 2), again.normal(1, 2), again.normal(1, 2)]]);
	});

	it("rejects bad sizes, naming the function and the argument", () => {
		expectError(() => Matrix.zeros(0, 2), "[Hivemind] Matrix.zeros: rows must be an integer ≥ 1, got 0");
		expectError(() => Matrix.ones(2, 1.5), "[Hivemind] Matrix.ones: cols must be an integer ≥ 1, got 1.5");
		expectError(() => Matrix.filled(1, 1, "x" as never), '[Hivemind] Matrix.filled: value must be a finite number, got "x"');
		expectError(() => Matrix.filled(-1, 1, 0), "Matrix.filled: rows must be an integer ≥ 1, got -1");
		expectError(() => Matrix.identity(0), "[Hivemind] Matrix.identity: rows must be an integer ≥ 1, got 0");
		expectError(() => Matrix.copy(5 as never), "[Hivemind] Matrix.copy: m must be a matrix (array of rows), got number");
	});

	it("rejects every kind of malformed data in fromArray and toArray", () => {
		expectError(() => Matrix.fromArray(3 as never), "Matrix.fromArray: data must be a matrix (array of rows), got number");
		expectError(() => Matrix.fromArray([] as never), "Matrix.fromArray: data must have at least one row, got an empty table");
		expectError(() => Matrix.fromArray([1, 2] as never), "data must be a matrix (array of rows), got an array whose row 1 is a number");
		expectError(() => Matrix.fromArray([[]]), "data must have at least one column, got an empty row 1");
		expectError(() => Matrix.fromArray([[1], 2] as never), "data row 2 must be an array of numbers, got number");
		expectError(() => Matrix.fromArray([[1, 2], [3]]), "data must be rectangular, but row 2 has 1 columns and row 1 has 2");
		expectError(() => Matrix.fromArray([[1, "x" as never]]), "data[1][2] must be a number, got string");
		expectError(() => Matrix.fromArray([[1, 0 / 0]]), "data[1][2] must be finite, got");
		expectError(() => Matrix.fromArray([[1], [math.huge]]), "data[2][1] must be finite, got inf");
		expectError(() => Matrix.toArray([[1, -math.huge]]), "Matrix.toArray: m[1][2] must be finite, got -inf");
	});

	it("rejects bad vectors and random-fill arguments", () => {
		expectError(() => Matrix.columnOf([]), "Matrix.columnOf: values must be a non-empty array of numbers, got an empty table");
		expectError(() => Matrix.rowOf([1, 0 / 0]), "Matrix.rowOf: values[2] must be a finite number, got");
		expectError(() => Matrix.randomUniform(1, 1, {} as never), "Matrix.randomUniform: rng must be a RandomGenerator, got table");
		expectError(() => Matrix.randomUniform(0, 1, new RandomGenerator(1)), "Matrix.randomUniform: rows must be an integer ≥ 1, got 0");
		expectError(() => Matrix.randomUniform(1, 1, new RandomGenerator(1), 2, 1), "Matrix.randomUniform: high must be ≥ low (2), got 1");
		expectError(() => Matrix.randomUniform(1, 1, new RandomGenerator(1), 0 / 0), "Matrix.randomUniform: low must be a finite number");
		expectError(() => Matrix.randomNormal(1, 1, new RandomGenerator(1), 0, -1), "Matrix.randomNormal: std must be ≥ 0, got -1");
		expectError(() => Matrix.randomNormal(1, 1, 5 as never), "Matrix.randomNormal: rng must be a RandomGenerator, got number");
	});
});

describe("Matrix validation helpers", () => {
	it("describes shapes and recognizes matrices", () => {
		expect(Matrix.describeShape([[1, 2, 3]])).toBe("1×3");
		expect(Matrix.describeShape([[1], [2]])).toBe("2×1");
		expect(Matrix.describeShape(5)).toBe("number");
		expect(Matrix.describeShape([])).toBe("an empty table");
		expect(Matrix.describeShape([1, 2])).toBe("a 2-element table of number");
		expect(Matrix.isMatrix([[1, 2]])).toBe(true);
		expect(Matrix.isMatrix([[1, 2], [3]])).toBe(false);
		expect(Matrix.isMatrix([[0 / 0]])).toBe(false);
		expect(Matrix.isMatrix([[]])).toBe(false);
		expect(Matrix.isMatrix("x")).toBe(false);
	});

	it("asserts shapes, vectors and numbers with readable messages", () => {
		expectError(() => Matrix.assertSameShape([[1, 2]], [[1], [2]], "Where"), "[Hivemind] Where: shapes 1×2 and 2×1 must match");
		expectError(() => Matrix.assertVector(5, "v", "Where"), "[Hivemind] Where: v must be a non-empty array of numbers, got number");
		expectError(() => Matrix.assertNumber("1", "x", "Where"), '[Hivemind] Where: x must be a finite number, got "1"');
		expectError(() => Matrix.assertNumber(math.huge, "x", "Where"), "x must be a finite number, got inf");
		expect(() => Matrix.assertNumber(math.huge, "x", "Where", true)).never.toThrow();
		expectError(() => Matrix.assertInteger(5, "k", "Where", 0, 3), "[Hivemind] Where: k must be an integer in [0, 3], got 5");
		expectError(() => Matrix.assertMatrixShape({}, "m", "Where"), "[Hivemind] Where: m must be a matrix (array of rows), got an empty table");
		expectError(() => Matrix.assertIsMatrix([[1], [2, 3]]), "[Hivemind] Matrix: m must be rectangular");
	});
});
