/** Describing values in error messages, one way for the whole library. */

/** True for a finite number (not NaN, not ±infinity). */
export function isFiniteNumber(value: unknown): value is number {
	return typeIs(value, "number") && value === value && value !== math.huge && value !== -math.huge;
}

/** A short description of any value for error messages: `-1`, `NaN`, `inf`, `"Sum"`, `true`, `a table`, `nil`. */
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
 * Appended to the errors of native calls that look like DataPredict's (positional arguments
 * where an options table belongs, a variadic merge, a 1-based index, DataPredict's layer flags).
 */
export const DATAPREDICT_HINT = "(DataPredict-style arguments? Hivemind.DataPredict takes DataPredict's calls unchanged)";
