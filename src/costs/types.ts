/** The cost-function contract shared by every gradient model (docs/DESIGN.md, `src/costs`). */
import { Matrix } from "../matrix/types";

/**
 * A data loss over a batch, **summed** over samples (the gradient convention: the model divides
 * by n itself). `predicted` and `actual` have the same shape (n×k).
 */
export interface CostFunction {
	/** The canonical name, e.g. `"MeanSquaredError"` (what `createCost` accepts). */
	readonly costName: string;
	/** The summed loss Σ loss(predicted, actual) over every entry. */
	value(predicted: Matrix, actual: Matrix): number;
	/** d value / d predicted, entry by entry (same shape as `predicted`). */
	gradient(predicted: Matrix, actual: Matrix): Matrix;
	/** The cost's own hyper-parameters as plain data (`delta`, `tau`...). */
	getOptions(): { [key: string]: number };
	/** The per-entry loss and derivative behind `value`/`gradient`, when the cost is element-wise (fused training kernels use it). */
	readonly entry?: EntryLoss;
}

/** Per-entry loss ℓ(p, y) and its derivative ∂ℓ/∂p. */
export interface EntryLoss {
	loss: (p: number, y: number) => number;
	derivative: (p: number, y: number) => number;
}

/** Hyper-parameters accepted by `createCost` (each cost reads only its own). */
export interface CostOptions {
	/** Huber: the residual size where the loss turns from quadratic to linear (> 0, default 1). */
	delta?: number;
	/** Quantile: the target quantile τ in (0, 1) (default 0.5, the median). */
	tau?: number;
}
