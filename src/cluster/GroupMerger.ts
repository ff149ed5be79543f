/**
 * One level of the merge tree: the holder of group g's lease reads up to `arity` pending server
 * updates from the group's queue, sums them (updates are already weighted, so sums are exact for
 * statistics and weighted for parameters), writes the sum as one aggregate and queues it for the
 * owner. A forwarding record in the HashMap (reserved sequence, then members) lets a successor
 * re-send an aggregate instead of summing its members twice after a crash part-way.
 */
import { encodeVector } from "./codec";
import { ControlPlane } from "./ControlPlane";
import { DataPlane } from "./DataPlane";
import { Retrier } from "./Retrier";
import { ClusterServices } from "./services";

/** A queued server update. */
export interface LeafItem {
	id: string;
	key: string;
	chunks: number;
	weight: number;
	round: number;
}

/** A queued group aggregate. */
export interface AggregateItem {
	group: number;
	seq: number;
	round: number;
	key: string;
	chunks: number;
	weight: number;
}

interface ForwardRecord {
	seq: number;
	sent: Array<AggregateItem & { members: Array<string> }>;
}

const RECORD_SECONDS = 86_400;

/** Sums one group's queued updates into aggregates for the owner. */
export class GroupMerger {
	/** Updates summed and aggregates forwarded. */
	readonly counts = { updatesMerged: 0, aggregates: 0, duplicatesSkipped: 0, reforwarded: 0 };

	constructor(
		private readonly services: ClusterServices,
		private readonly control: ControlPlane,
		private readonly data: DataPlane,
		private readonly retrier: Retrier,
		private readonly group: number,
		private readonly arity: number,
		private readonly invisibilitySeconds: number,
		private readonly keepRounds: number,
	) {}

	private record(): ForwardRecord | undefined {
		const [ok, value] = this.retrier.call(() => this.services.hashMap.GetAsync(`fwd_${this.group}`));
		if (!ok) return undefined;
		return typeIs(value, "table") ? (value as ForwardRecord) : { seq: 0, sent: [] };
	}

	/** One merge step; returns the number of updates taken from the queue. */
	step(round: number): number {
		const queue = this.control.queue(`g${this.group}`, this.invisibilitySeconds);
		const [readOk, result] = this.retrier.call(() => {
			const [found, id] = queue.ReadAsync(this.arity, false, 0);
			return [found as Array<LeafItem>, id] as [Array<LeafItem>, string | undefined];
		});
		if (!readOk) return 0;
		const [items, readId] = result as [Array<LeafItem>, string | undefined];
		if (readId === undefined || items.size() === 0) return 0;
		const forwarded = this.record();
		if (forwarded === undefined) return 0;
		const sentBy = new Map<string, AggregateItem>();
		for (const aggregate of forwarded.sent) for (const member of aggregate.members) sentBy.set(member, aggregate);
		const resend = new Map<string, AggregateItem>();
		const members = new Array<string>();
		const memberKeys = new Array<[string, number]>();
		let sum: Array<number> | undefined;
		let weight = 0;
		for (const item of items) {
			const earlier = sentBy.get(item.id);
			if (earlier !== undefined) {
				resend.set(earlier.key, earlier);
				memberKeys.push([item.key, item.chunks]);
				continue;
			}
			if (members.includes(item.id)) {
				this.counts.duplicatesSkipped += 1;
				continue;
			}
			const vector = this.data.readVector(item.key, item.chunks);
			if (vector === "failed") return 0; // the items come back after the invisibility timeout
			if (vector === "missing") {
				this.counts.duplicatesSkipped += 1;
				continue;
			}
			if (sum === undefined) sum = vector;
			else for (const i of $range(0, vector.size() - 1)) sum[i] += vector[i];
			weight += item.weight;
			members.push(item.id);
			memberKeys.push([item.key, item.chunks]);
		}
		const rootQueue = this.control.queue("root", this.invisibilitySeconds);
		let newKey = "";
		if (sum !== undefined) {
			// Reserve a sequence number, write the sum, then record its members before queuing it.
			const [seqOk, reserved] = this.retrier.call(() =>
				this.services.hashMap.UpdateAsync(
					`fwd_${this.group}`,
					(old) => {
						const r = typeIs(old, "table") ? (old as ForwardRecord) : { seq: 0, sent: [] };
						return { seq: r.seq + 1, sent: r.sent };
					},
					RECORD_SECONDS,
				),
			);
			if (!seqOk || !typeIs(reserved, "table")) return 0;
			const seq = (reserved as ForwardRecord).seq;
			const key = `a${this.group}_${seq}`;
			const chunks = this.data.writeVector(key, encodeVector(sum, "f64"));
			if (chunks === undefined) return 0;
			const aggregate: AggregateItem = { group: this.group, seq, round, key, chunks, weight };
			const [recordOk] = this.retrier.call(() =>
				this.services.hashMap.UpdateAsync(
					`fwd_${this.group}`,
					(old) => {
						const r = typeIs(old, "table") ? (old as ForwardRecord) : { seq, sent: [] };
						const kept = r.sent.filter((s) => s.round >= round - this.keepRounds);
						kept.push({ ...aggregate, members });
						return { seq: math.max(r.seq, seq), sent: kept };
					},
					RECORD_SECONDS,
				),
			);
			if (!recordOk) return 0;
			resend.set(key, aggregate);
			newKey = key;
			this.counts.updatesMerged += members.size();
			this.counts.aggregates += 1;
		}
		for (const [, aggregate] of resend) {
			const [ok] = this.retrier.call(() => rootQueue.AddAsync({ ...aggregate }, this.invisibilitySeconds * 60));
			if (!ok) return 0;
			if (aggregate.key !== newKey) this.counts.reforwarded += 1;
		}
		this.retrier.call(() => queue.RemoveAsync(readId));
		for (const [key, chunks] of memberKeys) this.data.remove(key, chunks);
		return items.size();
	}
}
