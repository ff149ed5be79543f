/** Errors of a wrapped model, renamed after the wrapper method the user called. */
import { ERROR_PREFIX, splitError } from "../../core/errors";

/**
 * Runs `fn`; when it throws a Hivemind error (`[Hivemind] <Where>: <text>`), rethrows it as
 * `[Hivemind] <where>: <text>`, so a wrapper's errors name the wrapper's method. Other errors are
 * rethrown unchanged.
 */
export function relabelErrors<T>(where: string, fn: () => T): T {
	const [ok, result] = pcall(fn);
	if (ok) return result as T;
	const [raisedAt, reason] = splitError(result);
	if (raisedAt === undefined) error(result, 0);
	error(`${ERROR_PREFIX}${where}: ${reason}`, 3);
}
