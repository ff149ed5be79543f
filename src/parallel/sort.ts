/**
 * A stable merge sort that checks a frame budget as it goes (`table.sort` cannot yield: its
 * comparator runs inside a C call). With a strict total order the result is the one any correct
 * sort gives, so sorting within a budget never changes an answer.
 */
import { FrameBudget } from "./FrameBudget";

/** `list` sorted by `less` (a new array; stable), checking `budget` every 4096 element moves (also inside one long merge). */
export function sortWithinBudget<T extends defined>(list: ReadonlyArray<T>, less: (a: T, b: T) => boolean, budget?: FrameBudget): Array<T> {
	const n = list.size();
	let from = table.clone(list) as Array<T>;
	let to = table.clone(list) as Array<T>;
	let moved = 0;
	let width = 1;
	while (width < n) {
		let start = 0;
		while (start < n) {
			const middle = math.min(start + width, n);
			const finish = math.min(start + 2 * width, n);
			let i = start;
			let j = middle;
			for (const k of $range(start, finish - 1)) {
				if (i < middle && (j >= finish || !less(from[j], from[i]))) {
					to[k] = from[i];
					i += 1;
				} else {
					to[k] = from[j];
					j += 1;
				}
				// inside the merge: the last merges move every element at once
				moved += 1;
				if (moved === 4096) {
					moved = 0;
					budget?.check();
				}
			}
			start = finish;
		}
		[from, to] = [to, from];
		width *= 2;
	}
	return from;
}
