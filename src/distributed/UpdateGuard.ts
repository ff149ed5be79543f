/**
 * The gate every incoming update passes before it may reach a main model: plain finite data of
 * the main parameters' structure, a norm within a multiple of the recent median, a staleness
 * within the bound. Rejections are logged with their reason and counted; nothing is dropped
 * silently (cleared updates are counted too).
 *
 * The median is taken over the norms of the last `normHistorySize` finite updates screened,
 * rejected ones included, so it tracks the stream: after a distribution shift that multiplies
 * every honest norm by more than `maximumNormMultiple`, at most ⌈normHistorySize / 2⌉ updates
 * are rejected before the median has moved and the new norms pass again (the guard cannot lock
 * itself out; it stops a minority of outliers, not a majority).
 */
import { assertSameStructure, isModelParameters, describeParameters, ModelParameters, parameterEntries } from "../parameters/tree";
import { booleanValue, callbackValue, constraint, integerAtLeast, oneOf } from "../options/constraints";
import { plainDataProblem } from "../core/plainData";
import { errorReason } from "../core/errors";

/** Why an update was rejected. */
export type RejectionReason = "nonFinite" | "structure" | "norm" | "stale" | "duplicate" | "otherModel" | "backlog";

/** What happens to an update staler than the bound: rejected, or accepted with a smaller weight. */
export type StalePolicy = "Reject" | "DownWeight";

/** Options of the guard (part of the options of DistributedGradients and DistributedModelParameters). */
export interface UpdateGuardOptions {
	/** Reject an update whose norm exceeds this multiple of the median norm of recent updates. Default 10; math.huge switches it off. */
	maximumNormMultiple: number;
	/** How many recent norms (of every finite update screened, accepted or not) the median is taken over. Default 20. */
	normHistorySize: number;
	/** The norm rule applies once this many norms were seen (and while their median is > 0). Default 3. */
	minimumNormHistory: number;
	/** The largest staleness (current version − base version) accepted as is. Default math.huge (off). */
	stalenessBound: number;
	/** Beyond the bound: "Reject" (default), or "DownWeight": weight 1 / (1 + staleness − bound). */
	stalePolicy: StalePolicy;
	/** Print each rejection with `warn`. Default true. */
	logRejections: boolean;
	/** Called with each rejection's reason and message. */
	onRejected?: (reason: RejectionReason, message: string) => void;
}

/** Counts of what happened to the updates received. received = accepted + rejected + pending + cleared. */
export interface UpdateStatistics {
	received: number;
	/** Updates that reached the main model. */
	accepted: number;
	/** Accepted updates whose weight was reduced for staleness. */
	downWeighted: number;
	rejected: number;
	rejectedNonFinite: number;
	rejectedStructure: number;
	rejectedNorm: number;
	rejectedStale: number;
	/** Deliveries of an update identity seen before (not applied again). */
	rejectedDuplicate: number;
	/** Updates of another model (modelName). */
	rejectedOtherModel: number;
	/** Updates refused because the queue was full (`maximumPendingUpdates`). */
	rejectedBacklog: number;
	/** Updates waiting to be applied or merged. */
	pending: number;
	/** Pending updates discarded by clear/reset/destroy. */
	cleared: number;
	/** The message of the latest rejection ("" when none). */
	lastRejection: string;
}

/**
 * The Frobenius norm of all entries of `p` together, computed scaled by the largest magnitude so
 * it does not overflow while the true norm is finite (entries of 1e300 give ≈1e300, not inf).
 */
export function parametersNorm(p: ModelParameters): number {
	const entries = parameterEntries(p);
	let largest = 0;
	for (const [, matrix] of entries) for (const row of matrix) for (const v of row) largest = math.max(largest, math.abs(v));
	if (largest === 0 || largest !== largest || largest === math.huge) return largest;
	let total = 0;
	for (const [, matrix] of entries) for (const row of matrix) for (const v of row) total += (v / largest) ** 2;
	return largest * math.sqrt(total);
}

/** Screens updates and keeps the counts (used by DistributedGradients and DistributedModelParameters). */
export class UpdateGuard {
	private readonly norms = new Array<number>();
	private readonly counts: UpdateStatistics = {
		received: 0,
		accepted: 0,
		downWeighted: 0,
		rejected: 0,
		rejectedNonFinite: 0,
		rejectedStructure: 0,
		rejectedNorm: 0,
		rejectedStale: 0,
		rejectedDuplicate: 0,
		rejectedOtherModel: 0,
		rejectedBacklog: 0,
		pending: 0,
		cleared: 0,
		lastRejection: "",
	};

	constructor(
		private readonly where: string,
		private readonly options: Readonly<UpdateGuardOptions>,
	) {}

