/**
 * Holding a young table while a long pass fills it with new rows, so Luau's collector marks it
 * incrementally instead of in its indivisible atomic step.
 *
 * A table that only a running thread's stack refers to is found when the collector rescans that
 * stack, and the last rescan is in the atomic step: a 100,000-row matrix made during a marking cycle
 * and filled across slices was marked there, with every row made since, in one 4–7 ms step (measured
 * under Lune: every run, at the same point of the fifth copy on a 250 MB heap; none once the matrix was
 * held). Written into this long-lived table, the new table meets a write barrier, and the rows written
 * into it after that meet barriers too, so incremental steps mark them.
 *
 * A hint only: holds live in a ring of {@link HOLD_SLOTS} slots, so a ninth hold (many passes
 * filling at once, or one that threw before its release) drops the oldest one, which then is marked
 * as before. Nothing here changes a result.
 */

/** Slots of the ring of holds. */
export const HOLD_SLOTS = 8;

const held = new Array<object | false>();
for (const _ of $range(1, HOLD_SLOTS)) held.push(false);
let nextSlot = 0;

/** Holds `value` (a table a long pass is about to fill) until {@link releaseHold}; returns it. */
export function holdWhileFilling<T extends object>(value: T): T {
	held[nextSlot] = value;
	nextSlot = (nextSlot + 1) % HOLD_SLOTS;
	return value;
}

/** Ends the hold on `value` (nothing when it is not held, or no longer: its slot was reused). */
export function releaseHold(value: object) {
	for (const i of $range(0, HOLD_SLOTS - 1)) if (held[i] === value) held[i] = false;
}

/** How many values are held now (for specs). */
export function heldCount(): number {
	let count = 0;
	for (const slot of held) if (slot !== false) count += 1;
	return count;
}
