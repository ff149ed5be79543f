/**
 * Sufficient statistics of an Extreme Learning Machine's output layer, as pure functions:
 * `computeElmPartial` (accumulate one shard), `mergeElmPartials` (combine, associative and
 * commutative up to rounding), `finalizeElm` (derive the output weights). Training on all the data
 * equals finalizing the merge of the shards' partials, since HᵀH and HᵀT are sums over samples.
 */
import { Matrix } from "../matrix/types";
import { describeShape } from "../matrix/validate";
import { gram, transposeMatmul } from "../matrix/product";
import { addInPlace } from "../matrix/inplace";
import { copy } from "../matrix/creation";
import { solveRidge } from "../matrix/linalg/solve";

/** HᵀH, HᵀT and the sample count n of one shard: plain data, sendable as a "statistics" payload. */
export interface ElmPartial {
	/** HᵀH ((neurons + 1) × (neurons + 1)). */
	hth: Matrix;
	/** HᵀT ((neurons + 1) × outputs). */
	htt: Matrix;
	/** Number of samples accumulated. */
	n: number;
}

/** The partial statistics of hidden outputs `h` (n × m) and targets `t` (n × k). */
export function computeElmPartial(h: Matrix, t: Matrix): ElmPartial {
	return { hth: gram(h), htt: transposeMatmul(h, t), n: h.size() };
}

/** The sum of two partials as a new partial (neither argument is modified). */
export function mergeElmPartials(a: ElmPartial, b: ElmPartial): ElmPartial {
	if (a.hth.size() !== b.hth.size() || a.htt[0].size() !== b.htt[0].size()) {
		error(
			`[Hivemind] mergeElmPartials: b must have the shapes of a (hth ${describeShape(a.hth)}, htt ${describeShape(a.htt)}), got hth ${describeShape(b.hth)}, htt ${describeShape(b.htt)}`,
			2,
		);
	}
	const hth = addInPlace(copy(a.hth), b.hth);
	const htt = addInPlace(copy(a.htt), b.htt);
	return { hth, htt, n: a.n + b.n };
}

/**
 * The output weights β = (HᵀH + λI′)⁻¹HᵀT, the ridge λ added once here (never per shard); I′ has
 * zeros at the `unpenalized` indices (the output bias, index 0, for Hivemind's ELM).
 */
export function finalizeElm(partial: ElmPartial, lambda: number, unpenalized: Array<number> = [0]): Matrix {
	if (partial.n < 1) error(`[Hivemind] finalizeElm: partial.n must be ≥ 1, got ${partial.n}`, 2);
	return solveRidge(partial.hth, partial.htt, lambda, unpenalized);
}
