/** Distributed training: the wire format, merging, gradient exchange, schedules. */
export * from "./wire";
export { PlainData, plainDataProblem } from "../core/plainData";
export * from "./ModelParametersMerger";
export { MergeModelType, scorePrediction } from "./merging/scoring";
export * from "./DistributedGradients";
export * from "./UpdateGuard";
export { BackgroundRunner, SignalLike } from "./BackgroundRunner";
export * from "./DistributedModelParameters";
export { AggregatorOptions, GuardedAggregator, QueuedUpdate } from "./GuardedAggregator";
export * from "./schedules";
export * from "./identity";
