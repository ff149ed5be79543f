/** Offline simulation of distributed training: several servers' children in one process. */
export * from "./simulation";
