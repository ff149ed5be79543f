// Runs cluster nodes on the stand-in services: each server k makes `rounds` updates [1, k] (weight 1), one per round it joins,
// so the main state's sums show every acknowledged update applied exactly once.
import { ClusterNode } from "../../src/cluster/ClusterNode";
import { ClusterOptions } from "../../src/cluster/options";
import { FaultOptions } from "../../cli/cluster/FaultInjector";
import { SimulatedThread } from "../../cli/cluster/Scheduler";
import { SimulatedServer, World } from "../../cli/cluster/World";

export const FAST: Partial<ClusterOptions> = {
	modelName: "Test",
	kind: "statistics",
	initialState: [0, 0],
	roundSeconds: 10,
	tickSeconds: 1,
	leaseSeconds: 5,
	invisibilitySeconds: 20,
	pollSeconds: 3,
};

export interface Cluster {
	world: World;
	nodes: Array<ClusterNode>;
	servers: Array<SimulatedServer>;
	threads: Array<SimulatedThread>;
	start: (k: number, id: string) => ClusterNode;
	kill: (index: number) => void;
	ownerIndex: () => number | undefined;
}

/** Starts `count` servers, each making `rounds` updates [1, k]. */
export function startCluster(count: number, rounds: number, faults: FaultOptions, options: Partial<ClusterOptions> = {}, players = 10): Cluster {
	const world = new World(7, faults);
	const cluster: Cluster = {
		world,
		nodes: [],
		servers: [],
		threads: [],
		start: (k, id) => {
			const server = world.addServer(id, players);
			let made = 0;
			const node = new ClusterNode(
				world.servicesFor(server),
				{ ...FAST, ...options },
				{
					update: () => {
						if (made >= rounds) return undefined;
						made += 1;
						return [[1, k], 1];
					},
				},
				k + 1,
			);
			cluster.nodes.push(node);
			cluster.servers.push(server);
			cluster.threads.push(world.scheduler.spawn(id, () => node.run(() => server.alive)));
			return node;
		},
		kill: (index) => {
			world.setAlive(cluster.servers[index], false);
			world.scheduler.kill(cluster.threads[index]);
		},
		ownerIndex: () => {
			const holder = world.hashMaps.get("Hivemind")?.get("lease_root")?.value;
			const index = cluster.servers.findIndex((s) => s.id === holder && s.alive);
			return index >= 0 ? index : undefined;
		},
	};
	for (const k of $range(1, count)) cluster.start(k, `s${k}`);
	return cluster;
}

/** The newest main state any node's owner holds, and its version. */
export function newestState(cluster: Cluster): [Array<number>, number] {
	let best: [Array<number>, number] = [[], -1];
	for (const node of cluster.nodes) {
		const [state, version] = node.owner.snapshot();
		if (version > best[1]) best = [state, version];
	}
	return best;
}

/** Σ over acknowledged updates of [1, k]. */
export function acknowledgedSums(cluster: Cluster): [number, number] {
	let count = 0;
	let ids = 0;
	for (const i of $range(1, cluster.nodes.size())) {
		const node = cluster.nodes[i - 1];
		count += node.counts.acknowledged;
		const k = tonumber(cluster.servers[i - 1].id.match("^s(%d+)")[0])!;
		ids += k * node.counts.acknowledged;
	}
	return [count, ids];
}
