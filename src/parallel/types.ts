/** What models depend on: a pool of workers holding row shards resident and running kernels on them. */
import { Matrix } from "../matrix/types";

/** Rows resident on a pool: each worker holds one consecutive shard, kept until `release`. */
export interface ShardedData {
	/** The pool's id for this data set. */
	readonly id: number;
	/** n, the number of rows. */
	readonly rowCount: number;
	/** The 0-based row range [first, last] of each shard, in shard order. */
	readonly ranges: ReadonlyArray<[number, number]>;
}

/**
 * A shard's rows as the pool sent them: f64 buffers, row-major (`rowsToBuffer`), kept on the worker
 * beside the row tables so a kernel that reads buffers (the least-squares gradient) walks 8 bytes a
 * value in one block of memory instead of a table per row. Same values, same bits.
 */
export interface PackedRows {
	/** The inputs, n×p. */
	readonly inputs: buffer;
	/** The targets, n×k, when the data set has targets. */
	readonly targets: buffer | undefined;
}

/** One shard as a kernel sees it on its worker. */
export interface Shard {
	/** The shard's rows of the inputs. */
	readonly inputs: Matrix;
	/** The shard's rows of the targets, when the data set has targets. */
	readonly targets: Matrix | undefined;
	/** The 0-based index, in the whole data set, of the shard's first row. */
	readonly firstRow: number;
	/** The same rows as the f64 buffers they arrived in (on a pool worker; absent where the rows were never sent). */
	readonly packed?: PackedRows;
}

/**
 * A kernel: computes on one shard from plain-data `args` and returns plain data (it crosses a VM
 * boundary). On a pool worker it runs in the parallel phase in slices: a `FrameBudget` it makes
 * without a budget uses the pool's, and its yields resume in the next parallel phase.
 */
export type Kernel = (shard: Shard, args: unknown) => unknown;

/**
 * A pool of workers (`ActorPool` in Roblox). Models take one as their `pool` option and run their
 * heavy steps on it; results come back in shard order, so reductions never depend on which worker
 * finished first.
 */
export interface WorkerPool {
	/** The number of workers (shards per data set). */
	getWorkerCount(): number;
	/** Sends `inputs` (and `targets`) to the workers once, one row shard each as f64 buffers; returns the handle. */
	loadData(inputs: Matrix, targets?: Matrix): ShardedData;
	/** Runs the registered kernel `kernel` with `args` on every shard of `data`; the results in shard order. */
	runKernel(kernel: string, data: ShardedData, args: unknown): Array<unknown>;
	/** Frees the workers' copies of `data`. */
	releaseData(data: ShardedData): void;
}
