//!native
/**
 * Kernels on plain matrices, registered with the pool: the statistics XᵀX, Xᵀy of a shard
 * (`"gram"`) and the summed least-squares gradient Xᵀ(Xw − y) (`"linearGradient"`). Both make one
 * pass over the shard's rows, checking the frame budget between fixed row blocks (the sums run on
 * across blocks, so a sliced run equals an unsliced one bit for bit).
 */
import { Matrix } from "../matrix/types";
import { zeros } from "../matrix/creation";
import { addUpperGram, mirrorUpperTriangle } from "../matrix/product";
import { residualGradientInto } from "../matrix/fused";
import { budgetPacer, forEachBlock, FrameBudget, rowsPerBlock } from "./FrameBudget";
import { registerKernel } from "./kernels";
import { Shard } from "./types";

/** A shard's XᵀX (and Xᵀy when it has targets). */
export interface GramPartial {
	xtx: Matrix;
	xty: Matrix | undefined;
}

/** Adds the rows `first` … `last` of xᵀy into `out` (p×t), row after row. */
function addTransposeProduct(out: Matrix, x: Matrix, y: Matrix, first: number, last: number) {
	const p = x[0].size();
	const t = y[0].size();
	for (const k of $range(first, last)) {
		const xk = x[k];
		const yk = y[k];
		for (const i of $range(0, p - 1)) {
			const s = xk[i];
			if (s === 0) continue;
			const oi = out[i];
			for (const j of $range(0, t - 1)) oi[j] += s * yk[j];
		}
	}
}

/** The `"gram"` kernel: XᵀX and Xᵀy of the shard, in fixed row blocks within the frame budget. */
export function gramKernel(shard: Shard): GramPartial {
	const x = shard.inputs;
	const y = shard.targets;
	const p = x[0].size();
	const t = y === undefined ? 0 : y[0].size();
	const xtx = zeros(p, p);
	const xty = y === undefined ? undefined : zeros(p, t);
	forEachBlock(x.size(), rowsPerBlock((p * (p + 1)) / 2 + p * t), new FrameBudget(), (first, last) => {
		addUpperGram(xtx, x, first, last);
		if (xty !== undefined) addTransposeProduct(xty, x, y as Matrix, first, last);
	});
	mirrorUpperTriangle(xtx);
	return { xtx, xty };
}

/** The `"linearGradient"` kernel: `{ gradient = Xᵀ(Xw − y), loss = Σ(Xw − y)² }` of the shard at `args.weights`, in one paced pass. */
export function linearGradientKernel(shard: Shard, args: unknown): { gradient: Matrix; loss: number } {
	const w = (args as { weights: Matrix }).weights;
	const n = shard.inputs.size();
	const gradient = zeros(w.size(), w[0].size());
	const pacer = budgetPacer(new FrameBudget(), rowsPerBlock(2 * w.size() * w[0].size()), n);
	const loss = residualGradientInto(gradient, shard.inputs, w, shard.targets as Matrix, pacer);
	return { gradient, loss };
}

registerKernel("gram", gramKernel);
registerKernel("linearGradient", linearGradientKernel);
