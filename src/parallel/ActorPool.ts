/**
 * A pool of Roblox Actors for parallel Luau. Each Actor gets a clone of the worker Script
 * (`HivemindWorker`, beside this module), which requires the library in the Actor's own VM and
 * binds its messages. A data set is sent once, one row shard per Actor as f64 buffers, and stays
 * resident; later calls send only a kernel name and its (small) arguments. Kernels run in the
 * parallel phase (`BindToMessageParallel`), in slices of the pool's frame budget (a worker yields
 * and resumes in the next parallel phase); results come back through a BindableEvent in the serial
 * phase and are returned in shard order.
 */
import { Matrix } from "../matrix/types";
import { getDefaultFrameBudget } from "./FrameBudget";
import { rowsToBuffer, shardRanges } from "./shards";
import { ShardedData, WorkerPool } from "./types";

/** Options of `ActorPool`. */
export interface ActorPoolOptions {
	/** Number of Actors (= shards per data set): integer ≥ 1, default 8. */
	workers?: number;
	/** Where the Actors are created: default a Folder `HivemindWorkers` in ServerScriptService. */
	parent?: Instance;
	/** ModuleScripts every worker requires before its first message (modules that call `registerKernel`). */
	kernelModules?: Array<ModuleScript>;
	/** Seconds to wait for the workers to start or answer before failing: default 30. */
	timeout?: number;
	/**
	 * Milliseconds a worker computes before it yields to the next parallel phase (kernels run in
	 * slices of fixed row blocks): ≥ 0, 0 = a kernel runs in one slice; default the library's
	 * (`getDefaultFrameBudget()` at each call: 5 in Roblox).
	 */
	frameBudget?: number;
}

interface Job {
	remaining: number;
	results: Array<unknown>;
	failure: string | undefined;
}

const WHERE = "ActorPool";

function isInstance(value: unknown): value is Instance {
	return typeOf(value) === "Instance";
}

/** The RuntimeLib ModuleScript of roblox-ts nearest above `start` (a sibling `RuntimeLib`, `include/RuntimeLib` or `rbxts_include/RuntimeLib`). */
function findRuntimeLib(start: Instance): ModuleScript | undefined {
	let node: Instance | undefined = start;
	while (node !== undefined) {
		for (const path of [["RuntimeLib"], ["include", "RuntimeLib"], ["rbxts_include", "RuntimeLib"]]) {
			let found: Instance | undefined = node;
			for (const name of path) found = found?.FindFirstChild(name);
			if (found !== undefined && found.IsA("ModuleScript")) return found;
		}
		node = node.Parent;
	}
	return undefined;
}

function objectValue(name: string, value: Instance, parent: Instance) {
	const v = new Instance("ObjectValue");
	v.Name = name;
	v.Value = value;
	v.Parent = parent;
}

let nextJobId = 0;

/** K Actors with resident row shards (see the module comment); implements `WorkerPool`. */
export class ActorPool implements WorkerPool {
	private readonly actors = new Array<Actor>();
	private readonly results: BindableEvent;
	private readonly connection: RBXScriptConnection;
	private readonly jobs = new Map<number, Job>();
	private readonly folder: Instance;
	private readonly timeout: number;
	private readonly frameBudget: number | undefined;
	private nextDataId = 1;
	private ready = 0;
	private destroyed = false;

	/** Creates the Actors and waits (yielding) until every worker has started. */
	constructor(options: ActorPoolOptions = {}) {
		const where = `${WHERE}.new`;
		if (!typeIs(options, "table")) error(`[Hivemind] ${where}: options must be a table, got ${typeOf(options)}`, 2);
		const workers = options.workers ?? 8;
		if (!typeIs(workers, "number") || workers < 1 || workers !== math.floor(workers) || workers > 1024) {
			error(`[Hivemind] ${where}: workers must be an integer in [1, 1024], got ${tostring(workers)}`, 2);
		}
		const timeout = options.timeout ?? 30;
		if (!typeIs(timeout, "number") || !(timeout > 0))
			error(`[Hivemind] ${where}: timeout must be a number > 0 (seconds), got ${tostring(timeout)}`, 2);
		const frameBudget = options.frameBudget;
		if (frameBudget !== undefined && (!typeIs(frameBudget, "number") || !(frameBudget >= 0) || frameBudget === math.huge))
			error(`[Hivemind] ${where}: frameBudget must be a finite number ≥ 0 (milliseconds; 0 = one slice), got ${tostring(frameBudget)}`, 2);
		if (options.parent !== undefined && !isInstance(options.parent))
			error(`[Hivemind] ${where}: parent must be an Instance, got ${typeOf(options.parent)}`, 2);
		const kernelModules = options.kernelModules ?? [];
		for (const i of $range(1, kernelModules.size())) {
			const m = kernelModules[i - 1];
			if (!isInstance(m) || !m.IsA("ModuleScript"))
				error(`[Hivemind] ${where}: kernelModules[${i}] must be a ModuleScript, got ${typeOf(m)}`, 2);
		}
		const template = script.Parent?.FindFirstChild("HivemindWorker");
		if (template === undefined || !template.IsA("Script"))
			error(`[Hivemind] ${where}: the worker Script HivemindWorker is missing beside ${script.GetFullName()}`, 2);
		const runtime = findRuntimeLib(script);
		if (runtime === undefined) error(`[Hivemind] ${where}: roblox-ts's RuntimeLib was not found above ${script.GetFullName()}`, 2);
		const library = script.Parent?.Parent as Instance;
		this.timeout = timeout;
		this.frameBudget = frameBudget;
		this.results = new Instance("BindableEvent");
		this.results.Name = "HivemindResults";
		this.connection = this.results.Event.Connect((jobId: number, shard: number, ok: boolean, value: unknown) =>
			this.receive(jobId, shard, ok, value),
		);
		const folder = new Instance("Folder");
		folder.Name = "HivemindWorkers";
		this.results.Parent = folder;
		for (const k of $range(1, workers)) {
			const actor = new Instance("Actor");
			actor.Name = `HivemindWorker${k}`;
			const worker = template.Clone();
			objectValue("RuntimeLib", runtime, worker);
			objectValue("Library", library, worker);
			objectValue("Results", this.results, worker);
			for (const i of $range(1, kernelModules.size())) objectValue(`KernelModule${i}`, kernelModules[i - 1], worker);
			worker.Parent = actor;
			actor.Parent = folder;
			this.actors.push(actor);
		}
		this.folder = folder;
		folder.Parent = options.parent ?? game.GetService("ServerScriptService");
		this.waitUntil(() => this.ready >= workers, "the workers to start");
	}

