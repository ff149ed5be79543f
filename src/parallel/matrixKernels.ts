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
import { residualGradientInto, RowPacer } from "../matrix/fused";
import { giveBackScratch, takeScratch } from "../matrix/scratch";
import { budgetPacer, forEachBlock, FrameBudget, rowsPerBlock } from "./FrameBudget";
import { registerKernel } from "./kernels";
import { PackedRows, Shard } from "./types";

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

/**
 * `residualGradientInto` (matrix/fused.ts) for one output, reading x and y from f64 buffers (row-major, as a
 * pool worker holds its shard: `rowsToBuffer`) instead of row tables: the same arithmetic in the
 * same order, so the same bits. x: n×p in `xb`, y: n×1 in `yb`, w: p×1, out: p×1 (overwritten).
 * Returns Σ (x·w − y)². Internal: the caller has checked the shapes (the buffers hold the rows the
 * worker was sent).
 */
export function packedResidualGradientInto(out: Matrix, xb: buffer, yb: buffer, n: number, w: Matrix, pacer?: RowPacer): number {
	const p = w.size();
	const stride = p * 8;
	// this call's own vectors (a pacer may yield, and another call run meanwhile)
	const wv = takeScratch();
	const g = takeScratch();
	for (const j of $range(1, p)) {
		wv[j - 1] = w[j - 1][0];
		g[j - 1] = 0;
	}
	let sse = 0;
	const every = pacer === undefined ? math.huge : math.max(1, math.floor(pacer.blockRows));
	let nextCheck = every;
	const n4 = n - (n % 4);
	for (const i of $range(1, n4, 4)) {
		// Luau rows i … i+3 start at byte offsets o0 … o0 + 3·stride
		const o0 = (i - 1) * stride;
		const o1 = o0 + stride;
		const o2 = o1 + stride;
		const o3 = o2 + stride;
		let r0 = -buffer.readf64(yb, (i - 1) * 8);
		let r1 = -buffer.readf64(yb, i * 8);
		let r2 = -buffer.readf64(yb, (i + 1) * 8);
		let r3 = -buffer.readf64(yb, (i + 2) * 8);
		for (const j of $range(1, p)) {
			const wj = wv[j - 1];
			const at = (j - 1) * 8;
			r0 += buffer.readf64(xb, o0 + at) * wj;
			r1 += buffer.readf64(xb, o1 + at) * wj;
			r2 += buffer.readf64(xb, o2 + at) * wj;
			r3 += buffer.readf64(xb, o3 + at) * wj;
		}
		sse += r0 * r0 + r1 * r1 + r2 * r2 + r3 * r3;
		for (const j of $range(1, p)) {
			const at = (j - 1) * 8;
			g[j - 1] +=
				r0 * buffer.readf64(xb, o0 + at) +
				r1 * buffer.readf64(xb, o1 + at) +
				r2 * buffer.readf64(xb, o2 + at) +
				r3 * buffer.readf64(xb, o3 + at);
		}
		if (i + 3 >= nextCheck) {
			nextCheck += every;
			(pacer as RowPacer).between(i + 3);
		}
	}
	for (const i of $range(n4 + 1, n)) {
		const o = (i - 1) * stride;
		let r = -buffer.readf64(yb, (i - 1) * 8);
		for (const j of $range(1, p)) r += buffer.readf64(xb, o + (j - 1) * 8) * wv[j - 1];
		sse += r * r;
		for (const j of $range(1, p)) g[j - 1] += r * buffer.readf64(xb, o + (j - 1) * 8);
		if (i >= nextCheck) {
			nextCheck += every;
			(pacer as RowPacer).between(i);
		}
	}
	for (const j of $range(1, p)) out[j - 1][0] = g[j - 1];
	giveBackScratch(wv);
	giveBackScratch(g);
	return sse;
}

/**
 * out = Xᵀ(Xw − y), returning Σ(Xw − y)², for rows given as tables; when `packed` holds the same
 * rows (and targets) as f64 buffers (a worker's shard), w has one column and the buffers' sizes fit
 * (n·p and n values), reads the buffers instead (`packedResidualGradientInto`: ≈ 1.5× faster a row
 * on 100,000 × 33 here, the same bits); otherwise the rows, whose shape checks then report any mismatch.
 */
export function residualGradientOfRows(out: Matrix, x: Matrix, w: Matrix, y: Matrix, packed: PackedRows | undefined, pacer?: RowPacer): number {
	const n = x.size();
	if (
		packed !== undefined &&
		packed.targets !== undefined &&
		w[0].size() === 1 &&
		out !== w &&
		buffer.len(packed.inputs) === n * w.size() * 8 &&
		buffer.len(packed.targets) === n * 8
	) {
		return packedResidualGradientInto(out, packed.inputs, packed.targets, n, w, pacer);
	}
	return residualGradientInto(out, x, w, y, pacer);
}

/** The `"linearGradient"` kernel: `{ gradient = Xᵀ(Xw − y), loss = Σ(Xw − y)² }` of the shard at `args.weights`, in one paced pass. */
export function linearGradientKernel(shard: Shard, args: unknown): { gradient: Matrix; loss: number } {
	const w = (args as { weights: Matrix }).weights;
	const n = shard.inputs.size();
	const gradient = zeros(w.size(), w[0].size());
	const pacer = budgetPacer(new FrameBudget(), rowsPerBlock(2 * w.size() * w[0].size()), n);
	const loss = residualGradientOfRows(gradient, shard.inputs, w, shard.targets as Matrix, shard.packed, pacer);
	return { gradient, loss };
}

registerKernel("gram", gramKernel);
registerKernel("linearGradient", linearGradientKernel);
