/** Parallel Luau and the frame budget: Actor pools with resident row shards, kernels, slicing. */
import "./matrixKernels";

export * from "./FrameBudget";
export * from "./types";
export { registerKernel, getKernel } from "./kernels";
export { shardRanges, rowsToBuffer, bufferToRows } from "./shards";
export { ActorPool, ActorPoolOptions } from "./ActorPool";
export { runParallelWorker } from "./worker";
export { gramKernel, linearGradientKernel, GramPartial } from "./matrixKernels";
