/** Checks shared by the replay buffers. */
import { describeValue } from "../../core/describe";

/** Throws unless `count` is an integer ≥ 1 and the buffer holds at least one item. */
export function assertCount(count: unknown, stored: number, where: string) {
	if (!typeIs(count, "number") || count !== math.floor(count) || count < 1)
		error(`[Hivemind] ${where}: count must be an integer ≥ 1, got ${describeValue(count)}`, 3);
	if (stored === 0) error(`[Hivemind] ${where}: the buffer must hold at least one item, got an empty buffer`, 3);
}
