/**
 * One simulated experience: the clock, the meter, the fault injector, the live servers and the
 * shared state of the three stand-in services. `servicesFor(server)` gives a server the same
 * `ClusterServices` a real server builds with `robloxServices`.
 */
import { ClusterServices } from "../../src/cluster/services";
import { experienceQuotas, ExperienceQuotas, serverQuotas, ServerQuotas } from "../../src/cluster/limits";
import { FaultInjector, FaultOptions } from "./FaultInjector";
import { Meter } from "./Meter";
import { Scheduler } from "./Scheduler";
import { DataStoreState, StandInDataStore } from "./StandInDataStore";
import { HashMapState, QueueState, StandInHashMap, StandInQueue } from "./StandInMemoryStore";
import { StandInMessaging, Subscriber } from "./StandInMessaging";

/** One simulated game server. */
export interface SimulatedServer {
	readonly id: string;
	players: number;
	alive: boolean;
	/** Topic → callbacks of this server's subscriptions. */
	readonly subscriptions: Map<string, Array<Subscriber>>;
	/** This server's `GetAsync` cache: key → [value, valid until]. */
	readonly dataStoreCache: Map<string, [unknown, number]>;
}

/** The shared state of every stand-in service of one experience. */
export class World {
	readonly scheduler = new Scheduler();
	readonly meter: Meter;
	readonly faults: FaultInjector;
	readonly servers = new Array<SimulatedServer>();
	readonly dataStores = new Map<string, DataStoreState>();
	readonly hashMaps = new Map<string, HashMapState>();
	readonly queues = new Map<string, QueueState>();
	/** Bytes held by every MemoryStore structure (kept by the stand-ins). */
	memoryBytes = 0;
	/**
	 * DataStore strings of 256 characters or more are charged as this many times their length: the
	 * experience simulator computes on short vectors and bills them at the full model's size.
	 */
	sizeScale = 1;

	constructor(seed: number, faults: FaultOptions = {}) {
		this.meter = new Meter(() => this.scheduler.now());
		this.faults = new FaultInjector(seed, faults);
	}

	/** Simulated seconds. */
	now(): number {
		return this.scheduler.now();
	}

	/** Adds a live server with `players` players. */
	addServer(id: string, players: number): SimulatedServer {
		const server: SimulatedServer = { id, players, alive: true, subscriptions: new Map(), dataStoreCache: new Map() };
		this.servers.push(server);
		this.quotaCache = undefined;
		return server;
	}

	/** Live servers. */
	liveServers(): Array<SimulatedServer> {
		return this.servers.filter((s) => s.alive);
	}

	/** Concurrent users: players on live servers. */
	users(): number {
		let total = 0;
		for (const s of this.servers) if (s.alive) total += s.players;
		return total;
	}

	private quotaCache: ExperienceQuotas | undefined;

	/** The experience-wide quotas for the current users and servers (recounted when a server comes or goes). */
	quotas(): ExperienceQuotas {
		if (this.quotaCache === undefined) this.quotaCache = experienceQuotas(this.users(), this.liveServers().size());
		return this.quotaCache;
	}

	/** Marks a server live or dead (a crash); its players leave the experience's counts. */
	setAlive(server: SimulatedServer, alive: boolean) {
		server.alive = alive;
		this.quotaCache = undefined;
	}

	/** One server's quotas. */
	serverQuotas(server: SimulatedServer): ServerQuotas {
		return serverQuotas(server.players);
	}

	/** The services as `server` sees them. */
	servicesFor(server: SimulatedServer, dataStoreName = "Hivemind", hashMapName = "Hivemind"): ClusterServices {
		return {
			dataStore: new StandInDataStore(this, server, dataStoreName),
			hashMap: new StandInHashMap(this, server, hashMapName),
			getQueue: (name, invisibilitySeconds) => new StandInQueue(this, server, name, invisibilitySeconds),
			messaging: new StandInMessaging(this, server),
			now: () => this.now(),
			sleep: (seconds) => this.scheduler.sleep(seconds),
			players: () => server.players,
			serverId: server.id,
		};
	}
}
