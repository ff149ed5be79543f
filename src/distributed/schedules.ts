/**
 * When children synchronize with the main model, as plain data plus pure helpers. The kinds follow
 * dislib's distributed-training methods (fit synchronously, synchronously every n epochs,
 * asynchronously):
 * - "Synchronous": every round (epoch), the sampled children start from the main parameters,
 *   train (or compute gradients), and the main model merges them all.
 * - "SynchronousEveryNEpochs": children train locally for `epochsPerSynchronization` epochs
 *   between merges (local SGD / FedAvg with several local epochs).
 * - "AsynchronousMerge": each child's result is merged into the main parameters as soon as it is
 *   done, main ← (1 − mixingRate)·main + mixingRate·child (FedAsync's running merge).
 * - "AsynchronousGradients": each child's gradients are applied as soon as they arrive, computed
 *   from a possibly older version; updates staler than `stalenessBound` are rejected.
 * Per round a seeded fraction of children is sampled (never fewer than `minimumChildren`), and the
 * data may be reshuffled across children between epochs (dislib's shuffle of blocks).
 */
import { Matrix } from "../matrix/types";
import { RandomGenerator } from "../matrix/random";
import { booleanValue, constraint, integerAtLeast, oneOf } from "../options/constraints";
import { resolveOptions } from "../options/resolve";
import { deriveSeed } from "./wire";
import { describeValue } from "../core/describe";
import { UPDATE_GUARD_CONSTRAINTS } from "./UpdateGuard";

/** The synchronization pattern. */
export type TrainingScheduleKind = "Synchronous" | "SynchronousEveryNEpochs" | "AsynchronousMerge" | "AsynchronousGradients";

/** A schedule, as plain data (what `createTrainingSchedule` returns, frozen). */
export interface TrainingSchedule {
	/** Default "Synchronous". */
	kind: TrainingScheduleKind;
	/** Epochs of local training between merges (SynchronousEveryNEpochs). Default 1. */
	epochsPerSynchronization: number;
	/** Share of children sampled per round, in (0, 1]. Default 1 (all). */
	fractionOfChildren: number;
	/** The fewest children a round may have (the round fails when fewer exist). Default 1. */
	minimumChildren: number;
	/** AsynchronousMerge's weight of the arriving child, in (0, 1]. Default 0.5. */
	mixingRate: number;
	/** AsynchronousGradients' staleness bound (math.huge: none). Default math.huge. */
	stalenessBound: number;
	/** Reshuffle all rows across the children (keeping shard sizes) before each epoch. Default false. */
	shuffleAcrossChildren: boolean;
	/** The seed of sampling and shuffling (per round: `deriveSeed(seed, round)`). Default 42. */
	seed: number;
}

const DEFAULTS: TrainingSchedule = {
	kind: "Synchronous",
	epochsPerSynchronization: 1,
	fractionOfChildren: 1,
	minimumChildren: 1,
	mixingRate: 0.5,
	stalenessBound: math.huge,
	shuffleAcrossChildren: false,
	seed: 42,
};

const CONSTRAINTS = {
	kind: oneOf("Synchronous", "SynchronousEveryNEpochs", "AsynchronousMerge", "AsynchronousGradients"),
	epochsPerSynchronization: integerAtLeast(1),
	fractionOfChildren: constraint((v) => typeIs(v, "number") && v > 0 && v <= 1, "a number in (0, 1]"),
	minimumChildren: integerAtLeast(1),
	mixingRate: constraint((v) => typeIs(v, "number") && v > 0 && v <= 1, "a number in (0, 1]"),
	stalenessBound: UPDATE_GUARD_CONSTRAINTS.stalenessBound,
	shuffleAcrossChildren: booleanValue,
	seed: integerAtLeast(0),
};

/** A validated, frozen schedule from options (defaults above). */
export function createTrainingSchedule(options?: Partial<TrainingSchedule>): Readonly<TrainingSchedule> {
	return resolveOptions("createTrainingSchedule", DEFAULTS, options, CONSTRAINTS);
}

/** True when the main model merges at the end of 0-based `epoch` under `schedule`. */
export function isSynchronizationEpoch(schedule: Readonly<TrainingSchedule>, epoch: number): boolean {
	if (schedule.kind !== "SynchronousEveryNEpochs") return true;
	return (epoch + 1) % schedule.epochsPerSynchronization === 0;
}

/**
 * The children (0-based, ascending) taking part in 0-based `round`: max(minimumChildren,
 * ⌈fractionOfChildren · childCount⌉) of them, drawn by a generator seeded with
 * `deriveSeed(seed, round)`, so a run replays exactly.
 */
export function sampleChildren(schedule: Readonly<TrainingSchedule>, round: number, childCount: number): Array<number> {
	if (childCount < schedule.minimumChildren) {
		error(`[Hivemind] sampleChildren: childCount must be ≥ minimumChildren (${schedule.minimumChildren}), got ${describeValue(childCount)}`, 2);
	}
	const count = math.max(schedule.minimumChildren, math.ceil(schedule.fractionOfChildren * childCount - 1e-9));
	if (count >= childCount) {
		const all = new Array<number>();
		for (const i of $range(0, childCount - 1)) all.push(i);
		return all;
	}
	const chosen = new RandomGenerator(deriveSeed(schedule.seed, round)).permutation(childCount);
	const picked = new Array<number>();
	for (const i of $range(0, count - 1)) picked.push(chosen[i]);
	picked.sort();
	return picked;
}

/**
 * Redistributes the rows of all shards across the children, keeping each child's shard size:
 * the rows are permuted by a generator seeded with `deriveSeed(seed, round)`. Returns new shards.
 */
export function shuffleShards(shards: Array<[Matrix, Matrix]>, seed: number, round: number): Array<[Matrix, Matrix]> {
	const xs = new Array<Array<number>>();
	const ys = new Array<Array<number>>();
	for (const [X, y] of shards) {
		for (const i of $range(0, X.size() - 1)) {
			xs.push(X[i]);
			ys.push(y[i]);
		}
	}
	const order = new RandomGenerator(deriveSeed(seed, round)).permutation(xs.size());
	let cursor = 0;
	return shards.map(([X]) => {
		const newX: Matrix = [];
		const newY: Matrix = [];
		for (const _ of $range(1, X.size())) {
			newX.push([...xs[order[cursor]]]);
			newY.push([...ys[order[cursor]]]);
			cursor += 1;
		}
		return [newX, newY];
	});
}
