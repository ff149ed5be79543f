/**
 * The main model of parameter exchange: children (owned here, or elsewhere sending parameters)
 * train locally; every N child updates, the queued parameters are merged (all of them, in one
 * call) into the main parameters, which are pushed back into the owned children.
 */
import { Matrix } from "../matrix/types";
import { DATAPREDICT_HINT, describeValue, isFiniteNumber } from "../core/describe";
import { copyParameters, ModelParameters } from "../parameters/tree";
import { booleanValue, callbackValue, constraint, integerAtLeast, objectWith } from "../options/constraints";
import { resolveOptions } from "../options/resolve";
import { ModelParametersMerger } from "./ModelParametersMerger";
import { UPDATE_GUARD_CONSTRAINTS, UPDATE_GUARD_DEFAULTS, UpdateGuardOptions } from "./UpdateGuard";
import { AggregatorOptions, GuardedAggregator, QueuedUpdate } from "./GuardedAggregator";
import { fromAbsent, UpdateRecord } from "./wire";
import { UpdateIdentity } from "./identity";
import { plainDataProblem } from "../core/plainData";
import { errorText } from "../core/errors";
import { isParameterExchanging, ParameterExchanging } from "../models/base/capabilities";

/** Options of {@link DistributedModelParameters}. */
export interface DistributedModelParametersOptions extends Partial<Omit<UpdateGuardOptions, "stalenessBound" | "stalePolicy">>, AggregatorOptions {
	/** A model template: its parameters fix the main structure (and start the main parameters), its name is the default `modelName`. */
	model?: ParameterExchanging & { readonly modelName?: string };
	/** Child updates (accepted ones) that trigger a merge. Default 100. */
	totalNumberOfChildModelUpdatesToUpdateMainModel?: number;
	/** Push the merged parameters into every owned child after each merge. Default true. */
	pushToChildren?: boolean;
	/** Called with the message of each failed background merge (also see `onError`). */
	onError?: (message: string) => void;
}

interface Pending extends QueuedUpdate {
	parameters: ModelParameters;
	sampleCount: number | undefined;
}

const WHERE = "DistributedModelParameters";

const CONSTRAINTS = {
	maximumNormMultiple: UPDATE_GUARD_CONSTRAINTS.maximumNormMultiple,
	normHistorySize: UPDATE_GUARD_CONSTRAINTS.normHistorySize,
	minimumNormHistory: UPDATE_GUARD_CONSTRAINTS.minimumNormHistory,
	logRejections: UPDATE_GUARD_CONSTRAINTS.logRejections,
	onRejected: UPDATE_GUARD_CONSTRAINTS.onRejected,
	totalNumberOfChildModelUpdatesToUpdateMainModel: integerAtLeast(1),
	pushToChildren: booleanValue,
	onError: callbackValue,
	model: objectWith("a model with train, getModelParameters and setModelParameters", "train", "getModelParameters", "setModelParameters"),
	modelName: constraint((v) => typeIs(v, "string") && v !== "", "a non-empty string"),
	maximumPendingUpdates: integerAtLeast(1),
};

/**
 * Merges children's parameters every N updates.
 * @example
 * const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 4 });
 * main.addModel(new LinearRegression());
 * main.addModel(new LinearRegression());
 * main.train(shardX, shardY, 0); // the 4th call merges and pushes the result into both children
 */
export class DistributedModelParameters extends GuardedAggregator<Pending> {
	private readonly options: Readonly<{ totalNumberOfChildModelUpdatesToUpdateMainModel: number; pushToChildren: boolean }>;
	private merger = new ModelParametersMerger();
	private readonly children = new Array<ParameterExchanging>();

	constructor(options?: DistributedModelParametersOptions) {
		const defaults = { ...UPDATE_GUARD_DEFAULTS, totalNumberOfChildModelUpdatesToUpdateMainModel: 100, pushToChildren: true };
		const resolved = resolveOptions(`${WHERE}.new`, defaults as DistributedModelParametersOptions, options, CONSTRAINTS);
		const template = (options as DistributedModelParametersOptions | undefined)?.model;
		const templateName = template !== undefined && typeIs(template.modelName, "string") ? template.modelName : undefined;
		super(WHERE, resolved as UpdateGuardOptions, resolved.onError, {
			modelName: resolved.modelName ?? templateName,
			maximumPendingUpdates: resolved.maximumPendingUpdates,
		});
		this.options = resolved as Required<DistributedModelParametersOptions>;
		if (template !== undefined) {
			const p = template.getModelParameters();
			if (p === undefined)
				error(`[Hivemind] ${WHERE}.new: options.model must have parameters (they fix the main structure), got a model without any`, 2);
			this.storeParameters(p, false, "new");
		}
	}

