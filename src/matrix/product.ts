//!native
/**
 * Products: matrix–matrix, matrix–vector, outer, dot, and the transposed products that training
 * needs without forming a transpose.
 *
 * The matrix product runs in i-k-j order with rows hoisted into locals and is register-blocked:
 * each pass of the inner loop updates two output rows from four rows of b, so every entry loaded
 * feeds several multiply-adds. Measured on 256×256 under Lune this was the fastest of the idioms
 * tried (about 1.2 GFLOP/s native, 220 MFLOP/s interpreted: 5–8× the naive i-j-k triple loop, see
 * BENCHMARKS.md). Loops count from 1 and index `[j - 1]`, which roblox-ts emits as a plain `[j]`.
 */
import { Matrix, Vector } from "./types";
import { assertMatrixShape, assertVector, describeShape } from "./validate";
import { transpose } from "./shape";

/** o += s·p over columns 1…c. */
function axpy11(o: Array<number>, p: Array<number>, s: number, c: number) {
	for (const j of $range(1, c)) o[j - 1] += s * p[j - 1];
}

/** o += s·p + t·q + x·u + y·v (one output row from four rows of b). */
function axpy14(
	o: Array<number>,
	p: Array<number>,
	q: Array<number>,
	u: Array<number>,
	v: Array<number>,
	s: number,
	t: number,
	x: number,
	y: number,
	c: number,
) {
	for (const j of $range(1, c)) o[j - 1] += s * p[j - 1] + t * q[j - 1] + x * u[j - 1] + y * v[j - 1];
}

/** o1 += s1·p, o2 += s2·p (two output rows from one row of b). */
function axpy21(o1: Array<number>, o2: Array<number>, p: Array<number>, s1: number, s2: number, c: number) {
	for (const j of $range(1, c)) {
		const p0 = p[j - 1];
		o1[j - 1] += s1 * p0;
		o2[j - 1] += s2 * p0;
	}
}

/** o1 += s1·p + t1·q + x1·u + y1·v and o2 += s2·p + t2·q + x2·u + y2·v (two output rows, four rows of b). */
function axpy24(
	o1: Array<number>,
	o2: Array<number>,
	p: Array<number>,
	q: Array<number>,
	u: Array<number>,
	v: Array<number>,
	s1: number,
	t1: number,
	x1: number,
	y1: number,
	s2: number,
	t2: number,
	x2: number,
	y2: number,
	c: number,
) {
	for (const j of $range(1, c)) {
		const p0 = p[j - 1];
		const q0 = q[j - 1];
		const u0 = u[j - 1];
		const v0 = v[j - 1];
		o1[j - 1] += s1 * p0 + t1 * q0 + x1 * u0 + y1 * v0;
		o2[j - 1] += s2 * p0 + t2 * q0 + x2 * u0 + y2 * v0;
	}
}

/** Sets every entry of the first `c` columns of `row` to 0. */
function zeroRow(row: Array<number>, c: number) {
	for (const j of $range(1, c)) row[j - 1] = 0;
}

/**
 * The flat vector of the one-column cases (b as a vector, the accumulated Xᵀr), reused by every call
 * (kernels never yield or nest), so a training loop calling them per row block allocates nothing.
 */
const flat: Array<number> = [];

/** Writes a·b into `out` (a.rows × b.cols, overwritten, not aliasing a or b); shapes are trusted. */
export function matmulKernel(out: Matrix, a: Matrix, b: Matrix) {
	const r = a.size();
	const inner = b.size();
	const c = b[0].size();
	if (c === 1) {
		// A matrix times a column: one dot product per row against b as a flat vector.
		const bv = flat;
		for (const k of $range(1, inner)) bv[k - 1] = b[k - 1][0];
		for (const i of $range(1, r)) {
			const ai = a[i - 1];
			let sum = 0;
			for (const k of $range(1, inner)) sum += ai[k - 1] * bv[k - 1];
			out[i - 1][0] = sum;
		}
		return;
	}
	const inner4 = inner - (inner % 4);
	const r2 = r - (r % 2);
	for (const i of $range(0, r2 - 1, 2)) {
		const o1 = out[i];
		const o2 = out[i + 1];
		zeroRow(o1, c);
		zeroRow(o2, c);
		const a1 = a[i];
		const a2 = a[i + 1];
		for (const k of $range(0, inner4 - 1, 4)) {
			const s1 = a1[k];
			const t1 = a1[k + 1];
			const x1 = a1[k + 2];
			const y1 = a1[k + 3];
			axpy24(o1, o2, b[k], b[k + 1], b[k + 2], b[k + 3], s1, t1, x1, y1, a2[k], a2[k + 1], a2[k + 2], a2[k + 3], c);
		}
		for (const k of $range(inner4, inner - 1)) axpy21(o1, o2, b[k], a1[k], a2[k], c);
	}
	if (r2 < r) {
		const o = out[r2];
		zeroRow(o, c);
		const ai = a[r2];
		for (const k of $range(0, inner4 - 1, 4)) {
			axpy14(o, b[k], b[k + 1], b[k + 2], b[k + 3], ai[k], ai[k + 1], ai[k + 2], ai[k + 3], c);
		}
		for (const k of $range(inner4, inner - 1)) axpy11(o, b[k], ai[k], c);
	}
}

