/**
 * How the shared loop gets the summed loss and gradient of many rows without freezing a server:
 * in fixed row blocks with a frame-budget check after each (sums added in block order, so the
 * result never depends on the budget), or on a worker pool holding the rows resident (partial
 * sums added in shard order).
 */
import { RowPacer } from "../../matrix/fused";
import { addInPlace } from "../../matrix/inplace";
import { Matrix } from "../../matrix/types";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { rowsBetween } from "../../parallel/shards";
import { ShardedData, WorkerPool } from "../../parallel/types";
import { copyParameters, ModelParameters, parameterCount, parameterEntries } from "../../parameters";
import { TrainingData } from "./types";
import { GradientOptions } from "./gradientOptions";

/**
 * The summed data loss and gradient at `parameters` on `data` (a model's `lossAndGradient`; it may
 * write the gradient into `out`, and a model that paces its own rows calls `pacer` between blocks).
 */
export type LossAndGradient = (
	parameters: ModelParameters,
	data: TrainingData,
	out?: ModelParameters,
	pacer?: RowPacer,
) => LuaTuple<[number, ModelParameters]>;

/** Adds `part` into `total` entry by entry (same structure). */
export function addParametersInPlace(total: ModelParameters, part: ModelParameters) {
	const parts = parameterEntries(part);
	parameterEntries(total).forEach(([, matrix], k) => addInPlace(matrix, parts[k][1]));
}

/**
 * `compute` over all rows of `data` in blocks of about 2^15 multiply-adds (by the parameter
 * count), checking `budget` after each; one call when the data fits in one block. The first block's
 * gradient is written into `out` (the loop's reused buffer) when given, and the others added to it.
 */
export function blockedLossAndGradient(
	compute: LossAndGradient,
	parameters: ModelParameters,
	data: TrainingData,
	budget: FrameBudget,
	out?: ModelParameters,
): LuaTuple<[number, ModelParameters]> {
	const n = data.sampleCount;
	const block = rowsPerBlock(3 * parameterCount(parameters));
	if (n <= block) {
		const [loss, gradient] = compute(parameters, data, out);
		budget.check();
		return $tuple(loss, gradient);
	}
	let loss = 0;
	let total: ModelParameters | undefined;
	forEachBlock(n, block, budget, (first, last) => {
		const part: TrainingData = {
			inputs: rowsBetween(data.inputs, first, last),
			targets: rowsBetween(data.targets, first, last),
			sampleCount: last - first + 1,
		};
		if (total === undefined) {
			const [partLoss, gradient] = compute(parameters, part, out);
			loss += partLoss;
			total = out !== undefined && gradient === out ? gradient : copyParameters(gradient);
		} else {
			const [partLoss, gradient] = compute(parameters, part);
			loss += partLoss;
			addParametersInPlace(total, gradient);
		}
	});
	return $tuple(loss, total as ModelParameters);
}

/** One kernel call's answer: a shard's summed loss and gradient. */
interface ShardGradient {
	loss: number;
	gradient: ModelParameters;
}

let nextTrainingKey = 0;

/** The loop's source of full-batch gradients for one `train` call (see the module comment). */
export class GradientEvaluator {
	private sharded: ShardedData | undefined;
	private readonly pool: WorkerPool | undefined;
	/** What a pool worker needs to rebuild the model: its registered name, plain-data options and a key for this call. */
	private readonly blueprint: { modelName: string; options: object; key: string };
	/** The pacer handed to a model that paces its own rows (made once per call), and the row count of its current pass. */
	private pacer: RowPacer | undefined;
	private pacedRows = 0;
	/** The fixed row blocks of the training data (views) and the scratch gradient of the further blocks, made once per call. */
	private blocks: Array<TrainingData> | undefined;
	private scratch: ModelParameters | undefined;
	/** The view of the current mini-batch's rows, refilled for each batch. */
	private batchView: { inputs: Matrix; targets: Matrix; sampleCount: number } | undefined;
	/** The budget of this training call (the `frameBudget` option). */
	readonly budget: FrameBudget;

	/** For one training call of the model `modelName` with `options`; the pool is used only when `poolAllowed`. */
	constructor(
		private readonly compute: LossAndGradient,
		private readonly data: TrainingData,
		private readonly options: GradientOptions,
		poolAllowed: boolean,
		modelName: string,
		/** Whether `compute`, given `out`, makes one pass over the rows calling a pacer between fixed blocks (no row copies, no per-block gradients). */
		private readonly pacesRows = false,
	) {
		nextTrainingKey += 1;
		this.pool = poolAllowed ? options.pool : undefined;
		this.blueprint = { modelName, options: plainPart(options) as object, key: `${modelName}#${nextTrainingKey}` };
		this.budget = new FrameBudget(options.frameBudget);
	}

	/** After iteration `iteration` of `iterations`: reports progress, then yields every `yieldInterval` iterations or when the budget is used. */
	endIteration(iteration: number, iterations: number) {
		const o = this.options;
		if (o.onProgress !== undefined) o.onProgress(iteration, iterations);
		this.budget.pace(iteration, o.yieldInterval);
	}

	/** The summed loss and gradient of all rows at `parameters` (written into `out` when computed here and given). */
	full(parameters: ModelParameters, out?: ModelParameters): LuaTuple<[number, ModelParameters]> {
		if (this.pool === undefined) return this.serial(parameters, this.data, out);
		if (this.sharded === undefined) this.sharded = this.pool.loadData(this.data.inputs, this.data.targets);
		const answers = this.pool.runKernel("modelGradient", this.sharded, { ...this.blueprint, parameters }) as Array<ShardGradient>;
		let loss = 0;
		const total = answers[0].gradient;
		answers.forEach((answer, s) => {
			loss += answer.loss;
			if (s > 0) addParametersInPlace(total, answer.gradient);
		});
		this.budget.check();
		return $tuple(loss, total);
	}

