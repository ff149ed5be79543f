/**
 * The seeded fault injector of the stand-in services: transient request failures, lost,
 * duplicated and delayed (so reordered) messages, duplicated queue deliveries. Every draw comes
 * from one `RandomGenerator`, so a seed replays the same faults in the same order.
 */
import { RandomGenerator } from "../../src/matrix/random";

/** Probabilities (0–1) and delays of the injected faults; all default to 0 (no faults). */
export interface FaultOptions {
	/** A service request fails with a transient error (the request changes nothing). */
	requestFailure?: number;
	/** A MessagingService message is lost for one receiver. */
	messageLoss?: number;
	/** A message is delivered twice to one receiver. */
	messageDuplicate?: number;
	/** Largest extra delay of a message in seconds (uniform; reorders messages). */
	messageDelaySeconds?: number;
	/** A queue item is stored twice (an at-least-once delivery repeated). */
	queueDuplicate?: number;
}

/** Draws faults from a seed. */
export class FaultInjector {
	private readonly rng: RandomGenerator;
	/** How many of each fault were injected. */
	readonly counts = { requestFailures: 0, messagesLost: 0, messagesDuplicated: 0, queueDuplicates: 0 };

	constructor(
		seed: number,
		readonly options: FaultOptions = {},
	) {
		this.rng = new RandomGenerator(seed);
	}

	private draw(p: number | undefined): boolean {
		return p !== undefined && p > 0 && this.rng.nextFloat() < p;
	}

	/** Whether this request fails. */
	failRequest(): boolean {
		const fail = this.draw(this.options.requestFailure);
		if (fail) this.counts.requestFailures += 1;
		return fail;
	}

	/** Whether this message is lost for one receiver. */
	loseMessage(): boolean {
		const lost = this.draw(this.options.messageLoss);
		if (lost) this.counts.messagesLost += 1;
		return lost;
	}

	/** Whether this message reaches one receiver twice. */
	duplicateMessage(): boolean {
		const twice = this.draw(this.options.messageDuplicate);
		if (twice) this.counts.messagesDuplicated += 1;
		return twice;
	}

	/** Extra delay of one delivery, in seconds. */
	messageDelay(): number {
		const most = this.options.messageDelaySeconds ?? 0;
		return most > 0 ? this.rng.uniform(0, most) : 0;
	}

	/** Whether a queue item is stored twice. */
	duplicateQueueItem(): boolean {
		const twice = this.draw(this.options.queueDuplicate);
		if (twice) this.counts.queueDuplicates += 1;
		return twice;
	}
}
