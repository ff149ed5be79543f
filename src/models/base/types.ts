/** Types shared by every model: prepared training data, capability tags. */
import { Matrix } from "../../matrix/types";
import { ModelParameters } from "../../parameters";
import { PackedRows } from "../../parallel/types";

/** Validated training data as the shared loop uses it. */
export interface TrainingData {
	/** n×p inputs, with the bias column first when the model adds one. */
	readonly inputs: Matrix;
	/** n×k numeric targets (one-hot rows or 0/1 columns for classifiers). */
	readonly targets: Matrix;
	/** n, the number of samples. */
	readonly sampleCount: number;
	/** The same rows as f64 buffers, on a pool worker (a kernel may read them instead: same bits). */
	readonly packed?: PackedRows;
}

/**
 * Capability tags of a registered model, selecting the conformance checks and the distributed
 * strategies: `gradient` (trained by the shared loop; computeGradients/applyGradients), `online`
 * (train again continues), `statistics` (exact mergeable sufficient statistics), the kind
 * (`classifier`, `regressor`, `clusterer`, `transformer`: unsupervised, `predict` maps rows to new
 * coordinates, e.g. PCA; `outlier`: unsupervised, `predict` gives 1/−1 and decision values, `score`
 * the scores; `generative`: `generate(n, condition?)` draws seeded samples, `predict` is the
 * discriminator's) and `nondeterministic` (results depend on the seed).
 */
export type ModelTag =
	"gradient" | "online" | "statistics" | "classifier" | "regressor" | "clusterer" | "transformer" | "outlier" | "generative" | "nondeterministic";

/** What a gradient model's loss-and-gradient computation returns: the summed data loss and the summed gradient. */
export type SummedLossGradient = LuaTuple<[number, ModelParameters]>;
