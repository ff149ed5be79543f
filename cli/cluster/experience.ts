/**
 * The experience simulator: S simulated game servers on the stand-in services, one simulated
 * clock, a seeded fault injector, owners killed on schedule and restarted. Each server runs the
 * library's `ClusterNode` unchanged. What is simulated: the services (limits, quotas, expiry,
 * invisibility, best-effort delivery), the servers' steps and the players' data; vectors are
 * computed at `simulatedLength` entries and billed by the DataStore stand-in at the full
 * parameter count (`World.sizeScale`), so bytes, chunks and throughput are those of the full model.
 */
import { ClusterNode, ClusterTrainer } from "../../src/cluster/ClusterNode";
import { VectorEncoding } from "../../src/cluster/codec";
import { planCluster } from "../../src/cluster/plan";
import { RandomGenerator } from "../../src/matrix/random";
import { FaultOptions } from "./FaultInjector";
import { addStatistics, LINEAR_STATISTICS, logisticSteps, Sample, samplePlayer, solveStatistics, TaskName, taskLoss, FEATURES } from "./tasks";
import { SimulatedServer, World } from "./World";
import { SimulatedThread } from "./Scheduler";

/** What to simulate. */
export interface ExperienceOptions {
	servers: number;
	/** Players per server (or a function of the server index). */
	players: number | ((server: number) => number);
	parameters: number;
	minutes: number;
	arity: number;
	seed: number;
	task: TaskName;
	encoding: VectorEncoding;
	faults: FaultOptions;
	/** Simulated seconds at which the main model's owner is killed (restarted `restartSeconds` later). */
	ownerKills: Array<number>;
	restartSeconds: number;
	roundSeconds: number;
	heterogeneous: boolean;
	/** Called after each merge the simulator observes. */
	onMerge?: (progress: ExperienceProgress) => void;
	/** A caller's own task instead of the built-in ones (the demo's): its trainers and its loss. */
	custom?: CustomTask;
}

/** A caller-defined task: what each server sends and how a main state is scored. */
export interface CustomTask {
	modelName: string;
	kind: "statistics" | "parameters";
	initial: Array<number>;
	trainer: (server: number) => ClusterTrainer;
	evaluate: (state: Array<number>) => number;
}

/** One line of progress. */
export interface ExperienceProgress {
	time: number;
	round: number;
	version: number;
	loss: number;
	headroom: { DataStore: number; MemoryStore: number; MessagingService: number };
	requests: { DataStore: number; MemoryStore: number; MessagingService: number };
	bytes: { DataStore: number; MemoryStore: number };
}

/** What a run measured. */
export interface ExperienceResult {
	progress: Array<ExperienceProgress>;
	mergeTimes: Array<number>;
	mergeIntervalSeconds: number;
	mergedLoss: number;
	centralizedLoss: number;
	weights: Array<number>;
	acknowledged: number;
	faults: { [name: string]: number };
	ownerKills: number;
	errors: Array<string>;
	world: World;
	groups: number;
	replicas: number;
	simulatedLength: number;
	/** Sessions in the merged statistics (set by the demo). */
	sessionsMerged?: number;
	/** Per service, the quota with the least headroom. */
	binding: { [service: string]: string };
}

const SERVICE_METRICS = {
	DataStore: [
		"DataStore/reads",
		"DataStore/writes",
		"DataStore/removes",
		"DataStore/server reads/",
		"DataStore/server writes/",
		"DataStore/server removes/",
		"DataStore/key read bytes/",
		"DataStore/key write bytes/",
	],
	MemoryStore: ["MemoryStore/request units", "MemoryStore/bytes held"],
	MessagingService: ["MessagingService/received on ", "MessagingService/received in experience", "MessagingService/server publishes/"],
};

/** Headroom per service: 1 − the largest fraction of any of its quotas used in any minute; and which quota that was. */
export function headroom(world: World, binding?: { [service: string]: string }): ExperienceProgress["headroom"] {
	const out = { DataStore: 1, MemoryStore: 1, MessagingService: 1 };
	for (const [metric, reading] of world.meter.report()) {
		for (const [service, prefixes] of pairs(SERVICE_METRICS)) {
			for (const prefix of prefixes) {
				if (metric.sub(1, prefix.size()) === prefix && (prefix.sub(-1) === "/" || prefix.sub(-1) === " " || metric === prefix)) {
					if (1 - reading.peakFraction < out[service]) {
						out[service] = 1 - reading.peakFraction;
						if (binding !== undefined) binding[service] = prefix;
					}
				}
			}
		}
	}
	return out;
}

