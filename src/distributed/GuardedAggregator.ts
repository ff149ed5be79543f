/**
 * What the two main-model classes share: the main parameters (their structure fixed explicitly,
 * never by the first update), a bounded queue of screened updates, the guard that counts them,
 * the set of update identities already acknowledged (exactly-once), a version counter, and
 * background work on a signal. A merge or round in progress owns a snapshot of the queue: adds
 * made meanwhile (a yielding scorer, another thread) wait for the next one.
 */
import { assertModelParameters, copyParameters, ModelParameters } from "../parameters/tree";
import { UpdateGuard, UpdateGuardOptions, UpdateStatistics } from "./UpdateGuard";
import { BackgroundRunner, SignalLike } from "./BackgroundRunner";
import { AppliedSet, IdentityState, identityKey, identityOfRecord, UpdateIdentity } from "./identity";
import { UpdateKind, UpdateRecord, updateProblem } from "./wire";
import { describeValue } from "../core/describe";

/** A queued update: its norm, and its identity when it came as a wire record. */
export interface QueuedUpdate {
	norm: number;
	identity?: UpdateIdentity;
}

/** Options every aggregator takes besides the guard's. */
export interface AggregatorOptions {
	/** The model whose updates are accepted (records of another model are refused). Needed by `addUpdate`. */
	modelName?: string;
	/** The most updates waiting at once; more are refused (counted "backlog"). Default 10000. */
	maximumPendingUpdates?: number;
}

/** Base of DistributedGradients and DistributedModelParameters. */
export abstract class GuardedAggregator<Q extends QueuedUpdate> {
	protected readonly guard: UpdateGuard;
	protected readonly runner: BackgroundRunner;
	protected readonly applied: AppliedSet | undefined;
	protected mainParameters: ModelParameters | undefined;
	protected queue = new Array<Q>();
	protected version = 0;
	/** True while a merge or round works on its snapshot (it may yield). */
	protected busy = false;
	private destroyed = false;

	protected constructor(
		protected readonly where: string,
		guardOptions: Readonly<UpdateGuardOptions>,
		onError: ((message: string) => void) | undefined,
		private readonly aggregatorOptions: Readonly<AggregatorOptions>,
	) {
		this.guard = new UpdateGuard(where, guardOptions);
		this.runner = new BackgroundRunner(where, () => this.backgroundTick());
		if (onError !== undefined) this.runner.onError(onError);
		const modelName = aggregatorOptions.modelName;
		this.applied = modelName !== undefined ? new AppliedSet(modelName, where) : undefined;
	}

	/** The work done on each signal firing. */
	protected abstract backgroundTick(): void;

	/** Releases what the subclass holds (called by destroy). */
	protected abstract onDestroy(): void;

	protected assertAlive(method: string) {
		if (this.destroyed) error(`[Hivemind] ${this.where}.${method}: this object was destroyed`, 3);
	}

	/**
	 * Throws unless an incoming payload `argName` (gradients or parameters) is a table, before its
	 * contents are screened; the error names `<where>.<method>` and points at the public method's caller.
	 */
	protected assertPayloadTable(payload: unknown, argName: string, method: string) {
		if (!typeIs(payload, "table")) {
			error(
				`[Hivemind] ${this.where}.${method}: ${argName} must be a matrix, a list of matrices or a string-keyed table of matrices, got ${describeValue(payload)}`,
				4,
			);
		}
	}

	/** Throws while a merge or round is in progress (it owns the parameters until it ends). */
	protected assertIdle(method: string) {
		if (this.busy) error(`[Hivemind] ${this.where}.${method}: a merge or round is in progress (it yielded); call again after it ends`, 3);
	}

	/** Validates and stores the main parameters (a deep copy unless `doNotDeepCopy`). */
	protected storeParameters(parameters: ModelParameters, doNotDeepCopy: boolean, method: string) {
		this.assertAlive(method);
		this.assertIdle(method);
		assertModelParameters(parameters, "parameters", `${this.where}.${method}`);
		this.mainParameters = doNotDeepCopy ? parameters : copyParameters(parameters);
	}

	/** The main parameters (a deep copy unless `doNotDeepCopy`), or undefined. */
	protected readParameters(doNotDeepCopy: boolean): ModelParameters | undefined {
		const p = this.mainParameters;
		if (p === undefined) return undefined;
		return doNotDeepCopy ? p : copyParameters(p);
	}

	/** The main parameters, or an error saying how to fix their structure first. */
	protected requireStructure(method: string, setter: string): ModelParameters {
		const p = this.mainParameters;
		if (p === undefined) {
			error(`[Hivemind] ${this.where}.${method}: the main parameters' structure must be fixed first (${setter} or options.model), got none`, 3);
		}
		return p;
	}

