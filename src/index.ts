/**
 * Hivemind: machine learning for Roblox game servers.
 * Each area re-exports its public API from its own folder; add one line per area.
 */
export const VERSION = "0.1.0";
export * from "./matrix";
export * from "./io";
export * from "./parameters";
export * from "./options";
export * from "./costs";
export * from "./models";
export * from "./distributed";
export * from "./simulation";
export * from "./sufficientStatistics";
export * from "./optimization";
export * from "./utilities";
export * from "./transformers";
export * from "./datapredict";
