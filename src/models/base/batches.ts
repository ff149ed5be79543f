/**
 * How an epoch of the shared loop is split into optimizer steps: the loop's own `batchSize`
 * option, or a plan given to `GradientModel.trainInBatches` (e.g. by `GradientMethodWrapper`).
 */
import { describeValue } from "../../core/describe";
import { RandomGenerator } from "../../matrix/random";
import { FrameBudget } from "../../parallel/FrameBudget";

/** One epoch's batches: arrays of 0-based row indices, one optimizer step each, in order; undefined: one full-batch step. */
export type EpochBatches = Array<Array<number>> | undefined;

/** Chooses the batches of epoch `epoch` (from 1) over `sampleCount` rows. */
export type BatchPlan = (epoch: number, sampleCount: number) => EpochBatches;

/** `order` cut into consecutive batches of `batchSize` rows (the last one smaller). */
export function batchesOfSize(order: Array<number>, batchSize: number): Array<Array<number>> {
	const batches = new Array<Array<number>>();
	const n = order.size();
	for (const start of $range(0, n - 1, batchSize)) {
		const rows = new Array<number>();
		for (const k of $range(start, math.min(start + batchSize, n) - 1)) rows.push(order[k]);
		batches.push(rows);
	}
	return batches;
}

/**
 * The `batchSize` option's epochs for one training call: each a seeded shuffle of 0 … n − 1 (the
 * draws of `permutation(n)`) cut into batches of `batchSize` rows, in arrays made at the first
 * epoch and refilled at the next ones.
 */
export class ShuffledBatches {
	private readonly order = new Array<number>();
	private batches: Array<Array<number>> | undefined;
	private shapedFor = [0, 0];

	/** The next epoch's batches of `n` rows, shuffled by `rng` (valid until the next call). */
	next(rng: RandomGenerator, n: number, batchSize: number): Array<Array<number>> {
		const order = this.order;
		for (const i of $range(0, n - 1)) order[i] = i;
		while (order.size() > n) order.pop();
		rng.shuffle(order);
		const batches = this.batches;
		if (batches === undefined || this.shapedFor[0] !== n || this.shapedFor[1] !== batchSize) {
			this.shapedFor = [n, batchSize];
			this.batches = batchesOfSize(order, batchSize);
			return this.batches;
		}
		let k = 0;
		for (const rows of batches) {
			for (const j of $range(0, rows.size() - 1)) rows[j] = order[k + j];
			k += rows.size();
		}
		return batches;
	}
}

/** 0, 1, …, n − 1. */
export function rowRange(n: number): Array<number> {
	const order = new Array<number>();
	for (const i of $range(0, n - 1)) order.push(i);
	return order;
}

/**
 * Throws unless `batches` is undefined or a non-empty array of non-empty arrays of row indices in
 * [0, n − 1]; checks `budget` (when given) every 4096 indices.
 */
export function assertBatches(
	batches: unknown,
	sampleCount: number,
	epoch: number,
	where: string,
	budget?: FrameBudget,
): asserts batches is EpochBatches {
	if (batches === undefined) return;
	const expected = `nil or a non-empty array of batches (arrays of 0-based row indices in [0, ${sampleCount - 1}])`;
	if (!typeIs(batches, "table") || (batches as Array<unknown>).size() === 0) {
		error(`[Hivemind] ${where}: the batches of epoch ${epoch} must be ${expected}, got ${describeValue(batches)}`, 3);
	}
	const list = batches as Array<unknown>;
	let seen = 0;
	for (const b of $range(0, list.size() - 1)) {
		const batch = list[b];
		if (!typeIs(batch, "table") || (batch as Array<unknown>).size() === 0) {
			error(`[Hivemind] ${where}: batch ${b + 1} of epoch ${epoch} must be a non-empty array of row indices, got ${describeValue(batch)}`, 3);
		}
		const rows = batch as Array<unknown>;
		for (const k of $range(0, rows.size() - 1)) {
			seen += 1;
			if (budget !== undefined && seen % 4096 === 0) budget.check();
			const i = rows[k];
			if (!typeIs(i, "number") || i !== math.floor(i) || i < 0 || i >= sampleCount) {
				error(
					`[Hivemind] ${where}: batch ${b + 1} of epoch ${epoch}, entry ${k + 1} must be a row index in [0, ${sampleCount - 1}], got ${describeValue(i)}`,
					3,
				);
			}
		}
	}
}

/**
 * `plan` checked at each call (its batches by `assertBatches`, checking `budget` meanwhile), after
 * checking `numberOfEpochs` (an integer ≥ 1) and that `plan` is a function; errors name `where` at
 * the caller's caller.
 */
export function checkedBatchPlan(numberOfEpochs: unknown, plan: unknown, where: string, budget?: FrameBudget): BatchPlan {
	if (!typeIs(numberOfEpochs, "number") || numberOfEpochs < 1 || numberOfEpochs !== math.floor(numberOfEpochs) || numberOfEpochs === math.huge) {
		error(`[Hivemind] ${where}: numberOfEpochs must be an integer ≥ 1, got ${tostring(numberOfEpochs)}`, 3);
	}
	if (!typeIs(plan, "function"))
		error(`[Hivemind] ${where}: plan must be a function(epoch, sampleCount) returning the epoch's batches, got ${typeOf(plan)}`, 3);
	const inner = plan as BatchPlan;
	return (epoch, n) => {
		const batches = inner(epoch, n);
		assertBatches(batches, n, epoch, where, budget);
		return batches;
	};
}
