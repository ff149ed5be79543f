/**
 * The learned-parameter tree: one generic walk over the three shapes a model's parameters take
 * (a single matrix, a list of matrices, a string-keyed record of matrices), so averaging,
 * gradient exchange, serialization and shape checks are written once.
 */
import { Matrix } from "../matrix/types";
import { copy } from "../matrix/creation";
import { describeShape, isMatrix } from "../matrix/validate";

/** Learned parameters as plain data: exactly what `getModelParameters()` returns. */
export type ModelParameters = Matrix | Array<Matrix> | { [name: string]: Matrix };

/** Parameters as named matrices (`{ weights, bias }`): the record shape of `ModelParameters`. */
export type ParameterRecord = { [name: string]: Matrix };

/** Which of the three shapes a `ModelParameters` value has. */
export type ParameterKind = "matrix" | "list" | "record";

/**
 * The shape of `value` as a parameter tree, judged from its first entry only (cheap: for internal
 * walks; use `isModelParameters` to validate), or undefined when it is none of the three.
 */
export function parameterKind(value: unknown): ParameterKind | undefined {
	if (!typeIs(value, "table")) return undefined;
	const first = (value as Array<unknown>)[0];
	if (first !== undefined) {
		if (!typeIs(first, "table")) return undefined;
		const inner = (first as Array<unknown>)[0];
		if (typeIs(inner, "number")) return "matrix";
		return typeIs(inner, "table") ? "list" : undefined;
	}
	const [key] = next(value as object);
	return typeIs(key, "string") ? "record" : undefined;
}

/** True when `value` is a single matrix, a non-empty list of matrices, or a non-empty string-keyed record of matrices (all finite). */
export function isModelParameters(value: unknown): value is ModelParameters {
	const kind = parameterKind(value);
	if (kind === undefined) return false;
	if (kind === "matrix") return isMatrix(value);
	let count = 0;
	for (const [key, entry] of pairs(value as object)) {
		if (!typeIs(key, kind === "list" ? "number" : "string") || !isMatrix(entry)) return false;
		count += 1;
	}
	return kind === "record" || count === (value as Array<unknown>).size();
}

/** A short description for error messages: "3×2", "a list of 2 matrices", "a record {bias, weights}". */
export function describeParameters(value: unknown): string {
	const kind = parameterKind(value);
	if (kind === "matrix") return describeShape(value);
	if (!isModelParameters(value)) {
		return typeIs(value, "table") ? `a table that is not a matrix, list or record of finite matrices (${describeShape(value)})` : typeOf(value);
	}
	if (kind === "list") return `a list of ${(value as Array<Matrix>).size()} matrices`;
	const names = parameterEntries(value).map((entry) => entry[0]);
	return `a record {${names.join(", ")}}`;
}

/** Throws unless `value` is valid `ModelParameters`; the message names `where` and `argName`. */
export function assertModelParameters(value: unknown, argName: string, where: string): asserts value is ModelParameters {
	if (!isModelParameters(value)) {
		error(
			`[Hivemind] ${where}: ${argName} must be a matrix, a list of matrices or a string-keyed table of matrices (finite numbers), got ${describeParameters(value)}`,
			3,
		);
	}
}

/**
 * The entries of `p` in a stable order, as `[name, matrix]` pairs (no copies): `""` for a single
 * matrix; `"1"`, `"2"`… for a list (1-based, as Luau users see them); the sorted keys for a record.
 */
export function parameterEntries(p: ModelParameters): Array<[string, Matrix]> {
	const kind = parameterKind(p);
	if (kind === "matrix") return [["", p as Matrix]];
	const out = new Array<[string, Matrix]>();
	if (kind === "list") {
		const list = p as Array<Matrix>;
		for (const i of $range(0, list.size() - 1)) out.push([tostring(i + 1), list[i]]);
		return out;
	}
	const names = new Array<string>();
	for (const [key] of pairs(p as { [name: string]: Matrix })) names.push(key as string);
	names.sort((a, b) => a < b);
	const record = p as { [name: string]: Matrix };
	for (const name of names) out.push([name, record[name]]);
	return out;
}

/** A new structure shaped like `p` (same kind, entries and names) with each entry replaced by `fn(matrix, name)`. */
export function mapParameters<P extends ModelParameters>(p: P, fn: (matrix: Matrix, name: string) => Matrix): P {
	return mapEntries(p, fn) as P;
}