	protected backgroundTick() {
		if (!this.busy && this.queue.size() >= this.options.totalNumberOfChildModelUpdatesToUpdateMainModel) this.mergeQueued();
	}

	protected onDestroy() {
		this.children.clear();
	}

	/** Sets the merger used at each merge (default: `new ModelParametersMerger()`, plain Average). */
	setModelParametersMerger(merger: ModelParametersMerger) {
		if (!(merger instanceof ModelParametersMerger)) {
			error(`[Hivemind] ${WHERE}.setModelParametersMerger: merger must be a ModelParametersMerger, got ${describeValue(merger)}`, 2);
		}
		this.merger = merger;
	}

	/** Sets the main parameters (a deep copy unless `doNotDeepCopy`). */
	setMainModelParameters(parameters: ModelParameters, doNotDeepCopy = false) {
		this.storeParameters(parameters, doNotDeepCopy, "setMainModelParameters");
	}

	/** The main parameters (a deep copy unless `doNotDeepCopy`), or undefined before any merge or set. */
	getMainModelParameters(doNotDeepCopy = false): ModelParameters | undefined {
		return this.readParameters(doNotDeepCopy);
	}

	/**
	 * Queues a child's parameters (trained on `sampleCount` samples, for SampleWeighted merges) and
	 * counts it; merges when the count reaches N (unless running in the background, which merges on
	 * the next tick, or a merge is in progress: then the next merge takes it). Returns true when the
	 * update is queued (acknowledged: merged or counted later, never lost, even when the merge it
	 * triggers fails: that failure goes to `onError`), false when rejected (logged and counted, not
	 * counted toward N). Throws, changing nothing, on bad arguments or before the main structure is fixed.
	 */
	addModelParameters(parameters: ModelParameters, sampleCount?: number): boolean {
		return this.queueParameters(parameters, sampleCount, undefined, "addModelParameters");
	}

	/**
	 * Queues the parameters of a wire-format update (`kind` "parameters") at most once per identity
	 * (kind, modelName, childId, round): a second delivery returns false, counted as a duplicate; a
	 * record of another model returns false, counted "otherModel".
	 */
	addUpdate(record: UpdateRecord<unknown>): boolean {
		this.assertAlive("addUpdate");
		const identity = this.admitRecord(record, "parameters", "addUpdate");
		if (identity === undefined) return false;
		return this.queueParameters(record.data as ModelParameters, fromAbsent(record.sampleCount), identity, "addUpdate");
	}

	private queueParameters(
		parameters: ModelParameters,
		sampleCount: number | undefined,
		identity: UpdateIdentity | undefined,
		method: string,
	): boolean {
		const where = `${WHERE}.${method}`;
		this.assertAlive(method);
		this.assertPayloadTable(parameters, "parameters", method);
		if (sampleCount !== undefined && !(isFiniteNumber(sampleCount) && sampleCount >= 1 && sampleCount === math.floor(sampleCount))) {
			error(`[Hivemind] ${where}: sampleCount must be an integer ≥ 1 or nil, got ${describeValue(sampleCount)}`, 3);
		}
		if (sampleCount === undefined && this.merger.getMergeType() === "SampleWeighted") {
			error(`[Hivemind] ${where}: sampleCount must be given when the merger's mergeType is "SampleWeighted", got nil`, 3);
		}
		const reference = this.requireStructure(method, "setMainModelParameters");
		if (this.queueFull()) return false;
		const norm = this.guard.screen(parameters, reference, "parameters");
		if (norm === undefined) return false;
		this.enqueue({ parameters: copyParameters(parameters), sampleCount, norm, identity });
		if (!this.runner.isRunning() && !this.busy && this.queue.size() >= this.options.totalNumberOfChildModelUpdatesToUpdateMainModel) {
			const [ok, err] = pcall(() => this.mergeQueued());
			if (!ok) this.runner.report(errorText(err));
		}
		return true;
	}

	/** Adds an owned child model; returns its 0-based index (for `train`). */
	addModel(child: ParameterExchanging): number {
		this.assertAlive("addModel");
		if (!isParameterExchanging(child))
			error(
				`[Hivemind] ${WHERE}.addModel: child must be a model with train, getModelParameters and setModelParameters, got ${describeValue(child)}`,
				2,
			);
		this.children.push(child);
		return this.children.size() - 1;
	}

	/** The owned children, in the order they were added. */
	getModels(): Array<ParameterExchanging> {
		return [...this.children];
	}

