// Kernels for the ActorPool spec, required by every worker (the pool's kernelModules option).
// Some break Roblox's rules on purpose: the stand-in must fail them as Studio would.
import { getKernel, registerKernel } from "../../src/parallel/kernels";
import { FrameBudget, setYieldObserver } from "../../src/parallel/FrameBudget";
import { rowsToBuffer } from "../../src/parallel/shards";

let calls = 0;

/** How many times this VM's copy of `specs.countCalls` ran (module state is per VM). */
export function countedCalls(): number {
	return calls;
}

registerKernel("specs.requireInParallel", () => require(script.Parent!.FindFirstChild("helpers") as ModuleScript));
registerKernel("specs.writeProperty", () => {
	script.Name = "renamed";
	return 0;
});
registerKernel("specs.returnFunction", () => () => 1);
registerKernel("specs.echo", (_shard, args) => args);
registerKernel("specs.withMetatable", () => setmetatable({ value: 1 }, { __tostring: () => "an instance of a class" }));
registerKernel("specs.countCalls", () => {
	calls += 1;
	return calls;
});
registerKernel("specs.firstRow", (shard) => [shard.firstRow, shard.inputs.size()]);
// Whether the worker kept the buffers its shard came in, byte for byte the shard's rows (and targets).
registerKernel("specs.packedAsRows", (shard) => {
	const packed = shard.packed;
	if (packed === undefined) return "no packed rows";
	const same = (b: buffer | undefined, rows: Array<Array<number>> | undefined) =>
		b === undefined ? rows === undefined : rows !== undefined && buffer.tostring(b) === buffer.tostring(rowsToBuffer(rows, 0, rows.size() - 1));
	return [same(packed.inputs, shard.inputs), same(packed.targets, shard.targets)];
});
// The ELM's statistics kernel written wrongly: its module required inside the kernel (in the parallel phase).
registerKernel("specs.elmStatisticsRequiringLazily", () =>
	require(
		script
			.Parent!.Parent!.Parent!.FindFirstChild("Hivemind")!
			.FindFirstChild("models")!
			.FindFirstChild("elm")!
			.FindFirstChild("statistics") as ModuleScript,
	),
);

// Runs the kernel `args.kernel` on the shard with `args.args`, counting this worker's yields meanwhile.
registerKernel("specs.countingYields", (shard, args) => {
	const a = args as { kernel: string; args: unknown };
	let yields = 0;
	const previous = setYieldObserver(() => (yields += 1));
	const [ok, result] = pcall(() => getKernel(a.kernel)(shard, a.args));
	setYieldObserver(previous);
	if (!ok) error(result, 0);
	return { result, yields };
});
// Yields once through a frame budget (the pool's), then requires a module: still the parallel phase.
registerKernel("specs.requireAfterYield", () => {
	const budget = new FrameBudget();
	if (budget.budgetSeconds <= 0) error("spec: this kernel needs a pool with a frame budget", 0);
	while (!budget.check()) {
		// spin until the slice is used up
	}
	return require(script.Parent!.FindFirstChild("helpers") as ModuleScript);
});

// From the first call on, counts every yield of this worker's VM (loading a shard included).
let workerYields = 0;
registerKernel("specs.startCountingYields", () => {
	setYieldObserver(() => (workerYields += 1));
	return 0;
});
registerKernel("specs.yieldsSoFar", () => workerYields);
// From the parallel phase: a deferred function runs only if task.desynchronize() yields (it must not: already parallel).
registerKernel("specs.desynchronizeWhenParallel", () => {
	let deferredRan = false;
	task.defer(() => (deferredRan = true));
	task.desynchronize();
	return deferredRan;
});
// A thread spawned in the parallel phase runs there too: its require fails; the error text is returned.
registerKernel("specs.requireInSpawnedThread", () => {
	let message = "the spawned thread's require succeeded";
	task.spawn(() => {
		const [ok, err] = pcall(() => require(script.Parent!.FindFirstChild("helpers") as ModuleScript));
		if (!ok) message = tostring(err);
	});
	return message;
});
