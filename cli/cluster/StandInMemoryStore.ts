/**
 * MemoryStore stand-ins (HashMap and Queue) with the real limits: keys up to 128 characters,
 * values up to 32 KB serialized, expirations 1 s – 45 days, `ReadAsync` of 1–100 items, the
 * experience-wide request-unit budget (1000 + 120 × users per minute; a HashMap `UpdateAsync`
 * costs 2, a queue read 1 plus 1 per item) and memory quota (64 KB + 1.2 KB × users). Queue items
 * read stay invisible for the queue's timeout and come back unless removed (at-least-once).
 * Error names follow Roblox's memory-store error names; the sentences are the stand-in's own.
 */
import { MEMORYSTORE_LIMITS } from "../../src/cluster/limits";
import { HashMapLike, QueueLike, serializedLength } from "../../src/cluster/services";
import type { SimulatedServer, World } from "./World";
import { copyValue } from "./StandInDataStore";

interface Item {
	value: unknown;
	expiresAt: number;
	size: number;
}

/** The items of one named HashMap. */
export type HashMapState = Map<string, Item>;

interface QueueItem extends Item {
	priority: number;
	order: number;
	invisibleUntil: number;
	readId: string | undefined;
}

/** The items of one named Queue. */
export interface QueueState {
	items: Array<QueueItem>;
	nextOrder: number;
	nextRead: number;
}

function checkKey(key: unknown) {
	if (!typeIs(key, "string") || key.size() === 0) error("InvalidRequest: key must be a non-empty string", 3);
	if (key.size() > MEMORYSTORE_LIMITS.keyLength) error(`KeyNameSizeTooLarge: key exceeds the ${MEMORYSTORE_LIMITS.keyLength} character limit`, 3);
}

function checkValue(value: unknown): number {
	const size = serializedLength(value);
	if (value === undefined || typeIs(size, "string")) error(`InvalidRequest: value cannot be stored (${typeIs(size, "string") ? size : "nil"})`, 3);
	if (size > MEMORYSTORE_LIMITS.valueBytes)
		error(`ItemValueSizeTooLarge: value is ${size} bytes, over the ${MEMORYSTORE_LIMITS.valueBytes} byte limit`, 3);
	return size;
}

function checkExpiration(expiration: unknown) {
	if (!typeIs(expiration, "number") || expiration <= 0 || expiration > MEMORYSTORE_LIMITS.maximumExpirationSeconds) {
		error(`InvalidRequest: expiration must be a number of seconds in (0, ${MEMORYSTORE_LIMITS.maximumExpirationSeconds}]`, 3);
	}
}

/** Charges request units and injects failures; shared by both structures. */
function charge(world: World, units: number, operation: string) {
	if (!world.meter.charge("MemoryStore/request units", units, world.quotas().memoryStoreRequestUnits)) {
		world.meter.charge("MemoryStore/throttled", 1, math.huge, false);
		error(`TotalRequestsOverLimit: ${operation} throttled: the experience's request units for this minute are used up`, 3);
	}
	if (world.faults.failRequest()) error(`InternalError: ${operation} failed (injected fault)`, 3);
}

/** Changes the memory held by `delta` bytes, refusing growth past the quota. */
function holdMemory(world: World, delta: number) {
	const quota = world.quotas().memoryStoreBytes;
	if (delta > 0 && world.memoryBytes + delta > quota) error("ExceedLimit: the experience's memory quota is used up", 3);
	world.memoryBytes += delta;
	world.meter.level("MemoryStore/bytes held", world.memoryBytes, quota);
}

/** One server's handle on a named HashMap. */
export class StandInHashMap implements HashMapLike {
	private readonly items: HashMapState;

	constructor(
		private readonly world: World,
		private readonly server: SimulatedServer,
		name: string,
	) {
		let items = world.hashMaps.get(name);
		if (items === undefined) {
			items = new Map();
			world.hashMaps.set(name, items);
		}
		this.items = items;
	}

	private live(key: string): Item | undefined {
		const item = this.items.get(key);
		if (item !== undefined && item.expiresAt <= this.world.now()) {
			this.items.delete(key);
			holdMemory(this.world, -item.size);
			return undefined;
		}
		return item;
	}

	private put(key: string, value: unknown, expiration: number, size: number) {
		const old = this.live(key);
		const total = size + key.size();
		holdMemory(this.world, total - (old !== undefined ? old.size : 0));
		this.items.set(key, { value: copyValue(value), expiresAt: this.world.now() + expiration, size: total });
	}

