//!native
/** Shape and access: sizes, entries, rows and columns, slices, concatenation, transpose. */
import { Matrix, Vector } from "./types";
import { assertInteger, assertMatrix, assertMatrixShape, assertVector, describeShape } from "./validate";

/** Number of rows. */
export function rowCount(m: Matrix): number {
	assertMatrixShape(m, "m", "Matrix.rowCount");
	return m.size();
}

/** Number of columns. */
export function columnCount(m: Matrix): number {
	assertMatrixShape(m, "m", "Matrix.columnCount");
	return m[0].size();
}

/** [rows, cols]. */
export function shapeOf(m: Matrix): [number, number] {
	assertMatrixShape(m, "m", "Matrix.shapeOf");
	return [m.size(), m[0].size()];
}

function checkIndex(m: Matrix, i: number, j: number, where: string) {
	assertMatrixShape(m, "m", where);
	assertInteger(i, "i", where, 0, m.size() - 1);
	assertInteger(j, "j", where, 0, m[0].size() - 1);
}

/** The entry at row i, column j (0-based). */
export function get(m: Matrix, i: number, j: number): number {
	checkIndex(m, i, j, "Matrix.get");
	return m[i][j];
}

/** Sets the entry at row i, column j (0-based) in place. */
export function set(m: Matrix, i: number, j: number, value: number) {
	checkIndex(m, i, j, "Matrix.set");
	m[i][j] = value;
}

/** Row i (0-based) as a 1×c matrix (a copy). */
export function getRow(m: Matrix, i: number): Matrix {
	assertMatrixShape(m, "m", "Matrix.getRow");
	assertInteger(i, "i", "Matrix.getRow", 0, m.size() - 1);
	return [table.clone(m[i])];
}

/** Column j (0-based) as an r×1 matrix. */
export function getColumn(m: Matrix, j: number): Matrix {
	assertMatrixShape(m, "m", "Matrix.getColumn");
	assertInteger(j, "j", "Matrix.getColumn", 0, m[0].size() - 1);
	const r = m.size();
	const out = table.create<Array<number>>(r);
	for (const i of $range(0, r - 1)) out[i] = [m[i][j]];
	return out;
}

/** Rows start … endExclusive−1 (0-based) as a new matrix. */
export function sliceRows(m: Matrix, start: number, endExclusive: number): Matrix {
	assertMatrixShape(m, "m", "Matrix.sliceRows");
	assertInteger(start, "start", "Matrix.sliceRows", 0, m.size() - 1);
	assertInteger(endExclusive, "endExclusive", "Matrix.sliceRows", start + 1, m.size());
	const out = table.create<Array<number>>(endExclusive - start);
	for (const i of $range(start, endExclusive - 1)) out[i - start] = table.clone(m[i]);
	return out;
}

/** The rows at `indices` (0-based, in that order, repeats allowed) as a new matrix. */
export function selectRows(m: Matrix, indices: Array<number>): Matrix {
	assertMatrixShape(m, "m", "Matrix.selectRows");
	if (!typeIs(indices, "table") || indices.size() === 0) {
		error(`[Hivemind] Matrix.selectRows: indices must be a non-empty array of row indices, got ${describeShape(indices)}`, 2);
	}
	const r = m.size();
	const out = table.create<Array<number>>(indices.size());
	for (const k of $range(0, indices.size() - 1)) {
		const i = indices[k];
		if (!typeIs(i, "number") || i !== math.floor(i) || i < 0 || i >= r) {
			error(`[Hivemind] Matrix.selectRows: indices[${k + 1}] must be a row index in [0, ${r - 1}], got ${tostring(i)}`, 2);
		}
		out[k] = table.clone(m[i]);
	}
	return out;
}

