/** Errors of a wrapped model, renamed after the wrapper method the user called. */

const PREFIX = "[Hivemind] ";

/**
 * Runs `fn`; when it throws a Hivemind error (`[Hivemind] <Where>: <text>`), rethrows it as
 * `[Hivemind] <where>: <text>`, so a wrapper's errors name the wrapper's method. Other errors are
 * rethrown unchanged.
 */
export function relabelErrors<T>(where: string, fn: () => T): T {
	const [ok, result] = pcall(fn);
	if (ok) return result as T;
	const message = tostring(result);
	const [start] = message.find(PREFIX, 1, true);
	if (start === undefined) error(result, 0);
	const rest = message.sub(start + PREFIX.size());
	const [colon] = rest.find(": ", 1, true);
	error(`${PREFIX}${where}: ${colon === undefined ? rest : rest.sub(colon + 2)}`, 3);
}
