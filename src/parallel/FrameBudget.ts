/**
 * The frame budget: every long operation runs in slices and yields (`task.wait()`) when the
 * current slice has used its budget, so a server frame is never blocked for long. Work is cut into
 * fixed blocks that do not depend on the budget, so sliced and unsliced runs give bit-identical
 * results; the budget only decides where, between blocks, the thread yields.
 */
import { RowPacer } from "../matrix/fused";
import { dropKept, holdWhileFilling, releaseHold } from "./collectorHold";

/** Called as `onProgress(done, total)` after each block of a long operation (units: rows, iterations). */
export type ProgressCallback = (done: number, total: number) => void;

/** The budget when none is given in Roblox: 5 ms per slice (headless hosts default to 0, never yield). */
export const DEFAULT_FRAME_BUDGET_MS = 5;

/** In a Roblox server or client: a DataModel exists and no headless host (the Lune harness, the `hivemind` CLI) announced itself in `_G`. */
function runsInRoblox(): boolean {
	return (game as unknown) !== undefined && (_G as { HIVEMIND_HOST?: unknown }).HIVEMIND_HOST === undefined;
}

let defaultBudgetMs: number | undefined;

/** The library-wide default budget in milliseconds (5 in Roblox; 0 under Lune, `npm test` and the CLI, unless set). */
export function getDefaultFrameBudget(): number {
	if (defaultBudgetMs === undefined) defaultBudgetMs = runsInRoblox() ? DEFAULT_FRAME_BUDGET_MS : 0;
	return defaultBudgetMs;
}

/** Sets the library-wide default budget in milliseconds (0 = never yield); returns the previous one. */
export function setDefaultFrameBudget(budgetMs: number): number {
	if (!typeIs(budgetMs, "number") || budgetMs !== budgetMs || budgetMs < 0 || budgetMs === math.huge) {
		error(`[Hivemind] setDefaultFrameBudget: budgetMs must be a finite number ≥ 0 (milliseconds; 0 = never yield), got ${tostring(budgetMs)}`, 2);
	}
	const previous = getDefaultFrameBudget();
	defaultBudgetMs = budgetMs;
	return previous;
}

/** Budgets set by `withFrameBudget` for the thread running them (a yield lets other threads run meanwhile). */
const threadBudgets = new Map<thread, number>();

/** Runs `fn` with `value` as the running thread's entry of `perThread`, restored afterwards (also when `fn` throws). */
function withThreadValue<V extends defined, T>(perThread: Map<thread, V>, value: V, fn: () => T): T {
	const thread = coroutine.running();
	const previous = perThread.get(thread);
	perThread.set(thread, value);
	const [ok, result] = pcall(fn);
	if (previous === undefined) perThread.delete(thread);
	else perThread.set(thread, previous);
	if (!ok) error(result, 0);
	return result as T;
}

/**
 * Runs `fn` with `budgetMs` as the budget of every `FrameBudget` created without one in this
 * thread meanwhile (a model's `frameBudget` option reaching its data preparation); undefined
 * changes nothing.
 */
export function withFrameBudget<T>(budgetMs: number | undefined, fn: () => T): T {
	return budgetMs === undefined ? fn() : withThreadValue(threadBudgets, budgetMs, fn);
}

/** How a thread waits for its next slice: `task.wait()` unless set with `withFrameYield`. */
export type FrameYield = () => void;

/** Yields set by `withFrameYield` for the thread running them. */
const threadYields = new Map<thread, FrameYield>();

/**
 * Runs `fn` with `yieldFrame` as the way every budget yields in this thread meanwhile, in place of
 * `task.wait()`: a pool worker passes one that resumes in the next parallel phase.
 */
export function withFrameYield<T>(yieldFrame: FrameYield, fn: () => T): T {
	return withThreadValue(threadYields, yieldFrame, fn);
}

/** Waits for the next slice the running thread's way (`withFrameYield`), by default `task.wait()`. */
function waitForNextSlice() {
	const yieldFrame = threadYields.get(coroutine.running());
	if (yieldFrame !== undefined) yieldFrame();
	else task.wait();
}

