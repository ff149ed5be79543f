/**
 * The one training loop of every gradient-trained model, and the distributed-gradient API.
 * A subclass says how to read its data, initialize its parameters, and compute the summed data loss with
 * its gradient; the loop does the rest (optimizer, regularizer, stopping, printing, callbacks, yields, non-finite recovery).
 */
import { RowPacer } from "../../matrix/fused";
import { RandomGenerator } from "../../matrix/random";
import { ConstraintTable } from "../../options";
import { Optimizer } from "../../optimization/optimizers/types";
import { createOptimizer } from "../../optimization/optimizers/createOptimizer";
import { createRegularizer, Regularizer } from "../../optimization/regularizers/regularizers";
import { assertSameStructure, copyParameters, ModelParameters } from "../../parameters";
import { BaseModel } from "./BaseModel";
import { BatchTrainable, GradientSaving } from "./capabilities";
import { GradientOptions } from "./gradientOptions";
import { SummedLossGradient, TrainingData } from "./types";
import { TrainingMonitor } from "./monitor";
import { leadingRows, regularizedStepsInto, totalPenalty } from "./regularizedSteps";
import { BatchPlan, checkedBatchPlan, EpochBatches, ShuffledBatches } from "./batches";
import { GradientEvaluator } from "./gradientEvaluator";
import { FrameBudget, withFrameBudget } from "../../parallel/FrameBudget";
import { assertOptimizerStates, checkedTrainingState, clipSteps, copyParametersInto } from "./trainingState";
import { copyStates, OptimizerStates, sameShapes, snapshotTrainingState, TrainingState } from "./trainingState";
import { TrainingBuffers } from "./trainingBuffers";