/** Writes aᵀ·b into `out` (a.cols × b.cols, overwritten, not aliasing a or b); shapes are trusted. */
export function transposeMatmulKernel(out: Matrix, a: Matrix, b: Matrix) {
	const n = a.size();
	const p = a[0].size();
	const q = b[0].size();
	if (q === 1) {
		// One column (a gradient Xᵀr): accumulate into a flat vector, one pass over the rows.
		const acc = flat;
		for (const i of $range(1, p)) acc[i - 1] = 0;
		for (const k of $range(1, n)) {
			const s = b[k - 1][0];
			if (s !== 0) axpy11(acc, a[k - 1], s, p);
		}
		for (const i of $range(1, p)) out[i - 1][0] = acc[i - 1];
		return;
	}
	for (const i of $range(1, p)) zeroRow(out[i - 1], q);
	const n4 = n - (n % 4);
	const p2 = p - (p % 2);
	for (const k of $range(0, n4 - 1, 4)) {
		const a0 = a[k];
		const a1 = a[k + 1];
		const a2 = a[k + 2];
		const a3 = a[k + 3];
		const b0 = b[k];
		const b1 = b[k + 1];
		const b2 = b[k + 2];
		const b3 = b[k + 3];
		// Output rows i and i+1 (Luau indices) share every load of b0 … b3.
		for (const i of $range(1, p2, 2)) {
			const s1 = a0[i - 1];
			const t1 = a1[i - 1];
			const x1 = a2[i - 1];
			const y1 = a3[i - 1];
			axpy24(out[i - 1], out[i], b0, b1, b2, b3, s1, t1, x1, y1, a0[i], a1[i], a2[i], a3[i], q);
		}
		if (p2 < p) axpy14(out[p - 1], b0, b1, b2, b3, a0[p - 1], a1[p - 1], a2[p - 1], a3[p - 1], q);
	}
	for (const k of $range(n4, n - 1)) {
		const ak = a[k];
		const bk = b[k];
		for (const i of $range(1, p)) axpy11(out[i - 1], bk, ak[i - 1], q);
	}
}

/** A rows×cols matrix of zeros (internal, unchecked). */
function blank(rows: number, cols: number): Matrix {
	const out = table.create<Array<number>>(rows);
	for (const i of $range(1, rows)) out[i - 1] = table.create<number>(cols, 0);
	return out;
}

/** The matrix product a·b (a: r×n, b: n×c → r×c). */
export function matmul(a: Matrix, b: Matrix): Matrix {
	assertMatrixShape(a, "a", "Matrix.matmul");
	assertMatrixShape(b, "b", "Matrix.matmul");
	if (a[0].size() !== b.size()) {
		error(
			`[Hivemind] Matrix.matmul: cannot multiply ${describeShape(a)} by ${describeShape(b)} (a has ${a[0].size()} columns, b has ${b.size()} rows)`,
			2,
		);
	}
	const out = blank(a.size(), b[0].size());
	matmulKernel(out, a, b);
	return out;
}

/** a·v for a vector v (length = a's columns); returns a vector. */
export function matVec(a: Matrix, v: Vector): Vector {
	assertMatrixShape(a, "a", "Matrix.matVec");
	const c = a[0].size();
	if (!typeIs(v, "table") || v.size() !== c) {
		error(`[Hivemind] Matrix.matVec: cannot multiply ${describeShape(a)} by a vector of length ${typeIs(v, "table") ? v.size() : typeOf(v)}`, 2);
	}
	const r = a.size();
	const out = table.create<number>(r, 0);
	for (const i of $range(1, r)) {
		const ai = a[i - 1];
		let s = 0;
		for (const j of $range(1, c)) s += ai[j - 1] * v[j - 1];
		out[i - 1] = s;
	}
	return out;
}

