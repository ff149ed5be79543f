/**
 * One game server's part in cross-server training. Every step it follows the round state
 * (notification or poll), loads a newer main checkpoint, sends its update for the open round
 * (compressed with error feedback, written to the DataStore, its key queued for its group), and,
 * when it holds a lease, merges its group's queue or owns the main model. The same code runs on
 * Roblox (`robloxServices`) and on the stand-ins (`hivemind experience`).
 */
import { RandomGenerator } from "../matrix/random";
import { identityKey } from "../distributed/identity";
import { ControlPlane } from "./ControlPlane";
import { DataPlane } from "./DataPlane";
import { ErrorFeedback } from "./ErrorFeedback";
import { GroupMerger, LeafItem } from "./GroupMerger";
import { ClusterOptions, resolveClusterOptions } from "./options";
import { Retrier } from "./Retrier";
import { RoundOwner } from "./RoundOwner";
import { ClusterServices } from "./services";

/** What a server contributes. */
export interface ClusterTrainer {
	/**
	 * The server's contribution for `round` given the main state: `[vector, weight]`, where vector is
	 * the child's parameters after local training ("parameters") or the statistics of data not sent
	 * before ("statistics"), and weight its sample count; undefined when there is nothing to send.
	 */
	update: (main: Array<number>, round: number) => [Array<number>, number] | undefined;
	/** Called with every newer main state loaded (e.g. to set a model's parameters). */
	onMain?: (main: Array<number>, version: number) => void;
}

/** A server's cluster node. */
export class ClusterNode {
	readonly options: ClusterOptions;
	readonly control: ControlPlane;
	readonly data: DataPlane;
	readonly retrier: Retrier;
	readonly owner: RoundOwner;
	private childId: number | undefined;
	private merger: GroupMerger | undefined;
	private main: Array<number>;
	private mainVersion = -1;
	private lastSent = 0;
	private pending: [LeafItem, buffer] | undefined;
	private readonly feedback: ErrorFeedback;
	private ownsRoot = false;
	/** Updates acknowledged (queued), bytes of updates written, and steps run. */
	readonly counts = { acknowledged: 0, updateBytes: 0, steps: 0, checkpointsLoaded: 0 };

	constructor(
		private readonly services: ClusterServices,
		options: Partial<ClusterOptions>,
		private readonly trainer: ClusterTrainer,
		seed = 1,
	) {
		this.options = resolveClusterOptions(options);
		this.retrier = new Retrier(services, new RandomGenerator(seed));
		this.control = new ControlPlane(
			services,
			this.retrier,
			`Hivemind_${this.options.modelName}`,
			this.options.leaseSeconds,
			this.options.pollSeconds,
		);
		this.data = new DataPlane(services, this.retrier, this.options.chunkCharacters);
		this.owner = new RoundOwner(services, this.control, this.data, this.retrier, this.options);
		this.feedback = new ErrorFeedback(this.options.updateEncoding, this.options.keepFraction);
		this.main = [...this.options.initialState];
	}

	/** The child id (after the first step), the loaded main version, and whether this server owns the main model. */
	status(): { childId: number | undefined; version: number; ownsRoot: boolean } {
		return { childId: this.childId, version: this.mainVersion, ownsRoot: this.ownsRoot };
	}

	/** The newest main state this server loaded (a copy). */
	getMain(): Array<number> {
		return [...this.main];
	}

	private loadMain(version: number) {
		const meta = this.data.readMeta(version);
		if (!typeIs(meta, "table")) return;
		const state = this.data.readState(meta, this.childId ?? 0);
		if (!typeIs(state, "table")) return;
		this.main = state;
		this.mainVersion = version;
		this.counts.checkpointsLoaded += 1;
		this.trainer.onMain?.(this.main, version);
	}

	private send(round: number) {
		if (this.pending === undefined) {
			const result = this.trainer.update([...this.main], round);
			if (result === undefined) return;
			const [vector, weight] = result;
			const contribution = new Array<number>(vector.size());
			// Parameters travel as weight × (child − main): summing them is the weighted average's numerator.
			for (const i of $range(0, vector.size() - 1))
				contribution.push(this.options.kind === "parameters" ? weight * (vector[i] - this.main[i]) : vector[i]);
			const [data] = this.feedback.compress(contribution);
			const identity = { kind: this.options.kind, modelName: this.options.modelName, childId: this.childId!, round, sequence: 0 };
			const key = `u${this.childId}_${round}`;
			this.pending = [{ id: identityKey(identity), key, chunks: 0, weight, round }, data];
		}
		const [item, data] = this.pending;
		if (item.chunks === 0) {
			const chunks = this.data.writeVector(item.key, data);
			if (chunks === undefined) return;
			item.chunks = chunks;
			this.counts.updateBytes += buffer.len(data);
		}
		const group = this.childId! % this.options.groups;
		const queue = this.control.queue(`g${group}`, this.options.invisibilitySeconds);
		const [ok] = this.retrier.call(() => queue.AddAsync({ ...item }, this.options.invisibilitySeconds * 60));
		if (!ok) return;
		// Acknowledged: from here the update is the cluster's to merge.
		this.counts.acknowledged += 1;
		this.lastSent = item.round;
		this.pending = undefined;
	}

	/** One step of everything this server does; never throws for a service failure. */
	step() {
		this.counts.steps += 1;
		if (this.childId === undefined) {
			this.childId = this.control.claimChildId();
			if (this.childId === undefined) return;
			this.control.subscribe();
		}
		const state = this.control.state();
		if (state !== undefined) {
			if (state.version > this.mainVersion && state.version > 0) this.loadMain(state.version);
			if (state.version === 0) this.mainVersion = 0;
			const ready = this.options.kind === "statistics" || this.mainVersion === state.version;
			if (ready && (this.pending !== undefined || state.round > this.lastSent))
				this.send(this.pending !== undefined ? this.pending[0].round : state.round);
		}
		const group = this.childId % this.options.groups;
		const holder = this.control.leaseHolder(`g${group}`);
		if (
			(holder === undefined || holder === "" || holder === this.services.serverId) &&
			this.control.holdLease(`g${group}`, this.services.serverId)
		) {
			if (this.merger === undefined) {
				const o = this.options;
				this.merger = new GroupMerger(this.services, this.control, this.data, this.retrier, group, o.arity, o.invisibilitySeconds, 4);
			}
			this.merger.step(state?.round ?? 0);
		}
		const rootHolder = this.control.leaseHolder("root");
		const owns =
			(rootHolder === undefined || rootHolder === "" || rootHolder === this.services.serverId) &&
			this.control.holdLease("root", this.services.serverId);
		if (owns) this.owner.step();
		else if (this.ownsRoot) this.owner.drop();
		this.ownsRoot = owns;
	}

	/** Steps every `tickSeconds` while `keepGoing()` (default: forever). */
	run(keepGoing: () => boolean = () => true) {
		while (keepGoing()) {
			this.step();
			this.services.sleep(this.options.tickSeconds);
		}
	}
}
