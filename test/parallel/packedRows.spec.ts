// A worker's shard as the f64 buffers it arrived in: the least-squares gradient read from them must
// give the bits the row tables give (same arithmetic, same order), pace at the same rows, fall back
// to the tables where it does not apply, and keep each call's sums its own when calls interleave.
import { describe, expect, it } from "../support/jest-globals.d";
import { Matrix } from "../../src/matrix";
import { residualGradientInto, RowPacer } from "../../src/matrix/fused";
import { zeros } from "../../src/matrix/creation";
import { packedResidualGradientInto, residualGradientOfRows } from "../../src/parallel/matrixKernels";
import { rowsToBuffer } from "../../src/parallel/shards";
import { regressionData } from "./helpers";

const [X, y] = regressionData(103, 7, 12);
const Y = y.map((v) => [v]);
const W = X[0].map((v, j) => [v - j / 10]);
const packedX = rowsToBuffer(X, 0, 102);
const packedY = rowsToBuffer(Y, 0, 102);

/** A pacer recording the rows done at each call. */
function recordingPacer(blockRows: number): LuaTuple<[RowPacer, Array<number>]> {
	const calls = new Array<number>();
	return $tuple({ blockRows, between: (done: number) => calls.push(done) }, calls);
}

describe("packedResidualGradientInto", () => {
	it("gives residualGradientInto's gradient and squared error bit for bit (103 rows: 25 groups of four and 3 left over), pacing at the same rows", () => {
		const [tablePacer, tableCalls] = recordingPacer(10);
		const [bufferPacer, bufferCalls] = recordingPacer(10);
		const fromTables = zeros(7, 1);
		const fromBuffers = zeros(7, 1);
		const tableLoss = residualGradientInto(fromTables, X, W, Y, tablePacer);
		const bufferLoss = packedResidualGradientInto(fromBuffers, packedX, packedY, 103, W, bufferPacer);
		expect(bufferLoss).toBe(tableLoss);
		expect(fromBuffers).toEqual(fromTables);
		// a call once 10 more rows are done, checked after each group of four; the last three rows reach 103 < 110: no call
		expect(bufferCalls).toEqual(tableCalls);
		expect(bufferCalls).toEqual([12, 20, 32, 40, 52, 60, 72, 80, 92, 100]);
		// and it is the gradient: Xᵀ(XW − Y) by the unfused products
		const residual = Matrix.subtract(Matrix.matmul(X, W), Y);
		const expected = Matrix.matmul(Matrix.transpose(X), residual);
		for (const j of $range(0, 6)) expect(math.abs(fromBuffers[j][0] - expected[j][0]) <= 1e-12 * math.abs(expected[j][0]) + 1e-12).toBe(true);
	});

	it("keeps each call's sums its own when two calls interleave (pacers that yield the coroutine between blocks)", () => {
		const [X2, y2] = regressionData(40, 3, 5);
		const Y2 = y2.map((v) => [v]);
		const W2 = [[0.5], [-1], [2]];
		const alone1 = zeros(7, 1);
		const alone2 = zeros(3, 1);
		const loss1 = packedResidualGradientInto(alone1, packedX, packedY, 103, W);
		const loss2 = packedResidualGradientInto(alone2, rowsToBuffer(X2, 0, 39), rowsToBuffer(Y2, 0, 39), 40, W2);
		const yielding: RowPacer = { blockRows: 4, between: () => coroutine.yield() };
		const out1 = zeros(7, 1);
		const out2 = zeros(3, 1);
		let together1 = 0;
		let together2 = 0;
		const first = coroutine.create(() => {
			together1 = packedResidualGradientInto(out1, packedX, packedY, 103, W, yielding);
		});
		const second = coroutine.create(() => {
			together2 = packedResidualGradientInto(out2, rowsToBuffer(X2, 0, 39), rowsToBuffer(Y2, 0, 39), 40, W2, yielding);
		});
		let switches = 0;
		while (coroutine.status(first) !== "dead" || coroutine.status(second) !== "dead") {
			if (coroutine.status(first) !== "dead") coroutine.resume(first);
			if (coroutine.status(second) !== "dead") coroutine.resume(second);
			switches += 1;
		}
		expect(switches > 10).toBe(true);
		expect([together1, together2]).toEqual([loss1, loss2]);
		expect(out1).toEqual(alone1);
		expect(out2).toEqual(alone2);
	});
});

describe("residualGradientOfRows", () => {
	it("reads the buffers when given them with targets and one output column, the tables otherwise: the same answers", () => {
		const viaTables = zeros(7, 1);
		const viaBuffers = zeros(7, 1);
		expect(residualGradientOfRows(viaBuffers, X, W, Y, { inputs: packedX, targets: packedY })).toBe(
			residualGradientOfRows(viaTables, X, W, Y, undefined),
		);
		expect(viaBuffers).toEqual(viaTables);
		// two output columns: the buffer kernel does not apply; the tables' answer
		const W2 = W.map((row) => [row[0], -row[0]]);
		const Y2 = Y.map((row) => [row[0], 1]);
		const twoColumns = zeros(7, 2);
		const expected = zeros(7, 2);
		const wrongBuffers = { inputs: packedX, targets: packedY };
		expect(residualGradientOfRows(twoColumns, X, W2, Y2, wrongBuffers)).toBe(residualGradientInto(expected, X, W2, Y2));
		expect(twoColumns).toEqual(expected);
		// no targets among the buffers: the tables again
		const noTargets = zeros(7, 1);
		expect(residualGradientOfRows(noTargets, X, W, Y, { inputs: packedX, targets: undefined })).toBe(
			residualGradientOfRows(zeros(7, 1), X, W, Y, undefined),
		);
		expect(noTargets).toEqual(viaTables);
		// buffers that do not fit the rows (targets of two columns against one output): the tables, whose check names the shapes
		const [ok, message] = pcall(() => residualGradientOfRows(zeros(7, 1), X, W, Y2, { inputs: packedX, targets: rowsToBuffer(Y2, 0, 102) }));
		expect(ok).toBe(false);
		expect(
			tostring(message).find("shapes must be x n×p, w p×k, y n×k, out p×k, got x 103×7, w 7×1, y 103×2, out 7×1", 1, true)[0] !== undefined,
		).toBe(true);
	});
});
