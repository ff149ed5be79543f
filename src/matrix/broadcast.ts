//!native
/**
 * Broadcasting kernels shared by the element-wise functions (which copy first) and their in-place
 * variants. The right operand may be a matrix of the same shape, a 1×c row (applied to every row),
 * an r×1 column (applied to every column) or a number. Loops run over 1-based counters and index
 * `[j - 1]`, which roblox-ts emits as a plain `[j]` (no offset arithmetic per entry).
 */
import { Matrix } from "./types";
import { describeShape } from "./validate";

/** `b` has a's shape. */
export const SAME = 0;
/** `b` is 1×c: one row applied to every row. */
export const ROW = 1;
/** `b` is r×1: one value per row. */
export const COLUMN = 2;
/** `b` is a number. */
export const SCALAR = 3;

/** How `b` broadcasts against `a` (SAME, ROW, COLUMN or SCALAR); throws naming both shapes otherwise. */
export function broadcastKind(a: Matrix, b: Matrix | number, where: string, aName = "a", bName = "b"): number {
	if (!typeIs(a, "table") || !typeIs(a[0], "table") || a[0].size() === 0) {
		error(`[Hivemind] ${where}: ${aName} must be a matrix (array of rows), got ${describeShape(a)}`, 3);
	}
	if (typeIs(b, "number")) return SCALAR;
	if (!typeIs(b, "table") || !typeIs(b[0], "table")) {
		error(`[Hivemind] ${where}: ${bName} must be a matrix or a number, got ${describeShape(b)}`, 3);
	}
	const r = a.size();
	const c = a[0].size();
	const br = b.size();
	const bc = b[0].size();
	if (br === r && bc === c) return SAME;
	if (br === 1 && bc === c) return ROW;
	if (br === r && bc === 1) return COLUMN;
	error(
		`[Hivemind] ${where}: shapes ${describeShape(a)} and ${describeShape(b)} are not compatible (${bName} must be ${r}×${c}, 1×${c}, ${r}×1 or a number)`,
		3,
	);
}

/** target += other (broadcast as `kind`). */
export function addKernel(target: Matrix, other: Matrix | number, kind: number) {
	const c = target[0].size();
	for (const i of $range(1, target.size())) {
		const t = target[i - 1];
		if (kind >= COLUMN) {
			const s = kind === SCALAR ? (other as number) : (other as Matrix)[i - 1][0];
			for (const j of $range(1, c)) t[j - 1] += s;
		} else {
			const o = (other as Matrix)[kind === SAME ? i - 1 : 0];
			for (const j of $range(1, c)) t[j - 1] += o[j - 1];
		}
	}
}

/** target −= other (broadcast as `kind`). */
export function subtractKernel(target: Matrix, other: Matrix | number, kind: number) {
	const c = target[0].size();
	for (const i of $range(1, target.size())) {
		const t = target[i - 1];
		if (kind >= COLUMN) {
			const s = kind === SCALAR ? (other as number) : (other as Matrix)[i - 1][0];
			for (const j of $range(1, c)) t[j - 1] -= s;
		} else {
			const o = (other as Matrix)[kind === SAME ? i - 1 : 0];
			for (const j of $range(1, c)) t[j - 1] -= o[j - 1];
		}
	}
}

/** target ⊙= other (broadcast as `kind`). */
export function multiplyKernel(target: Matrix, other: Matrix | number, kind: number) {
	const c = target[0].size();
	for (const i of $range(1, target.size())) {
		const t = target[i - 1];
		if (kind >= COLUMN) {
			const s = kind === SCALAR ? (other as number) : (other as Matrix)[i - 1][0];
			for (const j of $range(1, c)) t[j - 1] *= s;
		} else {
			const o = (other as Matrix)[kind === SAME ? i - 1 : 0];
			for (const j of $range(1, c)) t[j - 1] *= o[j - 1];
		}
	}
}

/** target ⊘= other (broadcast as `kind`). */
export function divideKernel(target: Matrix, other: Matrix | number, kind: number) {
	const c = target[0].size();
	for (const i of $range(1, target.size())) {
		const t = target[i - 1];
		if (kind >= COLUMN) {
			const s = kind === SCALAR ? (other as number) : (other as Matrix)[i - 1][0];
			for (const j of $range(1, c)) t[j - 1] /= s;
		} else {
			const o = (other as Matrix)[kind === SAME ? i - 1 : 0];
			for (const j of $range(1, c)) t[j - 1] /= o[j - 1];
		}
	}
}

/** target[i][j] = op(target[i][j], other's broadcast entry): the general (slower) kernel. */
export function applyKernel(target: Matrix, other: Matrix | number, kind: number, op: (x: number, y: number) => number) {
	const c = target[0].size();
	for (const i of $range(1, target.size())) {
		const t = target[i - 1];
		if (kind >= COLUMN) {
			const s = kind === SCALAR ? (other as number) : (other as Matrix)[i - 1][0];
			for (const j of $range(1, c)) t[j - 1] = op(t[j - 1], s);
		} else {
			const o = (other as Matrix)[kind === SAME ? i - 1 : 0];
			for (const j of $range(1, c)) t[j - 1] = op(t[j - 1], o[j - 1]);
		}
	}
}
