//!native
/** Validating and converting model inputs: feature matrices, bias columns, numeric targets. */
import { Matrix } from "../../matrix/types";
import { assertMatrix, describeShape } from "../../matrix/validate";
import { matmul } from "../../matrix/product";
import { rowsBetween } from "../../parallel/shards";
import { isFiniteNumber } from "../../core/describe";
import { allocatingRowsPerBlock, fillInBlocks, forEachBlock, FrameBudget, rowsPerAllocatedBytes } from "../../parallel/FrameBudget";
import { BufferRows, F64_BYTES, zeroRow } from "../../matrix/rowBuffers";
import { copyBlockRows, copyMatrixWithinBudget } from "../../parallel/matrixCopy";
import { holdWhileFilling, releaseHold } from "../../parallel/collectorHold";

/**
 * A validated copy of the feature matrix `X` (rectangular, finite, non-empty); when
 * `expectedWidth` is given, `X` must have that many columns. Errors name `where` and `X`.
 * `withOnes`: each row of the copy starts with a 1 (the bias input), made in the same pass.
 */
export function featureMatrix(X: unknown, where: string, expectedWidth?: number, argName = "X", withOnes = false): Matrix {
	if (typeIs(X, "table") && typeIs((X as Array<unknown>)[0], "number")) {
		error(
			`[Hivemind] ${where}: ${argName} must be a matrix (array of rows, one per sample), got a vector of ${(X as Array<unknown>).size()} numbers; wrap one sample as {{...}}`,
			3,
		);
	}
	const copied = copyMatrixWithinBudget(X, withOnes);
	if (copied === undefined) assertMatrix(X, argName, where);
	if (expectedWidth !== undefined && copied![0].size() - (withOnes ? 1 : 0) !== expectedWidth) {
		error(`[Hivemind] ${where}: ${argName} must have ${expectedWidth} columns (features) like the training data, got ${describeShape(X)}`, 3);
	}
	return copied!;
}

/**
 * `[fn(0), …, fn(count − 1)]`, computed in fixed blocks within the frame budget (`workPerRow`:
 * about the multiply-adds one call's work costs; the call itself counts as 8 more; each call may
 * allocate, so a block holds at most `ALLOCATING_BLOCK_ROWS` calls).
 */
export function mapInBlocks<T extends defined>(count: number, workPerRow: number, fn: (i: number) => T, budget = new FrameBudget()): Array<T> {
	return fillInBlocks<T>(count, allocatingRowsPerBlock(workPerRow + 8), budget, (out, first, last) => {
		for (const i of $range(first, last)) out[i] = fn(i);
	});
}

/** `count` rows of `width` zeros as f64 buffers (`matrix/rowBuffers.ts`), made within `budget` at most `ALLOCATING_BLOCK_BYTES` a block. */
export function zeroRowsInBlocks(count: number, width: number, budget = new FrameBudget()): BufferRows {
	return fillInBlocks<buffer>(count, rowsPerAllocatedBytes(width * F64_BYTES), budget, (out, first, last) => {
		for (const i of $range(first, last)) out[i] = zeroRow(width);
	});
}

/**
 * The symmetric n×n matrix M[i][j] = M[j][i] = value(i, j) as buffer rows, each pair i ≤ j computed
 * once and mirrored (the diagonal too: value(i, i)), checking `budget` after each row i (at most n values).
 */
export function symmetricBufferRows(n: number, value: (i: number, j: number) => number, budget = new FrameBudget()): BufferRows {
	const out = zeroRowsInBlocks(n, n, budget);
	forEachBlock(n, 1, budget, (i) => {
		const row = out[i];
		for (const j of $range(i, n - 1)) {
			const v = value(i, j);
			buffer.writef64(row, j * F64_BYTES, v);
			buffer.writef64(out[j], i * F64_BYTES, v);
		}
	});
	return out;
}

/**
 * x·w (n × outputs) in fixed, even-sized row blocks within the frame budget (each block one
 * `matmul`, rows paired as in one product of all rows, so the same numbers).
 */
export function productInBlocks(x: Matrix, w: Matrix, budget = new FrameBudget()): Matrix {
	const n = x.size();
	const block = 2 * math.ceil(allocatingRowsPerBlock(w.size() * w[0].size() + 2) / 2);
	return fillInBlocks<Array<number>>(n, block, budget, (out, first, last) => {
		const part = matmul(rowsBetween(x, first, last), w);
		for (const i of $range(first, last)) out[i] = part[i - first];
	});
}

/** `x` with a column of ones prepended (the bias input), as a new matrix (in fixed row blocks within the frame budget). */
export function withBiasColumn(x: Matrix): Matrix {
	const n = x.size();
	const p = x[0].size();
	return fillInBlocks<Array<number>>(n, copyBlockRows(p + 1), new FrameBudget(), (out, first, last) => {
		for (const i of $range(first, last)) {
			const xi = x[i];
			const row = table.create<number>(p + 1, 1);
			for (const j of $range(0, p - 1)) row[j + 1] = xi[j];
			out[i] = row;
		}
	});
}

/** The model's input matrix: validated `X`, with the bias column when `fitIntercept`. */
export function modelInputs(X: unknown, where: string, fitIntercept: boolean, expectedWidth?: number): Matrix {
	// the bias column made in the validating copy itself: one new table a row, not two
	return featureMatrix(X, where, expectedWidth, "X", fitIntercept);
}

/** Throws unless `y` describes `rows` samples; the message names both shapes. */
export function assertRowCount(y: Array<unknown>, rows: number, where: string, xShape: string, argName = "y") {
	if (y.size() !== rows) {
		error(`[Hivemind] ${where}: ${argName} must have ${rows} rows like X (${xShape}), got ${describeShape(y)}`, 3);
	}
}

/**
 * Numeric targets as an n×k matrix: a vector of n numbers (→ n×1) or an n×k matrix, finite,
 * with as many rows as X. `outputs`, when given, fixes k.
 */
export function targetMatrix(y: unknown, rows: number, where: string, xShape: string, outputs?: number): Matrix {
	if (y === undefined) error(`[Hivemind] ${where}: y must be given (targets for the ${rows} samples of X), got nil`, 3);
	if (!typeIs(y, "table")) error(`[Hivemind] ${where}: y must be a vector or matrix of numbers, got ${typeOf(y)}`, 3);
	const list = y as Array<unknown>;
	let m: Matrix;
	if (typeIs(list[0], "number")) {
		const n = list.size();
		const column = holdWhileFilling(table.create<Array<number>>(n));
		forEachBlock(n, copyBlockRows(1), new FrameBudget(), (first, last) => {
			for (const i of $range(first, last)) {
				const v = list[i];
				if (!isFiniteNumber(v)) {
					releaseHold(column);
					error(`[Hivemind] ${where}: y[${i + 1}] must be a finite number, got ${tostring(v)}`, 5);
				}
				column[i] = [v];
			}
		});
		releaseHold(column);
		m = column;
	} else {
		m = featureMatrix(y, where, undefined, "y");
	}
	assertRowCount(m, rows, where, xShape);
	if (outputs !== undefined && m[0].size() !== outputs) {
		error(`[Hivemind] ${where}: y must have ${outputs} columns (outputs) like the model, got ${describeShape(m)}`, 3);
	}
	return m;
}
