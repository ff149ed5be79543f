//!native
/** Fused kernels for training hot paths: several products in one pass, nothing allocated per row. */
import { Matrix } from "./types";
import { assertMatrixShape, describeShape } from "./validate";
import { giveBackScratch, takeScratch } from "./scratch";

/**
 * Pacing inside a long kernel: `between(rowsDone)` is called each time another `blockRows` rows
 * are done (a frame-budget check). The sums run on unchanged across the calls, so the result never
 * depends on the pacing.
 */
export interface RowPacer {
	/** Rows between two calls (at least 1). */
	blockRows: number;
	/** Called with the count of rows done so far (may yield). */
	between: (rowsDone: number) => void;
}

/**
 * out = xᵀ(x·w − y), the gradient of ½‖x·w − y‖² (summed over the rows, before any 1/n), in one
 * pass over the rows of x: each row's residual is formed and used at once, so neither x·w nor xᵀ
 * is built. Returns Σ (x·w − y)², the summed squared residual.
 * x: n×p, w: p×k, y: n×k, out: p×k (overwritten; must not be w). `pacer` (optional) is called
 * between fixed blocks of rows.
 */
export function residualGradientInto(out: Matrix, x: Matrix, w: Matrix, y: Matrix, pacer?: RowPacer): number {
	const where = "Matrix.residualGradientInto";
	assertMatrixShape(out, "out", where);
	assertMatrixShape(x, "x", where);
	assertMatrixShape(w, "w", where);
	assertMatrixShape(y, "y", where);
	const n = x.size();
	const p = x[0].size();
	const k = w[0].size();
	if (w.size() !== p || y.size() !== n || y[0].size() !== k || out.size() !== p || out[0].size() !== k) {
		error(
			`[Hivemind] ${where}: shapes must be x n×p, w p×k, y n×k, out p×k, got x ${describeShape(x)}, w ${describeShape(w)}, y ${describeShape(y)}, out ${describeShape(out)}`,
			2,
		);
	}
	if (out === w) error(`[Hivemind] ${where}: out must not be w`, 2);
	let sse = 0;
	const every = pacer === undefined ? math.huge : math.max(1, math.floor(pacer.blockRows));
	let nextCheck = every;
	if (k === 1) {
		// One output: w and the gradient as flat vectors; four rows per pass share each load of w
		// and each read-modify-write of the gradient.
		// this call's own vectors (a pacer may yield, and another call run meanwhile)
		const wv = takeScratch();
		const g = takeScratch();
		for (const j of $range(1, p)) {
			wv[j - 1] = w[j - 1][0];
			g[j - 1] = 0;
		}
		const n4 = n - (n % 4);
		for (const i of $range(1, n4, 4)) {
			// Luau rows i … i+3 are x[i - 1] … x[i + 2]
			const x0 = x[i - 1];
			const x1 = x[i];
			const x2 = x[i + 1];
			const x3 = x[i + 2];
			let r0 = -y[i - 1][0];
			let r1 = -y[i][0];
			let r2 = -y[i + 1][0];
			let r3 = -y[i + 2][0];
			for (const j of $range(1, p)) {
				const wj = wv[j - 1];
				r0 += x0[j - 1] * wj;
				r1 += x1[j - 1] * wj;
				r2 += x2[j - 1] * wj;
				r3 += x3[j - 1] * wj;
			}
			sse += r0 * r0 + r1 * r1 + r2 * r2 + r3 * r3;
			for (const j of $range(1, p)) g[j - 1] += r0 * x0[j - 1] + r1 * x1[j - 1] + r2 * x2[j - 1] + r3 * x3[j - 1];
			if (i + 3 >= nextCheck) {
				nextCheck += every;
				(pacer as RowPacer).between(i + 3);
			}
		}
		for (const i of $range(n4 + 1, n)) {
			const xi = x[i - 1];
			let r = -y[i - 1][0];
			for (const j of $range(1, p)) r += xi[j - 1] * wv[j - 1];
			sse += r * r;
			for (const j of $range(1, p)) g[j - 1] += r * xi[j - 1];
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
	for (const j of $range(1, p)) {
		const oj = out[j - 1];
		for (const m of $range(1, k)) oj[m - 1] = 0;
	}
	const r = takeScratch();
	for (const i of $range(1, n)) {
		const xi = x[i - 1];
		const yi = y[i - 1];
		for (const m of $range(1, k)) r[m - 1] = -yi[m - 1];
		for (const j of $range(1, p)) {
			const s = xi[j - 1];
			const wj = w[j - 1];
			for (const m of $range(1, k)) r[m - 1] += s * wj[m - 1];
		}
		for (const m of $range(1, k)) sse += r[m - 1] * r[m - 1];
		for (const j of $range(1, p)) {
			const s = xi[j - 1];
			const oj = out[j - 1];
			for (const m of $range(1, k)) oj[m - 1] += s * r[m - 1];
		}
		if (i >= nextCheck) {
			nextCheck += every;
			(pacer as RowPacer).between(i);
		}
	}
	giveBackScratch(r);
	return sse;
}
