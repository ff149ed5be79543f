/**
 * Holding a young table while a long pass fills it with new rows, and until the collector's cycle it
 * was made in has ended, so Luau's collector marks it incrementally instead of in its indivisible
 * atomic step.
 *
 * A table that only a running thread's stack refers to is found when the collector rescans that
 * stack, and the last rescan is in the atomic step: a 100,000-row matrix made during a marking cycle
 * and filled across slices was marked there, with every row made since, in one 4–7 ms step (measured
 * under Lune: every run, at the same point of the fifth copy on a 250 MB heap; none once the matrix was
 * held). Written into this long-lived table, the new table meets a write barrier, and the rows written
 * into it after that meet barriers too, so incremental steps mark them. Released at the end of its
 * fill, it would again be only on the stack until that cycle's atomic step (a result made during a
 * cycle and then kept in locals: 5.9–10.1 ms steps in 2 of 4 probe runs), so a released table stays
 * kept until a sentinel made when the hold began has been collected (the cycle is over; in the next
 * one the stack is scanned incrementally), or at most {@link KEEP_SECONDS} after its release where
 * Roblox's `task` library exists (in Roblox, Actors and the test harness; a plain Lune process drops it
 * at the next hold, release or budget yield after that cycle).
 *
 * A hint only: holds live in a ring of {@link HOLD_SLOTS} slots, so a ninth hold (many passes
 * filling at once, or one that threw before its release) takes a free or kept slot first, then drops
 * the oldest one, which then is marked as before. Nothing here changes a result.
 */

/** Slots of the ring of holds. */
export const HOLD_SLOTS = 8;

/** The longest a released table stays kept, in seconds, when the collector's cycle has not ended by then. */
export const KEEP_SECONDS = 5;

/** A weak reference to a sentinel: empty once the collector has finished the cycle the sentinel was made in. */
export type CycleMark = { sentinel?: object };

const held = new Array<object | false>();
const marks = new Array<CycleMark | false>();
const released = new Array<boolean>();
for (const _ of $range(1, HOLD_SLOTS)) {
	held.push(false);
	marks.push(false);
	released.push(false);
}
let nextSlot = 0;
let sweepScheduled = false;

/** A mark of the collector's cycle under way now (see {@link cycleHasEnded}). */
export function cycleMark(): CycleMark {
	const mark = setmetatable<CycleMark>({}, { __mode: "v" });
	mark.sentinel = {};
	return mark;
}

/** Whether the collector has finished the cycle `mark` was made in (its sentinel was collected). */
export function cycleHasEnded(mark: CycleMark): boolean {
	return mark.sentinel === undefined;
}

function clear(slot: number) {
	held[slot] = false;
	marks[slot] = false;
	released[slot] = false;
}

/** Drops the released tables whose collector cycle has ended (`force`: every released table). */
export function dropKept(force = false) {
	for (const i of $range(0, HOLD_SLOTS - 1)) {
		const mark = marks[i];
		if (released[i] && (force || (mark !== false && cycleHasEnded(mark)))) clear(i);
	}
}

/** Holds `value` (a table a long pass is about to fill) until {@link releaseHold} and its cycle's end; returns it. */
export function holdWhileFilling<T extends object>(value: T): T {
	dropKept();
	let slot = nextSlot;
	for (const k of $range(0, HOLD_SLOTS - 1)) {
		const i = (nextSlot + k) % HOLD_SLOTS;
		if (held[i] === false || released[i]) {
			slot = i;
			break;
		}
	}
	held[slot] = value;
	marks[slot] = cycleMark();
	released[slot] = false;
	nextSlot = (slot + 1) % HOLD_SLOTS;
	return value;
}

/**
 * Ends the fill of `value` (nothing when it is not held, or no longer: its slot was reused): it stays
 * kept until the collector's cycle it was made in has ended, or {@link KEEP_SECONDS} at most (where
 * Roblox's `task` library exists; elsewhere until the next hold, release or budget yield after that cycle).
 */
export function releaseHold(value: object) {
	for (const i of $range(0, HOLD_SLOTS - 1)) if (held[i] === value) released[i] = true;
	dropKept();
	// `task` is absent in a plain Lune process (the bench's loader): kept tables then wait for the next hold, release or budget yield
	if (!sweepScheduled && keptCount() > 0 && typeIs(task as unknown, "table")) {
		sweepScheduled = true;
		task.delay(KEEP_SECONDS, () => {
			sweepScheduled = false;
			dropKept(true);
		});
	}
}

function countSlots(isReleased: boolean): number {
	let count = 0;
	for (const i of $range(0, HOLD_SLOTS - 1)) if (held[i] !== false && released[i] === isReleased) count += 1;
	return count;
}

/** How many values are held and still being filled (for specs). */
export function heldCount(): number {
	return countSlots(false);
}

/** How many released values are kept until their collector cycle ends (for specs). */
export function keptCount(): number {
	return countSlots(true);
}
