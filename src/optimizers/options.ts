/**
 * Option tables validated against one declarative constraint table (`@rbxts/t` checks plus the
 * words for what they accept): defaults merged with the user's options, unknown keys rejected,
 * the result frozen. Used by the optimizers, schedules and regularizers; written generically so
 * any component with hyper-parameters can use it.
 */
import { t } from "@rbxts/t";

/** One option's rule: a `@rbxts/t` check and what it accepts, in words ("a number in [0, 1)"). */
export interface OptionConstraint {
	readonly check: t.check<unknown>;
	readonly expected: string;
}

/** One rule per option of `T`. */
export type ConstraintTable<T> = { readonly [K in keyof T]-?: OptionConstraint };

/** Plain option values (what `getOptions()` returns). */
export type OptionValues = { [key: string]: number | string | boolean };

const finite = (value: unknown): value is number =>
	typeIs(value, "number") && value === value && value !== math.huge && value !== -math.huge;

/** A finite number > 0. */
export const positiveNumber: OptionConstraint = {
	check: t.intersection(finite, t.numberPositive),
	expected: "a finite number > 0",
};

/** A finite number ≥ 0. */
export const nonNegativeNumber: OptionConstraint = {
	check: t.intersection(finite, t.numberMin(0)),
	expected: "a finite number ≥ 0",
};

/** A number in [0, 1) (a decay or averaging rate such as Adam's β). */
export const unitInterval: OptionConstraint = {
	check: t.intersection(t.numberMin(0), t.numberMaxExclusive(1)),
	expected: "a number in [0, 1)",
};

/** A number in [0, 1] (a mixing ratio). */
export const closedUnitInterval: OptionConstraint = {
	check: t.numberConstrained(0, 1),
	expected: "a number in [0, 1]",
};

/** A boolean. */
export const booleanOption: OptionConstraint = { check: t.boolean, expected: "a boolean" };

/** A number in (low, high) with both bounds excluded (`high` may be `math.huge`). */
export function numberBetweenExclusive(low: number, high: number): OptionConstraint {
	return {
		check: t.intersection(finite, t.numberMinExclusive(low), t.numberMaxExclusive(high)),
		expected: high === math.huge ? `a finite number > ${low}` : `a number in (${low}, ${high})`,
	};
}

/** An integer ≥ `low`. */
export function integerAtLeast(low: number): OptionConstraint {
	return { check: t.intersection(finite, t.integer, t.numberMin(low)), expected: `an integer ≥ ${low}` };
}

/** A short, readable description of any value for error messages. */
export function describeValue(value: unknown): string {
	if (typeIs(value, "string")) return `"${value}"`;
	if (typeIs(value, "number") || typeIs(value, "boolean")) return tostring(value);
	return typeOf(value);
}

/**
 * Merges `given` over `defaults` and checks every option against `constraints`; returns the
 * merged options, frozen. Errors name `where`, the option, what it accepts and the value given:
 * `[Hivemind] Adam.new: option beta1 must be a number in [0, 1), got 1.5`; unknown keys are
 * errors listing the known ones.
 */
export function resolveOptions<T extends object>(
	where: string,
	defaults: T,
	constraints: ConstraintTable<T>,
	given: unknown,
): Readonly<T> {
	const known = sortedKeys(constraints);
	if (given !== undefined && !typeIs(given, "table")) {
		error(`[Hivemind] ${where}: options must be a table or nil, got ${describeValue(given)}`, 3);
	}
	const givenTable = (given ?? {}) as { [key: string]: unknown };
	const unknown = new Array<string>();
	for (const [key] of pairs(givenTable)) {
		if (!typeIs(key, "string") || (constraints as { [key: string]: unknown })[key] === undefined) {
			unknown.push(tostring(key));
		}
	}
	if (unknown.size() > 0) {
		unknown.sort();
		const knownText = known.size() > 0 ? known.join(", ") : "none";
		error(`[Hivemind] ${where}: options must only name known options (${knownText}), got unknown ${unknown.join(", ")}`, 3);
	}
	const merged: { [key: string]: unknown } = {};
	for (const key of known) {
		const rule = (constraints as { [key: string]: OptionConstraint })[key];
		const value = givenTable[key] !== undefined ? givenTable[key] : (defaults as { [key: string]: unknown })[key];
		if (!rule.check(value)) {
			error(`[Hivemind] ${where}: option ${key} must be ${rule.expected}, got ${describeValue(value)}`, 3);
		}
		merged[key] = value;
	}
	return table.freeze(merged as T);
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
	factories: { [name: string]: (options: unknown) => T },
	isInstance: (value: unknown) => boolean,
	value: unknown,
	options: unknown,
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
