//!native
/**
 * In-place variants for training hot paths: they overwrite their first argument and allocate
 * nothing per element. Shapes must match (checked once per call, not per element).
 */
import { Matrix } from "./types";
import { describeShape } from "./validate";
import { matmulKernel } from "./product";

function checkSame(target: Matrix, other: Matrix, where: string) {
	if (target.size() !== other.size() || target[0].size() !== other[0].size()) {
		error(`[Hivemind] ${where}: shapes ${describeShape(target)} and ${describeShape(other)} must match`, 3);
	}
}

/** target += other. */
export function addInPlace(target: Matrix, other: Matrix): Matrix {
	checkSame(target, other, "Matrix.addInPlace");
	const c = target[0].size();
	for (const i of $range(0, target.size() - 1)) {
		const t = target[i];
		const o = other[i];
		for (const j of $range(0, c - 1)) t[j] += o[j];
	}
	return target;
}

/** target −= other. */
export function subtractInPlace(target: Matrix, other: Matrix): Matrix {
	checkSame(target, other, "Matrix.subtractInPlace");
	const c = target[0].size();
	for (const i of $range(0, target.size() - 1)) {
		const t = target[i];
		const o = other[i];
		for (const j of $range(0, c - 1)) t[j] -= o[j];
	}
	return target;
}

/** target ⊙= other (element-wise). */
export function multiplyInPlace(target: Matrix, other: Matrix): Matrix {
	checkSame(target, other, "Matrix.multiplyInPlace");
	const c = target[0].size();
	for (const i of $range(0, target.size() - 1)) {
		const t = target[i];
		const o = other[i];
		for (const j of $range(0, c - 1)) t[j] *= o[j];
	}
	return target;
}

/** target *= s. */
export function scaleInPlace(target: Matrix, s: number): Matrix {
	const c = target[0].size();
	for (const i of $range(0, target.size() - 1)) {
		const t = target[i];
		for (const j of $range(0, c - 1)) t[j] *= s;
	}
	return target;
}

/** target += s · other (axpy). */
export function addScaledInPlace(target: Matrix, other: Matrix, s: number): Matrix {
	checkSame(target, other, "Matrix.addScaledInPlace");
	const c = target[0].size();
	for (const i of $range(0, target.size() - 1)) {
		const t = target[i];
		const o = other[i];
		for (const j of $range(0, c - 1)) t[j] += s * o[j];
	}
	return target;
}

/** target[i][j] = fn(target[i][j], i, j). */
export function mapInPlace(target: Matrix, fn: (value: number, i: number, j: number) => number): Matrix {
	const c = target[0].size();
	for (const i of $range(0, target.size() - 1)) {
		const t = target[i];
		for (const j of $range(0, c - 1)) t[j] = fn(t[j], i, j);
	}
	return target;
}

/** Every entry of target set to `value`. */
export function fillInPlace(target: Matrix, value: number): Matrix {
	const c = target[0].size();
	for (const i of $range(0, target.size() - 1)) {
		const t = target[i];
		for (const j of $range(0, c - 1)) t[j] = value;
	}
	return target;
}

/** Copies source's entries into target (same shape). */
export function copyInto(target: Matrix, source: Matrix): Matrix {
	checkSame(target, source, "Matrix.copyInto");
	const c = target[0].size();
	for (const i of $range(0, target.size() - 1)) {
		const t = target[i];
		const s = source[i];
		for (const j of $range(0, c - 1)) t[j] = s[j];
	}
	return target;
}

/** out = a·b, overwriting out (which must be a.rows × b.cols and not alias a or b). */
export function matmulInto(out: Matrix, a: Matrix, b: Matrix): Matrix {
	if (a[0].size() !== b.size() || out.size() !== a.size() || out[0].size() !== b[0].size()) {
		error(
			`[Hivemind] Matrix.matmulInto: cannot write ${describeShape(a)} · ${describeShape(b)} into ${describeShape(out)}`,
			2,
		);
	}
	if (out === a || out === b) error("[Hivemind] Matrix.matmulInto: out must not be a or b", 2);
	matmulKernel(out, a, b);
	return out;
}