	GetAsync(key: string): unknown {
		checkKey(key);
		charge(this.world, 1, "GetAsync");
		const item = this.live(key);
		return item !== undefined ? copyValue(item.value) : undefined;
	}

	SetAsync(key: string, value: unknown, expiration: number): boolean {
		checkKey(key);
		const size = checkValue(value);
		checkExpiration(expiration);
		charge(this.world, 1, "SetAsync");
		this.put(key, value, expiration, size);
		return true;
	}

	UpdateAsync(key: string, transform: (old: unknown) => unknown, expiration: number): unknown {
		checkKey(key);
		checkExpiration(expiration);
		charge(this.world, MEMORYSTORE_LIMITS.updateUnits, "UpdateAsync");
		const item = this.live(key);
		// One process: no concurrent writer can slip in, so the transform runs once.
		const result = transform(item !== undefined ? copyValue(item.value) : undefined);
		if (result === undefined) return undefined;
		this.put(key, result, expiration, checkValue(result));
		return copyValue(result);
	}

	RemoveAsync(key: string) {
		checkKey(key);
		charge(this.world, 1, "RemoveAsync");
		const item = this.live(key);
		if (item !== undefined) {
			this.items.delete(key);
			holdMemory(this.world, -item.size);
		}
	}
}

/** One server's handle on a named Queue with its invisibility timeout. */
export class StandInQueue implements QueueLike {
	private readonly state: QueueState;

	constructor(
		private readonly world: World,
		private readonly server: SimulatedServer,
		private readonly name: string,
		private readonly invisibilitySeconds: number,
	) {
		let state = world.queues.get(name);
		if (state === undefined) {
			state = { items: [], nextOrder: 0, nextRead: 0 };
			world.queues.set(name, state);
		}
		this.state = state;
	}

	private prune() {
		const now = this.world.now();
		const kept = new Array<QueueItem>();
		for (const item of this.state.items) {
			if (item.expiresAt > now) kept.push(item);
			else holdMemory(this.world, -item.size);
		}
		this.state.items = kept;
	}

	AddAsync(value: unknown, expiration: number, priority = 0) {
		const size = checkValue(value);
		checkExpiration(expiration);
		charge(this.world, 1, "AddAsync");
		const copies = this.world.faults.duplicateQueueItem() ? 2 : 1;
		for (const _ of $range(1, copies)) {
			holdMemory(this.world, size);
			this.state.nextOrder += 1;
			this.state.items.push({
				value: copyValue(value),
				expiresAt: this.world.now() + expiration,
				size,
				priority,
				order: this.state.nextOrder,
				invisibleUntil: 0,
				readId: undefined,
			});
		}
		this.state.items.sort((a, b) => (a.priority !== b.priority ? a.priority > b.priority : a.order < b.order));
	}

	ReadAsync(count: number, allOrNothing = false, _waitTimeout = -1): LuaTuple<[Array<unknown>, string | undefined]> {
		if (!typeIs(count, "number") || count < 1 || count > MEMORYSTORE_LIMITS.maximumReadCount || count !== math.floor(count)) {
			error(`InvalidRequest: count must be an integer from 1 to ${MEMORYSTORE_LIMITS.maximumReadCount}`, 2);
		}
		this.prune();
		const now = this.world.now();
		const visible = this.state.items.filter((item) => item.invisibleUntil <= now);
		const taken = allOrNothing && visible.size() < count ? [] : visible.filter((_, i) => i < count);
		charge(this.world, 1 + taken.size(), "ReadAsync");
		if (taken.size() === 0) return $tuple([], undefined);
		this.state.nextRead += 1;
		const id = `${this.name}:${this.state.nextRead}`;
		for (const item of taken) {
			item.invisibleUntil = now + this.invisibilitySeconds;
			item.readId = id;
		}
		return $tuple(
			taken.map((item) => copyValue(item.value)),
			id,
		);
	}

	RemoveAsync(id: string) {
		if (!typeIs(id, "string") || id.size() === 0) error("InvalidRequest: id must be the id a ReadAsync returned", 2);
		charge(this.world, 1, "RemoveAsync");
		const now = this.world.now();
		const kept = new Array<QueueItem>();
		for (const item of this.state.items) {
			// An item whose invisibility ran out may have been read again under another id: it stays.
			if (item.readId === id && item.invisibleUntil > now) holdMemory(this.world, -item.size);
			else kept.push(item);
		}
		this.state.items = kept;
	}
}
