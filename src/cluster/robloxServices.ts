/**
 * The real services behind `ClusterServices` on a live Roblox server: the DataStore
 * `Hivemind_<model>`, the MemoryStore HashMap `Hivemind_<model>`, queues `Hivemind_<model>_<name>`,
 * MessagingService, `task.wait`, the player count and the JobId. Server scripts only (the
 * services are Unsafe: call from the serial phase, never from a desynchronized Actor).
 */
import { ClusterServices, DataStoreLike, HashMapLike, QueueLike } from "./services";

/** The live services for `modelName` (checked by `resolveClusterOptions` when the node is built). */
export function robloxServices(modelName: string): ClusterServices {
	const DataStoreService = game.GetService("DataStoreService");
	const MemoryStoreService = game.GetService("MemoryStoreService");
	const MessagingService = game.GetService("MessagingService");
	const Players = game.GetService("Players");
	const store = DataStoreService.GetDataStore(`Hivemind_${modelName}`);
	const map = MemoryStoreService.GetHashMap(`Hivemind_${modelName}`);
	const fresh = new Instance("DataStoreGetOptions");
	fresh.UseCache = false;
	const dataStore: DataStoreLike = {
		GetAsync(key, options) {
			const [value] = store.GetAsync<unknown>(key, options !== undefined && !options.UseCache ? fresh : undefined);
			return value;
		},
		SetAsync(key, value) {
			return store.SetAsync(key, value);
		},
		UpdateAsync(key, transform) {
			const [value] = store.UpdateAsync<unknown, unknown>(key, (old) => $tuple(transform(old)));
			return value;
		},
		RemoveAsync(key) {
			const [value] = store.RemoveAsync<unknown>(key);
			return value;
		},
	};
	const hashMap: HashMapLike = {
		GetAsync(key) {
			return map.GetAsync(key);
		},
		SetAsync(key, value, expiration) {
			return map.SetAsync(key, value, expiration);
		},
		UpdateAsync(key, transform, expiration) {
			return map.UpdateAsync(key, transform, expiration);
		},
		RemoveAsync(key) {
			map.RemoveAsync(key);
		},
	};
	const serverId = game.JobId !== "" ? game.JobId : game.GetService("HttpService").GenerateGUID(false);
	return {
		dataStore,
		hashMap,
		getQueue: (name, invisibilitySeconds) => {
			const queue = MemoryStoreService.GetQueue(name, invisibilitySeconds);
			const wrapped: QueueLike = {
				AddAsync(value, expiration, priority) {
					queue.AddAsync(value, expiration, priority);
				},
				ReadAsync(count, allOrNothing, waitTimeout) {
					const [items, id] = queue.ReadAsync(count, allOrNothing, waitTimeout);
					return $tuple(items as Array<unknown>, id as string | undefined);
				},
				RemoveAsync(id) {
					queue.RemoveAsync(id);
				},
			};
			return wrapped;
		},
		messaging: {
			PublishAsync(topic, message) {
				MessagingService.PublishAsync(topic, message);
			},
			SubscribeAsync(topic, callback) {
				// cast: Roblox types the message as its own table type; the plane reads { Data, Sent } from it
				return MessagingService.SubscribeAsync(topic, (message) => callback(message as never));
			},
		},
		now: () => DateTime.now().UnixTimestampMillis / 1000,
		sleep: (seconds) => task.wait(seconds),
		players: () => Players.GetPlayers().size(),
		serverId,
	};
}
