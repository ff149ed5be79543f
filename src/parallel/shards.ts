//!native
/**
 * Row shards and their wire form: a shard of a matrix travels as one f64 buffer (8 bytes an
 * entry, row-major), the cheapest thing an Actor message can copy, and is turned back into rows
 * once on the worker, where it stays resident.
 */
import { Matrix } from "../matrix/types";
import { forEachBlock, FrameBudget, rowsPerBlock } from "./FrameBudget";
import { ShardedData, WorkerPool } from "./types";

/** The 0-based row range [first, last] of each of `k` shards of `n` rows: consecutive, sizes differing by at most one, earlier shards larger. */
export function shardRanges(n: number, k: number): Array<[number, number]> {
	const count = math.max(1, math.min(k, n));
	const base = math.floor(n / count);
	const extra = n % count;
	const out = new Array<[number, number]>();
	let first = 0;
	for (const s of $range(0, count - 1)) {
		const size = base + (s < extra ? 1 : 0);
		out.push([first, first + size - 1]);
		first += size;
	}
	return out;
}

/** Rows `first` … `last` (0-based, inclusive) of `m` as one f64 buffer, row-major. */
export function rowsToBuffer(m: Matrix, first: number, last: number): buffer {
	const p = m[0].size();
	const b = buffer.create((last - first + 1) * p * 8);
	let offset = 0;
	for (const i of $range(first + 1, last + 1)) {
		const row = m[i - 1];
		for (const j of $range(1, p)) {
			buffer.writef64(b, offset, row[j - 1]);
			offset += 8;
		}
	}
	return b;
}

/** The `rows`×`columns` matrix held row-major in `b` (from `rowsToBuffer`); `budget` checked between fixed blocks of rows. */
export function bufferToRows(b: buffer, rows: number, columns: number, budget?: FrameBudget): Matrix {
	const out = table.create<Array<number>>(rows);
	forEachBlock(rows, rowsPerBlock(columns), budget, (first, last) => {
		let offset = first * columns * 8;
		for (const i of $range(first, last)) {
			const row = table.create<number>(columns, 0);
			for (const j of $range(1, columns)) {
				row[j - 1] = buffer.readf64(b, offset);
				offset += 8;
			}
			out[i] = row;
		}
	});
	return out;
}

/** Rows `first` … `last` of `m` as a new list sharing the row tables (no entry is copied). */
export function rowsBetween(m: Matrix, first: number, last: number): Matrix {
	const out = table.create<Array<number>>(last - first + 1);
	for (const i of $range(first + 1, last + 1)) out[i - first - 1] = m[i - 1];
	return out;
}

/** Runs `fn` with `inputs` (and `targets`) resident on `pool`, then frees the workers' copies (also when `fn` throws). */
export function withResidentRows<T>(pool: WorkerPool, inputs: Matrix, targets: Matrix | undefined, fn: (data: ShardedData) => T): T {
	const data = pool.loadData(inputs, targets);
	const [ok, result] = pcall(fn, data);
	pool.releaseData(data);
	if (!ok) error(result, 0);
	return result as T;
}