/** [a | b]: columns of b appended to a (same number of rows). */
export function concatHorizontal(a: Matrix, b: Matrix): Matrix {
	assertMatrixShape(a, "a", "Matrix.concatHorizontal");
	assertMatrixShape(b, "b", "Matrix.concatHorizontal");
	if (a.size() !== b.size()) {
		error(`[Hivemind] Matrix.concatHorizontal: cannot join ${describeShape(a)} and ${describeShape(b)} side by side (row counts differ)`, 2);
	}
	const r = a.size();
	const ca = a[0].size();
	const cb = b[0].size();
	const out = table.create<Array<number>>(r);
	for (const i of $range(0, r - 1)) {
		const row = table.clone(a[i]);
		const bi = b[i];
		for (const j of $range(1, cb)) row[ca + j - 1] = bi[j - 1];
		out[i] = row;
	}
	return out;
}

/** [a; b]: rows of b appended below a (same number of columns). */
export function concatVertical(a: Matrix, b: Matrix): Matrix {
	assertMatrixShape(a, "a", "Matrix.concatVertical");
	assertMatrixShape(b, "b", "Matrix.concatVertical");
	if (a[0].size() !== b[0].size()) {
		error(`[Hivemind] Matrix.concatVertical: cannot stack ${describeShape(a)} on ${describeShape(b)} (column counts differ)`, 2);
	}
	const out = table.create<Array<number>>(a.size() + b.size());
	for (const i of $range(0, a.size() - 1)) out[i] = table.clone(a[i]);
	for (const i of $range(0, b.size() - 1)) out[a.size() + i] = table.clone(b[i]);
	return out;
}

/** The transpose (c×r). Four rows of m per pass, so each output row is looked up once per four writes. */
export function transpose(m: Matrix): Matrix {
	assertMatrixShape(m, "m", "Matrix.transpose");
	const r = m.size();
	const c = m[0].size();
	const out = table.create<Array<number>>(c);
	for (const j of $range(1, c)) out[j - 1] = table.create<number>(r, 0);
	const r4 = r - (r % 4);
	for (const i of $range(1, r4, 4)) {
		// Luau rows i … i+3 are m[i - 1] … m[i + 2]; output columns likewise.
		const m0 = m[i - 1];
		const m1 = m[i];
		const m2 = m[i + 1];
		const m3 = m[i + 2];
		for (const j of $range(1, c)) {
			const oj = out[j - 1];
			oj[i - 1] = m0[j - 1];
			oj[i] = m1[j - 1];
			oj[i + 1] = m2[j - 1];
			oj[i + 2] = m3[j - 1];
		}
	}
	for (const i of $range(r4 + 1, r)) {
		const mi = m[i - 1];
		for (const j of $range(1, c)) out[j - 1][i - 1] = mi[j - 1];
	}
	return out;
}

/** All entries row by row as one vector. */
export function flatten(m: Matrix): Vector {
	assertMatrixShape(m, "m", "Matrix.flatten");
	const c = m[0].size();
	const out = table.create<number>(m.size() * c, 0);
	for (const i of $range(1, m.size())) {
		const mi = m[i - 1];
		const offset = (i - 1) * c;
		for (const j of $range(1, c)) out[offset + j - 1] = mi[j - 1];
	}
	return out;
}

/** A rows×cols matrix filled row by row from `values` (length rows·cols). */
export function reshape(values: Vector, rows: number, cols: number): Matrix {
	assertVector(values, "values", "Matrix.reshape");
	assertInteger(rows, "rows", "Matrix.reshape", 1);
	assertInteger(cols, "cols", "Matrix.reshape", 1);
	if (values.size() !== rows * cols) {
		error(`[Hivemind] Matrix.reshape: ${values.size()} values cannot fill ${rows}×${cols}`, 2);
	}
	const out = table.create<Array<number>>(rows);
	for (const i of $range(0, rows - 1)) {
		const row = table.create<number>(cols, 0);
		for (const j of $range(0, cols - 1)) row[j] = values[i * cols + j];
		out[i] = row;
	}
	return out;
}

/** Validates `m` as a matrix (public boundary helper re-exported for users). */
export function assertIsMatrix(m: unknown, argName = "m", where = "Matrix"): asserts m is Matrix {
	assertMatrix(m, argName, where);
}
