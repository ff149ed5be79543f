//!native
/**
 * Exact order statistics of the off-diagonal entries of a square matrix of buffer rows, by radix
 * selection on the bits of the doubles: four passes over the entries, each counting one 16-bit digit
 * of the entries that share the digits found so far. No copy, no sort, O(n²) a statistic whatever
 * the values, and the passes run in fixed row blocks within the frame budget.
 */
import { BufferRows } from "../../matrix/rowBuffers";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";

const SIGN = 0x80000000;
const DIGITS = 65536;

/** The high word of a double's order key: unsigned order of (high, low) keys = numeric order (−0 just below +0). */
function highKey(high: number): number {
	return high >= SIGN ? bit32.bnot(high) : high + SIGN;
}

/** The low word of the order key, given the double's high word. */
function lowKey(high: number, low: number): number {
	return high >= SIGN ? bit32.bnot(low) : low;
}

/** The double whose order key is (keyHigh, keyLow). */
function fromKey(keyHigh: number, keyLow: number): number {
	const bytes = buffer.create(8);
	const negative = keyHigh < SIGN;
	buffer.writeu32(bytes, 4, negative ? bit32.bnot(keyHigh) : keyHigh - SIGN);
	buffer.writeu32(bytes, 0, negative ? bit32.bnot(keyLow) : keyLow);
	return buffer.readf64(bytes, 0);
}

/**
 * The value at 0-based `position` (0 ≤ position < n(n − 1)) of the ascending order of the
 * off-diagonal entries of the n×n matrix `s`, checking `budget` after each fixed block of rows.
 */
export function offDiagonalOrderStatistic(s: BufferRows, position: number, budget: FrameBudget): number {
	const n = s.size();
	const counts = table.create<number>(DIGITS, 0);
	const block = rowsPerBlock(4 * n);
	let keyHigh = 0;
	let keyLow = 0;
	let rank = position;
	for (const pass of $range(0, 3)) {
		for (const d of $range(0, DIGITS - 1)) counts[d] = 0;
		forEachBlock(n, block, budget, (first, last) => {
			for (const i of $range(first, last)) {
				const row = s[i];
				for (const k of $range(0, n - 1)) {
					if (k === i) continue;
					const high = buffer.readu32(row, k * 8 + 4);
					const h = highKey(high);
					let digit: number;
					if (pass === 0) digit = bit32.rshift(h, 16);
					else if (pass === 1) {
						if (bit32.rshift(h, 16) !== bit32.rshift(keyHigh, 16)) continue;
						digit = bit32.band(h, 0xffff);
					} else {
						if (h !== keyHigh) continue;
						const l = lowKey(high, buffer.readu32(row, k * 8));
						if (pass === 2) digit = bit32.rshift(l, 16);
						else if (bit32.rshift(l, 16) !== bit32.rshift(keyLow, 16)) continue;
						else digit = bit32.band(l, 0xffff);
					}
					counts[digit] += 1;
				}
			}
		});
		let digit = 0;
		while (rank >= counts[digit]) {
			rank -= counts[digit];
			digit += 1;
		}
		if (pass === 0) keyHigh = digit * DIGITS;
		else if (pass === 1) keyHigh += digit;
		else if (pass === 2) keyLow = digit * DIGITS;
		else keyLow += digit;
	}
	return fromKey(keyHigh, keyLow);
}
