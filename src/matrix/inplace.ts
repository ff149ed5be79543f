//!native
/**
 * In-place variants for training hot paths: they overwrite their first argument, allocate
 * nothing, and return it. The arithmetic ones broadcast like their element-wise counterparts
 * (same shape, 1×c row, r×1 column or a number). Shapes are checked once per call, never per entry.
 */
import { Matrix } from "./types";
import { assertMatrixShape, describeShape } from "./validate";
import { addKernel, broadcastKind, divideKernel, multiplyKernel, SCALAR, subtractKernel } from "./broadcast";
import { matmulKernel, transposeMatmulKernel } from "./product";

function checkSame(target: Matrix, other: Matrix, where: string) {
	assertMatrixShape(target, "target", where);
	assertMatrixShape(other, "other", where);
	if (target.size() !== other.size() || target[0].size() !== other[0].size()) {
		error(`[Hivemind] ${where}: shapes ${describeShape(target)} and ${describeShape(other)} must match`, 3);
	}
}

/** The in-place form of a broadcasting kernel: checks the shapes, applies the kernel to `target`, returns it. */
function inPlace(kernel: (target: Matrix, other: Matrix | number, kind: number) => void, where: string) {
	return (target: Matrix, other: Matrix | number): Matrix => {
		kernel(target, other, broadcastKind(target, other, where, "target", "other"));
		return target;
	};
}

/** target += other (broadcasting). */
export const addInPlace = inPlace(addKernel, "Matrix.addInPlace");

/** target −= other (broadcasting). */
export const subtractInPlace = inPlace(subtractKernel, "Matrix.subtractInPlace");

/** target ⊙= other, element-wise (broadcasting). */
export const multiplyInPlace = inPlace(multiplyKernel, "Matrix.multiplyInPlace");

/** target ⊘= other, element-wise (broadcasting). */
export const divideInPlace = inPlace(divideKernel, "Matrix.divideInPlace");

/** target *= s. */
export function scaleInPlace(target: Matrix, s: number): Matrix {
	assertMatrixShape(target, "target", "Matrix.scaleInPlace");
	if (!typeIs(s, "number")) error(`[Hivemind] Matrix.scaleInPlace: s must be a number, got ${typeOf(s)}`, 2);
	multiplyKernel(target, s, SCALAR);
	return target;
}

/** target += s · other (axpy; same shapes). */
export function addScaledInPlace(target: Matrix, other: Matrix, s: number): Matrix {
	checkSame(target, other, "Matrix.addScaledInPlace");
	if (!typeIs(s, "number")) error(`[Hivemind] Matrix.addScaledInPlace: s must be a number, got ${typeOf(s)}`, 2);
	const c = target[0].size();
	for (const i of $range(1, target.size())) {
		const t = target[i - 1];
		const o = other[i - 1];
		for (const j of $range(1, c)) t[j - 1] += s * o[j - 1];
	}
	return target;
}

/** target[i][j] = fn(target[i][j], i, j) (0-based i, j). */
export function mapInPlace(target: Matrix, fn: (value: number, i: number, j: number) => number): Matrix {
	assertMatrixShape(target, "target", "Matrix.mapInPlace");
	if (!typeIs(fn, "function")) error(`[Hivemind] Matrix.mapInPlace: fn must be a function, got ${typeOf(fn)}`, 2);
	const c = target[0].size();
	for (const i of $range(1, target.size())) {
		const t = target[i - 1];
		for (const j of $range(1, c)) t[j - 1] = fn(t[j - 1], i - 1, j - 1);
	}
	return target;
}

/** Every entry of target set to `value`. */
export function fillInPlace(target: Matrix, value: number): Matrix {
	assertMatrixShape(target, "target", "Matrix.fillInPlace");
	if (!typeIs(value, "number")) error(`[Hivemind] Matrix.fillInPlace: value must be a number, got ${typeOf(value)}`, 2);
	const c = target[0].size();
	for (const i of $range(1, target.size())) {
		const t = target[i - 1];
		for (const j of $range(1, c)) t[j - 1] = value;
	}
	return target;
}

/** Copies source's entries into target (same shape). */
export function copyInto(target: Matrix, source: Matrix): Matrix {
	checkSame(target, source, "Matrix.copyInto");
	const c = target[0].size();
	for (const i of $range(1, target.size())) {
		const t = target[i - 1];
		const s = source[i - 1];
		for (const j of $range(1, c)) t[j - 1] = s[j - 1];
	}
	return target;
}

/** out = a·b, overwriting out (which must be a.rows × b.cols and not alias a or b). */
export function matmulInto(out: Matrix, a: Matrix, b: Matrix): Matrix {
	assertMatrixShape(out, "out", "Matrix.matmulInto");
	assertMatrixShape(a, "a", "Matrix.matmulInto");
	assertMatrixShape(b, "b", "Matrix.matmulInto");
	if (a[0].size() !== b.size() || out.size() !== a.size() || out[0].size() !== b[0].size()) {
		error(`[Hivemind] Matrix.matmulInto: cannot write ${describeShape(a)} · ${describeShape(b)} into ${describeShape(out)}`, 2);
	}
	if (out === a || out === b) error("[Hivemind] Matrix.matmulInto: out must not be a or b", 2);
	matmulKernel(out, a, b);
	return out;
}

/** out = aᵀ·b without forming aᵀ, overwriting out (a.cols × b.cols, not aliasing a or b). */
export function transposeMatmulInto(out: Matrix, a: Matrix, b: Matrix): Matrix {
	assertMatrixShape(out, "out", "Matrix.transposeMatmulInto");
	assertMatrixShape(a, "a", "Matrix.transposeMatmulInto");
	assertMatrixShape(b, "b", "Matrix.transposeMatmulInto");
	if (a.size() !== b.size() || out.size() !== a[0].size() || out[0].size() !== b[0].size()) {
		error(
			`[Hivemind] Matrix.transposeMatmulInto: cannot write the transpose of ${describeShape(a)} · ${describeShape(b)} into ${describeShape(out)}`,
			2,
		);
	}
	if (out === a || out === b) error("[Hivemind] Matrix.transposeMatmulInto: out must not be a or b", 2);
	transposeMatmulKernel(out, a, b);
	return out;
}