/** The outer product u·vᵀ (|u|×|v|). */
export function outer(u: Vector, v: Vector): Matrix {
	assertVector(u, "u", "Matrix.outer");
	assertVector(v, "v", "Matrix.outer");
	const m = v.size();
	const out = table.create<Array<number>>(u.size());
	for (const i of $range(1, u.size())) {
		const ui = u[i - 1];
		const row = table.create<number>(m, 0);
		for (const j of $range(1, m)) row[j - 1] = ui * v[j - 1];
		out[i - 1] = row;
	}
	return out;
}

/** The dot product of two vectors of equal length. */
export function dot(u: Vector, v: Vector): number {
	if (!typeIs(u, "table") || !typeIs(v, "table")) {
		error(`[Hivemind] Matrix.dot: u and v must be arrays of numbers, got ${typeOf(u)} and ${typeOf(v)}`, 2);
	}
	if (u.size() !== v.size()) error(`[Hivemind] Matrix.dot: u and v must have equal length, got ${u.size()} and ${v.size()}`, 2);
	let s = 0;
	for (const i of $range(1, u.size())) s += u[i - 1] * v[i - 1];
	return s;
}

/** aᵀ·b without forming aᵀ (a: n×p, b: n×q → p×q). */
export function transposeMatmul(a: Matrix, b: Matrix): Matrix {
	assertMatrixShape(a, "a", "Matrix.transposeMatmul");
	assertMatrixShape(b, "b", "Matrix.transposeMatmul");
	if (a.size() !== b.size()) {
		error(
			`[Hivemind] Matrix.transposeMatmul: cannot multiply the transpose of ${describeShape(a)} by ${describeShape(b)} (row counts differ)`,
			2,
		);
	}
	const out = blank(a[0].size(), b[0].size());
	transposeMatmulKernel(out, a, b);
	return out;
}

/** a·bᵀ without forming bᵀ (a: n×p, b: m×p → n×m). */
export function matmulTranspose(a: Matrix, b: Matrix): Matrix {
	assertMatrixShape(a, "a", "Matrix.matmulTranspose");
	assertMatrixShape(b, "b", "Matrix.matmulTranspose");
	const p = a[0].size();
	if (b[0].size() !== p) {
		error(
			`[Hivemind] Matrix.matmulTranspose: cannot multiply ${describeShape(a)} by the transpose of ${describeShape(b)} (column counts differ)`,
			2,
		);
	}
	// Transposing b costs O(m·p), the product O(n·m·p): the blocked kernel on bᵀ beats dot products.
	const bt = transpose(b);
	const out = blank(a.size(), b.size());
	matmulKernel(out, a, bt);
	return out;
}

/** Adds the upper triangle (j ≥ i) of xᵀx over the 0-based rows `first` … `last` of x into `out` (p×p), row after row. */
export function addUpperGram(out: Matrix, x: Matrix, first: number, last: number) {
	const p = x[0].size();
	for (const k of $range(first + 1, last + 1)) {
		const xk = x[k - 1];
		for (const i of $range(1, p)) {
			const s = xk[i - 1];
			if (s !== 0) {
				const oi = out[i - 1];
				for (const j of $range(i, p)) oi[j - 1] += s * xk[j - 1];
			}
		}
	}
}

/** Copies the upper triangle of the square matrix `m` onto its lower one (in place), so `m` is exactly symmetric; returns `m`. */
export function mirrorUpperTriangle(m: Matrix): Matrix {
	for (const i of $range(2, m.size())) {
		const mi = m[i - 1];
		for (const j of $range(1, i - 1)) mi[j - 1] = m[j - 1][i - 1];
	}
	return m;
}

/** xᵀx (p×p, symmetric): each pair computed once and mirrored, so the result is exactly symmetric. */
export function gram(x: Matrix): Matrix {
	assertMatrixShape(x, "x", "Matrix.gram");
	const p = x[0].size();
	const out = blank(p, p);
	addUpperGram(out, x, 0, x.size() - 1);
	mirrorUpperTriangle(out);
	return out;
}
