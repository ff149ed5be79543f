/**
 * The code each Actor runs (started by the HivemindWorker Script): binds the pool's messages,
 * keeps its row shards resident, runs kernels in the parallel phase and answers in the serial
 * phase. Everything it needs is required before the first message: `require` is forbidden while
 * desynchronized.
 */
import { getKernel } from "./kernels";
import { bufferToRows } from "./shards";
import { Shard } from "./types";

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
		) => {
			const [ok, value] = pcall(() => {
				shards.set(dataId, {
					inputs: bufferToRows(inputs, rows, columns),
					targets: targets === undefined ? undefined : bufferToRows(targets, rows, targetColumns),
					firstRow,
				});
			});
			answer(jobId, shard, ok, ok ? undefined : tostring(value));
		},
	);
	actor.BindToMessageParallel("HivemindRun", (jobId: number, shard: number, kernel: string, dataId: number, args: unknown) => {
		const [ok, value] = pcall(() => {
			const data = shards.get(dataId);
			if (data === undefined) error(`[Hivemind] worker: no data set ${dataId} is loaded on this worker`, 0);
			return getKernel(kernel)(data, args);
		});
		answer(jobId, shard, ok, ok ? value : tostring(value));
	});
	actor.BindToMessage("HivemindRelease", (dataId: number) => {
		shards.delete(dataId);
	});
	results.Fire(0, 0, true, undefined);
}
