/**
 * Option tables of the distributed classes: one declarative constraint table per class, checked
 * in one place (unknown keys are errors naming them), merged over frozen defaults.
 */
import { t } from "@rbxts/t";

/** One option's rule: the check and the words used for it in error messages ("a positive number"). */
export interface OptionConstraint {
	/** True when the value is acceptable. */
	readonly check: (value: unknown) => boolean;
	/** What a valid value is, for the message: `options.x must be <expected>, got <given>`. */
	readonly expected: string;
}

/** A constraint table: option name → rule. */
export type ConstraintTable = { readonly [name: string]: OptionConstraint };

/** True for a finite number (not NaN, not ±infinity). */
export function isFiniteNumber(value: unknown): value is number {
	return typeIs(value, "number") && value === value && value !== math.huge && value !== -math.huge;
}

/** Constraint builders for the tables. */
export const Constraints = {
	/** A finite number > 0. */
	positive: { check: (v: unknown) => isFiniteNumber(v) && v > 0, expected: "a positive finite number" } as OptionConstraint,
	/** A finite number ≥ 0. */
	nonNegative: { check: (v: unknown) => isFiniteNumber(v) && v >= 0, expected: "a finite number ≥ 0" } as OptionConstraint,
	/** A number > 0, infinity allowed (infinity switches a limit off). */
	positiveOrInfinite: { check: (v: unknown) => t.number(v) && v > 0, expected: "a positive number (math.huge to switch off)" } as OptionConstraint,
	/** A boolean. */
	boolean: { check: (v: unknown) => typeIs(v, "boolean"), expected: "a boolean" } as OptionConstraint,
	/** A function. */
	callback: { check: (v: unknown) => typeIs(v, "function"), expected: "a function" } as OptionConstraint,
	/** A table (an object supplied by the caller; its methods are checked where used). */
	object: { check: (v: unknown) => typeIs(v, "table"), expected: "a table (an object)" } as OptionConstraint,
	/** An integer in [low, high]. */
	integer(low: number, high = math.huge): OptionConstraint {
		const range = high === math.huge ? `an integer ≥ ${low}` : `an integer in [${low}, ${high}]`;
		return { check: (v: unknown) => t.integer(v) && v >= low && v <= high, expected: range };
	},
	/** A finite number in [low, high) (or [low, high] when `closed`). */
	range(low: number, high: number, closed = false): OptionConstraint {
		return {
			check: (v: unknown) => isFiniteNumber(v) && v >= low && (closed ? v <= high : v < high),
			expected: `a number in [${low}, ${high}${closed ? "]" : ")"}`,
		};
	},
	/** One of the given strings. */
	oneOf(values: Array<string>): OptionConstraint {
		return {
			check: (v: unknown) => typeIs(v, "string") && values.includes(v),
			expected: `one of ${values.map((s) => `"${s}"`).join(", ")}`,
		};
	},
};

/** A short description of any value for error messages: `-1`, `"Sum"`, `a table`, `nil`. */
export function describeValue(value: unknown): string {
	if (value === undefined) return "nil";
	if (typeIs(value, "number")) {
		if (value !== value) return "NaN";
		if (value === math.huge) return "inf";
		if (value === -math.huge) return "-inf";
		return tostring(value);
	}
	if (typeIs(value, "string")) return `"${value}"`;
	if (typeIs(value, "boolean")) return tostring(value);
	return `a ${typeOf(value)}`;
}

/**
 * Checks `given` (a table or nil) against `constraints` and returns the defaults overlaid with it,
 * frozen. Errors: `[Hivemind] <where>: options.<name> must be <expected>, got <given>`, unknown
 * keys named with the list of valid ones.
 */
export function resolveOptions<T extends object>(where: string, given: unknown, constraints: ConstraintTable, defaults: T): Readonly<T> {
	if (given !== undefined && !typeIs(given, "table")) {
		error(`[Hivemind] ${where}: options must be a table or nil, got ${describeValue(given)}`, 3);
	}
	const names = new Array<string>();
	for (const [name] of pairs(constraints)) names.push(name as string);
	names.sort((a, b) => a < b);
	const out = table.clone(defaults) as { [name: string]: unknown };
	if (given !== undefined) {
		const unknownKeys = new Array<string>();
		for (const [key] of pairs(given as object)) {
			if (!typeIs(key, "string") || constraints[key] === undefined) unknownKeys.push(tostring(key));
		}
		if (unknownKeys.size() > 0) {
			unknownKeys.sort((a, b) => a < b);
			error(`[Hivemind] ${where}: options must only contain ${names.join(", ")}, got unknown option "${unknownKeys[0]}"`, 3);
		}
		for (const name of names) {
			const value = (given as { [name: string]: unknown })[name];
			if (value === undefined) continue;
			const rule = constraints[name];
			if (!rule.check(value)) error(`[Hivemind] ${where}: options.${name} must be ${rule.expected}, got ${describeValue(value)}`, 3);
			out[name] = value;
		}
	}
	return table.freeze(out) as unknown as Readonly<T>;
}