	/**
	 * One epoch of steps, one per batch of row indices: each batch's gradient goes to `step(gradient,
	 * rowCount)`; returns the summed loss of the batches (each before its step) and their total row count.
	 */
	epochOfBatches(
		parameters: ModelParameters,
		batches: Array<Array<number>>,
		out: ModelParameters | undefined,
		step: (gradient: ModelParameters, rowCount: number) => void,
	): LuaTuple<[number, number]> {
		let total = 0;
		let count = 0;
		for (const rows of batches) {
			const [loss, gradient] = this.serial(parameters, this.batchOf(rows), out);
			step(gradient, rows.size());
			total += loss;
			count += rows.size();
		}
		return $tuple(total, count);
	}

	/**
	 * The pacer of a pass over `rows` rows (made once per call): blocks of about 2^15 multiply-adds
	 * of a gradient at `parameters`; between blocks it reports progress and checks the budget.
	 */
	rowPacer(parameters: ModelParameters, rows: number): RowPacer {
		this.pacedRows = rows;
		if (this.pacer === undefined)
			this.pacer = { blockRows: rowsPerBlock(3 * parameterCount(parameters)), between: (done) => this.budget.step(done, this.pacedRows) };
		return this.pacer;
	}

	/**
	 * The rows `rows` of the training data as one reused view (the same row tables, not copies;
	 * the previous batch's view overwritten and trimmed), so an epoch of batches builds no row lists.
	 */
	private batchOf(rows: Array<number>): TrainingData {
		const view = this.batchView ?? { inputs: [], targets: [], sampleCount: 0 };
		this.batchView = view;
		const inputs = view.inputs;
		const targets = view.targets;
		const allInputs = this.data.inputs;
		const allTargets = this.data.targets;
		const m = rows.size();
		for (const k of $range(0, m - 1)) {
			const i = rows[k];
			inputs[k] = allInputs[i];
			targets[k] = allTargets[i];
		}
		while (inputs.size() > m) {
			inputs.pop();
			targets.pop();
		}
		view.sampleCount = m;
		return view;
	}

	/**
	 * On this thread: one paced pass when the model paces its own rows (the sums run on across the
	 * blocks, so the budget only decides where to yield), else in fixed blocks.
	 */
	private serial(parameters: ModelParameters, data: TrainingData, out?: ModelParameters): LuaTuple<[number, ModelParameters]> {
		if (out === undefined) return blockedLossAndGradient(this.compute, parameters, data, this.budget, out);
		if (!this.pacesRows)
			return data === this.data ? this.blockedFull(parameters, out) : blockedLossAndGradient(this.compute, parameters, data, this.budget, out);
		const [loss, gradient] = this.compute(parameters, data, out, this.rowPacer(parameters, data.sampleCount));
		this.budget.check();
		return $tuple(loss, gradient);
	}

	/**
	 * `blockedLossAndGradient` over all rows, with the block views (row references, no copies) made
	 * once per call and the further blocks written into one scratch gradient made once: the same
	 * blocks and sums, nothing allocated per iteration by the loop.
	 */
	private blockedFull(parameters: ModelParameters, out: ModelParameters): LuaTuple<[number, ModelParameters]> {
		const data = this.data;
		const n = data.sampleCount;
		const block = rowsPerBlock(3 * parameterCount(parameters));
		if (n <= block) return blockedLossAndGradient(this.compute, parameters, data, this.budget, out);
		if (this.blocks === undefined) {
			const views = new Array<TrainingData>();
			forEachBlock(n, block, undefined, (first, last) => {
				views.push({
					inputs: rowsBetween(data.inputs, first, last),
					targets: rowsBetween(data.targets, first, last),
					sampleCount: last - first + 1,
				});
			});
			this.blocks = views;
		}
		const [firstLoss, firstGradient] = this.compute(parameters, this.blocks[0], out);
		let loss = firstLoss;
		const total = firstGradient === out ? out : copyParameters(firstGradient);
		let done = this.blocks[0].sampleCount;
		this.budget.step(done, n);
		for (const k of $range(1, this.blocks.size() - 1)) {
			const part = this.blocks[k];
			if (this.scratch === undefined) this.scratch = copyParameters(total);
			const [partLoss, gradient] = this.compute(parameters, part, this.scratch);
			loss += partLoss;
			addParametersInPlace(total, gradient);
			done += part.sampleCount;
			this.budget.step(done, n);
		}
		return $tuple(loss, total);
	}

	/** Runs the training loop `loop`, then (even when it throws) frees the pool's copy of the rows. */
	run<T>(loop: () => T): T {
		const [ok, result] = pcall(loop);
		if (this.pool !== undefined && this.sharded !== undefined) this.pool.releaseData(this.sharded);
		this.sharded = undefined;
		if (!ok) error(result, 0);
		return result;
	}
}

/** `value` without functions, metatabled objects or other non-plain values, all the way down (what can cross to a worker). */
export function plainPart(value: unknown, depth = 0): unknown {
	const kind = typeOf(value);
	if (kind === "number" || kind === "string" || kind === "boolean") return value;
	if (kind !== "table" || getmetatable(value as object) !== undefined || depth > 16) return undefined;
	const out = new Map<unknown, unknown>();
	for (const [key, entry] of pairs(value as object)) {
		const kept = plainPart(entry, depth + 1);
		if (kept !== undefined) out.set(key, kept);
	}
	return out;
}
