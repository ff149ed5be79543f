/** Wrappers around gradient models: batch / mini-batch / stochastic training and a safeguard against divergent updates. */
export * from "./types";
export * from "./ModelWrapper";
export * from "./GradientMethodWrapper";
export * from "./SafeguardWrapper";
