//!native
/**
 * Products: matrix–matrix (i-k-j order, rows hoisted into locals, two rows of A per pass,
 * inner loop unrolled by 4: the fastest of the idioms measured), matrix–vector, outer, dot,
 * and the transposed products that training needs without forming a transpose.
 */
import { Matrix, Vector } from "./types";
import { describeShape } from "./validate";

/** out += s · src over columns 0 … c−1 (unrolled by 4). */
function axpyRow(out: Array<number>, src: Array<number>, s: number, c: number) {
	const c4 = c - (c % 4);
	for (const j of $range(0, c4 - 1, 4)) {
		out[j] += s * src[j];
		out[j + 1] += s * src[j + 1];
		out[j + 2] += s * src[j + 2];
		out[j + 3] += s * src[j + 3];
	}
	for (const j of $range(c4, c - 1)) out[j] += s * src[j];
}

/** out1 += s1 · src, out2 += s2 · src (two rows of A share each row of B). */
function axpyTwoRows(out1: Array<number>, out2: Array<number>, src: Array<number>, s1: number, s2: number, c: number) {
	const c4 = c - (c % 4);
	for (const j of $range(0, c4 - 1, 4)) {
		const b0 = src[j];
		const b1 = src[j + 1];
		const b2 = src[j + 2];
		const b3 = src[j + 3];
		out1[j] += s1 * b0;
		out1[j + 1] += s1 * b1;
		out1[j + 2] += s1 * b2;
		out1[j + 3] += s1 * b3;
		out2[j] += s2 * b0;
		out2[j + 1] += s2 * b1;
		out2[j + 2] += s2 * b2;
		out2[j + 3] += s2 * b3;
	}
	for (const j of $range(c4, c - 1)) {
		const b = src[j];
		out1[j] += s1 * b;
		out2[j] += s2 * b;
	}
}

/** Writes a·b into `out` (r×c, overwritten); shapes are trusted. */
export function matmulKernel(out: Matrix, a: Matrix, b: Matrix) {
	const r = a.size();
	const inner = b.size();
	const c = b[0].size();
	let i = 0;
	while (i + 1 < r) {
		const o1 = out[i];
		const o2 = out[i + 1];
		for (const j of $range(0, c - 1)) {
			o1[j] = 0;
			o2[j] = 0;
		}
		const a1 = a[i];
		const a2 = a[i + 1];
		for (const k of $range(0, inner - 1)) axpyTwoRows(o1, o2, b[k], a1[k], a2[k], c);
		i += 2;
	}
	if (i < r) {
		const o = out[i];
		for (const j of $range(0, c - 1)) o[j] = 0;
		const ai = a[i];
		for (const k of $range(0, inner - 1)) axpyRow(o, b[k], ai[k], c);
	}
}

function checkProduct(a: Matrix, b: Matrix, where: string) {
	if (a[0].size() !== b.size()) {
		error(
			`[Hivemind] ${where}: cannot multiply ${describeShape(a)} by ${describeShape(b)} (a has ${a[0].size()} columns, b has ${b.size()} rows)`,
			3,
		);
	}
}

/** The matrix product a·b. */
export function matmul(a: Matrix, b: Matrix): Matrix {
	checkProduct(a, b, "Matrix.matmul");
	const r = a.size();
	const c = b[0].size();
	const out = table.create<Array<number>>(r);
	for (const i of $range(0, r - 1)) out[i] = table.create<number>(c, 0);
	matmulKernel(out, a, b);
	return out;
}

/** a·v for a vector v (length = a's columns); returns a vector. */
export function matVec(a: Matrix, v: Vector): Vector {
	const c = a[0].size();
	if (v.size() !== c) {
		error(`[Hivemind] Matrix.matVec: cannot multiply ${describeShape(a)} by a vector of length ${v.size()}`, 2);
	}
	const r = a.size();
	const out = table.create<number>(r, 0);
	for (const i of $range(0, r - 1)) {
		const ai = a[i];
		let s = 0;
		for (const j of $range(0, c - 1)) s += ai[j] * v[j];
		out[i] = s;
	}
	return out;
}

/** The outer product u·vᵀ (|u|×|v|). */
export function outer(u: Vector, v: Vector): Matrix {
	const out = table.create<Array<number>>(u.size());
	for (const i of $range(0, u.size() - 1)) {
		const ui = u[i];
		const row = table.create<number>(v.size(), 0);
		for (const j of $range(0, v.size() - 1)) row[j] = ui * v[j];
		out[i] = row;
	}
	return out;
}

/** The dot product of two vectors of equal length. */
export function dot(u: Vector, v: Vector): number {
	if (u.size() !== v.size()) error(`[Hivemind] Matrix.dot: vectors must have equal length, got ${u.size()} and ${v.size()}`, 2);
	let s = 0;
	for (const i of $range(0, u.size() - 1)) s += u[i] * v[i];
	return s;
}

/** aᵀ·b without forming aᵀ (a: n×p, b: n×q → p×q). */
export function transposeMatmul(a: Matrix, b: Matrix): Matrix {
	if (a.size() !== b.size()) {
		error(`[Hivemind] Matrix.transposeMatmul: cannot multiply the transpose of ${describeShape(a)} by ${describeShape(b)} (row counts differ)`, 2);
	}
	const n = a.size();
	const p = a[0].size();
	const q = b[0].size();
	const out = table.create<Array<number>>(p);
	for (const i of $range(0, p - 1)) out[i] = table.create<number>(q, 0);
	for (const k of $range(0, n - 1)) {
		const ak = a[k];
		const bk = b[k];
		for (const i of $range(0, p - 1)) {
			const s = ak[i];
			if (s !== 0) axpyRow(out[i], bk, s, q);
		}
	}
	return out;
}

/** a·bᵀ without forming bᵀ (a: n×p, b: m×p → n×m). */
export function matmulTranspose(a: Matrix, b: Matrix): Matrix {
	const p = a[0].size();
	if (b[0].size() !== p) {
		error(`[Hivemind] Matrix.matmulTranspose: cannot multiply ${describeShape(a)} by the transpose of ${describeShape(b)} (column counts differ)`, 2);
	}
	const n = a.size();
	const m = b.size();
	const out = table.create<Array<number>>(n);
	for (const i of $range(0, n - 1)) {
		const ai = a[i];
		const row = table.create<number>(m, 0);
		for (const j of $range(0, m - 1)) {
			const bj = b[j];
			let s = 0;
			for (const k of $range(0, p - 1)) s += ai[k] * bj[k];
			row[j] = s;
		}
		out[i] = row;
	}
	return out;
}

/** xᵀx (p×p, symmetric): each pair computed once and mirrored. */
export function gram(x: Matrix): Matrix {
	const n = x.size();
	const p = x[0].size();
	const out = table.create<Array<number>>(p);
	for (const i of $range(0, p - 1)) out[i] = table.create<number>(p, 0);
	for (const k of $range(0, n - 1)) {
		const xk = x[k];
		for (const i of $range(0, p - 1)) {
			const s = xk[i];
			if (s === 0) continue;
			const oi = out[i];
			for (const j of $range(i, p - 1)) oi[j] += s * xk[j];
		}
	}
	for (const i of $range(1, p - 1)) {
		const oi = out[i];
		for (const j of $range(0, i - 1)) oi[j] = out[j][i];
	}
	return out;
}
