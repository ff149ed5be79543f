//!native
/**
 * The ELM's passes over the rows, shared by the model and its pool kernels: the statistics HᵀH,
 * HᵀT of H = the hidden layer's output, and the squared error of the solved output layer, both in
 * fixed row blocks (about 2^15 multiply-adds each) summed in block order. A worker runs the same
 * functions on its resident shard (kernels `"elmStatistics"` and `"elmSquaredError"`), so a pool
 * changes only how the per-shard sums are grouped.
 */
import { Matrix } from "../../matrix/types";
import { matmul } from "../../matrix/product";
import { addInPlace } from "../../matrix/inplace";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { rowsBetween } from "../../parallel/shards";
import { computeLinearPartial, LinearPartial } from "../../sufficientStatistics/linear";
import { ElmNeuronType, hiddenOutput } from "./hidden";

/** What a worker needs to compute H on its shard: the neuron type and the hidden layer (plain data). */
export interface ElmKernelArgs {
	neuronType: ElmNeuronType;
	hidden: Matrix;
}

/** Rows per block of the work of `hidden` ((d + 1) × h): about h·(h + d)/2 multiply-adds a row. */
export function hiddenRowsPerBlock(hidden: Matrix): number {
	const h = hidden[0].size();
	return rowsPerBlock((h * (h + hidden.size() - 1)) / 2);
}

/**
 * HᵀH, HᵀT and n of H = the hidden layer's output on `x` (targets `t`), in fixed row blocks
 * summed in block order, `budget` checked after each.
 */
export function hiddenStatistics(args: ElmKernelArgs, x: Matrix, t: Matrix, budget?: FrameBudget): LinearPartial {
	let total: LinearPartial | undefined;
	forEachBlock(x.size(), hiddenRowsPerBlock(args.hidden), budget, (first, last) => {
		const h = hiddenOutput(args.neuronType, args.hidden, rowsBetween(x, first, last));
		const part = computeLinearPartial(h, rowsBetween(t, first, last));
		if (total === undefined) total = part;
		else total = { xtx: addInPlace(total.xtx, part.xtx), xty: addInPlace(total.xty, part.xty), n: total.n + part.n };
	});
	return total!;
}

/** Σ‖tᵢ − h(xᵢ)·output‖² over all rows, H computed again in the same fixed blocks. */
export function hiddenSquaredError(args: ElmKernelArgs, output: Matrix, x: Matrix, t: Matrix, budget?: FrameBudget): number {
	let sum = 0;
	forEachBlock(x.size(), hiddenRowsPerBlock(args.hidden), budget, (first, last) => {
		const fitted = matmul(hiddenOutput(args.neuronType, args.hidden, rowsBetween(x, first, last)), output);
		for (const i of $range(first, last)) {
			const ti = t[i];
			const fi = fitted[i - first];
			for (const j of $range(0, ti.size() - 1)) sum += (ti[j] - fi[j]) ** 2;
		}
	});
	return sum;
}
