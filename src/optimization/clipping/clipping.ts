//!native
/**
 * Gradient clipping, applied to a gradient before the optimizer's step. The plain forms return
 * new matrices; the `InPlace` forms overwrite their argument and return it.
 */
import { Matrix } from "../../matrix/types";
import { copy } from "../../matrix/creation";
import { scaleInPlace } from "../../matrix/inplace";
import { frobeniusNorm } from "../../matrix/norms";
import { assertMatrix } from "../../matrix/validate";
import { describeValue } from "../../core/describe";

function assertLimit(value: unknown, argName: string, where: string): asserts value is number {
	if (!typeIs(value, "number") || !(value > 0) || value === math.huge) {
		error(`[Hivemind] ${where}: ${argName} must be a finite number > 0, got ${describeValue(value)}`, 3);
	}
}

/** `gradient` after checking it and the limit named `limitName` (errors name `where`). */
function checked(gradient: Matrix, limit: number, limitName: string, where: string): Matrix {
	assertMatrix(gradient, "gradient", where);
	assertLimit(limit, limitName, where);
	return gradient;
}

function assertMatrixList(value: unknown, where: string): asserts value is Array<Matrix> {
	if (!typeIs(value, "table") || (value as Array<unknown>).size() === 0) {
		error(`[Hivemind] ${where}: gradients must be a non-empty array of matrices, got ${describeValue(value)}`, 3);
	}
	const list = value as Array<unknown>;
	for (const k of $range(0, list.size() - 1)) assertMatrix(list[k], `gradients[${k + 1}]`, where);
}

function clampKernel(gradient: Matrix, limit: number) {
	const columns = gradient[0].size();
	for (const i of $range(0, gradient.size() - 1)) {
		const row = gradient[i];
		for (const j of $range(0, columns - 1)) row[j] = math.clamp(row[j], -limit, limit);
	}
}

/** Each entry clamped to [−limit, limit], in place; returns `gradient`. */
export function clipByValueInPlace(gradient: Matrix, limit: number): Matrix {
	clampKernel(checked(gradient, limit, "limit", "clipByValueInPlace"), limit);
	return gradient;
}

/**
 * A copy of `gradient` with each entry clamped to [−limit, limit].
 * @example clipByValue([[3, -0.5]], 1) // [[1, -0.5]]
 */
export function clipByValue(gradient: Matrix, limit: number): Matrix {
	const out = copy(checked(gradient, limit, "limit", "clipByValue"));
	clampKernel(out, limit);
	return out;
}

/** Rescales `gradient` in place so its Frobenius norm is at most `maxNorm` (unchanged if already); returns it. */
export function clipByNormInPlace(gradient: Matrix, maxNorm: number): Matrix {
	checked(gradient, maxNorm, "maxNorm", "clipByNormInPlace");
	const norm = frobeniusNorm(gradient);
	if (norm > maxNorm) scaleInPlace(gradient, maxNorm / norm);
	return gradient;
}

/**
 * A copy of `gradient` rescaled so its Frobenius norm is at most `maxNorm`.
 * @example clipByNorm([[3, 4]], 1) // [[0.6, 0.8]]
 */
export function clipByNorm(gradient: Matrix, maxNorm: number): Matrix {
	return clipByNormInPlace(copy(checked(gradient, maxNorm, "maxNorm", "clipByNorm")), maxNorm);
}

function normOfAll(gradients: Array<Matrix>): number {
	let sumOfSquares = 0;
	for (const gradient of gradients) sumOfSquares += frobeniusNorm(gradient) ** 2;
	return math.sqrt(sumOfSquares);
}

function rescaleToGlobalNorm(gradients: Array<Matrix>, maxNorm: number): Array<Matrix> {
	const norm = normOfAll(gradients);
	if (norm > maxNorm) {
		for (const gradient of gradients) scaleInPlace(gradient, maxNorm / norm);
	}
	return gradients;
}

/** √(Σₖ ‖gradientsₖ‖²): the norm of all the matrices taken as one vector. */
export function globalNorm(gradients: Array<Matrix>): number {
	assertMatrixList(gradients, "globalNorm");
	return normOfAll(gradients);
}

/**
 * Rescales every matrix of `gradients` in place by the same factor so that their global norm
 * (see `globalNorm`) is at most `maxNorm`; returns `gradients`. Keeps the direction of the whole
 * update, unlike clipping each matrix on its own.
 */
export function clipByGlobalNormInPlace(gradients: Array<Matrix>, maxNorm: number): Array<Matrix> {
	assertMatrixList(gradients, "clipByGlobalNormInPlace");
	assertLimit(maxNorm, "maxNorm", "clipByGlobalNormInPlace");
	return rescaleToGlobalNorm(gradients, maxNorm);
}

/**
 * Copies of `gradients`, all rescaled by one factor so that their global norm is at most `maxNorm`.
 * @example clipByGlobalNorm([[[3]], [[4]]], 1) // [[[0.6]], [[0.8]]]
 */
export function clipByGlobalNorm(gradients: Array<Matrix>, maxNorm: number): Array<Matrix> {
	assertMatrixList(gradients, "clipByGlobalNorm");
	assertLimit(maxNorm, "maxNorm", "clipByGlobalNorm");
	return rescaleToGlobalNorm(
		gradients.map((gradient) => copy(gradient)),
		maxNorm,
	);
}
