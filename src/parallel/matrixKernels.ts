//!native
/**
 * Kernels on plain matrices, registered with the pool: the statistics XᵀX, Xᵀy of a shard
 * (`"gram"`) and the summed least-squares gradient Xᵀ(Xw − y) (`"linearGradient"`).
 */
import { Matrix } from "../matrix/types";
import { zeros } from "../matrix/creation";
import { gram, transposeMatmul } from "../matrix/product";
import { residualGradientInto } from "../matrix/fused";
import { registerKernel } from "./kernels";
import { Shard } from "./types";

/** A shard's XᵀX (and Xᵀy when it has targets). */
export interface GramPartial {
	xtx: Matrix;
	xty: Matrix | undefined;
}

/** The `"gram"` kernel: XᵀX and Xᵀy of the shard. */
export function gramKernel(shard: Shard): GramPartial {
	return { xtx: gram(shard.inputs), xty: shard.targets === undefined ? undefined : transposeMatmul(shard.inputs, shard.targets) };
}

/** The `"linearGradient"` kernel: `{ gradient = Xᵀ(Xw − y), loss = Σ(Xw − y)² }` of the shard at `args.weights`. */
export function linearGradientKernel(shard: Shard, args: unknown): { gradient: Matrix; loss: number } {
	const w = (args as { weights: Matrix }).weights;
	const gradient = zeros(w.size(), w[0].size());
	const loss = residualGradientInto(gradient, shard.inputs, w, shard.targets as Matrix);
	return { gradient, loss };
}

registerKernel("gram", gramKernel);
registerKernel("linearGradient", linearGradientKernel);
