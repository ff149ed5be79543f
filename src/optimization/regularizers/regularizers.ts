/**
 * Regularizers: weight penalties added to the mean data loss, and their gradients. Bias rows are
 * never penalized: `biasRows` lists their 0-based row indices and defaults to `[0]`, the first
 * row, where Hivemind's models with an intercept keep it; pass `[]` when the weights have no bias
 * row (e.g. a model trained without an intercept).
 */
import type { Matrix } from "../../matrix/types";
import { createByName, OptionValues, sortedKeys } from "../helpers";
import { L1 } from "./L1";
import { L2 } from "./L2";
import { ElasticNet } from "./ElasticNet";

/** A weight penalty R(w) and its (sub)gradient. */
export interface Regularizer {
	/** `"L1"`, `"L2"` or `"ElasticNet"`. */
	readonly regularizerName: string;
	/** R(w) summed over the rows not listed in `biasRows` (default `[0]`). */
	penalty(weights: Matrix, biasRows?: Array<number>): number;
	/** ∂R/∂w as a new matrix shaped like `weights`, zero on the `biasRows` (default `[0]`). */
	gradient(weights: Matrix, biasRows?: Array<number>): Matrix;
	/** target += scale · ∂R/∂w in place (bias rows untouched); returns target. `scale` defaults to 1. */
	addGradientInPlace(target: Matrix, weights: Matrix, biasRows?: Array<number>, scale?: number): Matrix;
	/** c of the penalty's smooth quadratic part c/2·‖w‖² (its Hessian on the non-bias rows), for second-order solvers; absent means 0. */
	quadraticCurvature?(): number;
	/** The options as plain data. */
	getOptions(): OptionValues;
}

const FACTORIES: { [name: string]: (options?: object) => Regularizer } = {
	L1: (o) => new L1(o),
	L2: (o) => new L2(o),
	ElasticNet: (o) => new ElasticNet(o),
};

/** The names `createRegularizer` accepts, sorted (matching is case-insensitive). */
export const REGULARIZER_NAMES: ReadonlyArray<string> = sortedKeys(FACTORIES);

/** True when `value` looks like a `Regularizer`. */
export function isRegularizer(value: unknown): value is Regularizer {
	if (!typeIs(value, "table")) return false;
	const v = value as { regularizerName?: unknown; penalty?: unknown; gradient?: unknown };
	return typeIs(v.regularizerName, "string") && typeIs(v.penalty, "function") && typeIs(v.gradient, "function");
}

/**
 * A regularizer by name (`"ElasticNet"`, case-insensitive) and options, or the given regularizer
 * itself (then `options` must be nil).
 * @example createRegularizer("ElasticNet", { lambda: 0.1, l1Ratio: 0.3 })
 */
export function createRegularizer(nameOrRegularizer: string | Regularizer, options?: object): Regularizer {
	return createByName("createRegularizer", "nameOrRegularizer", "a regularizer", FACTORIES, isRegularizer, nameOrRegularizer, options);
}