/** Observes yields (for benchmarks and specs): called after each yield with the `os.clock()` times it began and ended. */
export type YieldObserver = (yieldedAt: number, resumedAt: number) => void;

let observer: YieldObserver | undefined;

/** Installs `fn` to hear of every yield (undefined removes it); returns the previous observer. */
export function setYieldObserver(fn: YieldObserver | undefined): YieldObserver | undefined {
	const previous = observer;
	observer = fn;
	return previous;
}

/** When the current slice began: the thread's last yield through any budget (shared, so nested and consecutive operations share one slice). */
let sliceStart = os.clock();

/** When the budget was last checked (or the slice began): the work since then predicts the work until the next check. */
let lastCheck = sliceStart;

/** Starts a fresh slice now (a pool worker at the start of its parallel-phase callback). */
export function startSlice() {
	sliceStart = os.clock();
	lastCheck = sliceStart;
}

/** One long operation's slicing: its budget, progress callback and yield count; the slice itself is shared by all. */
export class FrameBudget {
	/** The budget of one slice in seconds (0 = never yield). */
	readonly budgetSeconds: number;
	private readonly onProgress: ProgressCallback | undefined;
	/** How many times this operation yielded. */
	yields = 0;

	/** `budgetMs` undefined = the library default; `onProgress` hears of each block. */
	constructor(budgetMs?: number, onProgress?: ProgressCallback) {
		this.budgetSeconds = (budgetMs ?? threadBudgets.get(coroutine.running()) ?? getDefaultFrameBudget()) / 1000;
		this.onProgress = onProgress;
	}

	/**
	 * Yields with `task.wait()` when the slice would pass its budget before the next check: when the
	 * time used so far plus the time since the last check (the work between checks is a loop's
	 * block, so the last one predicts the next) reaches the budget. Without the prediction a slice
	 * would run to the budget plus a whole block. True when it yielded. Cheap: one `os.clock()`.
	 */
	check(): boolean {
		if (this.budgetSeconds <= 0) return false;
		const now = os.clock();
		const sinceLastCheck = now - lastCheck;
		lastCheck = now;
		if (now - sliceStart + sinceLastCheck < this.budgetSeconds) return false;
		this.yields += 1;
		waitForNextSlice();
		dropKept();
		startSlice();
		if (observer !== undefined) observer(now, sliceStart);
		return true;
	}

	/** Reports progress (`done` of `total`), then checks the budget. */
	step(done: number, total: number): boolean {
		if (this.onProgress !== undefined) this.onProgress(done, total);
		return this.check();
	}

	/**
	 * After step `step` of a loop: yields every `interval` steps when `interval` > 0 (a model's
	 * `yieldInterval` option), otherwise when the slice has used its budget; true when it yielded.
	 */
	pace(step: number, interval: number): boolean {
		if (interval > 0 && step % interval === 0) {
			waitForNextSlice();
			this.restart();
			return true;
		}
		return this.check();
	}

	/** Starts a fresh slice (after a yield the caller made itself). */
	restart() {
		startSlice();
	}
}

/**
 * Runs `work(first, last)` over the 0-based rows 0 … count − 1 in consecutive blocks of
 * `blockSize` rows (the last one shorter), checking the budget and reporting progress after each.
 * The blocks depend only on `count` and `blockSize`, never on time. The budget is also checked
 * before the first block: what ran since the last check (the caller's set-up, such as allocating
 * the outputs, which makes the collector take a step in proportion) counts before the loop starts.
 */
export function forEachBlock(count: number, blockSize: number, budget: FrameBudget | undefined, work: (first: number, last: number) => void) {
	const size = math.max(1, math.floor(blockSize));
	if (budget !== undefined && count > 0) budget.check();
	let first = 0;
	while (first < count) {
		const last = math.min(count - 1, first + size - 1);
		work(first, last);
		first = last + 1;
		if (budget !== undefined) budget.step(first, count);
	}
}

