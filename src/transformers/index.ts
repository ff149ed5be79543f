/**
 * Transformers: feature scalers with mergeable statistics, label and one-hot encoders, PCA and
 * polynomial features (`fit`/`transform`, or `train` for the registered PCA).
 */
export type { ScalerStatistics } from "./scalerStatistics";
export { computeScalerStatistics, mergeScalerStatistics } from "./scalerStatistics";
export type { ScalerState } from "./Scaler";
export { Scaler } from "./Scaler";
export type { StandardScalerOptions } from "./StandardScaler";
export { StandardScaler } from "./StandardScaler";
export type { MinMaxScalerOptions } from "./MinMaxScaler";
export { MinMaxScaler } from "./MinMaxScaler";
export type { LabelEncoderOptions, LabelEncoderState } from "./LabelEncoder";
export { LabelEncoder } from "./LabelEncoder";
export type { OneHotEncoderOptions, OneHotEncoderState } from "./OneHotEncoder";
export { OneHotEncoder } from "./OneHotEncoder";
export * from "./PCA";
export * from "./PolynomialFeatures";
