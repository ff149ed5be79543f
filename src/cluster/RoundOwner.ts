/**
 * The owner of the main model (the holder of the "root" lease): resumes from the newest
 * checkpoint (state, round and applied identities), reads group aggregates from the root queue,
 * admits each identity once (`AppliedSet`), and every `roundSeconds` merges what it admitted,
 * saves checkpoint v+1, then announces round r+1. Queue items are removed only after the
 * checkpoint that applied them, so an owner dying at any point loses nothing acknowledged: its
 * successor re-reads them and the checkpoint's applied set turns the ones already merged away.
 */
import { AppliedSet, AppliedSetData, UpdateIdentity } from "../distributed/identity";
import { ControlPlane } from "./ControlPlane";
import { CheckpointMeta, DataPlane } from "./DataPlane";
import { AggregateItem } from "./GroupMerger";
import { ClusterOptions } from "./options";
import { Retrier } from "./Retrier";
import { ClusterServices } from "./services";

interface Closing {
	state: Array<number>;
	applied: AppliedSetData;
	meta: Omit<CheckpointMeta, "chunks">;
	readIds: Array<string>;
	keys: Array<[string, number]>;
	identities: Array<UpdateIdentity>;
}

/** The main model's merge loop. */
export class RoundOwner {
	private loaded = false;
	private state: Array<number> = [];
	private version = 0;
	private round = 1;
	private weight = 0;
	private openedAt = 0;
	private applied: AppliedSet;
	private sum: Array<number> | undefined;
	private sumWeight = 0;
	private pendingIds = new Array<UpdateIdentity>();
	private readIds = new Array<string>();
	private keys = new Array<[string, number]>();
	private closing: Closing | undefined;
	private previous: CheckpointMeta | undefined;
	/** Merges done, aggregates applied, duplicates turned away, and the simulated times of each merge. */
	readonly counts = { merges: 0, aggregatesApplied: 0, duplicates: 0 };
	readonly mergeTimes = new Array<number>();

	constructor(
		private readonly services: ClusterServices,
		private readonly control: ControlPlane,
		private readonly data: DataPlane,
		private readonly retrier: Retrier,
		private readonly options: ClusterOptions,
	) {
		this.applied = new AppliedSet(options.modelName, "RoundOwner");
	}

	/** The main state, version and open round (after `step` has loaded them). */
	snapshot(): [Array<number>, number, number] {
		return [[...this.state], this.version, this.round];
	}

	/** Forgets everything held in memory (the lease was lost): the next holder resumes from the checkpoint. */
	drop() {
		this.loaded = false;
		this.sum = undefined;
		this.sumWeight = 0;
		this.pendingIds = [];
		this.readIds = [];
		this.keys = [];
		this.closing = undefined;
	}

	private load(): boolean {
		const head = this.data.readHead();
		if (head === undefined) return false;
		if (head === 0) {
			this.state = [...this.options.initialState];
			this.version = 0;
			this.round = 1;
			this.weight = 0;
			this.applied = new AppliedSet(this.options.modelName, "RoundOwner");
		} else {
			const meta = this.data.readMeta(head);
			if (meta === "missing" || meta === "failed") return false;
			const state = this.data.readState(meta, 0);
			if (state === "missing" || state === "failed") return false;
			const applied = this.data.readApplied(head);
			if (applied === "missing" || applied === "failed") return false;
			this.state = state;
			this.version = meta.version;
			this.round = meta.round + 1;
			this.weight = meta.weight;
			this.applied = AppliedSet.fromData(applied as AppliedSetData, "RoundOwner");
			this.previous = meta;
		}
		// A successor keeps the round its predecessor opened (and its schedule) when the state says so.
		const now = this.services.now();
		const known = this.control.state(true);
		if (known !== undefined && known.round === this.round && known.version === this.version && known.openedAt !== undefined) {
			this.openedAt = math.clamp(known.openedAt, now - this.options.roundSeconds, now);
		} else {
			if (!this.control.announce({ round: this.round, version: this.version })) return false;
			this.openedAt = now;
		}
		this.loaded = true;
		return true;
	}

