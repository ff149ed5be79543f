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
import { zeros } from "../../matrix/creation";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { rowsBetween } from "../../parallel/shards";
import { LinearPartial } from "../../sufficientStatistics/linear";
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
 * HᵀH, HᵀT and n of H = the hidden layer's output on `x` (targets `t`), in fixed row blocks,
 * `budget` checked after each. Each row's products are added straight into the totals (upper
 * triangle of HᵀH, mirrored at the end: exactly symmetric), so no block allocates a partial.
 */
export function hiddenStatistics(args: ElmKernelArgs, x: Matrix, t: Matrix, budget?: FrameBudget): LinearPartial {
	const m = args.hidden[0].size() + 1;
	const outputs = t[0].size();
	const xtx = zeros(m, m);
	const xty = zeros(m, outputs);
	forEachBlock(x.size(), hiddenRowsPerBlock(args.hidden), budget, (first, last) => {
		const h = hiddenOutput(args.neuronType, args.hidden, rowsBetween(x, first, last));
		for (const r of $range(0, last - first)) {
			const hr = h[r];
			const tr = t[first + r];
			for (const i of $range(0, m - 1)) {
				const s = hr[i];
				if (s === 0) continue;
				const row = xtx[i];
				for (const j of $range(i, m - 1)) row[j] += s * hr[j];
				const out = xty[i];
				for (const j of $range(0, outputs - 1)) out[j] += s * tr[j];
			}
		}
	});
	for (const i of $range(1, m - 1)) for (const j of $range(0, i - 1)) xtx[i][j] = xtx[j][i];
	return { xtx, xty, n: x.size() };
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
