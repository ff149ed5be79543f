/** Offline simulation of distributed training: several servers' children in one process, one driver. */
export * from "./FederatedTrainer";
export * from "./simulation";
export * from "./AsynchronousAdvantageActorCritic";
