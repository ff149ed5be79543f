/**
 * Scratch vectors for kernels that may yield mid-call (through a pacer): a call takes its own and
 * gives them back when done, so calls interleaved by yields never share one, and a training loop
 * that calls a kernel every iteration allocates nothing once warm. A call that throws simply does
 * not give its vector back (a later call makes a new one). Internal: not part of the Matrix namespace.
 */

/** Vectors given back and not yet taken again (at most {@link SPARE_LIMIT}). */
const spare = new Array<Array<number>>();

/** The most vectors kept for reuse (more are left to the collector). */
const SPARE_LIMIT = 16;

/** A vector for the caller alone until it gives it back; its entries are left over from earlier use (set before reading). */
export function takeScratch(): Array<number> {
	return spare.pop() ?? [];
}

/** Gives back a vector taken with {@link takeScratch}; the caller must not use it afterwards. */
export function giveBackScratch(vector: Array<number>) {
	if (spare.size() < SPARE_LIMIT) spare.push(vector);
}
