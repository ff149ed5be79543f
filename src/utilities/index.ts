/**
 * Utilities around the models: feature scalers with mergeable statistics, label encoders, seeded
 * train/validation/test splits and k-fold indices, and evaluation metrics (the `Metrics` namespace).
 */
import * as metrics from "./metrics";

export type { Label, LabelInput } from "./labels";
export { compareLabels, sortedUniqueLabels } from "./labels";
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
export type { DataSplit, Fold, KFoldOptions, SplitTargets, TrainTestSplitOptions } from "./split";
export { kFold, trainTestSplit } from "./split";
export type { ConfusionMatrixOptions, ConfusionMatrixResult, LogLossOptions, ScoreAverage, ScoreOptions } from "./metrics";

/**
 * The evaluation metrics in one namespace: `Metrics.accuracy(yTrue, yPred)`, `Metrics.r2Score(yTrue, yPred)`.
 * Typed as the module's own functions so that games compile `Metrics.f(...)` to a dot-call.
 */
export const Metrics: typeof metrics = { ...metrics };
