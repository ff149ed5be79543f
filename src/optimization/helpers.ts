/**
 * Option helpers the optimizers, schedules and regularizers share on top of `src/options`
 * (the declarative constraint tables): one extra constraint, plain copies for `getOptions()`,
 * and the by-name construction of the `create*` functions.
 */
import { describeValue } from "../core/describe";
import { constraint, Constraint } from "../options";

/** Plain option values (what `getOptions()` returns). */
export type OptionValues = { [key: string]: number | string | boolean };

/** A number in [0, 1): a decay or averaging rate such as Adam's β. */
export const unitInterval: Constraint = constraint((v) => typeIs(v, "number") && v >= 0 && v < 1, "a number in [0, 1)");

/** True when `value` is one of `names`, matched case-insensitively (as the `create*` functions match names). */
export function isNameIn(value: unknown, names: ReadonlyArray<string>): value is string {
	return typeIs(value, "string") && names.some((n) => n.lower() === value.lower());
}

/** A plain, unfrozen copy of resolved options (what `getOptions()` returns). */
export function optionValues(options: object): OptionValues {
	const out: OptionValues = {};
	for (const [key, value] of pairs(options)) out[key as string] = value as number | string | boolean;
	return out;
}

/** The keys of a table, sorted. */
export function sortedKeys(tableValue: object): Array<string> {
	const keys = new Array<string>();
	for (const [key] of pairs(tableValue)) keys.push(key as string);
	keys.sort();
	return keys;
}

/**
 * The shared body of the `create*` functions: returns `value` itself when `isInstance(value)`
 * (then `options` must be nil), otherwise builds `factories[name]` (name matched
 * case-insensitively) with `options`. Errors name `where`, `argName` and the known names.
 */
export function createByName<T>(
	where: string,
	argName: string,
	kind: string,
	factories: { [name: string]: (options?: object) => T },
	isInstance: (value: unknown) => boolean,
	value: unknown,
	options: object | undefined,
): T {
	if (isInstance(value)) {
		if (options !== undefined) {
			error(`[Hivemind] ${where}: options must be nil when ${kind} object is given, got ${describeValue(options)}`, 3);
		}
		return value as T;
	}
	const names = sortedKeys(factories);
	if (typeIs(value, "string")) {
		const wanted = value.lower();
		for (const name of names) {
			if (name.lower() === wanted) return factories[name](options);
		}
	}
	error(`[Hivemind] ${where}: ${argName} must be ${kind} or one of ${names.join(", ")}, got ${describeValue(value)}`, 3);
}