	/**
	 * Trains owned child `childIndex` (0-based) on (X, y), queues its parameters (sample count =
	 * rows of X) and counts the update; returns what the child's `train` returned.
	 */
	train(X: Matrix, y: unknown, childIndex: number, ...extra: Array<unknown>): unknown {
		const where = `${WHERE}.train`;
		this.assertAlive("train");
		const count = this.children.size();
		if (extra.size() > 0) error(`[Hivemind] ${where}: takes (X, y, childIndex), got ${3 + extra.size()} arguments ${DATAPREDICT_HINT}`, 2);
		if (!isFiniteNumber(childIndex) || childIndex !== math.floor(childIndex) || childIndex < 0 || childIndex >= count) {
			const expected = count === 0 ? "a child index, but no child was added (addModel)" : `an integer in [0, ${count - 1}]`;
			error(
				`[Hivemind] ${where}: childIndex must be ${expected}, got ${describeValue(childIndex)} (0-based: the first child is 0) ${DATAPREDICT_HINT}`,
				2,
			);
		}
		const child = this.children[childIndex];
		const result = child.train(X, y);
		const parameters = child.getModelParameters();
		if (parameters === undefined) error(`[Hivemind] ${where}: child ${childIndex} has no parameters after training, got nil`, 2);
		// An owned child is a model template: it fixes the main structure when nothing did.
		if (this.mainParameters === undefined) this.storeParameters(parameters, false, "train");
		this.queueParameters(parameters, typeIs(X, "table") ? (X as Array<unknown>).size() : undefined, undefined, "train");
		return result;
	}

	/** The number of child updates counted toward the next merge. */
	getCurrentTotalNumberOfChildModelUpdatesToUpdateMainModel(): number {
		return this.queue.size();
	}

	/**
	 * Merges every queued entry now (in one call to the merger), sets the result as the main
	 * parameters, resets the count and (by option) pushes the result into the owned children.
	 * Returns the number of entries merged (0 when none were queued). The merge owns a snapshot of
	 * the queue: updates added while it runs (its scorer may yield) wait for the next merge. When
	 * the merger throws, the snapshot goes back to the queue (still pending) and the error is
	 * rethrown; a merge that would be non-finite is refused (its entries counted "nonFinite").
	 * A child that refuses the push (training, say) is reported to `onError`; the merge stands.
	 */
	mergeQueued(): number {
		this.assertAlive("mergeQueued");
		this.assertIdle("mergeQueued");
		const reference = this.requireStructure("mergeQueued", "setMainModelParameters");
		const snapshot = this.queue;
		if (snapshot.size() === 0) return 0;
		this.queue = [];
		const entries = new Array<Pending>();
		for (const entry of snapshot) {
			const mismatch = this.guard.structureMismatch(entry.parameters, reference, "parameters");
			if (mismatch === undefined) entries.push(entry);
			else this.settleRejected(entry, "structure", mismatch);
		}
		if (entries.size() === 0) return 0;
		this.busy = true;
		const [ok, result] = pcall(() => this.mergeEntries(entries));
		this.busy = false;
		if (!ok) {
			this.queue = [...entries, ...this.queue];
			error(result, 0);
		}
		const problem = plainDataProblem(result, "the merged parameters");
		if (problem !== undefined) {
			for (const entry of entries) this.settleRejected(entry, "nonFinite", `${problem}; the merge was refused`);
			return 0;
		}
		for (const entry of entries) this.settleAccepted(entry);
		this.mainParameters = result;
		this.version += 1;
		if (this.options.pushToChildren) this.pushToChildren(result);
		return entries.size();
	}

	private mergeEntries(entries: Array<Pending>): ModelParameters {
		// Counts are passed for this merge only: a merger never weighs these entries by an earlier merge's counts.
		const missing = entries.findIndex((entry) => entry.sampleCount === undefined);
		if (missing < 0) this.merger.setSampleCounts(entries.map((entry) => entry.sampleCount!));
		else if (this.merger.getMergeType() === "SampleWeighted") {
			error(
				`[Hivemind] ${WHERE}.mergeQueued: every queued update needs a sampleCount for mergeType "SampleWeighted", got none for update ${missing + 1}`,
				2,
			);
		}
		return this.merger.merge(entries.map((entry) => entry.parameters));
	}

	/** Gives every owned child the merged parameters; one child's failure (reported to `onError`) does not keep the others from theirs. */
	private pushToChildren(merged: ModelParameters) {
		const failures = new Array<string>();
		for (const i of $range(0, this.children.size() - 1)) {
			const [ok, message] = pcall(() => this.children[i].setModelParameters(copyParameters(merged)));
			if (!ok) failures.push(`child ${i}: ${errorText(message)}`);
		}
		if (failures.size() > 0) this.runner.report(`${WHERE}.mergeQueued: the merge succeeded, but pushing it failed for ${failures.join("; ")}`);
	}

	/** Discards the queued entries (counted as cleared) and resets the count. */
	reset() {
		this.discardQueue();
	}
}
