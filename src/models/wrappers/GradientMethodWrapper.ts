/**
 * Batch, mini-batch and stochastic gradient descent around any gradient model: the model's own
 * loop (`trainInBatches`) runs epoch by epoch over the batches this wrapper chooses.
 */
import { RandomGenerator } from "../../matrix/random";
import { booleanValue, ConstraintTable, integerAtLeast, oneOf } from "../../options";
import { batchesOfSize, EpochBatches, rowRange } from "../base/batches";
import { ModelWrapper } from "./ModelWrapper";
import { relabelErrors } from "./relabel";
import { BatchTrainableModel, batchTrainableModelValue } from "./types";

/** How an epoch is split into steps: all rows at once, batches of `batchSize`, or one row per step. */
export type GradientMethod = "Batch" | "MiniBatch" | "Stochastic";

/** Options of `GradientMethodWrapper`. */
export interface GradientMethodOptions {
	/** The gradient model to train (required), e.g. `LinearRegression.new({ learningRate = 0.05 })`. */
	model?: BatchTrainableModel;
	/** "Batch" (one full-batch step per epoch), "MiniBatch" (default; steps of `batchSize` rows) or "Stochastic" (one row per step). */
	method: GradientMethod;
	/** Rows per step with "MiniBatch" (the last batch of an epoch may be smaller; ≥ n: one full-batch step): integer ≥ 1, default 32. */
	batchSize: number;
	/** Epochs per `train` call: integer ≥ 1; default the wrapped model's `maximumNumberOfIterations`. */
	numberOfEpochs?: number;
	/** Visit the rows in a new seeded random order every epoch (true, default) or in their given order. */
	shuffle: boolean;
	/** Seed of the shuffles (one stream, continued across `train` calls and clones): integer, default 42. */
	seed: number;
}

const DEFAULTS: GradientMethodOptions = { method: "MiniBatch", batchSize: 32, shuffle: true, seed: 42 };

const CONSTRAINTS: ConstraintTable<GradientMethodOptions> = {
	model: batchTrainableModelValue,
	method: oneOf("Batch", "MiniBatch", "Stochastic"),
	batchSize: integerAtLeast(1),
	numberOfEpochs: integerAtLeast(1),
	shuffle: booleanValue,
	seed: integerAtLeast(-2147483648, 2147483647),
};

/**
 * Trains the wrapped gradient model epoch by epoch: "Batch" takes one step on all rows per epoch,
 * "MiniBatch" one step per `batchSize` rows, "Stochastic" one step per row; rows are reshuffled
 * every epoch from `seed` unless `shuffle` is false. Each step is the model's own (its optimizer,
 * regularizer, clipping); printing, callbacks, stopping and divergence recovery follow the model's
 * options (`isOutputPrinted`, `onIteration`, `targetCost`, …), with epochs as iterations. `train`
 * returns the cost per epoch: the mean loss of its batches, each before its step, plus the penalty.
 * Parameters and predictions are the wrapped model's.
 * @example
 * local sgd = Hivemind.GradientMethodWrapper.new({ model = Hivemind.LinearRegression.new(), method = "Stochastic", numberOfEpochs = 20 })
 * local costPerEpoch = sgd:train(X, y)
 * local predicted = sgd:predict(X)
 */
export class GradientMethodWrapper extends ModelWrapper<GradientMethodOptions> {
	private shuffler: RandomGenerator | undefined;

	constructor(options?: Partial<GradientMethodOptions>) {
		super("GradientMethodWrapper", DEFAULTS, CONSTRAINTS, options);
	}

	/** The shuffle stream: from `seed` at the first shuffled epoch, restarted when the options change. */
	private stream(): RandomGenerator {
		if (this.shuffler === undefined) this.shuffler = new RandomGenerator(this.options.seed);
		return this.shuffler;
	}

	/** The batches of one epoch over n rows (undefined: one full-batch step). */
	private epochBatches(n: number): EpochBatches {
		const o = this.options;
		if (o.method === "Batch") return undefined;
		const size = o.method === "Stochastic" ? 1 : o.batchSize;
		if (size >= n) return undefined;
		return batchesOfSize(o.shuffle ? this.stream().permutation(n) : rowRange(n), size);
	}

	/** The epochs per `train` call: `numberOfEpochs`, else the model's `maximumNumberOfIterations`. */
	getNumberOfEpochs(): number {
		const own = this.options.numberOfEpochs;
		if (own !== undefined) return own;
		const fromModel = (this.getModel().getOptions() as { maximumNumberOfIterations?: unknown }).maximumNumberOfIterations;
		return typeIs(fromModel, "number") ? fromModel : 1;
	}

	/**
	 * Trains the wrapped model for the epochs, from its current parameters (a second call continues,
	 * shuffle stream included); returns the cost of each epoch (every `costCalculationInterval`-th).
	 */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const model = this.getModel() as BatchTrainableModel;
		const epochs = this.getNumberOfEpochs();
		const streamState = this.shuffler?.getState();
		return relabelErrors(where, () => {
			const [ok, result] = pcall(() => model.trainInBatches(X, y, epochs, (_, n) => this.epochBatches(n)));
			if (ok) return result;
			// the model is left as it was: so is the shuffle stream
			if (streamState === undefined) this.shuffler = undefined;
			else this.shuffler!.setState(streamState);
			error(result, 0);
		});
	}

	protected onOptionsChanged() {
		this.shuffler = undefined;
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		if (this.shuffler !== undefined) {
			const stream = new RandomGenerator(this.options.seed);
			stream.setState(this.shuffler.getState());
			(twin as GradientMethodWrapper).shuffler = stream;
		}
	}
}
