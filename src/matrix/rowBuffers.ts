//!native
/**
 * Matrices whose rows are `buffer`s of little-endian f64 values (entry k of a row at byte k·8), for
 * the O(n²) working matrices of the pairwise models (distances, similarities, messages, kernels).
 * The Luau collector marks a buffer without looking inside it, whereas it scans every value of a
 * table: three 2,000 × 2,000 matrices as tables are 12 million values to scan on every marking pass,
 * as buffers 6,000 objects. Hot loops read a row's entry k inline with `buffer.readf64(row, k * 8)`.
 */
import { Matrix } from "./types";

/** A matrix as rows of f64 buffers (all rows the same byte length). */
export type BufferRows = Array<buffer>;

/** Bytes of one f64 entry. */
export const F64_BYTES = 8;

/** A row of `width` zeros. */
export function zeroRow(width: number): buffer {
	return buffer.create(width * F64_BYTES);
}

/** The plain matrix `rows` as buffer rows (for tests and small inputs). */
export function toBufferRows(rows: Matrix): BufferRows {
	return rows.map((row) => {
		const out = zeroRow(row.size());
		for (const k of $range(0, row.size() - 1)) buffer.writef64(out, k * F64_BYTES, row[k]);
		return out;
	});
}

/** Buffer rows as a plain matrix (for tests and small outputs). */
export function fromBufferRows(rows: BufferRows): Matrix {
	return rows.map((row) => {
		const width = buffer.len(row) / F64_BYTES;
		const out = table.create<number>(width, 0);
		for (const k of $range(0, width - 1)) out[k] = buffer.readf64(row, k * F64_BYTES);
		return out;
	});
}
