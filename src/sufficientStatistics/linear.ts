/**
 * Sufficient statistics of linear and ridge regression, as pure functions:
 * `computeLinearPartial` (XᵀX, Xᵀy, n of one shard), `mergeLinearPartials` (sums; associative),
 * `finalizeLinear` (solves (XᵀX + λI′)w = Xᵀy, the ridge λ added once here, never per shard).
 * X is the design matrix as the model sees it (with its bias column, if any).
 */
import { Matrix } from "../matrix/types";
import { gram, transposeMatmul } from "../matrix/product";
import { addInPlace } from "../matrix/inplace";
import { copy } from "../matrix/creation";
import { solveRidge } from "../matrix/linalg/solve";
import { assertData, assertCompatiblePartials, assertPartial, PartialRules } from "./validate";
import { describeValue, isFiniteNumber } from "../core/describe";

/** XᵀX (d×d), Xᵀy (d×o) and n of one shard: plain data, sendable as a "statistics" payload. */
export interface LinearPartial {
	xtx: Matrix;
	xty: Matrix;
	n: number;
	/** A fingerprint of the feature layout the rows were built with (an ELM's hidden layer), when the producer has one: partials of different layouts never merge. */
	layout?: string;
}

/** What a linear partial's contents must satisfy: XᵀX Gram-like, sums zero over no rows. */
export const LINEAR_RULES: PartialRules = { gram: ["xtx"], zeroWhenEmpty: true };

/** Throws unless `partial` is a valid `LinearPartial` (its fields, shapes, Gram symmetry); errors name `where`. */
export function assertLinearPartial(partial: unknown, where: string): asserts partial is LinearPartial {
	assertPartial(partial, "partial", "n", ["xtx", "xty"], where, LINEAR_RULES);
}

/** The statistics of one shard: X (n×d), y (n×o). */
export function computeLinearPartial(X: Matrix, y: Matrix): LinearPartial {
	assertData(X, y, "computeLinearPartial");
	return { xtx: gram(X), xty: transposeMatmul(X, y), n: X.size() };
}

/** The statistics of the union of two shards (new matrices; pure, associative). */
export function mergeLinearPartials(a: LinearPartial, b: LinearPartial): LinearPartial {
	assertCompatiblePartials(a, b, "n", ["xtx", "xty"], "mergeLinearPartials", LINEAR_RULES);
	if (a.layout !== b.layout) {
		error(
			`[Hivemind] mergeLinearPartials: b.layout must equal a.layout (${describeValue(a.layout)}: partials of different feature layouts, such as ELM hidden layers from different seeds, cannot merge), got ${describeValue(b.layout)}`,
			2,
		);
	}
	return { xtx: addInPlace(copy(a.xtx), b.xtx), xty: addInPlace(copy(a.xty), b.xty), n: a.n + b.n, layout: a.layout };
}

/**
 * The weights w (d×o) solving (XᵀX + λI′)w = Xᵀy; I′ has zeros at the 0-based `unpenalized`
 * indices (the bias). λ = 0 is ordinary least squares.
 */
export function finalizeLinear(partial: LinearPartial, lambda = 0, unpenalized: Array<number> = []): Matrix {
	assertLinearPartial(partial, "finalizeLinear");
	if (!isFiniteNumber(lambda) || lambda < 0)
		error(`[Hivemind] finalizeLinear: lambda must be a finite number ≥ 0, got ${describeValue(lambda)}`, 2);
	if (partial.n < 1) error(`[Hivemind] finalizeLinear: partial.n must be ≥ 1, got ${partial.n}`, 2);
	return solveRidge(partial.xtx, partial.xty, lambda, unpenalized);
}