	private receive(jobId: number, shard: number, ok: boolean, value: unknown) {
		if (jobId === 0) {
			this.ready += 1;
			return;
		}
		const job = this.jobs.get(jobId);
		if (job === undefined) return;
		if (ok) job.results[shard] = value;
		else if (job.failure === undefined) job.failure = `worker ${shard + 1} failed: ${tostring(value)}`;
		job.remaining -= 1;
	}

	private waitUntil(done: () => boolean, what: string) {
		const started = os.clock();
		while (!done()) {
			if (os.clock() - started > this.timeout) error(`[Hivemind] ${WHERE}: timed out after ${this.timeout} s waiting for ${what}`, 3);
			task.wait();
		}
	}

	private assertAlive(where: string) {
		if (this.destroyed) error(`[Hivemind] ${where}: the pool was destroyed`, 3);
	}

	/** Sends one message per shard and waits (yielding) for every answer; the answers in shard order. */
	private dispatch(shards: number, where: string, send: (jobId: number, shard: number, actor: Actor) => void): Array<unknown> {
		nextJobId += 1;
		const jobId = nextJobId;
		const job: Job = { remaining: shards, results: [], failure: undefined };
		this.jobs.set(jobId, job);
		for (const s of $range(0, shards - 1)) send(jobId, s, this.actors[s]);
		this.waitUntil(() => job.remaining <= 0, `${where} (job ${jobId})`);
		this.jobs.delete(jobId);
		if (job.failure !== undefined) error(`[Hivemind] ${where}: ${job.failure}`, 3);
		return job.results;
	}

	/** The budget each worker slices its work by: the `frameBudget` option, else the library default now. */
	private budgetMs(): number {
		return this.frameBudget ?? getDefaultFrameBudget();
	}

	getWorkerCount(): number {
		return this.actors.size();
	}

	loadData(inputs: Matrix, targets?: Matrix): ShardedData {
		const where = `${WHERE}.loadData`;
		this.assertAlive(where);
		const ranges = shardRanges(inputs.size(), this.actors.size());
		const budgetMs = this.budgetMs();
		const id = this.nextDataId;
		this.nextDataId += 1;
		const p = inputs[0].size();
		const t = targets === undefined ? 0 : targets[0].size();
		this.dispatch(ranges.size(), where, (jobId, s, actor) => {
			const [first, last] = ranges[s];
			const y = targets === undefined ? undefined : rowsToBuffer(targets, first, last);
			actor.SendMessage("HivemindLoad", jobId, s, id, rowsToBuffer(inputs, first, last), last - first + 1, p, y, t, first, budgetMs);
		});
		return { id, rowCount: inputs.size(), ranges };
	}

	runKernel(kernel: string, data: ShardedData, args: unknown): Array<unknown> {
		const where = `${WHERE}.runKernel`;
		this.assertAlive(where);
		const budgetMs = this.budgetMs();
		return this.dispatch(data.ranges.size(), where, (jobId, s, actor) =>
			actor.SendMessage("HivemindRun", jobId, s, kernel, data.id, args, budgetMs),
		);
	}

	releaseData(data: ShardedData) {
		if (this.destroyed) return;
		for (const s of $range(0, data.ranges.size() - 1)) this.actors[s].SendMessage("HivemindRelease", data.id);
	}

	/** Destroys the Actors (their resident data goes with them). */
	destroy() {
		if (this.destroyed) return;
		this.destroyed = true;
		this.connection.Disconnect();
		this.folder.Destroy();
	}
}
