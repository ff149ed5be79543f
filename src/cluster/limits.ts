/**
 * The documented limits of the three cross-server services (Roblox creator documentation,
 * snapshot 2026; see /shared/notes/roblox-platform.md), and the quota arithmetic that turns a
 * player count into a per-minute budget. One table, read by the cluster code (to stay inside) and
 * by the stand-ins (to reject what the real services reject).
 */

/** DataStoreService limits: sizes in characters/bytes, rates per minute. */
export const DATASTORE_LIMITS = {
	/** Longest key name (error 102). */
	keyLength: 50,
	/** Largest serialized value in characters (error 105). */
	valueCharacters: 4_194_304,
	/** Per key: bytes written per minute (each request rounded up to the next kilobyte). */
	keyWriteBytesPerMinute: 4 * 1024 * 1024,
	/** Per key: bytes read per minute (each request rounded up to the next kilobyte). */
	keyReadBytesPerMinute: 25 * 1024 * 1024,
	/** Requests a server may have waiting in one throttle queue before they are dropped (errors 301-306). */
	throttleQueue: 30,
	/** Seconds a `GetAsync` result is cached on the server unless `UseCache` is false. */
	getCacheSeconds: 4,
};

/** MemoryStoreService limits. */
export const MEMORYSTORE_LIMITS = {
	/** Longest key (HashMap, SortedMap) in characters. */
	keyLength: 128,
	/** Largest item value in bytes (serialized). */
	valueBytes: 32 * 1024,
	/** Longest expiration in seconds (45 days). */
	maximumExpirationSeconds: 3_888_000,
	/** Most items one `Queue:ReadAsync` may return. */
	maximumReadCount: 100,
	/** Request units a HashMap `UpdateAsync` costs (a read and a write). */
	updateUnits: 2,
};

/** MessagingService limits. */
export const MESSAGING_LIMITS = {
	/** Largest message in bytes (1 kB, serialized). */
	messageBytes: 1024,
	/** Longest topic in characters (topics are 1–80 characters). */
	topicLength: 80,
};

/** Per-minute budgets of one experience (all servers together) for a number of concurrent users. */
export interface ExperienceQuotas {
	dataStoreReads: number;
	dataStoreWrites: number;
	dataStoreRemoves: number;
	memoryStoreRequestUnits: number;
	/** Bytes of MemoryStore memory the whole experience may hold. */
	memoryStoreBytes: number;
	/** Messages all servers together may receive per minute on one topic. */
	messagesReceivedPerTopic: number;
	/** Messages the whole experience may receive per minute. */
	messagesReceivedPerGame: number;
}

/** Per-minute budgets of one game server with `players` players. */
export interface ServerQuotas {
	dataStoreReads: number;
	dataStoreWrites: number;
	dataStoreRemoves: number;
	messagesPublished: number;
	subscriptions: number;
}

/** The experience-wide budgets for `users` concurrent users across `servers` servers. */
export function experienceQuotas(users: number, servers: number): ExperienceQuotas {
	return {
		dataStoreReads: 300 + 40 * users,
		dataStoreWrites: 300 + 20 * users,
		dataStoreRemoves: 300 + 40 * users,
		memoryStoreRequestUnits: 1000 + 120 * users,
		memoryStoreBytes: 64 * 1024 + 1.2 * 1024 * users,
		messagesReceivedPerTopic: 40 + 80 * servers,
		messagesReceivedPerGame: 400 + 200 * servers,
	};
}

/** One server's default budgets with `players` players on it. */
export function serverQuotas(players: number): ServerQuotas {
	return {
		dataStoreReads: 60 + 40 * players,
		dataStoreWrites: 60 + 40 * players,
		dataStoreRemoves: 60 + 40 * players,
		messagesPublished: 600 + 240 * players,
		subscriptions: 20 + 8 * players,
	};
}
