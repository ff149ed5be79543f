/**
 * How the shared loop gets the summed loss and gradient of many rows without freezing a server:
 * in fixed row blocks with a frame-budget check after each (sums added in block order, so the
 * result never depends on the budget), or on a worker pool holding the rows resident (partial
 * sums added in shard order).
 */
import { addInPlace } from "../../matrix/inplace";
import { FrameBudget, forEachBlock, rowsPerBlock } from "../../parallel/FrameBudget";
import { rowsBetween } from "../../parallel/shards";
import { ShardedData, WorkerPool } from "../../parallel/types";
import { copyParameters, ModelParameters, parameterCount, parameterEntries } from "../../parameters";
import { TrainingData } from "./types";

/** The summed data loss and gradient at `parameters` on `data` (a model's `lossAndGradient`). */
export type LossAndGradient = (parameters: ModelParameters, data: TrainingData) => LuaTuple<[number, ModelParameters]>;

/** Adds `part` into `total` entry by entry (same structure). */
export function addParametersInPlace(total: ModelParameters, part: ModelParameters) {
	const parts = parameterEntries(part);
	parameterEntries(total).forEach(([, matrix], k) => addInPlace(matrix, parts[k][1]));
}

/**
 * `compute` over all rows of `data` in blocks of about 2^15 multiply-adds (by the parameter
 * count), checking `budget` after each; one call when the data fits in one block.
 */
export function blockedLossAndGradient(compute: LossAndGradient, parameters: ModelParameters, data: TrainingData, budget: FrameBudget): LuaTuple<[number, ModelParameters]> {
	const n = data.sampleCount;
	const block = rowsPerBlock(3 * parameterCount(parameters));
	if (n <= block) {
		const result = compute(parameters, data);
		budget.check();
		return result;
	}
	let loss = 0;
	let total: ModelParameters | undefined;
	forEachBlock(n, block, budget, (first, last) => {
		const part: TrainingData = { inputs: rowsBetween(data.inputs, first, last), targets: rowsBetween(data.targets, first, last), sampleCount: last - first + 1 };
		const [partLoss, gradient] = compute(parameters, part);
		loss += partLoss;
		if (total === undefined) total = copyParameters(gradient);
		else addParametersInPlace(total, gradient);
	});
	return $tuple(loss, total as ModelParameters);
}

/** What a pool worker needs to rebuild the model: its registered name and plain-data options. */
export interface ModelBlueprint {
	modelName: string;
	options: object;
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
	private readonly key: string;

	constructor(
		private readonly compute: LossAndGradient,
		private readonly data: TrainingData,
		readonly budget: FrameBudget,
		private readonly pool: WorkerPool | undefined,
		private readonly blueprint: ModelBlueprint,
	) {
		nextTrainingKey += 1;
		this.key = `${blueprint.modelName}#${nextTrainingKey}`;
	}

	/** The summed loss and gradient of all rows at `parameters`. */
	full(parameters: ModelParameters): LuaTuple<[number, ModelParameters]> {
		if (this.pool === undefined) return blockedLossAndGradient(this.compute, parameters, this.data, this.budget);
		if (this.sharded === undefined) this.sharded = this.pool.loadData(this.data.inputs, this.data.targets);
		const answers = this.pool.runKernel("modelGradient", this.sharded, { ...this.blueprint, key: this.key, parameters }) as Array<ShardGradient>;
		let loss = 0;
		const total = answers[0].gradient;
		answers.forEach((answer, s) => {
			loss += answer.loss;
			if (s > 0) addParametersInPlace(total, answer.gradient);
		});
		this.budget.check();
		return $tuple(loss, total);
	}

	/** The summed loss and gradient of a batch of rows (always here, in blocks). */
	batch(parameters: ModelParameters, batch: TrainingData): LuaTuple<[number, ModelParameters]> {
		return blockedLossAndGradient(this.compute, parameters, batch, this.budget);
	}

	/** Frees the pool's copy of the rows. */
	release() {
		if (this.pool !== undefined && this.sharded !== undefined) this.pool.releaseData(this.sharded);
		this.sharded = undefined;
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
