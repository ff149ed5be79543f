/**
 * Utilities around the models: class labels, seeded train/validation/test splits and k-fold
 * indices, and evaluation metrics (the `Metrics` namespace). Scalers and encoders: `src/transformers`.
 */
import * as metrics from "./metrics";

export type { Label, LabelInput } from "./labels";
export { compareLabels, sortedUniqueLabels } from "./labels";
export type { DataSplit, Fold, KFoldOptions, SplitTargets, TrainTestSplitOptions } from "./split";
export { kFold, trainTestSplit } from "./split";
export type { ConfusionMatrixOptions, ConfusionMatrixResult, LogLossOptions, ScoreAverage, ScoreOptions } from "./metrics";

/**
 * The evaluation metrics in one namespace: `Metrics.accuracy(yTrue, yPred)`, `Metrics.r2Score(yTrue, yPred)`.
 * Typed as the module's own functions so that games compile `Metrics.f(...)` to a dot-call.
 */
export const Metrics: typeof metrics = { ...metrics };
