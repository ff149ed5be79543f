/**
 * The control plane on MemoryStore and MessagingService: leases (HashMap `UpdateAsync` with
 * expiry: held while renewed, free once it lapses), the round state `{ round, version }` (set by
 * the owner, polled by everyone), queues of pending update keys, and notifications
 * ("round r open", "version v saved") that only speed things up: a lost message is made up by
 * the next poll.
 */
import { Retrier } from "./Retrier";
import { ClusterServices, QueueLike } from "./services";

/** The round state every server follows. */
export interface RoundState {
	/** The open round. */
	round: number;
	/** The newest checkpoint version. */
	version: number;
	/** When the owner opened the round (its clock, seconds), so a successor keeps the schedule. */
	openedAt?: number;
}

/** Seconds the round state lives in MemoryStore without being rewritten (it is rewritten every round). */
const STATE_SECONDS = 86_400;

function isRoundState(value: unknown): value is RoundState {
	return typeIs(value, "table") && typeIs((value as RoundState).round, "number") && typeIs((value as RoundState).version, "number");
}

/** One server's view of the control plane. */
export class ControlPlane {
	private known: RoundState | undefined;
	private lastPoll = -math.huge;
	/** Notifications received (including duplicates) and polls made. */
	readonly counts = { notifications: 0, polls: 0 };

	constructor(
		private readonly services: ClusterServices,
		private readonly retrier: Retrier,
		private readonly topic: string,
		private readonly leaseSeconds: number,
		private readonly pollSeconds: number,
	) {}

	/** Subscribes to the model's topic (best effort: polling covers a failure). */
	subscribe() {
		this.retrier.call(() =>
			this.services.messaging.SubscribeAsync(this.topic, (message) => {
				this.counts.notifications += 1;
				if (isRoundState(message.Data)) this.learn(message.Data);
			}),
		);
	}

	private learn(state: RoundState) {
		const known = this.known;
		if (known === undefined || state.round > known.round || (state.round === known.round && state.version > known.version)) {
			this.known = { round: state.round, version: state.version, openedAt: typeIs(state.openedAt, "number") ? state.openedAt : undefined };
		}
	}

	/** The newest round state known, polling the HashMap when the last poll is older than pollSeconds (or `force`). */
	state(force = false): RoundState | undefined {
		const now = this.services.now();
		if (force || this.known === undefined || now - this.lastPoll >= this.pollSeconds) {
			this.lastPoll = now;
			this.counts.polls += 1;
			const [ok, value] = this.retrier.call(() => this.services.hashMap.GetAsync("state"));
			if (ok && isRoundState(value)) this.learn(value);
		}
		return this.known;
	}

	/** Owner only: publishes a new round state (HashMap first, then a best-effort notification). */
	announce(state: RoundState): boolean {
		const record = { round: state.round, version: state.version, openedAt: this.services.now() };
		const [ok] = this.retrier.call(() => this.services.hashMap.SetAsync("state", record, STATE_SECONDS));
		if (!ok) return false;
		this.learn(record);
		pcall(() => this.services.messaging.PublishAsync(this.topic, { round: state.round, version: state.version }));
		return true;
	}

	/**
	 * Takes or renews the lease `name` for `holder`: true while this server holds it. The value
	 * expires `leaseSeconds` after the last renewal, so a dead holder's lease frees itself.
	 */
	holdLease(name: string, holder: string): boolean {
		const [ok, value] = this.retrier.call(() =>
			this.services.hashMap.UpdateAsync(
				`lease_${name}`,
				(old) => (old === undefined || old === holder ? holder : undefined),
				this.leaseSeconds,
			),
		);
		return ok && value === holder;
	}

	/** Who holds lease `name` (undefined when free), one cheap read. */
	leaseHolder(name: string): string | undefined {
		const [ok, value] = this.retrier.call(() => this.services.hashMap.GetAsync(`lease_${name}`));
		return ok && typeIs(value, "string") ? value : undefined;
	}

	/** Gives a held lease up (on shutdown), so a successor need not wait for it to lapse. */
	releaseLease(name: string, holder: string) {
		this.retrier.call(() => this.services.hashMap.UpdateAsync(`lease_${name}`, (old) => (old === holder ? "" : undefined), 1));
	}

	/** The queue `name` of pending update keys. */
	queue(name: string, invisibilitySeconds: number): QueueLike {
		return this.services.getQueue(`${this.topic}_${name}`, invisibilitySeconds);
	}

	/** A new integer unique to this server's lifetime (the child id of its updates). */
	claimChildId(): number | undefined {
		const [ok, value] = this.retrier.call(() =>
			this.services.hashMap.UpdateAsync("children", (old) => (typeIs(old, "number") ? old + 1 : 1), 3_888_000),
		);
		return ok && typeIs(value, "number") ? value : undefined;
	}
}