	/**
	 * Checks a wire record (valid, of `kind`) and admits its identity: returns the identity when new,
	 * or undefined after counting it as a duplicate, another model's, or a backlog refusal.
	 */
	protected admitRecord(record: UpdateRecord<unknown>, kind: UpdateKind, method: string): UpdateIdentity | undefined {
		const where = `${this.where}.${method}`;
		// A record whose envelope is valid but whose data is not (NaN, holes) is screened and counted
		// by the guard like any bad update; a malformed envelope is the caller's error.
		const problem = updateProblem(record);
		if (problem !== undefined && problem.sub(1, 4) !== "data") error(`[Hivemind] ${where}: ${problem}`, 3);
		const update = record;
		if (update.kind !== kind) error(`[Hivemind] ${where}: record.kind must be "${kind}", got ${describeValue(update.kind)}`, 3);
		const applied = this.applied;
		if (applied === undefined)
			error(
				`[Hivemind] ${where}: options.modelName must be set to accept records (it names the model whose updates are accepted), got none`,
				3,
			);
		const identity = identityOfRecord(update);
		const verdict = applied.verdict(identity);
		if (verdict === "otherModel") {
			this.guard.refuse(
				"otherModel",
				`the record is for the model "${identity.modelName}", this aggregator accepts "${applied.getModelName()}"`,
			);
			return undefined;
		}
		if (verdict !== "new") {
			this.guard.refuse(
				"duplicate",
				`the update ${identityKey(identity)} was ${verdict === "expired" ? "of a forgotten round" : "received before"}; it is not applied again`,
			);
			return undefined;
		}
		return identity;
	}

	/** True (after counting a backlog refusal) when the queue is full. */
	protected queueFull(): boolean {
		const limit = this.aggregatorOptions.maximumPendingUpdates ?? 10000;
		if (this.queue.size() < limit) return false;
		this.guard.refuse("backlog", `the queue holds ${this.queue.size()} updates, the most allowed (maximumPendingUpdates); merge or apply first`);
		return true;
	}

	/** Queues a screened entry (acknowledged: its identity, if any, becomes pending). */
	protected enqueue(entry: Q) {
		if (entry.identity !== undefined) this.applied!.admit(entry.identity);
		this.queue.push(entry);
	}

	/** Records that a queued entry reached the main parameters. */
	protected settleAccepted(entry: Q, downWeighted = false) {
		this.guard.accept(downWeighted);
		if (entry.identity !== undefined) this.applied!.markApplied(entry.identity);
	}

	/** Records that a queued entry was rejected when applied (stale, non-finite step, structure changed). */
	protected settleRejected(entry: Q, reason: "stale" | "structure" | "nonFinite", message: string) {
		this.guard.rejectPending(reason, message);
		if (entry.identity !== undefined) this.applied!.markRejected(entry.identity);
	}

	/** Discards the queue, counting the entries as cleared (their identities may be sent again). */
	protected discardQueue() {
		this.assertIdle("clear");
		this.guard.clear(this.queue.size());
		for (const entry of this.queue) if (entry.identity !== undefined) this.applied!.release(entry.identity);
		this.queue = [];
	}

	/** What became of an update identity: "pending", "applied", "rejected", or undefined when never acknowledged. */
	getUpdateState(identity: UpdateIdentity): IdentityState | undefined {
		return this.applied?.stateOf(identity);
	}

	/**
	 * Forgets the settled identities of rounds below `round` (bounding memory on a long-running
	 * server); updates of those rounds are then refused as duplicates ("of a forgotten round").
	 */
	forgetRoundsBefore(round: number) {
		if (this.applied === undefined)
			error(`[Hivemind] ${this.where}.forgetRoundsBefore: options.modelName must be set (identities are only kept for records), got none`, 2);
		this.applied.forgetRoundsBefore(round);
	}

	/** The version of the main parameters: how many rounds or merges were applied. */
	getVersion(): number {
		return this.version;
	}

	/** The number of queued updates. */
	getPendingCount(): number {
		return this.queue.size();
	}

	/** Counts of received, accepted, rejected (by reason), pending and cleared updates: received = accepted + rejected + pending + cleared. */
	getStatistics(): UpdateStatistics {
		return this.guard.getStatistics();
	}

	/** Runs the background work on every firing of `signal` (default RunService.Heartbeat) until `stop()`. */
	start(signal?: SignalLike) {
		this.assertAlive("start");
		this.runner.start(signal);
	}

	/** Stops the background work. */
	stop() {
		this.runner.stop();
	}

	/** Adds a listener for errors of the background work; returns a function removing it. */
	onError(callback: (message: string) => void): () => void {
		return this.runner.onError(callback);
	}

	/** Stops, discards the queue (counted), releases the parameters; the object cannot be used again. */
	destroy() {
		this.stop();
		this.busy = false;
		this.discardQueue();
		this.mainParameters = undefined;
		this.onDestroy();
		this.destroyed = true;
	}
}
