//!native
/**
 * The linear models' loss and gradient in one pass over the rows, written into a buffer: each
 * row's scores, link output, cost derivative and contribution to Xᵀ·dZ are formed and used at
 * once, so no n×k intermediate (Z, the outputs, dZ) is built.
 */
import { Matrix } from "../../matrix/types";
import { RowPacer } from "../../matrix/fused";
import { residualGradientOfRows } from "../../parallel/matrixKernels";
import { PackedRows } from "../../parallel/types";
import { EntryLoss } from "../../costs/types";
import { identityLink, OutputLink } from "./links";

/** A row's scores, link outputs and cost derivatives (k entries each, as the row links read their sizes), made once per k. */
const scratchByWidth = new Map<number, [Array<number>, Array<number>, Array<number>]>();

function rowScratch(k: number): [Array<number>, Array<number>, Array<number>] {
	let scratch = scratchByWidth.get(k);
	if (scratch === undefined) {
		scratch = [table.create<number>(k, 0), table.create<number>(k, 0), table.create<number>(k, 0)];
		scratchByWidth.set(k, scratch);
	}
	return scratch;
}

/**
 * out = Xᵀ·dZ for the summed cost of link(X·W) against Y, in one pass; returns the summed loss.
 * The same arithmetic as forming Z = X·W, A = link(Z), the cost and dZ as matrices, row by row
 * (the squared error on the identity link with one output goes through `residualGradientInto`,
 * equal to within rounding, or its buffer twin when `packed` holds the rows as a worker's f64 buffers).
 * `out` (p×k) is overwritten; `pacer` (optional) is called between fixed blocks of rows.
 */
export function linearLossGradientInto(
	out: Matrix,
	x: Matrix,
	w: Matrix,
	y: Matrix,
	link: OutputLink,
	costName: string,
	entry: EntryLoss,
	pacer?: RowPacer,
	packed?: PackedRows,
): number {
	const n = x.size();
	const p = w.size();
	const k = w[0].size();
	if (k === 1 && link === identityLink && costName === "MeanSquaredError") {
		const sse = residualGradientOfRows(out, x, w, y, packed, pacer);
		for (const j of $range(0, p - 1)) out[j][0] *= 2;
		return sse;
	}
	for (const j of $range(0, p - 1)) {
		const oj = out[j];
		for (const m of $range(0, k - 1)) oj[m] = 0;
	}
	const { loss, derivative } = entry;
	const forward = link.row.forward;
	const backward = link.row.backward;
	const [z, a, u] = rowScratch(k);
	let total = 0;
	const every = pacer === undefined ? math.huge : math.max(1, math.floor(pacer.blockRows));
	let nextCheck = every;
	for (const i of $range(0, n - 1)) {
		const xi = x[i];
		const yi = y[i];
		for (const m of $range(0, k - 1)) z[m] = 0;
		for (const j of $range(0, p - 1)) {
			const s = xi[j];
			const wj = w[j];
			for (const m of $range(0, k - 1)) z[m] += s * wj[m];
		}
		forward(z, a);
		for (const m of $range(0, k - 1)) {
			total += loss(a[m], yi[m]);
			u[m] = derivative(a[m], yi[m]);
		}
		backward(z, a, u);
		for (const j of $range(0, p - 1)) {
			const s = xi[j];
			const oj = out[j];
			for (const m of $range(0, k - 1)) oj[m] += s * u[m];
		}
		if (i + 1 >= nextCheck) {
			nextCheck += every;
			(pacer as RowPacer).between(i + 1);
		}
	}
	return total;
}