function total(world: World, metric: string): number {
	for (const [name, reading] of world.meter.report()) if (name === metric) return reading.total;
	return 0;
}

function requests(world: World): ExperienceProgress["requests"] {
	let messages = 0;
	for (const [name, reading] of world.meter.report()) if (name.sub(1, 34) === "MessagingService/server publishes/") messages += reading.total;
	return {
		DataStore: total(world, "DataStore/reads") + total(world, "DataStore/writes") + total(world, "DataStore/removes"),
		MemoryStore: total(world, "MemoryStore/request units"),
		MessagingService: messages,
	};
}

/** Runs one simulated experience. */
export function runExperience(o: ExperienceOptions): ExperienceResult {
	const world = new World(o.seed, o.faults);
	const playersOf = (k: number) => (typeIs(o.players, "function") ? o.players(k) : o.players);
	const isLinear = o.task === "linear";
	const base = isLinear ? LINEAR_STATISTICS : FEATURES + 1;
	const custom = o.custom;
	const simulatedLength = custom !== undefined ? custom.initial.size() : math.min(o.parameters, math.max(base, 64));
	world.sizeScale = math.max(1, o.parameters / simulatedLength);
	let totalPlayers = 0;
	for (const k of $range(0, o.servers - 1)) totalPlayers += playersOf(k);
	const plan = planCluster({
		servers: o.servers,
		playersPerServer: totalPlayers / o.servers,
		parameters: o.parameters,
		roundSeconds: o.roundSeconds,
		arity: o.arity,
		updateEncoding: o.encoding,
		tickSeconds: 2,
		pollSeconds: 10,
	});
	const initial = new Array<number>();
	for (const _ of $range(1, simulatedLength)) initial.push(0);
	const kind = custom?.kind ?? (isLinear ? "statistics" : "parameters");
	const nodeOptions = {
		modelName: custom?.modelName ?? (isLinear ? "Minutes" : "Returns"),
		kind,
		initialState: custom?.initial ?? initial,
		updateEncoding: kind === "statistics" ? ("f64" as VectorEncoding) : o.encoding,
		roundSeconds: o.roundSeconds,
		tickSeconds: 2,
		leaseSeconds: 20,
		groups: plan.groups,
		arity: o.arity,
		replicas: plan.replicas,
	};
	const root = new RandomGenerator(o.seed);
	const testRng = root.fork(999_999);
	const test = new Array<Sample>();
	for (const k of $range(0, 1999)) test.push(samplePlayer(testRng, k % o.servers, o.task, o.heterogeneous));
	// Centralized training sees every session: the logistic task keeps the rows, the linear one only
	// their running statistics (keeping a million rows would make the run's memory, and GC, grow).
	const everything = new Array<Sample>();
	const centralStats = new Array<number>();
	for (const _ of $range(1, LINEAR_STATISTICS)) centralStats.push(0);
	const nodes = new Array<ClusterNode>();
	const threads = new Map<string, [SimulatedServer, SimulatedThread]>();

	const trainerFor = (k: number, rng: RandomGenerator): ClusterTrainer => {
		if (custom !== undefined) return custom.trainer(k);
		if (isLinear) {
			// Every round each player plays one session; the server sends the statistics of sessions not sent yet.
			return {
				update: () => {
					const stats = new Array<number>();
					for (const _ of $range(1, simulatedLength)) stats.push(0);
					const fresh = new Array<Sample>();
					for (const _ of $range(1, playersOf(k))) fresh.push(samplePlayer(rng, k, o.task, o.heterogeneous));
					addStatistics(centralStats, fresh);
					addStatistics(stats, fresh);
					return [stats, fresh.size()];
				},
			};
		}
		const shard = new Array<Sample>();
		for (const _ of $range(1, playersOf(k) * 8)) shard.push(samplePlayer(rng, k, o.task, o.heterogeneous));
		for (const s of shard) everything.push(s);
		return {
			update: (main) => {
				const w = logisticSteps(
					main.filter((_, i) => i <= FEATURES),
					shard,
					5,
					0.5,
				);
				const out = [...main];
				for (const j of $range(0, FEATURES)) out[j] = w[j];
				return [out, shard.size()];
			},
		};
	};

	const start = (k: number, id: string) => {
		const server = world.addServer(id, playersOf(k));
		const node = new ClusterNode(
			world.servicesFor(server, "Hivemind", "Hivemind"),
			nodeOptions,
			trainerFor(k, root.fork(k + 1 + 7919 * threads.size())),
			o.seed + k,
		);
		nodes.push(node);
		const thread = world.scheduler.spawn(id, () => node.run(() => server.alive));
		threads.set(id, [server, thread]);
	};
	for (const k of $range(0, o.servers - 1)) {
		// Servers start over the first few seconds, as a live experience's do.
		world.scheduler.at((k % 20) * 0.1, () => start(k, `s${k}`));
	}
	let kills = 0;
	for (const at of o.ownerKills) {
		world.scheduler.at(at, () => {
			const lease = world.hashMaps.get("Hivemind")?.get("lease_root");
			const entry = lease !== undefined ? threads.get(lease.value as string) : undefined;
			if (entry === undefined || !entry[0].alive) return;
			kills += 1;
			world.setAlive(entry[0], false);
			world.scheduler.kill(entry[1]);
			const index = tonumber(entry[0].id.match("^s(%d+)")[0]) ?? 0;
			world.scheduler.at(at + o.restartSeconds, () => start(index, `${entry[0].id}r${kills}`));
		});
	}
	const progress = new Array<ExperienceProgress>();
	let lastVersion = 0;
	const evaluate = (state: Array<number>) =>
		custom !== undefined
			? custom.evaluate(state)
			: taskLoss(o.task, isLinear ? solveStatistics(state) : state.filter((_, i) => i <= FEATURES), test);
	const watch = () => {
		const item = world.hashMaps.get("Hivemind")?.get("state");
		const state = item?.value as { round: number; version: number } | undefined;
		if (state !== undefined && state.version > lastVersion) {
			lastVersion = state.version;
			const owner = nodes.find((n) => n.owner.snapshot()[1] === state.version);
			const loss = owner !== undefined ? evaluate(owner.owner.snapshot()[0]) : 0 / 0;
			const p: ExperienceProgress = {
				time: world.now(),
				round: state.round - 1,
				version: state.version,
				loss,
				headroom: headroom(world),
				requests: requests(world),
				bytes: { DataStore: total(world, "DataStore/bytes written") + total(world, "DataStore/bytes read"), MemoryStore: world.memoryBytes },
			};
			progress.push(p);
			o.onMerge?.(p);
		}
		if (world.now() < o.minutes * 60) world.scheduler.at(world.now() + 1, watch);
	};
	world.scheduler.at(1, watch);
	world.scheduler.runUntil(o.minutes * 60);

	const mergeTimes = new Array<number>();
	for (const node of nodes) for (const t of node.owner.mergeTimes) mergeTimes.push(t);
	mergeTimes.sort((a, b) => a < b);
	let interval = 0;
	for (const i of $range(1, mergeTimes.size() - 1)) interval = math.max(interval, mergeTimes[i] - mergeTimes[i - 1]);
	// The newest checkpoint is what a new server would load.
	let best: [Array<number>, number] = [initial, -1];
	for (const node of nodes) {
		const [state, version] = node.owner.snapshot();
		if (version > best[1] && state.size() > 0) best = [state, version];
	}
	const weights = custom !== undefined ? best[0] : isLinear ? solveStatistics(best[0]) : best[0].filter((_, i) => i <= FEATURES);
	let centralized: Array<number>;
	if (isLinear) {
		centralized = solveStatistics(centralStats);
	} else {
		centralized = logisticSteps([0, 0, 0, 0, 0], everything, 400, 0.5);
	}
	let acknowledged = 0;
	for (const node of nodes) acknowledged += node.counts.acknowledged;
	const faults: { [name: string]: number } = { ...world.faults.counts };
	const binding: { [service: string]: string } = {};
	headroom(world, binding);
	return {
		progress,
		mergeTimes,
		mergeIntervalSeconds: mergeTimes.size() >= 2 ? interval : math.huge,
		mergedLoss: custom !== undefined ? custom.evaluate(best[0]) : taskLoss(o.task, weights, test),
		centralizedLoss: taskLoss(o.task, centralized, test),
		weights,
		acknowledged,
		faults,
		ownerKills: kills,
		errors: world.scheduler.errors,
		world,
		groups: plan.groups,
		replicas: plan.replicas,
		simulatedLength,
		binding,
	};
}
