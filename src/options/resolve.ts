/** Merging user options with defaults, validated against a constraint table, then frozen. */
import { Constraint, ConstraintTable } from "./constraints";
import { DATAPREDICT_HINT, describeValue as show } from "../core/describe";

/**
 * Throws unless every key of `values` is in `constraints` and each value passes its rule. Messages:
 * `[Hivemind] <where>: unknown option(s) "a", "b"; valid options are ...` and
 * `[Hivemind] <where>: <option> must be <expected>, got <value>`.
 */
export function validateOptions<T extends object>(where: string, values: unknown, constraints: ConstraintTable<T>, argName = "options") {
	if (values === undefined) return;
	if (!typeIs(values, "table")) error(`[Hivemind] ${where}: ${argName} must be a table of options, got ${show(values)} ${DATAPREDICT_HINT}`, 3);
	const table_ = constraints as { readonly [k: string]: Constraint };
	const unknownKeys = new Array<string>();
	for (const [key] of pairs(values as object)) {
		if (!typeIs(key, "string") || table_[key] === undefined) unknownKeys.push(tostring(key));
	}
	if (unknownKeys.size() > 0) {
		unknownKeys.sort();
		const valid = new Array<string>();
		for (const [key] of pairs(table_)) valid.push(key as string);
		valid.sort();
		error(
			`[Hivemind] ${where}: unknown option${unknownKeys.size() > 1 ? "s" : ""} "${unknownKeys.join('", "')}"; valid options are ${valid.join(", ")}`,
			3,
		);
	}
	const keys = new Array<string>();
	for (const [key] of pairs(values as object)) keys.push(key as string);
	keys.sort();
	for (const key of keys) {
		const value = (values as { [k: string]: unknown })[key];
		const rule = table_[key];
		if (!rule.check(value)) error(`[Hivemind] ${where}: ${key} must be ${rule.expected}, got ${show(value)}`, 3);
	}
}

/**
 * A copy of plain-data tables (no metatable), all the way down, so a caller changing a table it
 * passed (a class list, a layer list) cannot change the options afterwards; objects (optimizers,
 * schedules: tables with a metatable), functions and other values are kept as they are.
 */
function ownCopy(value: unknown, depth = 0): unknown {
	if (!typeIs(value, "table") || getmetatable(value) !== undefined || depth > 32) return value;
	const out = new Map<unknown, unknown>();
	for (const [key, entry] of pairs(value as object)) out.set(key, ownCopy(entry, depth + 1));
	return out;
}

/** `defaults` overridden by the validated `user` options, as a new frozen table (plain-data table values copied). */
export function resolveOptions<T extends object>(
	where: string,
	defaults: T,
	user: Partial<T> | undefined,
	constraints: ConstraintTable<T>,
): Readonly<T> {
	validateOptions(where, user, constraints);
	const merged = table.clone(defaults) as T;
	if (user !== undefined) for (const [key, value] of pairs(user as object)) (merged as { [k: string]: unknown })[key as string] = ownCopy(value);
	return table.freeze(merged);
}