	private identityOf(item: AggregateItem): UpdateIdentity {
		return { kind: this.options.kind, modelName: this.options.modelName, childId: item.group, round: item.round, sequence: item.seq };
	}

	private admit(): boolean {
		const queue = this.control.queue("root", this.options.invisibilitySeconds);
		const [ok, result] = this.retrier.call(() => {
			const [found, id] = queue.ReadAsync(this.options.arity, false, 0);
			return [found as Array<AggregateItem>, id] as [Array<AggregateItem>, string | undefined];
		});
		if (!ok) return false;
		const [items, readId] = result as [Array<AggregateItem>, string | undefined];
		if (readId === undefined || items.size() === 0) return false;
		let complete = true;
		for (const item of items) {
			const identity = this.identityOf(item);
			const verdict = this.applied.admit(identity);
			if (verdict !== "new") {
				this.counts.duplicates += 1;
				continue;
			}
			const vector = this.data.readVector(item.key, item.chunks);
			if (vector === "failed") {
				this.applied.release(identity);
				complete = false;
				continue;
			}
			if (vector === "missing") {
				this.applied.markRejected(identity);
				continue;
			}
			if (this.sum === undefined) this.sum = vector;
			else for (const i of $range(0, vector.size() - 1)) this.sum[i] += vector[i];
			this.sumWeight += item.weight;
			this.pendingIds.push(identity);
			this.keys.push([item.key, item.chunks]);
			this.counts.aggregatesApplied += 1;
		}
		// A batch with an unread item stays in the queue: it comes back, and what was admitted is a duplicate then.
		if (complete) this.readIds.push(readId);
		return true;
	}

	private merged(): Array<number> {
		const state = [...this.state];
		const sum = this.sum;
		if (sum === undefined) return state;
		if (this.options.kind === "statistics") {
			for (const i of $range(0, state.size() - 1)) state[i] += sum[i];
		} else if (this.sumWeight > 0) {
			for (const i of $range(0, state.size() - 1)) state[i] += sum[i] / this.sumWeight;
		}
		return state;
	}

	private close() {
		for (const identity of this.pendingIds) this.applied.markApplied(identity);
		this.applied.forgetRoundsBefore(math.max(0, this.round - this.options.retentionRounds));
		const version = this.version + 1;
		this.closing = {
			state: this.merged(),
			applied: this.applied.toData(),
			meta: { version, round: this.round, replicas: this.options.replicas, weight: this.weight + this.sumWeight },
			readIds: this.readIds,
			keys: this.keys,
			identities: this.pendingIds,
		};
		this.sum = undefined;
		this.sumWeight = 0;
		this.pendingIds = [];
		this.readIds = [];
		this.keys = [];
	}

	private commit(): boolean {
		const closing = this.closing!;
		if (!this.data.writeCheckpoint(closing.state, closing.meta, closing.applied)) return false;
		this.state = closing.state;
		this.version = closing.meta.version;
		this.weight = closing.meta.weight;
		this.round = closing.meta.round + 1;
		this.closing = undefined;
		this.counts.merges += 1;
		this.mergeTimes.push(this.services.now());
		this.control.announce({ round: this.round, version: this.version });
		this.openedAt = this.services.now();
		const queue = this.control.queue("root", this.options.invisibilitySeconds);
		for (const id of closing.readIds) this.retrier.call(() => queue.RemoveAsync(id));
		for (const [key, chunks] of closing.keys) this.data.remove(key, chunks);
		const previous = this.previous;
		this.previous = { ...closing.meta, chunks: 0 };
		// Keep the last two versions; drop the one before.
		if (previous !== undefined && previous.version >= 2) {
			const old = this.data.readMeta(previous.version - 1);
			if (typeIs(old, "table")) this.data.removeCheckpoint(old);
		}
		return true;
	}

	/** One owner step (call only while holding the root lease). */
	step() {
		if (!this.loaded && !this.load()) return;
		if (this.closing !== undefined) {
			this.commit();
			return;
		}
		for (const _ of $range(1, 4)) if (!this.admit()) break;
		if (this.services.now() - this.openedAt >= this.options.roundSeconds) {
			this.close();
			this.commit();
		}
	}
}
