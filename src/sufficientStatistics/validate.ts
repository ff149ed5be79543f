/** Boundary checks shared by the sufficient-statistics functions. */
import { Matrix } from "../matrix/types";
import { assertMatrix, describeShape } from "../matrix/validate";
import { describeValue, isFiniteNumber } from "../core/describe";

/** Throws unless X is a matrix and y (when given) a matrix with as many rows. */
export function assertData(X: unknown, y: unknown, where: string): asserts X is Matrix {
	assertMatrix(X, "X", where);
	if (y !== undefined) {
		assertMatrix(y, "y", where);
		if ((y as Matrix).size() !== (X as Matrix).size())
			error(`[Hivemind] ${where}: y must have ${(X as Matrix).size()} rows like X, got ${describeShape(y)}`, 3);
	}
}

/** What a partial's fields must satisfy besides being finite matrices (corrupted or forged partials fail these). */
export interface PartialRules {
	/** Gram-like fields (XᵀX, co-moments): square, symmetric (to 1e-10 of √(aᵢᵢaⱼⱼ)), diagonal ≥ 0, |aᵢⱼ| ≤ √(aᵢᵢaⱼⱼ). */
	gram?: Array<string>;
	/** Fields whose entries are ≥ 0 (sums of squared deviations, counts). */
	nonNegative?: Array<string>;
	/** Every field is all zeros when the count is 0 (sums over no rows). */
	zeroWhenEmpty?: boolean;
}

const SYMMETRY_TOLERANCE = 1e-10;

function gramProblem(m: Matrix, name: string): string | undefined {
	const d = m.size();
	if (m[0].size() !== d) return `${name} must be square, got ${describeShape(m)}`;
	for (const i of $range(0, d - 1))
		if (m[i][i] < 0) return `${name}[${i + 1}][${i + 1}] must be ≥ 0 (a sum of squares), got ${describeValue(m[i][i])}`;
	for (const i of $range(0, d - 1)) {
		for (const j of $range(i + 1, d - 1)) {
			// √aᵢᵢ·√aⱼⱼ, not √(aᵢᵢaⱼⱼ): the product of two tiny (saturated ELM units) or huge sums under- or overflows.
			const bound = math.sqrt(m[i][i]) * math.sqrt(m[j][j]);
			if (math.abs(m[i][j] - m[j][i]) > SYMMETRY_TOLERANCE * bound)
				return `${name} must be symmetric, got ${name}[${i + 1}][${j + 1}] = ${describeValue(m[i][j])} and ${name}[${j + 1}][${i + 1}] = ${describeValue(m[j][i])}`;
			if (math.abs(m[i][j]) > bound * (1 + SYMMETRY_TOLERANCE))
				return `${name}[${i + 1}][${j + 1}] must be at most √(${name}[${i + 1}][${i + 1}]·${name}[${j + 1}][${j + 1}]) = ${bound} in size (Cauchy–Schwarz), got ${describeValue(m[i][j])}`;
		}
	}
	return undefined;
}

/** The first way the fields of a partial break `rules` (naming `label.field`), or undefined. */
function rulesProblem(p: { [k: string]: unknown }, label: string, count: number, fields: Array<string>, rules: PartialRules): string | undefined {
	for (const field of rules.gram ?? []) {
		const problem = gramProblem(p[field] as Matrix, `${label}.${field}`);
		if (problem !== undefined) return problem;
	}
	for (const field of rules.nonNegative ?? []) {
		const m = p[field] as Matrix;
		for (const i of $range(0, m.size() - 1))
			for (const j of $range(0, m[i].size() - 1))
				if (m[i][j] < 0) return `${label}.${field}[${i + 1}][${j + 1}] must be ≥ 0, got ${describeValue(m[i][j])}`;
	}
	if (rules.zeroWhenEmpty === true && count === 0) {
		for (const field of fields) {
			const m = p[field] as Matrix;
			for (const i of $range(0, m.size() - 1))
				for (const j of $range(0, m[i].size() - 1))
					if (m[i][j] !== 0)
						return `${label}.${field} must be all zeros when ${label}.n is 0 (sums over no rows), got ${describeValue(m[i][j])} at [${i + 1}][${j + 1}]`;
		}
	}
	return undefined;
}

/**
 * Throws unless `p` is a partial whose `countField` is an integer ≥ 0, whose listed fields are
 * matrices, and whose contents obey `rules`; messages name `label.field`
 * (`partial.n must be an integer ≥ 0, got -1`, `partial.xtx must be symmetric, got ...`).
 */
export function assertPartial(p: unknown, label: string, countField: string, fields: Array<string>, where: string, rules?: PartialRules) {
	if (!typeIs(p, "table")) error(`[Hivemind] ${where}: ${label} must be a partial (a table), got ${describeValue(p)}`, 3);
	const n = (p as { [k: string]: unknown })[countField];
	if (!isFiniteNumber(n) || n < 0 || n !== math.floor(n))
		error(`[Hivemind] ${where}: ${label}.${countField} must be an integer ≥ 0, got ${describeValue(n)}`, 3);
	for (const field of fields) assertMatrix((p as { [k: string]: unknown })[field], `${label}.${field}`, where);
	if (rules === undefined) return;
	const problem = rulesProblem(p as { [k: string]: unknown }, label, n, fields, rules);
	if (problem !== undefined) error(`[Hivemind] ${where}: ${problem}`, 3);
}

/** Throws unless the diagonal entry `index` (0-based) of `p.xtx` equals `p.n`: the bias column of ones counts the rows. */
export function assertBiasCount(p: { xtx: Matrix; n: number }, label: string, index: number, where: string) {
	const diagonal = p.xtx[index][index];
	if (diagonal !== p.n)
		error(
			`[Hivemind] ${where}: ${label}.n must equal ${label}.xtx[${index + 1}][${index + 1}] (the bias column of ones counts the rows), got n ${p.n} and ${describeValue(diagonal)}`,
			3,
		);
}

/**
 * Throws unless `a` and `b` are partials (see {@link assertPartial}) whose listed matrix fields
 * have equal shapes; the message names the field: `b.mean must be 1×3 like a.mean, got 1×2`.
 */
export function assertCompatiblePartials(a: unknown, b: unknown, countField: string, fields: Array<string>, where: string, rules?: PartialRules) {
	assertPartial(a, "a", countField, fields, where, rules);
	assertPartial(b, "b", countField, fields, where, rules);
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
	if (!same)
		error(
			`[Hivemind] ${where}: b.classes must equal a.classes (${a.join(", ")}), got ${typeIs(b, "table") ? b.join(", ") : describeValue(b)}`,
			3,
		);
}
