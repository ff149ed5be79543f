/**
 * A DataStore stand-in with the real service's limits and error texts (creator docs, "Data store
 * error codes and limits"): key names 1–50 characters (101, 102), values that serialize to JSON
 * (104; NaN and infinity refused), at most 4,194,304 characters (105), experience-wide and
 * per-server request budgets and per-key throughput (4 MB written, 25 MB read per minute, each
 * request rounded up to a kilobyte), dropped requests once throttled (301–306), and the 4-second
 * `GetAsync` cache. Throttled requests are dropped at once (the real service first queues up to
 * 30 and yields): the caller sees the same error, sooner.
 */
import { DATASTORE_LIMITS } from "../../src/cluster/limits";
import { DataStoreGetOptionsLike, DataStoreLike, serializedLength } from "../../src/cluster/services";
import type { SimulatedServer, World } from "./World";

/** The stored entries of one named DataStore. */
export type DataStoreState = Map<string, unknown>;

const THROTTLE: { [method: string]: string } = {
	GetAsync: "301: GetAsync request dropped. Request was throttled, but throttled request queue was full.",
	SetAsync: "302: SetAsync request dropped. Request was throttled, but throttled request queue was full.",
	UpdateAsync: "304: UpdateAsync request dropped. Request was throttled, but throttled request queue was full.",
	RemoveAsync: "306: RemoveAsync request dropped. Request was throttled, but throttled request queue was full.",
};

/** A deep copy of stored plain data (what a service hands back is never the caller's table). */
export function copyValue(value: unknown): unknown {
	if (!typeIs(value, "table")) return value;
	const out: { [k: string]: unknown } = {};
	for (const [k, v] of pairs(value as object)) out[k as string] = copyValue(v);
	return out;
}

function kilobytes(characters: number): number {
	return math.max(1, math.ceil(characters / 1024)) * 1024;
}

/** The characters a value is billed at: long strings scaled by the world's `sizeScale`. */
function billed(world: World, value: unknown, size: number): number {
	return typeIs(value, "string") && size >= 256 ? size * world.sizeScale : size;
}

/** One server's handle on a named DataStore of the simulated experience. */
export class StandInDataStore implements DataStoreLike {
	private readonly entries: DataStoreState;

	constructor(
		private readonly world: World,
		private readonly server: SimulatedServer,
		private readonly name: string,
	) {
		let entries = world.dataStores.get(name);
		if (entries === undefined) {
			entries = new Map();
			world.dataStores.set(name, entries);
		}
		this.entries = entries;
	}

	private checkKey(key: unknown) {
		if (!typeIs(key, "string")) error("104: Can't store " + typeOf(key) + " in DataStore.", 3);
		if (key.size() === 0) error("101: Key name can't be empty.", 3);
		if (key.size() > DATASTORE_LIMITS.keyLength) error(`102: Key name exceeds the ${DATASTORE_LIMITS.keyLength} character limit.`, 3);
	}

	private checkValue(value: unknown, code: number): number {
		if (value === undefined) error(`${code}: Can't ${code === 103 ? "allow" : "store"} nil in DataStore.`, 3);
		const size = serializedLength(value);
		if (typeIs(size, "string")) {
			const what = size.find("NaN")[0] !== undefined ? "NaN" : size.find("inf")[0] !== undefined ? "inf" : typeOf(value);
			error(`${code}: Can't ${code === 103 ? "allow" : "store"} ${what} in DataStore.`, 3);
		}
		if (size > DATASTORE_LIMITS.valueCharacters) error("105: Serialized value exceeds 4MB limit.", 3);
		return size;
	}

