/** Outlier detection: LocalOutlierFactor, IsolationForest, OneClassSupportVectorMachine (scores, decision values, −1/1 labels). */
export * from "./OutlierDetector";
export * from "./LocalOutlierFactor";
export * from "./IsolationForest";
export * from "./OneClassSupportVectorMachine";
export { CONTAMINATION, Contamination, percentile } from "./threshold";