	/**
	 * Checks a new update against the main parameters (`reference`, fixed beforehand): plain finite
	 * data, same structure, finite norm, norm rule. Returns its norm when it may be queued (counted
	 * pending), or undefined after recording the rejection. Every finite norm joins the history.
	 */
	screen(update: unknown, reference: ModelParameters, label: string): number | undefined {
		this.counts.received += 1;
		const problem = plainDataProblem(update, label);
		if (problem !== undefined) return this.reject("nonFinite", problem);
		if (!isModelParameters(update)) {
			return this.reject(
				"structure",
				`${label} must be a matrix, a list of matrices or a string-keyed table of matrices, got ${describeParameters(update)}`,
			);
		}
		const mismatch = this.structureMismatch(update, reference, label);
		if (mismatch !== undefined) return this.reject("structure", mismatch);
		const norm = parametersNorm(update);
		if (norm === math.huge)
			return this.reject("norm", `${label} has a norm too large to represent (its entries are finite, their norm overflows)`);
		const median = this.medianNorm();
		this.norms.push(norm);
		if (this.norms.size() > this.options.normHistorySize) this.norms.remove(0);
		if (median !== undefined && median > 0 && norm > this.options.maximumNormMultiple * median) {
			return this.reject("norm", `${label} has norm ${norm}, more than ${this.options.maximumNormMultiple} × the recent median norm ${median}`);
		}
		this.counts.pending += 1;
		return norm;
	}

	/** Records an incoming update refused before screening (duplicate, another model, full queue): received and rejected. */
	refuse(reason: RejectionReason, message: string) {
		this.counts.received += 1;
		this.reject(reason, message);
	}

	/** Why `update` does not fit the structure and shapes of `reference` (the message), or undefined when it fits. */
	structureMismatch(update: ModelParameters, reference: ModelParameters, label: string): string | undefined {
		const [ok, err] = pcall(assertSameStructure, reference, update, this.where, "the main parameters", label);
		return ok ? undefined : errorReason(err);
	}

	/**
	 * The weight of a pending update with the given staleness: 1 within the bound, 1 / (1 +
	 * staleness − bound) beyond it with "DownWeight", undefined with "Reject" (the message then
	 * says why; record it with `rejectPending`). Records nothing.
	 */
	staleWeight(staleness: number, baseVersion: number, version: number): LuaTuple<[number | undefined, string]> {
		const bound = this.options.stalenessBound;
		if (staleness <= bound) return $tuple(1, "");
		if (this.options.stalePolicy === "Reject") {
			return $tuple(undefined, `staleness ${staleness} exceeds the bound ${bound} (base version ${baseVersion}, current version ${version})`);
		}
		return $tuple(1 / (1 + staleness - bound), "");
	}

	/** Records the rejection of a pending update at apply time (stale, or no longer fitting the main parameters). */
	rejectPending(reason: RejectionReason, message: string) {
		this.counts.pending -= 1;
		this.reject(reason, message);
	}

	/** Records that a pending update reached the main model, with a reduced weight when `downWeighted`. */
	accept(downWeighted = false) {
		if (downWeighted) this.counts.downWeighted += 1;
		this.counts.pending -= 1;
		this.counts.accepted += 1;
	}

	/** Records that `count` pending updates were discarded. */
	clear(count: number) {
		this.counts.pending -= count;
		this.counts.cleared += count;
	}

	/** A copy of the counts. */
	getStatistics(): UpdateStatistics {
		return table.clone(this.counts);
	}

	private medianNorm(): number | undefined {
		const count = this.norms.size();
		if (count < this.options.minimumNormHistory || count === 0) return undefined;
		const sorted = [...this.norms];
		sorted.sort();
		const half = math.floor(count / 2);
		return count % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
	}

	private reject(reason: RejectionReason, message: string): undefined {
		this.counts.rejected += 1;
		const field = `rejected${reason.sub(1, 1).upper()}${reason.sub(2)}` as "rejectedNorm";
		this.counts[field] += 1;
		this.counts.lastRejection = message;
		if (this.options.logRejections) warn(`[Hivemind] ${this.where}: rejected an update: ${message}`);
		const callback = this.options.onRejected;
		if (callback !== undefined) callback(reason, message);
		return undefined;
	}
}

/** Defaults of the guard options. */
export const UPDATE_GUARD_DEFAULTS: UpdateGuardOptions = {
	maximumNormMultiple: 10,
	normHistorySize: 20,
	minimumNormHistory: 3,
	stalenessBound: math.huge,
	stalePolicy: "Reject",
	logRejections: true,
};

/** The constraint table of the guard options (merged into the owners' tables). */
export const UPDATE_GUARD_CONSTRAINTS = {
	maximumNormMultiple: constraint((v) => typeIs(v, "number") && v > 1, "a number > 1 (math.huge switches the rule off)"),
	normHistorySize: integerAtLeast(1),
	minimumNormHistory: integerAtLeast(1),
	stalenessBound: constraint(
		(v) => v === math.huge || (typeIs(v, "number") && v >= 0 && v === math.floor(v)),
		"an integer ≥ 0 (math.huge switches the bound off)",
	),
	stalePolicy: oneOf("Reject", "DownWeight"),
	logRejections: booleanValue,
	onRejected: callbackValue,
};