function mapEntries(p: ModelParameters, fn: (matrix: Matrix, name: string) => Matrix): ModelParameters {
	const kind = parameterKind(p);
	if (kind === "matrix") return fn(p as Matrix, "");
	if (kind === "list") {
		const list = p as Array<Matrix>;
		const out = table.create<Matrix>(list.size());
		for (const i of $range(0, list.size() - 1)) out[i] = fn(list[i], tostring(i + 1));
		return out;
	}
	const out: { [name: string]: Matrix } = {};
	for (const [name, matrix] of parameterEntries(p)) out[name] = fn(matrix, name);
	return out;
}

/** A deep copy of `p` (same structure, new matrices). */
export function copyParameters<P extends ModelParameters>(p: P): P {
	return mapParameters(p, (matrix) => copy(matrix));
}

/** The total number of scalar values in `p` (Σ rows × columns over the entries). */
export function parameterCount(p: ModelParameters): number {
	let count = 0;
	for (const [, matrix] of parameterEntries(p)) count += matrix.size() * matrix[0].size();
	return count;
}

/** The matrix stored under `name` (as `parameterEntries` names it), or undefined. */
export function getParameterEntry(p: ModelParameters, name: string): Matrix | undefined {
	for (const [entryName, matrix] of parameterEntries(p)) if (entryName === name) return matrix;
	return undefined;
}

function entryLabel(name: string): string {
	return name === "" ? "the matrix" : `entry "${name}"`;
}

/**
 * Throws unless `a` and `b` are valid parameters of the same kind, with the same entry names and
 * shapes. The message names `where`, the first differing entry and both shapes, using
 * `labelA`/`labelB` for the two values.
 */
export function assertSameStructure(a: unknown, b: unknown, where: string, labelA = "a", labelB = "b") {
	assertModelParameters(a, labelA, where);
	assertModelParameters(b, labelB, where);
	const kindA = parameterKind(a);
	const kindB = parameterKind(b);
	if (kindA !== kindB) {
		error(`[Hivemind] ${where}: ${labelB} must have the same structure as ${labelA} (${describeParameters(a)}), got ${describeParameters(b)}`, 2);
	}
	const entriesA = parameterEntries(a);
	const entriesB = parameterEntries(b);
	if (entriesA.size() !== entriesB.size()) {
		error(
			`[Hivemind] ${where}: ${labelB} must have ${entriesA.size()} entries like ${labelA} (${describeParameters(a)}), got ${describeParameters(b)}`,
			2,
		);
	}
	for (const i of $range(0, entriesA.size() - 1)) {
		const [nameA, matrixA] = entriesA[i];
		const [nameB, matrixB] = entriesB[i];
		if (nameA !== nameB) {
			error(
				`[Hivemind] ${where}: ${labelB} must have the same entries as ${labelA} (${describeParameters(a)}), got ${describeParameters(b)}`,
				2,
			);
		}
		if (matrixA.size() !== matrixB.size() || matrixA[0].size() !== matrixB[0].size()) {
			error(
				`[Hivemind] ${where}: ${entryLabel(nameA)} of ${labelB} must be ${describeShape(matrixA)} like ${labelA}, got ${describeShape(matrixB)}`,
				2,
			);
		}
	}
}

/**
 * Combines several structures entry by entry: `fn(matrices, name)` receives the same entry of
 * every structure (in order) and returns the combined matrix. All structures must match the first.
 */
export function zipParameters(list: Array<ModelParameters>, fn: (matrices: Array<Matrix>, name: string) => Matrix): ModelParameters {
	if (!typeIs(list, "table") || list.size() === 0) {
		error(`[Hivemind] zipParameters: list must be a non-empty array of parameter structures, got ${describeShape(list)}`, 2);
	}
	const first = list[0];
	for (const i of $range(1, list.size() - 1)) {
		assertSameStructure(first, list[i], "zipParameters", "list[1]", `list[${i + 1}]`);
	}
	if (list.size() === 1) assertModelParameters(first, "list[1]", "zipParameters");
	const entryLists = list.map((p) => parameterEntries(p));
	let index = -1;
	return mapParameters(first, (_, name) => {
		index += 1;
		const matrices = table.create<Matrix>(list.size());
		for (const k of $range(0, list.size() - 1)) matrices[k] = entryLists[k][index][1];
		return fn(matrices, name);
	});
}