/** Base of gradient-trained models: one loop, one optimizer state per parameter entry. */
export abstract class GradientModel<O extends GradientOptions, P extends ModelParameters = ModelParameters>
	extends BaseModel<O, P>
	implements GradientSaving, BatchTrainable
{
	private optimizer: Optimizer;
	private optimizerStates: OptimizerStates = {};
	private updateCount = 0;
	private areGradientsSaved = false;
	private savedGradients: ModelParameters | undefined;
	private savedSampleCount = 0;
	/** The mini-batch shuffle stream: from the `seed` option at the first mini-batch epoch, kept across calls, restarted when options change. */
	private shuffler: RandomGenerator | undefined;
	private readonly regularizerOf = (name: string) => this.regularizerFor(name); // `regularizerFor` as a value, for the helpers

	protected constructor(modelName: string, defaults: O, constraints: ConstraintTable<O>, options?: Partial<O>) {
		super(modelName, defaults, constraints, options);
		this.optimizer = createOptimizer(this.options.optimizer);
	}

	/** Validates `X`/`y` (errors name `where`) and returns the model's inputs and numeric targets. */
	protected abstract prepareData(X: unknown, y: unknown, where: string): TrainingData;

	/** The starting parameters for this data (called when the model has none). */
	protected abstract initializeParameters(data: TrainingData): P;

	/**
	 * The data loss SUMMED over the samples (no 1/n, no regularization) at `parameters`, and its summed
	 * gradient (same structure); the loop passes `out`, a buffer the model may overwrite and return.
	 */
	protected abstract lossAndGradient(parameters: ModelParameters, data: TrainingData, out?: ModelParameters, pacer?: RowPacer): SummedLossGradient;

	/** Whether `lossAndGradient`, given `out`, calls its `pacer` between fixed row blocks of one pass (then the loop does not cut the rows into blocks). */
	protected pacesRows(): boolean {
		return false;
	}

	/** The optimizer that moves the parameter entry `entryName`: by default the model's (`optimizer` option); models with per-entry optimizers override. */
	protected optimizerFor(_entryName: string): Optimizer {
		return this.optimizer;
	}

	/**
	 * A model's own solver (Newton, IRLS) steps here, in place, and returns true once converged (later
	 * iterations only record the cost); undefined (default): the optimizer steps. Its passes over the
	 * rows call `pacer.between` between fixed row blocks (the frame budget).
	 */
	protected solverStep(_parameters: ModelParameters, _data: TrainingData, _pacer: RowPacer): boolean | undefined {
		return undefined;
	}

	/** Called once at the start of each training call with its data (checks, warnings; a pass over the rows checks `budget` between fixed blocks); nothing by default. */
	protected beforeTraining(_data: TrainingData, _where: string, _budget: FrameBudget) {}

	/** Leading rows of a parameter entry that are biases (never regularized); default 0. */
	protected biasRowCount(_entryName: string): number {
		return 0;
	}

	protected onOptionsChanged() {
		this.shuffler = undefined;
		const chosen = createOptimizer(this.options.optimizer);
		if (chosen.optimizerName !== this.optimizer.optimizerName) this.optimizerStates = {};
		this.optimizer = chosen;
	}

	protected onParametersSet() {
		this.optimizerStates = {};
		this.savedGradients = undefined;
		this.savedSampleCount = 0;
	}

	/** The regularizer of the parameter entry `entryName`: by default the model's (`regularizer` option); models with per-entry regularizers override. */
	protected regularizerFor(_entryName: string): Regularizer | undefined {
		const r = this.options.regularizer;
		return r === undefined ? undefined : createRegularizer(r);
	}

	private buffersFor(parameters: ModelParameters): TrainingBuffers {
		return new TrainingBuffers(parameters, (name) => leadingRows(this.biasRowCount(name)));
	}

	/**
	 * One update: each entry moves by the optimizer from g / n + the regularizer's gradient, clipped
	 * by `gradientClipValue` / `gradientClipNorm` (steps formed in `buffers`, made for `parameters`).
	 */
	private applyStep(parameters: ModelParameters, gradient: ModelParameters, sampleCount: number, buffers = this.buffersFor(parameters)) {
		const o = this.options;
		const rate = o.learningRateSchedule !== undefined ? o.learningRateSchedule.rateAt(o.learningRate, this.updateCount) : o.learningRate;
		const entries = buffers.entries;
		const steps = regularizedStepsInto(buffers.steps, entries, buffers.entriesOf(gradient), sampleCount, this.regularizerOf, buffers.biasRows);
		clipSteps(steps, o.gradientClipValue, o.gradientClipNorm);
		for (const k of $range(0, entries.size() - 1)) {
			const [name, matrix] = entries[k];
			this.optimizerStates[name] = this.optimizerFor(name).step(matrix, steps[k], this.optimizerStates[name], rate);
		}
		this.updateCount += 1;
	}

	/** Copies of the parameters, the optimizer states and the update counter. */
	private checkpoint(): TrainingState {
		return snapshotTrainingState(this.parameters, this.optimizerStates, this.updateCount);
	}

	/** Returns to `checkpoint` (the parameters copied back into the same matrices, so no-copy owners see it). */
	private restoreCheckpoint(checkpoint: TrainingState, parameters: P | undefined) {
		const saved = checkpoint.parameters;
		if (saved !== undefined && parameters !== undefined) copyParametersInto(parameters, saved);
		this.parameters = saved === undefined ? undefined : parameters;
		this.optimizerStates = checkpoint.optimizerStates;
		this.updateCount = checkpoint.updateCount;
	}

	/**
	 * Runs `fn` (which changes the learned state); when it throws, the parameters, optimizer states,
	 * counters, saved gradient and shuffle stream are put back as they were, and the error rethrown.
	 */
	private atomically<T>(fn: () => T): T {
		const start = this.checkpoint();
		const parameters = this.parameters;
		const [gradients, sampleCount, shuffler] = [this.savedGradients, this.savedSampleCount, this.shuffler];
		const shufflerState = shuffler?.getState();
		const [ok, result] = pcall(fn);
		if (ok) return result;
		this.restoreCheckpoint(start, parameters);
		this.savedGradients = gradients;
		this.savedSampleCount = sampleCount;
		this.shuffler = shuffler;
		if (shuffler !== undefined && shufflerState !== undefined) shuffler.setState(shufflerState);
		error(result, 0);
	}

	private saveGradient(gradient: ModelParameters, sampleCount: number) {
		if (this.areGradientsSaved) {
			this.savedGradients = gradient;
			this.savedSampleCount = sampleCount;
		}
	}

	/** The `batchSize` option's batches: a seeded shuffle (stream kept across calls) cut into batches, in `buffers`; undefined for full batch. */
	private shuffledBatches(n: number, buffers: ShuffledBatches): EpochBatches {
		const batchSize = this.options.batchSize;
		if (batchSize <= 0 || batchSize >= n) return undefined;
		if (this.shuffler === undefined) this.shuffler = new RandomGenerator(this.options.seed);
		return buffers.next(this.shuffler, n, batchSize);
	}

	/**
	 * Trains by gradient steps from the current parameters (online: a second call continues):
	 * full-batch, or with `batchSize` one epoch of shuffled mini-batches per iteration (the recorded
	 * cost is then the epoch's mean batch loss); returns the cost history (mean data loss + penalty, every K iterations).
	 * Stops at the iteration limit, inside `targetCost`, on convergence, or on a non-finite cost
	 * (parameters, optimizer states and update counter restored to the last finite cost check, with
	 * a warning). When the call throws (a callback, an optimizer), the model is left as it was.
	 */
	train(X: unknown, y?: unknown): Array<number> {
		const where = `${this.modelName}.train`;
		this.assertAlive(where);
		const data = withFrameBudget(this.options.frameBudget, () => this.prepareData(X, y, where));
		const buffers = new ShuffledBatches();
		const plan: BatchPlan = (_, n) => this.shuffledBatches(n, buffers);
		return this.whileTraining(where, () => this.atomically(() => this.trainLoop(data, where, this.options.maximumNumberOfIterations, plan)));
	}

	/**
	 * Trains like `train` for `numberOfEpochs` iterations, each split into the steps `plan(epoch, n)`
	 * returns: batches of 0-based row indices, one optimizer step per batch in order (undefined: one
	 * full-batch step), in place of the `batchSize` option; the recorded cost of an epoch of batches
	 * is its mean batch loss (each before its step) + penalty. Printing, callbacks, stopping,
	 * divergence recovery and atomicity as in `train`. `GradientMethodWrapper` drives the loop this way.
	 * @example model.trainInBatches(X, y, 5, (epoch, n) => [[0, 1], [2, 3]])
	 */
	trainInBatches(X: unknown, y: unknown, numberOfEpochs: number, plan: BatchPlan): Array<number> {
		const where = `${this.modelName}.trainInBatches`;
		this.assertAlive(where);
		const checked = checkedBatchPlan(numberOfEpochs, plan, where, new FrameBudget(this.options.frameBudget));
		const data = withFrameBudget(this.options.frameBudget, () => this.prepareData(X, y, where));
		return this.whileTraining(where, () => this.atomically(() => this.trainLoop(data, where, numberOfEpochs, checked)));
	}

	/** Whether a pool worker rebuilt from the options computes this model's exact gradient (false with private random streams). */
	protected canUsePool(): boolean {
		return true;
	}

	private trainLoop(data: TrainingData, where: string, iterations: number, plan: BatchPlan): Array<number> {
		const compute = (p: ModelParameters, d: TrainingData, out?: ModelParameters, pacer?: RowPacer) => this.lossAndGradient(p, d, out, pacer);
		const gradients = new GradientEvaluator(compute, data, this.options, this.canUsePool(), this.modelName, this.pacesRows());
		this.beforeTraining(data, where, gradients.budget);
		return gradients.run(() => this.iterate(data, where, iterations, plan, gradients));
	}

	private iterate(data: TrainingData, where: string, iterations: number, plan: BatchPlan, gradients: GradientEvaluator): Array<number> {
		if (this.parameters === undefined) this.parameters = this.initializeParameters(data);
		if (!this.options.keepOptimizerState) this.optimizerStates = {};
		const parameters = this.parameters;
		const n = data.sampleCount;
		const o = this.options;
		const monitor = new TrainingMonitor(where, o, math.ceil(iterations / o.costCalculationInterval));
		const buffers = this.buffersFor(parameters);
		const stepOnBatch = (gradient: ModelParameters, count: number) => {
			this.saveGradient(gradient, count);
			this.applyStep(parameters, gradient, count, buffers);
		};
		let lastFinite = buffers.save(this.optimizerStates, this.updateCount);
		let diverged = false;
		let solverConverged = false;
		let iterationsRun = 0;
		for (const iteration of $range(1, iterations)) {
			iterationsRun = iteration;
			let dataLoss: number;
			let rowsSeen = n;
			let gradient: ModelParameters | undefined;
			const batches = plan(iteration, n);
			if (batches !== undefined) {
				[dataLoss, rowsSeen] = gradients.epochOfBatches(parameters, batches, buffers.gradient, stepOnBatch);
			} else {
				[dataLoss, gradient] = gradients.full(parameters, buffers.gradient);
				this.saveGradient(gradient, n);
			}
			if ((iteration - 1) % o.costCalculationInterval === 0) {
				// A saturating loss (clipped cross-entropy) can stay finite while the weights overflow.
				if (!buffers.parametersFinite()) {
					monitor.warnNonFinite("the parameters", iteration);
					diverged = true;
					break;
				}
				const verdict = monitor.record(iteration, dataLoss / rowsSeen + totalPenalty(buffers.entries, this.regularizerOf, buffers.biasRows));
				diverged = verdict === "nonfinite";
				if (diverged) break;
				lastFinite = buffers.save(this.optimizerStates, this.updateCount);
				if (verdict !== "continue") break;
			}
			if (gradient !== undefined && !solverConverged) {
				const converged = this.solverStep(parameters, data, gradients.rowPacer(parameters, n));
				if (converged === undefined) this.applyStep(parameters, gradient, n, buffers);
				else solverConverged = converged;
			}
			gradients.endIteration(iteration, iterations);
		}
		if (!diverged && !buffers.parametersFinite()) {
			monitor.warnNonFinite("the parameters", iterationsRun);
			diverged = true;
		}
		if (diverged) this.restoreCheckpoint(lastFinite, parameters);
		return monitor.history;
	}

	/** Keep (true) or stop keeping the raw gradient of each `train` iteration, for `getGradients`. */
	setAreGradientsSaved(areGradientsSaved: boolean) {
		if (!typeIs(areGradientsSaved, "boolean"))
			error(`[Hivemind] ${this.modelName}.setAreGradientsSaved: areGradientsSaved must be a boolean, got ${typeOf(areGradientsSaved)}`, 2);
		this.areGradientsSaved = areGradientsSaved;
		if (!areGradientsSaved) {
			this.savedGradients = undefined;
			this.savedSampleCount = 0;
		}
	}

	/** The saved gradient (summed data loss, no 1/n, no regularization; a copy), or undefined. */
	getGradients(): ModelParameters | undefined {
		return this.savedGradients === undefined ? undefined : copyParameters(this.savedGradients);
	}

	/** The number of samples behind the saved gradient (0 when none). */
	getGradientSampleCount(): number {
		return this.savedSampleCount;
	}

	/**
	 * One gradient computation without a step: returns (gradient, n, summed data loss) for `X`, `y`
	 * at the current parameters (initialized from the data when the model has none).
	 */
	computeGradients(X: unknown, y?: unknown): LuaTuple<[ModelParameters, number, number]> {
		const where = `${this.modelName}.computeGradients`;
		this.assertAlive(where);
		const data = withFrameBudget(this.options.frameBudget, () => this.prepareData(X, y, where));
		const parameters = this.parameters ?? this.initializeParameters(data);
		const [loss, gradient] = this.lossAndGradient(parameters, data);
		this.parameters = parameters;
		return $tuple(gradient, data.sampleCount, loss);
	}

	private checkGradients(gradients: unknown, sampleCount: unknown, where: string): ModelParameters {
		const parameters = this.requireParameters(where);
		this.assertNotTraining(where);
		assertSameStructure(parameters, gradients, where, "the model's parameters", "gradients");
		if (!typeIs(sampleCount, "number") || sampleCount < 1 || sampleCount !== math.floor(sampleCount))
			error(`[Hivemind] ${where}: sampleCount must be an integer ≥ 1, got ${tostring(sampleCount)}`, 3);
		return parameters;
	}

	/** Stores an external gradient (summed over `sampleCount` samples) as the saved one. */
	setGradients(gradients: ModelParameters, sampleCount: number) {
		this.checkGradients(gradients, sampleCount, `${this.modelName}.setGradients`);
		this.savedGradients = copyParameters(gradients);
		this.savedSampleCount = sampleCount;
	}

	/**
	 * One optimizer step from a gradient summed over `sampleCount` samples (e.g. Σ gᵢ over children
	 * with Σ nᵢ), plus this model's regularization; without arguments, the saved gradient.
	 */
	applyGradients(gradients?: ModelParameters, sampleCount?: number) {
		const where = `${this.modelName}.applyGradients`;
		const g = gradients ?? this.savedGradients;
		const n = gradients !== undefined ? sampleCount : this.savedSampleCount;
		if (g === undefined) error(`[Hivemind] ${where}: gradients must be given (no gradient is saved), got nil`, 2);
		const parameters = this.checkGradients(g, n, where);
		this.atomically(() => this.applyStep(parameters, g, n as number));
	}

	/** Forgets the optimizer state (momentum, moments) and the update counter. */
	resetOptimizer() {
		this.optimizerStates = {};
		this.updateCount = 0;
	}

	/** The optimizer state per parameter entry (a deep copy; plain data). */
	getOptimizerStates(): OptimizerStates {
		return copyStates(this.optimizerStates);
	}

	/** Restores optimizer states saved by `getOptimizerStates` (deep-copied). */
	setOptimizerStates(states: OptimizerStates) {
		assertOptimizerStates(states, `${this.modelName}.setOptimizerStates`);
		this.optimizerStates = copyStates(states);
	}

	/**
	 * The training state as plain data (copies): parameters, optimizer states and update counter.
	 * `setTrainingState` with it later undoes every step taken in between.
	 */
	getTrainingState(): TrainingState {
		this.assertAlive(`${this.modelName}.getTrainingState`);
		return this.checkpoint();
	}

	/**
	 * Returns to a state from `getTrainingState` (checked like `setModelParameters` and
	 * `setOptimizerStates`; the parameters are copied into the current matrices when there are some,
	 * so no-copy holders see the change). A state without parameters makes the model untrained.
	 */
	setTrainingState(state: TrainingState) {
		const where = `${this.modelName}.setTrainingState`;
		this.assertAlive(where);
		this.assertNotTraining(where);
		const copied = checkedTrainingState(state, where, (p) => this.validateModelParameters(p, where));
		const parameters = copied.parameters as P | undefined; // validateModelParameters asserted P
		const current = this.parameters;
		if (!(current !== undefined && parameters !== undefined && sameShapes(current, parameters))) this.parameters = parameters;
		this.restoreCheckpoint(copied, this.parameters);
	}

	protected copyLearnedStateTo(twin: this) {
		super.copyLearnedStateTo(twin);
		const other = twin as GradientModel<O>;
		other.optimizerStates = this.getOptimizerStates();
		other.updateCount = this.updateCount;
		other.areGradientsSaved = this.areGradientsSaved;
		other.savedGradients = this.getGradients();
		other.savedSampleCount = this.savedSampleCount;
		other.shuffler = this.shuffler === undefined ? undefined : new RandomGenerator(this.options.seed);
		if (this.shuffler !== undefined) other.shuffler!.setState(this.shuffler.getState());
	}

	destroy() {
		this.optimizerStates = {};
		this.savedGradients = undefined;
		super.destroy();
	}
}
