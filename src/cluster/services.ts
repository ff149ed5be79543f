/**
 * The slice of DataStoreService, MemoryStoreService and MessagingService the cluster uses, as
 * interfaces with the real method names, so the same code runs on the real services
 * (`robloxServices`) and on the headless stand-ins (`cli/cluster/`). Every call may throw (a
 * service error or throttling) and may yield; callers retry.
 */
import { encodeJson } from "../core/json";
import { plainDataProblem } from "../core/plainData";

/** `DataStoreGetOptions` as the cluster uses it. */
export interface DataStoreGetOptionsLike {
	UseCache: boolean;
}

/** One named standard DataStore (`DataStoreService:GetDataStore(name)`). */
export interface DataStoreLike {
	/** The stored value or undefined (Roblox also returns key info, unused here). */
	GetAsync(key: string, options?: DataStoreGetOptionsLike): unknown;
	SetAsync(key: string, value: unknown): unknown;
	/** Read-modify-write; a transform returning undefined cancels the write. Returns the stored value. */
	UpdateAsync(key: string, transform: (old: unknown) => unknown): unknown;
	RemoveAsync(key: string): unknown;
}

/** One MemoryStore HashMap (`MemoryStoreService:GetHashMap(name)`). */
export interface HashMapLike {
	GetAsync(key: string): unknown;
	SetAsync(key: string, value: unknown, expiration: number): boolean;
	/** Optimistic compare-and-swap: the transform may run several times; undefined cancels. */
	UpdateAsync(key: string, transform: (old: unknown) => unknown, expiration: number): unknown;
	RemoveAsync(key: string): void;
}

/** One MemoryStore Queue (`MemoryStoreService:GetQueue(name, invisibilityTimeout)`). */
export interface QueueLike {
	AddAsync(value: unknown, expiration: number, priority?: number): void;
	/** Up to `count` visible items and the id that removes them; they stay invisible for the queue's timeout. */
	ReadAsync(count: number, allOrNothing?: boolean, waitTimeout?: number): LuaTuple<[Array<unknown>, string | undefined]>;
	RemoveAsync(id: string): void;
}

/** A received message. */
export interface MessageLike {
	Data: unknown;
	Sent: number;
}

/** A subscription. */
export interface ConnectionLike {
	Disconnect(): void;
}

/** MessagingService. */
export interface MessagingLike {
	PublishAsync(topic: string, message: unknown): void;
	SubscribeAsync(topic: string, callback: (message: MessageLike) => void): ConnectionLike;
}

/** Everything one game server's cluster node needs from its environment. */
export interface ClusterServices {
	/** The model's DataStore (data plane). */
	dataStore: DataStoreLike;
	/** The model's HashMap (control plane: leases, round state). */
	hashMap: HashMapLike;
	/** A named queue with the given invisibility timeout in seconds. */
	getQueue: (name: string, invisibilitySeconds: number) => QueueLike;
	messaging: MessagingLike;
	/** Seconds (any epoch, monotonic enough for leases). */
	now: () => number;
	/** Yields for `seconds`. */
	sleep: (seconds: number) => void;
	/** Players on this server now. */
	players: () => number;
	/** This server's id (JobId), unique among live servers. */
	serverId: string;
}

/**
 * The length of `value` as the services serialize it (JSON characters), or an error text naming
 * what cannot be stored (NaN, infinity, functions, mixed tables).
 */
export function serializedLength(value: unknown): number | string {
	if (typeIs(value, "string")) {
		return value.find('[%c"\\]')[0] === undefined ? value.size() + 2 : encodeJson(value).size();
	}
	const problem = plainDataProblem(value, "value");
	if (problem !== undefined) return problem;
	return encodeJson(value).size();
}
