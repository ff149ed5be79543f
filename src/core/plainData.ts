/**
 * What may cross servers and Actors: plain data. Numbers must be finite; tables must be either
 * dense arrays (keys 1…n) or string-keyed records, never both, never sparse; no functions,
 * Instances, buffers or cycles. Paths in messages use Luau's 1-based positions
 * (`data.weights[3][2]`), as the matrix checks do.
 */
import { describeValue } from "./describe";

/** Plain data: what the wire format carries. */
export type PlainData = number | string | boolean | Array<PlainData> | { [key: string]: PlainData };

const IDENTIFIER = "^[%a_][%w_]*$";

/** `path.key` for identifier-like keys, `path["key"]` otherwise. */
export function childPath(path: string, key: string): string {
	return key.match(IDENTIFIER)[0] !== undefined ? `${path}.${key}` : `${path}[${string.format("%q", key)}]`;
}

function tableProblem(value: object, path: string, depth: number, seen: Set<object>): string | undefined {
	if (seen.has(value)) return `${path} must not contain itself (a cycle), got a table seen before`;
	if (depth > 64) return `${path} must be nested at most 64 levels deep`;
	seen.add(value);
	let numberKeys = 0;
	let maxNumberKey = 0;
	const stringKeys = new Array<string>();
	for (const [key] of pairs(value)) {
		if (typeIs(key, "number")) {
			if (key !== math.floor(key) || key < 1)
				return `${path} must have array positions 1, 2, … or string keys, got the key ${describeValue(key)}`;
			numberKeys += 1;
			maxNumberKey = math.max(maxNumberKey, key);
		} else if (typeIs(key, "string")) {
			stringKeys.push(key);
		} else {
			return `${path} must have number or string keys, got a ${typeOf(key)} key`;
		}
	}
	if (numberKeys > 0 && stringKeys.size() > 0) {
		stringKeys.sort((a, b) => a < b);
		return `${path} must be an array or a string-keyed table, not both (it has ${numberKeys} array positions and the key "${stringKeys[0]}")`;
	}
	if (numberKeys > 0) {
		if (maxNumberKey !== numberKeys) {
			return `${path} must be a dense array, got a sparse one (${numberKeys} values, highest position ${maxNumberKey})`;
		}
		const list = value as Array<unknown>;
		for (const i of $range(0, numberKeys - 1)) {
			const problem = valueProblem(list[i], `${path}[${i + 1}]`, depth + 1, seen);
			if (problem !== undefined) return problem;
		}
	} else {
		stringKeys.sort((a, b) => a < b);
		const record = value as { [key: string]: unknown };
		for (const key of stringKeys) {
			const problem = valueProblem(record[key], childPath(path, key), depth + 1, seen);
			if (problem !== undefined) return problem;
		}
	}
	seen.delete(value);
	return undefined;
}

function valueProblem(value: unknown, path: string, depth: number, seen: Set<object>): string | undefined {
	if (typeIs(value, "number")) {
		if (value !== value) return `${path} must be a finite number, got NaN`;
		if (value === math.huge || value === -math.huge) return `${path} must be a finite number, got ${describeValue(value)}`;
		return undefined;
	}
	if (typeIs(value, "string") || typeIs(value, "boolean")) return undefined;
	if (typeIs(value, "table")) return tableProblem(value, path, depth, seen);
	return `${path} must be plain data (a number, string, boolean, array or string-keyed table), got ${describeValue(value)}`;
}

/**
 * The first reason `value` is not plain data, naming its path under `path` (e.g.
 * `data.weights[3][2] must be a finite number, got NaN`), or undefined when it is plain data.
 */
export function plainDataProblem(value: unknown, path: string): string | undefined {
	return valueProblem(value, path, 0, new Set<object>());
}