/**
 * A new array of `count` entries filled by `fill(out, first, last)` over `forEachBlock`'s blocks, held
 * (`collectorHold.ts`) while it is filled so the collector marks it and its new rows incrementally.
 * `fill` may stop writing (leaving the rest unset) but must not throw, or the hold outlives the call
 * until its slot is reused.
 */
export function fillInBlocks<T extends defined>(
	count: number,
	blockSize: number,
	budget: FrameBudget | undefined,
	fill: (out: Array<T>, first: number, last: number) => void,
): Array<T> {
	const out = holdWhileFilling(table.create<T>(count));
	forEachBlock(count, blockSize, budget, (first, last) => fill(out, first, last));
	releaseHold(out);
	return out;
}

/**
 * Reduces rows 0 … count − 1 in fixed blocks: `compute(first, last)` per block, combined left to
 * right with `merge` (block order, so the result never depends on the budget), checking `budget`
 * after each block. One block (no merge) when `count ≤ blockSize`.
 */
export function reduceInBlocks<P>(
	count: number,
	blockSize: number,
	budget: FrameBudget,
	compute: (first: number, last: number) => P,
	merge: (a: P, b: P) => P,
): P {
	let total: P | undefined;
	forEachBlock(count, blockSize, budget, (first, last) => {
		const part = compute(first, last);
		total = total === undefined ? part : merge(total, part);
	});
	return total as P;
}

/** Rows per block for work costing about `workPerRow` multiply-adds a row: about 2^15 multiply-adds a block (≈ 1 ms in Roblox's interpreter), at least 1 row. */
export function rowsPerBlock(workPerRow: number): number {
	return math.max(1, math.floor(32768 / math.max(1, workPerRow)));
}

/**
 * The most rows in a block whose rows each allocate a table. While the collector is behind (after a
 * large allocation, say) every allocation pays one collector step (≈ 1.5 µs, up to ≈ 25 µs while it
 * sweeps, measured under Lune), so a block of thousands of cheap rows runs many times its own work
 * between two budget checks: copying 100,000 rows on a 400 MB heap in blocks of 2,500 rows gave
 * blocks of 1.1 ms median but up to 17 ms; in blocks of 64, 0.02 ms median and ≈ 1–3 ms at most.
 */
export const ALLOCATING_BLOCK_ROWS = 64;

/**
 * `rowsPerBlock(workPerRow)` for a loop whose rows each make `allocationsPerRow` new tables: at most
 * `ALLOCATING_BLOCK_ROWS / allocationsPerRow` rows (at least 1). For maps only: where blocks are
 * summed, a different block size would change the sums' rounding.
 */
export function allocatingRowsPerBlock(workPerRow: number, allocationsPerRow = 1): number {
	return math.max(1, math.min(rowsPerBlock(workPerRow), math.floor(ALLOCATING_BLOCK_ROWS / math.max(1, allocationsPerRow))));
}

/**
 * Bytes a block may allocate in large objects. An allocation makes the collector take a step in
 * proportion to its size (Luau's assist: about twice the bytes, in marking or sweeping), so a block
 * of large rows, such as 16 KB buffers, pays for whole pages of someone else's garbage: a 2,000-row
 * distance matrix made 64 buffer rows a block swept 75–85 MB inside one 21–32 ms slice. 8 KB is
 * what 64 small rows allocate.
 */
export const ALLOCATING_BLOCK_BYTES = 8192;

/** Rows per block for a loop whose rows each allocate `bytesPerRow` bytes: at most `ALLOCATING_BLOCK_BYTES` a block (at least 1 row). */
export function rowsPerAllocatedBytes(bytesPerRow: number): number {
	return math.max(1, math.floor(ALLOCATING_BLOCK_BYTES / math.max(1, bytesPerRow)));
}

/** A `RowPacer` for one pass over `rows` rows: `budget.step(done, rows)` after every `blockRows` rows (fixed, so the sums never depend on the budget). */
export function budgetPacer(budget: FrameBudget, blockRows: number, rows: number): RowPacer {
	return { blockRows, between: (done) => budget.step(done, rows) };
}