	private charge(method: string, kind: "reads" | "writes" | "removes", key: string, bytes: number) {
		const world = this.world;
		const quotas = world.quotas();
		const serverQuota = world.serverQuotas(this.server);
		const experienceLimit = kind === "reads" ? quotas.dataStoreReads : kind === "writes" ? quotas.dataStoreWrites : quotas.dataStoreRemoves;
		const serverLimit =
			kind === "reads" ? serverQuota.dataStoreReads : kind === "writes" ? serverQuota.dataStoreWrites : serverQuota.dataStoreRemoves;
		const meter = world.meter;
		const serverMetric = `DataStore/server ${kind}/${this.server.id}`;
		const keyMetric = `DataStore/key ${kind === "reads" ? "read" : "write"} bytes/${this.name}/${key}`;
		const keyLimit = kind === "reads" ? DATASTORE_LIMITS.keyReadBytesPerMinute : DATASTORE_LIMITS.keyWriteBytesPerMinute;
		const fits =
			meter.usedThisMinute(`DataStore/${kind}`) + 1 <= experienceLimit &&
			meter.usedThisMinute(serverMetric) + 1 <= serverLimit &&
			(kind === "removes" || meter.usedThisMinute(keyMetric) + bytes <= keyLimit);
		if (!fits) {
			meter.charge(`DataStore/throttled`, 1, math.huge, false);
			error(THROTTLE[method], 3);
		}
		meter.charge(`DataStore/${kind}`, 1, experienceLimit);
		meter.charge(serverMetric, 1, serverLimit);
		if (kind !== "removes") meter.charge(keyMetric, bytes, keyLimit);
		meter.charge(
			`DataStore/${kind === "reads" ? "bytes read" : kind === "writes" ? "bytes written" : "removed keys"}`,
			kind === "removes" ? 1 : bytes,
			math.huge,
			false,
		);
		if (world.faults.failRequest()) error(`500: ${method} failed: Internal Server Error (injected fault)`, 3);
	}

	private sizeOf(value: unknown): number {
		const size = value === undefined ? 0 : serializedLength(value);
		return typeIs(size, "number") ? size : 0;
	}

	GetAsync(key: string, options?: DataStoreGetOptionsLike): unknown {
		this.checkKey(key);
		const cache = this.server.dataStoreCache;
		const cacheKey = `${this.name}/${key}`;
		const cached = cache.get(cacheKey);
		if ((options === undefined || options.UseCache) && cached !== undefined && cached[1] > this.world.now()) return copyValue(cached[0]);
		const value = this.entries.get(key);
		this.charge("GetAsync", "reads", key, kilobytes(billed(this.world, value, this.sizeOf(value))));
		cache.set(cacheKey, [value, this.world.now() + DATASTORE_LIMITS.getCacheSeconds]);
		return copyValue(value);
	}

	SetAsync(key: string, value: unknown): unknown {
		this.checkKey(key);
		const size = this.checkValue(value, 104);
		this.charge("SetAsync", "writes", key, kilobytes(billed(this.world, value, size)));
		this.store(key, value);
		return "1";
	}

	UpdateAsync(key: string, transform: (old: unknown) => unknown): unknown {
		this.checkKey(key);
		if (!typeIs(transform, "function")) error("UpdateAsync: transform must be a function", 2);
		const old = this.entries.get(key);
		this.charge("UpdateAsync", "reads", key, kilobytes(billed(this.world, old, this.sizeOf(old))));
		const result = transform(copyValue(old));
		if (result === undefined) return copyValue(old);
		const size = this.checkValue(result, 103);
		this.charge("UpdateAsync", "writes", key, kilobytes(billed(this.world, result, size)));
		this.store(key, result);
		return copyValue(result);
	}

	RemoveAsync(key: string): unknown {
		this.checkKey(key);
		this.charge("RemoveAsync", "removes", key, 0);
		const old = this.entries.get(key);
		this.entries.delete(key);
		this.server.dataStoreCache.delete(`${this.name}/${key}`);
		return old;
	}

	private store(key: string, value: unknown) {
		const copy = copyValue(value);
		this.entries.set(key, copy);
		this.server.dataStoreCache.set(`${this.name}/${key}`, [copy, this.world.now() + DATASTORE_LIMITS.getCacheSeconds]);
	}
}
