//!native
/**
 * Element-wise arithmetic with broadcasting: the right operand may be a matrix of the same
 * shape, a 1×c row (applied to every row), an r×1 column (applied to every column), or a scalar.
 * Every function returns a new matrix (the `...InPlace` variants in inplace.ts overwrite instead).
 */
import { Matrix } from "./types";
import { assertMatrixShape } from "./validate";
import { copy } from "./creation";
import { addKernel, applyKernel, broadcastKind, divideKernel, multiplyKernel, SCALAR, subtractKernel } from "./broadcast";

/** Applies `op` entry by entry with broadcasting and returns a new matrix (the general, slower path). */
export function broadcast(a: Matrix, b: Matrix | number, op: (x: number, y: number) => number, where: string): Matrix {
	const kind = broadcastKind(a, b, where);
	const out = copy(a);
	applyKernel(out, b, kind, op);
	return out;
}

/** The copying form of a broadcasting kernel: checks the shapes, copies `a`, applies the kernel. */
function copying(kernel: (target: Matrix, other: Matrix | number, kind: number) => void, where: string) {
	return (a: Matrix, b: Matrix | number): Matrix => {
		const kind = broadcastKind(a, b, where);
		const out = copy(a);
		kernel(out, b, kind);
		return out;
	};
}

/** a + b (broadcasting). */
export const add = copying(addKernel, "Matrix.add");

/** a − b (broadcasting). */
export const subtract = copying(subtractKernel, "Matrix.subtract");

/** a ⊙ b, the element-wise (Hadamard) product (broadcasting). */
export const multiply = copying(multiplyKernel, "Matrix.multiply");

/** a ⊘ b, element-wise division (broadcasting; x/0 gives ±inf or NaN as in Luau). */
export const divide = copying(divideKernel, "Matrix.divide");

const powerOp = (x: number, y: number) => x ** y;
const greaterOp = (x: number, y: number) => (x > y ? 1 : 0);
const lessOp = (x: number, y: number) => (x < y ? 1 : 0);
const equalOp = (x: number, y: number) => (x === y ? 1 : 0);

/** a ^ b element-wise (broadcasting; a negative base with a fractional exponent gives NaN). */
export function power(a: Matrix, b: Matrix | number): Matrix {
	return broadcast(a, b, powerOp, "Matrix.power");
}

/** s · a. */
export function scale(a: Matrix, s: number): Matrix {
	assertMatrixShape(a, "a", "Matrix.scale");
	if (!typeIs(s, "number")) error(`[Hivemind] Matrix.scale: s must be a number, got ${typeOf(s)}`, 2);
	const out = copy(a);
	multiplyKernel(out, s, SCALAR);
	return out;
}

/** −a. */
export function negate(a: Matrix): Matrix {
	assertMatrixShape(a, "a", "Matrix.negate");
	const out = copy(a);
	multiplyKernel(out, -1, SCALAR);
	return out;
}

/** fn(value, i, j) applied to every entry (0-based i, j); returns a new matrix. */
export function map(a: Matrix, fn: (value: number, i: number, j: number) => number): Matrix {
	assertMatrixShape(a, "a", "Matrix.map");
	if (!typeIs(fn, "function")) error(`[Hivemind] Matrix.map: fn must be a function, got ${typeOf(fn)}`, 2);
	const r = a.size();
	const c = a[0].size();
	const out = table.create<Array<number>>(r);
	for (const i of $range(1, r)) {
		const ai = a[i - 1];
		const row = table.create<number>(c, 0);
		for (const j of $range(1, c)) row[j - 1] = fn(ai[j - 1], i - 1, j - 1);
		out[i - 1] = row;
	}
	return out;
}

/** 1 where a > b, else 0 (broadcasting). */
export function greaterThan(a: Matrix, b: Matrix | number): Matrix {
	return broadcast(a, b, greaterOp, "Matrix.greaterThan");
}

/** 1 where a < b, else 0 (broadcasting). */
export function lessThan(a: Matrix, b: Matrix | number): Matrix {
	return broadcast(a, b, lessOp, "Matrix.lessThan");
}

/** 1 where a = b, else 0 (broadcasting). */
export function equalTo(a: Matrix, b: Matrix | number): Matrix {
	return broadcast(a, b, equalOp, "Matrix.equalTo");
}

/** Every entry clamped into [low, high]; returns a new matrix. */
export function clip(a: Matrix, low: number, high: number): Matrix {
	assertMatrixShape(a, "a", "Matrix.clip");
	if (!typeIs(low, "number") || !typeIs(high, "number") || !(low <= high)) {
		error(`[Hivemind] Matrix.clip: low and high must be numbers with low ≤ high, got ${tostring(low)} and ${tostring(high)}`, 2);
	}
	const c = a[0].size();
	const out = copy(a);
	for (const i of $range(1, out.size())) {
		const row = out[i - 1];
		for (const j of $range(1, c)) {
			const v = row[j - 1];
			if (v < low) row[j - 1] = low;
			else if (v > high) row[j - 1] = high;
		}
	}
	return out;
}
