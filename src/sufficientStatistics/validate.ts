/** Boundary checks shared by the sufficient-statistics functions. */
import { Matrix } from "../matrix/types";
import { assertMatrix, describeShape } from "../matrix/validate";
import { describeValue, isFiniteNumber } from "../core/describe";

/** Throws unless X is a matrix and y (when given) a matrix with as many rows. */
export function assertData(X: unknown, y: unknown, where: string): asserts X is Matrix {
	assertMatrix(X, "X", where);
	if (y !== undefined) {
		assertMatrix(y, "y", where);
		if ((y as Matrix).size() !== (X as Matrix).size()) error(`[Hivemind] ${where}: y must have ${(X as Matrix).size()} rows like X, got ${describeShape(y)}`, 3);
	}
}

/**
 * Throws unless `p` is a partial whose `countField` is an integer ≥ 0 and whose listed fields are
 * matrices; messages name `label.field` (`partial.n must be an integer ≥ 0, got -1`).
 */
export function assertPartial(p: unknown, label: string, countField: string, fields: Array<string>, where: string) {
	if (!typeIs(p, "table")) error(`[Hivemind] ${where}: ${label} must be a partial (a table), got ${describeValue(p)}`, 3);
	const n = (p as { [k: string]: unknown })[countField];
	if (!isFiniteNumber(n) || n < 0 || n !== math.floor(n)) error(`[Hivemind] ${where}: ${label}.${countField} must be an integer ≥ 0, got ${describeValue(n)}`, 3);
	for (const field of fields) assertMatrix((p as { [k: string]: unknown })[field], `${label}.${field}`, where);
}

/**
 * Throws unless `a` and `b` are partials (see {@link assertPartial}) whose listed matrix fields
 * have equal shapes; the message names the field: `b.mean must be 1×3 like a.mean, got 1×2`.
 */
export function assertCompatiblePartials(a: unknown, b: unknown, countField: string, fields: Array<string>, where: string) {
	assertPartial(a, "a", countField, fields, where);
	assertPartial(b, "b", countField, fields, where);
	for (const field of fields) {
		const ma = (a as { [k: string]: Matrix })[field];
		const mb = (b as { [k: string]: Matrix })[field];
		if (ma.size() !== mb.size() || ma[0].size() !== mb[0].size()) {
			error(`[Hivemind] ${where}: b.${field} must be ${describeShape(ma)} like a.${field}, got ${describeShape(mb)}`, 3);
		}
	}
}

/** Throws unless `classes` is a non-empty array of distinct finite numbers (the labels y holds). */
export function assertClasses(classes: unknown, where: string): asserts classes is Array<number> {
	const ok =
		typeIs(classes, "table") &&
		(classes as Array<unknown>).size() > 0 &&
		(classes as Array<defined>).every((c, i) => isFiniteNumber(c) && (classes as Array<defined>).indexOf(c) === i);
	if (!ok) error(`[Hivemind] ${where}: classes must be a non-empty array of distinct finite numbers, got ${describeShape(classes)}`, 3);
}

/** The 0-based class index of each row's label y[i][0] in `classes`; an unknown label is an error naming the row. */
export function classIndices(y: Matrix, classes: Array<number>, where: string): Array<number> {
	if (y[0].size() !== 1) error(`[Hivemind] ${where}: y must be one column of labels (n×1), got ${describeShape(y)}`, 3);
	const index = new Map<number, number>();
	classes.forEach((c, i) => index.set(c, i));
	return y.map((row, i) => {
		const k = index.get(row[0]);
		if (k === undefined) error(`[Hivemind] ${where}: y[${i + 1}][1] must be one of the classes, got ${describeValue(row[0])}`, 3);
		return k;
	});
}

/** Throws unless the two partials list the same classes in the same order. */
export function assertSameClasses(a: Array<number>, b: Array<number>, where: string) {
	const same = a.size() === b.size() && a.every((c, i) => c === b[i]);
	if (!same) error(`[Hivemind] ${where}: b.classes must equal a.classes (${a.join(", ")}), got ${typeIs(b, "table") ? b.join(", ") : describeValue(b)}`, 3);
}
