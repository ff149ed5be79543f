//!native
/**
 * Element-wise arithmetic with broadcasting: the right operand may be a matrix of the same
 * shape, a 1×c row (applied to every row), an r×1 column (applied to every column), or a scalar.
 * Every function returns a new matrix.
 */
import { Matrix } from "./types";
import { describeShape } from "./validate";

type Op = (x: number, y: number) => number;

/** Applies `op` entry by entry with broadcasting (see the file comment). */
export function broadcast(a: Matrix, b: Matrix | number, op: Op, where: string): Matrix {
	const r = a.size();
	const c = a[0].size();
	const out = table.create<Array<number>>(r);
	if (typeIs(b, "number")) {
		for (const i of $range(0, r - 1)) {
			const ai = a[i];
			const row = table.create<number>(c, 0);
			for (const j of $range(0, c - 1)) row[j] = op(ai[j], b);
			out[i] = row;
		}
		return out;
	}
	if (!typeIs(b, "table") || b.size() === 0 || !typeIs(b[0], "table")) {
		error(`[Hivemind] ${where}: b must be a matrix or a number, got ${describeShape(b)}`, 3);
	}
	const br = b.size();
	const bc = b[0].size();
	if (br === r && bc === c) {
		for (const i of $range(0, r - 1)) {
			const ai = a[i];
			const bi = b[i];
			const row = table.create<number>(c, 0);
			for (const j of $range(0, c - 1)) row[j] = op(ai[j], bi[j]);
			out[i] = row;
		}
	} else if (br === 1 && bc === c) {
		const b0 = b[0];
		for (const i of $range(0, r - 1)) {
			const ai = a[i];
			const row = table.create<number>(c, 0);
			for (const j of $range(0, c - 1)) row[j] = op(ai[j], b0[j]);
			out[i] = row;
		}
	} else if (br === r && bc === 1) {
		for (const i of $range(0, r - 1)) {
			const ai = a[i];
			const bv = b[i][0];
			const row = table.create<number>(c, 0);
			for (const j of $range(0, c - 1)) row[j] = op(ai[j], bv);
			out[i] = row;
		}
	} else {
		error(
			`[Hivemind] ${where}: shapes ${describeShape(a)} and ${describeShape(b)} are not compatible (b must be ${r}×${c}, 1×${c}, ${r}×1 or a number)`,
			3,
		);
	}
	return out;
}

const addOp: Op = (x, y) => x + y;
const subtractOp: Op = (x, y) => x - y;
const multiplyOp: Op = (x, y) => x * y;
const divideOp: Op = (x, y) => x / y;
const powerOp: Op = (x, y) => x ** y;
const greaterOp: Op = (x, y) => (x > y ? 1 : 0);
const lessOp: Op = (x, y) => (x < y ? 1 : 0);
const equalOp: Op = (x, y) => (x === y ? 1 : 0);

/** a + b (broadcasting). */
export function add(a: Matrix, b: Matrix | number): Matrix {
	return broadcast(a, b, addOp, "Matrix.add");
}

/** a − b (broadcasting). */
export function subtract(a: Matrix, b: Matrix | number): Matrix {
	return broadcast(a, b, subtractOp, "Matrix.subtract");
}

/** a ⊙ b, the element-wise (Hadamard) product (broadcasting). */
export function multiply(a: Matrix, b: Matrix | number): Matrix {
	return broadcast(a, b, multiplyOp, "Matrix.multiply");
}

/** a ⊘ b, element-wise division (broadcasting). */
export function divide(a: Matrix, b: Matrix | number): Matrix {
	return broadcast(a, b, divideOp, "Matrix.divide");
}

/** a ^ b element-wise (broadcasting). */
export function power(a: Matrix, b: Matrix | number): Matrix {
	return broadcast(a, b, powerOp, "Matrix.power");
}

/** s · a. */
export function scale(a: Matrix, s: number): Matrix {
	return broadcast(a, s, multiplyOp, "Matrix.scale");
}

/** −a. */
export function negate(a: Matrix): Matrix {
	return broadcast(a, -1, multiplyOp, "Matrix.negate");
}

/** fn(value, i, j) applied to every entry (0-based i, j). */
export function map(a: Matrix, fn: (value: number, i: number, j: number) => number): Matrix {
	const r = a.size();
	const c = a[0].size();
	const out = table.create<Array<number>>(r);
	for (const i of $range(0, r - 1)) {
		const ai = a[i];
		const row = table.create<number>(c, 0);
		for (const j of $range(0, c - 1)) row[j] = fn(ai[j], i, j);
		out[i] = row;
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

/** Every entry clamped into [low, high]. */
export function clip(a: Matrix, low: number, high: number): Matrix {
	if (low > high) error(`[Hivemind] Matrix.clip: low must be ≤ high, got ${low} and ${high}`, 2);
	return map(a, (v) => (v < low ? low : v > high ? high : v));
}
