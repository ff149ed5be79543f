/**
 * A MessagingService stand-in: topics of 1–80 characters, messages up to 1 kB serialized, the
 * per-server publish budget (600 + 240 × players per minute), subscriptions per server
 * (20 + 8 × players) and the receive budgets per topic (40 + 80 × servers) and per experience
 * (400 + 200 × servers); beyond a receive budget messages are dropped. Delivery is best-effort:
 * the fault injector loses, duplicates and delays (so reorders) each delivery.
 */
import { MESSAGING_LIMITS } from "../../src/cluster/limits";
import { ConnectionLike, MessageLike, MessagingLike, serializedLength } from "../../src/cluster/services";
import type { SimulatedServer, World } from "./World";

/** A subscription callback. */
export type Subscriber = (message: MessageLike) => void;

/** Seconds a delivery takes before any injected delay. */
const DELIVERY_SECONDS = 0.2;

/** One server's MessagingService. */
export class StandInMessaging implements MessagingLike {
	constructor(
		private readonly world: World,
		private readonly server: SimulatedServer,
	) {}

	private checkTopic(topic: unknown) {
		if (!typeIs(topic, "string") || topic.size() < 1 || topic.size() > MESSAGING_LIMITS.topicLength) {
			error(`Topic must be a string of 1 to ${MESSAGING_LIMITS.topicLength} characters`, 3);
		}
	}

	PublishAsync(topic: string, message: unknown) {
		this.checkTopic(topic);
		const size = serializedLength(message);
		if (typeIs(size, "string")) error(`Message cannot be sent: ${size}`, 2);
		if (size > MESSAGING_LIMITS.messageBytes) error(`Message is ${size} bytes, over the ${MESSAGING_LIMITS.messageBytes} byte limit`, 2);
		const world = this.world;
		const limit = world.serverQuotas(this.server).messagesPublished;
		if (!world.meter.charge(`MessagingService/server publishes/${this.server.id}`, 1, limit)) {
			error("Request throttled: too many messages published from this server this minute", 2);
		}
		if (world.faults.failRequest()) error("PublishAsync failed (injected fault)", 2);
		const sent = world.now();
		for (const receiver of world.liveServers()) {
			const callbacks = receiver.subscriptions.get(topic);
			if (callbacks === undefined) continue;
			if (world.faults.loseMessage()) continue;
			const copies = world.faults.duplicateMessage() ? 2 : 1;
			for (const _ of $range(1, copies)) {
				world.scheduler.at(sent + DELIVERY_SECONDS + world.faults.messageDelay(), () => {
					if (!receiver.alive) return;
					const quotas = world.quotas();
					// Each receive counts against the topic's and the experience's budgets; past them it is dropped.
					if (!world.meter.charge(`MessagingService/received on ${topic}`, 1, quotas.messagesReceivedPerTopic)) return;
					if (!world.meter.charge("MessagingService/received in experience", 1, quotas.messagesReceivedPerGame)) return;
					for (const callback of [...(receiver.subscriptions.get(topic) ?? [])]) callback({ Data: message, Sent: sent });
				});
			}
		}
	}

	SubscribeAsync(topic: string, callback: Subscriber): ConnectionLike {
		this.checkTopic(topic);
		let count = 0;
		this.server.subscriptions.forEach((list) => (count += list.size()));
		if (count + 1 > this.world.serverQuotas(this.server).subscriptions) error("Too many subscriptions on this server", 2);
		const list = this.server.subscriptions.get(topic) ?? [];
		list.push(callback);
		this.server.subscriptions.set(topic, list);
		const subscriptions = this.server.subscriptions;
		return {
			Disconnect() {
				const current = subscriptions.get(topic);
				if (current !== undefined)
					subscriptions.set(
						topic,
						current.filter((c) => c !== callback),
					);
			},
		};
	}
}
