/**
 * DataPredict's calling conventions, read once for every adapter: DataPredict 1.x passes
 * positional arguments (`LinearRegression.new(500, 0.1)`, nil = default), DataPredict 2.x one
 * options table (`LinearRegression.new({ maximumNumberOfIterations = 500 })`). Both give the same
 * named values; names and aliases follow DataPredict's documentation.
 */
import { describeValue } from "../core/describe";

/** One DataPredict argument: its documented name, the other names DataPredict's versions used. */
export interface ArgumentName {
	readonly name: string;
	readonly aliases?: ReadonlyArray<string>;
}

/** The values given, by documented name (absent = nil: the caller keeps its default). */
export type GivenArguments = { [name: string]: unknown };

/** True for a table without a metatable whose first array slot is empty: an options table, not a matrix or an object. */
function isOptionsTable(value: unknown): value is { [key: string]: unknown } {
	return typeIs(value, "table") && getmetatable(value) === undefined && (value as Array<unknown>)[0] === undefined;
}

/**
 * Reads `args` as DataPredict does: one options table (keys = names or aliases; unknown keys are
 * errors listing the valid ones), or positional values in the order of `names` (more values than
 * names is an error). Errors name `where`.
 */
export function readArguments(where: string, names: ReadonlyArray<ArgumentName>, args: Array<unknown>): GivenArguments {
	const given: GivenArguments = {};
	if (args.size() === 1 && isOptionsTable(args[0])) {
		const lookup = new Map<string, string>();
		for (const entry of names) {
			lookup.set(entry.name, entry.name);
			for (const alias of entry.aliases ?? []) lookup.set(alias, entry.name);
		}
		const unknownKeys = new Array<string>();
		for (const [key, value] of pairs(args[0])) {
			const name = typeIs(key, "string") ? lookup.get(key) : undefined;
			if (name === undefined) unknownKeys.push(tostring(key));
			else given[name] = value;
		}
		if (unknownKeys.size() > 0) {
			unknownKeys.sort();
			const valid = names.map((entry) => entry.name);
			error(
				`[Hivemind] ${where}: unknown argument${unknownKeys.size() > 1 ? "s" : ""} "${unknownKeys.join('", "')}"; DataPredict's arguments here are ${valid.size() > 0 ? valid.join(", ") : "none"}`,
				3,
			);
		}
		return given;
	}
	if (args.size() > names.size()) {
		error(
			`[Hivemind] ${where}: takes at most ${names.size()} argument${names.size() === 1 ? "" : "s"} (${names.map((n) => n.name).join(", ")}), got a value at position ${args.size()}: ${describeValue(args[args.size() - 1])}`,
			3,
		);
	}
	names.forEach((entry, i) => {
		if (args[i] !== undefined) given[entry.name] = args[i];
	});
	return given;
}

/** Shorthand for a list of argument names: `"learningRate"`, or `["maxNumberOfIterations", "maximumNumberOfIterations"]` (documented name first). */
export function argumentNames(...entries: Array<string | Array<string>>): Array<ArgumentName> {
	return entries.map((entry) => (typeIs(entry, "string") ? { name: entry } : { name: entry[0], aliases: entry.filter((_, i) => i > 0) }));
}

/** Throws unless `value` is nil or of the Luau type `kind` (DataPredict argument checks: `where: name must be ...`). */
export function expectType(where: string, name: string, value: unknown, kind: "number" | "string" | "boolean" | "table", expected: string) {
	if (value !== undefined && !typeIs(value, kind)) error(`[Hivemind] ${where}: ${name} must be ${expected}, got ${describeValue(value)}`, 3);
}

/**
 * Runs `build` (which creates a Hivemind object); its error is re-raised under DataPredict's name
 * `where`: `[Hivemind] DataPredict.X.new: beta1 must be ...` instead of `... Adam.new: ...`.
 */
export function underName<T>(where: string, build: () => T): T {
	const [ok, result] = pcall(build);
	if (!ok) error(`[Hivemind] ${where}: ${tostring(result).gsub("^.-%[Hivemind%] [%w%.]+: ", "")[0]}`, 4);
	return result as T;
}
