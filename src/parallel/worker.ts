/**
 * The code each Actor runs (started by the HivemindWorker Script): binds the pool's messages,
 * keeps its row shards resident (as rows, and as the f64 buffers they arrived in), runs kernels in
 * the parallel phase and answers in the serial phase. Everything it needs is required before the
 * first message: `require` is forbidden while desynchronized. Kernels (and turning a loaded shard
 * into rows) run in slices of the pool's frame budget: when a slice is used up the worker yields
 * and resumes in the next parallel phase, so no parallel phase is held for long.
 */
import { FrameBudget, startSlice, withFrameBudget, withFrameYield } from "./FrameBudget";
import { getKernel } from "./kernels";
import { bufferToRows } from "./shards";
import { Shard } from "./types";

/**
 * A worker's wait for its next slice: `task.wait()` in the parallel phase resumes in a parallel
 * phase (Roblox's documented rule); `task.desynchronize()` then returns at once, and would move the
 * thread back to the parallel phase if it ever resumed in a serial one.
 */
function resumeInParallel() {
	task.wait();
	task.desynchronize();
}

/** Runs `work` in slices of `budgetMs` (0 = one slice), waiting between slices with `resumeInParallel`. */
function runSliced<T>(budgetMs: number, work: () => T): T {
	startSlice();
	return withFrameYield(resumeInParallel, () => withFrameBudget(budgetMs, work));
}

/** Binds the pool's messages on `actor` and tells the pool (through `results`) that this worker is ready. */
export function runParallelWorker(actor: Actor, results: BindableEvent) {
	const shards = new Map<number, Shard>();
	const answer = (jobId: number, shard: number, ok: boolean, value: unknown) => {
		task.synchronize();
		const [sent, failure] = pcall(() => results.Fire(jobId, shard, ok, value));
		if (!sent) results.Fire(jobId, shard, false, `the result could not be sent back: ${tostring(failure)}`);
	};
	actor.BindToMessageParallel(
		"HivemindLoad",
		(
			jobId: number,
			shard: number,
			dataId: number,
			inputs: buffer,
			rows: number,
			columns: number,
			targets: buffer | undefined,
			targetColumns: number,
			firstRow: number,
			budgetMs: number,
		) => {
			const [ok, value] = pcall(() =>
				runSliced(budgetMs, () => {
					const budget = new FrameBudget();
					shards.set(dataId, {
						inputs: bufferToRows(inputs, rows, columns, budget),
						targets: targets === undefined ? undefined : bufferToRows(targets, rows, targetColumns, budget),
						firstRow,
						packed: { inputs, targets },
					});
				}),
			);
			answer(jobId, shard, ok, ok ? undefined : tostring(value));
		},
	);
	actor.BindToMessageParallel("HivemindRun", (jobId: number, shard: number, kernel: string, dataId: number, args: unknown, budgetMs: number) => {
		const [ok, value] = pcall(() => {
			const data = shards.get(dataId);
			if (data === undefined) error(`[Hivemind] worker: no data set ${dataId} is loaded on this worker`, 0);
			const run = getKernel(kernel);
			return runSliced(budgetMs, () => run(data, args));
		});
		answer(jobId, shard, ok, ok ? value : tostring(value));
	});
	actor.BindToMessage("HivemindRelease", (dataId: number) => {
		shards.delete(dataId);
	});
	results.Fire(0, 0, true, undefined);
}
