/**
 * What the two main-model classes share: the main parameters, a queue of screened updates, the
 * guard that counts them, a version counter, and background work on a signal.
 */
import { assertModelParameters, copyParameters, ModelParameters } from "../parameters/tree";
import { UpdateGuard, UpdateGuardOptions, UpdateStatistics } from "./UpdateGuard";
import { BackgroundRunner, SignalLike } from "./BackgroundRunner";

/** A queued update: what it carries, and its norm (joins the guard's history once accepted). */
export interface QueuedUpdate {
	norm: number;
}

/** Base of DistributedGradients and DistributedModelParameters. */
export abstract class GuardedAggregator<Q extends QueuedUpdate> {
	protected readonly guard: UpdateGuard;
	protected readonly runner: BackgroundRunner;
	protected mainParameters: ModelParameters | undefined;
	protected queue = new Array<Q>();
	protected version = 0;
	private destroyed = false;

	protected constructor(
		protected readonly where: string,
		guardOptions: Readonly<UpdateGuardOptions>,
		onError: ((message: string) => void) | undefined,
	) {
		this.guard = new UpdateGuard(where, guardOptions);
		this.runner = new BackgroundRunner(where, () => this.backgroundTick());
		if (onError !== undefined) this.runner.onError(onError);
	}

	/** The work done on each signal firing. */
	protected abstract backgroundTick(): void;

	/** Releases what the subclass holds (called by destroy). */
	protected abstract onDestroy(): void;

	protected assertAlive(method: string) {
		if (this.destroyed) error(`[Hivemind] ${this.where}.${method}: this object was destroyed`, 3);
	}

	/** Validates and stores the main parameters (a deep copy unless `doNotDeepCopy`). */
	protected storeParameters(parameters: ModelParameters, doNotDeepCopy: boolean, method: string) {
		this.assertAlive(method);
		assertModelParameters(parameters, "parameters", `${this.where}.${method}`);
		this.mainParameters = doNotDeepCopy ? parameters : copyParameters(parameters);
	}

	/** The main parameters (a deep copy unless `doNotDeepCopy`), or undefined. */
	protected readParameters(doNotDeepCopy: boolean): ModelParameters | undefined {
		const p = this.mainParameters;
		if (p === undefined) return undefined;
		return doNotDeepCopy ? p : copyParameters(p);
	}

	/** Discards the queue, counting the entries as cleared. */
	protected discardQueue() {
		this.guard.clear(this.queue.size());
		this.queue = [];
	}

	/** The version of the main parameters: how many rounds or merges were applied. */
	getVersion(): number {
		return this.version;
	}

	/** The number of queued updates. */
	getPendingCount(): number {
		return this.queue.size();
	}

	/** Counts of received, accepted, rejected (by reason), pending and cleared updates. */
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
		this.discardQueue();
		this.mainParameters = undefined;
		this.onDestroy();
		this.destroyed = true;
	}
}
