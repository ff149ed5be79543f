/**
 * Declarative option constraints (scikit-learn's `_parameter_constraints`, built on `@rbxts/t`):
 * each option has a check and a human description of what is valid, used in error messages.
 */
import { t } from "@rbxts/t";
import { isFiniteNumber } from "../core/describe";

/** One option's rule: a `@rbxts/t` check and the text naming what is valid ("a number > 0"). */
export interface Constraint {
	/** True when `value` is valid for the option. */
	readonly check: (value: unknown) => boolean;
	/** What a valid value is, as it reads in an error message: "an integer ≥ 1". */
	readonly expected: string;
}

/** A constraint table: option name → rule. Its keys are the only accepted option names. */
export type ConstraintTable<T> = { readonly [K in keyof T]-?: Constraint };

const finite = isFiniteNumber;

/** Builds a constraint from a check and its description. */
export function constraint(check: (value: unknown) => boolean, expected: string): Constraint {
	return { check, expected };
}

/** A finite number > low (exclusive) or ≥ low. */
export function numberAbove(low: number, inclusive = false): Constraint {
	return constraint(
		(v) => finite(v) && (inclusive ? (v as number) >= low : (v as number) > low),
		`a finite number ${inclusive ? "≥" : ">"} ${low}`,
	);
}

/** A finite number in [low, high] (or the open interval (low, high) when `open`). */
export function numberBetween(low: number, high: number, open = false): Constraint {
	const text = open ? `a number in (${low}, ${high})` : `a number in [${low}, ${high}]`;
	return constraint((v) => finite(v) && (open ? (v as number) > low && (v as number) < high : (v as number) >= low && (v as number) <= high), text);
}

/** An integer ≥ low (and ≤ high when given). */
export function integerAtLeast(low: number, high = math.huge): Constraint {
	const text = high === math.huge ? `an integer ≥ ${low}` : `an integer in [${low}, ${high}]`;
	return constraint((v) => t.integer(v) && (v as number) >= low && (v as number) <= high, text);
}

/** Any finite number. */
export const anyFinite = constraint(finite, "a finite number");

/** A frame budget in milliseconds (a model's `frameBudget` option): finite, ≥ 0 (0 = never yield). */
export const frameBudgetMs = constraint((v) => finite(v) && (v as number) >= 0, "a finite number ≥ 0 (milliseconds; 0 = never yield)");

/** true or false. */
export const booleanValue = constraint(t.boolean, "a boolean");

/** A function. */
export const callbackValue = constraint(t.callback, "a function");

/** One of the listed strings. */
export function oneOf(...names: Array<string>): Constraint {
	const set = new Set(names);
	return constraint((v) => typeIs(v, "string") && set.has(v), `one of "${names.join('", "')}"`);
}

/** Accepts what any of the constraints accepts. */
export function anyOf(...inners: Array<Constraint>): Constraint {
	return constraint((v) => inners.some((c) => c.check(v)), inners.map((c) => c.expected).join(" or "));
}

/** A table with the given method names (an object implementing an interface), described as `what`. */
export function objectWith(what: string, ...methods: Array<string>): Constraint {
	return constraint((v) => typeIs(v, "table") && methods.every((m) => typeIs((v as { [k: string]: unknown })[m], "function")), what);
}

/** A non-empty array of numbers or strings (a list of class labels), without duplicates. */
export const labelList = constraint((v) => {
	if (!typeIs(v, "table")) return false;
	const list = v as Array<unknown>;
	if (list.size() === 0) return false;
	const seen = new Set<unknown>();
	let count = 0;
	for (const [key, value] of pairs(v as object)) {
		count += 1;
		if (!typeIs(key, "number") || !(typeIs(value, "string") || finite(value)) || seen.has(value)) return false;
		seen.add(value);
	}
	return count === list.size();
}, "a non-empty array of distinct numbers or strings");
