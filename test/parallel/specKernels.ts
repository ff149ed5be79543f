// Kernels for the ActorPool spec, required by every worker (the pool's kernelModules option).
// Some break Roblox's rules on purpose: the stand-in must fail them as Studio would.
import { registerKernel } from "../../src/parallel/kernels";

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
