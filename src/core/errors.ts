/**
 * Reading Hivemind errors back: every message has the form `[Hivemind] <Where>: <text>` (after
 * the position prefix Luau adds), and these helpers are the one place that takes it apart.
 */

/** The prefix of every Hivemind error message. */
export const ERROR_PREFIX = "[Hivemind] ";

/** A caught error as text from `[Hivemind]` on (the position prefix dropped); other errors as `tostring` gives them. */
export function errorText(err: unknown): string {
	const text = tostring(err);
	const [start] = text.find(ERROR_PREFIX, 1, true);
	return start !== undefined ? text.sub(start) : text;
}

/** `<Where>` and `<text>` of a Hivemind error; for any other error, undefined and the error as text. */
export function splitError(err: unknown): LuaTuple<[string | undefined, string]> {
	const text = tostring(err);
	const [start] = text.find(ERROR_PREFIX, 1, true);
	if (start === undefined) return $tuple(undefined, text);
	const rest = text.sub(start + ERROR_PREFIX.size());
	const [colon] = rest.find(": ", 1, true);
	if (colon === undefined) return $tuple("", rest);
	return $tuple(rest.sub(1, colon - 1), rest.sub(colon + 2));
}

/** The message without its prefix: `<Where>: <text>` for a Hivemind error (for a person to read), else the error as text. */
export function errorBody(err: unknown): string {
	const text = errorText(err);
	return text.sub(1, ERROR_PREFIX.size()) === ERROR_PREFIX ? text.sub(ERROR_PREFIX.size() + 1) : text;
}

/** Only `<text>` of a Hivemind error (the reason, without where it was raised), else the error as text. */
export function errorReason(err: unknown): string {
	return splitError(err)[1];
}
