import { describe, expect, it } from "../support/jest-globals";
import { acknowledgedSums, newestState, startCluster } from "./support";
import { DataPlane } from "../../src/cluster/DataPlane";
import { Retrier } from "../../src/cluster/Retrier";
import { RandomGenerator } from "../../src/matrix/random";
import { World } from "../../cli/cluster/World";
import { runExperience } from "../../cli/cluster/experience";
import { ClusterNode } from "../../src/cluster/ClusterNode";
import { expectError } from "../support/numeric";
import { FAST } from "./support";

describe("data plane", () => {
	it("chunks a value larger than one key and reassembles it; a missing chunk reads as missing", () => {
		const world = new World(1);
		const services = world.servicesFor(world.addServer("s", 10));
		const plane = new DataPlane(services, new Retrier(services, new RandomGenerator(1)), 8);
		const text = "abcdefghijklmnopqrstuvwxyz0123";
		expect(plane.write("u1", text)).toBe(4);
		expect(world.dataStores.get("Hivemind")!.get("u1:3")).toBe("yz0123");
		expect(plane.read("u1", 4)).toBe(text);
		services.dataStore.RemoveAsync("u1:2");
		expect(plane.read("u1", 4)).toBe("missing");
	});
});

describe("ClusterNode.new", () => {
	it("names each bad option and changes nothing", () => {
		const world = new World(1);
		const services = world.servicesFor(world.addServer("s", 10));
		const trainer = { update: () => undefined };
		expectError(
			() => new ClusterNode(services, { ...FAST, modelName: "bad name" }, trainer),
			'ClusterNode.new: modelName must be 1-20 letters, digits or _, got "bad name"',
		);
		expectError(
			() => new ClusterNode(services, { ...FAST, arity: 51 }, trainer),
			"ClusterNode.new: arity must be an integer from 2 to 50, got 51",
		);
		expectError(() => new ClusterNode(services, { ...FAST, updateEncoding: "q8" }, trainer), 'updateEncoding must be "f64" for statistics');
		expectError(
			() => new ClusterNode(services, { ...FAST, initialState: [1, 0 / 0] }, trainer),
			"initialState must be a non-empty array of finite numbers, got NaN",
		);
		expectError(() => new ClusterNode(services, { ...FAST, leaseSeconds: 2 }, trainer), "leaseSeconds must be above 2 × tickSeconds (2), got 2");
		expect(world.hashMaps.get("Hivemind")!.size()).toBe(0);
		expect(world.dataStores.get("Hivemind")!.size()).toBe(0);
	});
});

describe("cluster of servers on the stand-in services", () => {
	it("applies every acknowledged update exactly once despite duplicates, lost notifications and failures", () => {
		const cluster = startCluster(
			6,
			4,
			{ queueDuplicate: 0.3, messageLoss: 0.5, messageDuplicate: 0.2, requestFailure: 0.05, messageDelaySeconds: 3 },
			{ groups: 2 },
		);
		cluster.world.scheduler.runUntil(160);
		const [state] = newestState(cluster);
		const [count, ids] = acknowledgedSums(cluster);
		expect(count).toBe(6 * 4);
		expect(cluster.world.faults.counts.queueDuplicates).toBeGreaterThan(0);
		expect(cluster.world.faults.counts.requestFailures).toBeGreaterThan(0);
		expect(state[0]).toBe(count);
		expect(state[1]).toBe(ids);
		expect(cluster.world.scheduler.errors).toEqual([]);
	});

	it("hands the main model over within the lease time when its owner dies, continuing from the checkpoint", () => {
		const cluster = startCluster(4, 6, {});
		cluster.world.scheduler.runUntil(25);
		const first = cluster.ownerIndex()!;
		const [, versionBefore] = newestState(cluster);
		expect(versionBefore).toBeGreaterThan(0);
		cluster.kill(first);
		let handedOverAt = -1;
		const killedAt = cluster.world.now();
		while (cluster.world.now() < killedAt + 30) {
			cluster.world.scheduler.runUntil(cluster.world.now() + 0.5);
			const owner = cluster.ownerIndex();
			if (owner !== undefined && owner !== first) {
				handedOverAt = cluster.world.now();
				break;
			}
		}
		expect(handedOverAt).toBeGreaterThan(killedAt);
		// lease 5 s, plus one step of the successor (1 s) and the polling granularity of this loop
		expect(handedOverAt - killedAt).toBeLessThanOrEqual(5 + 1 + 0.5);
		cluster.world.scheduler.runUntil(200);
		const successor = cluster.nodes[cluster.ownerIndex()!];
		expect(successor.owner.counts.merges).toBeGreaterThan(0);
		// The successor's versions continue the dead owner's: no version was written twice or skipped.
		const [state, version] = newestState(cluster);
		expect(version).toBe(cluster.nodes[first].owner.counts.merges + successor.owner.counts.merges);
		const [count, ids] = acknowledgedSums(cluster);
		expect(state[0]).toBe(count);
		expect(state[1]).toBe(ids);
	});

	it("throttling delays updates but loses none", () => {
		// No players: each server may write 60 values a minute and the experience 300; 8-character chunks make
		// every update several writes, so servers are throttled (302) and retry with backoff.
		const cluster = startCluster(8, 3, {}, { chunkCharacters: 8 }, 0);
		cluster.world.scheduler.runUntil(600);
		const throttled = cluster.world.meter.report().find(([name]) => name === "DataStore/throttled");
		expect(throttled !== undefined && throttled[1].total > 0).toBe(true);
		const [state] = newestState(cluster);
		const [count, ids] = acknowledgedSums(cluster);
		expect(count).toBe(8 * 3);
		expect(state[0]).toBe(count);
		expect(state[1]).toBe(ids);
	});

	it("a restarted server resumes from the checkpoint with bit-identical parameters", () => {
		const cluster = startCluster(3, 3, {}, { kind: "parameters", initialState: [0.1, -0.2] });
		cluster.world.scheduler.runUntil(50);
		const [state, version] = newestState(cluster);
		expect(version).toBeGreaterThan(0);
		cluster.kill(0);
		const fresh = cluster.start(1, "s1-restarted");
		cluster.world.scheduler.runUntil(cluster.world.now() + 3);
		expect(fresh.status().version).toBe(newestState(cluster)[1]);
		const [now] = newestState(cluster);
		const main = fresh.getMain();
		expect(main.size()).toBe(2);
		for (const i of $range(0, 1)) expect(main[i] === now[i]).toBe(true);
		expect(state.size()).toBe(2);
	});
});

describe("32 servers with 10% loss, duplicates and an owner crash", () => {
	for (const task of ["linear", "logistic"] as const) {
		it(`${task}: the merged model ends within 1% of centralized loss`, () => {
			const result = runExperience({
				servers: 32,
				players: (k) => 8 + ((k * 7) % 20),
				parameters: task === "linear" ? 31 : 5,
				minutes: 6,
				arity: 8,
				seed: 2026,
				task,
				encoding: "q8",
				faults: { messageLoss: 0.1, messageDuplicate: 0.1, queueDuplicate: 0.1, requestFailure: 0.01, messageDelaySeconds: 2 },
				ownerKills: [95],
				restartSeconds: 20,
				roundSeconds: 20,
				heterogeneous: false,
			});
			expect(result.ownerKills).toBe(1);
			expect(result.errors).toEqual([]);
			expect(result.world.faults.counts.queueDuplicates).toBeGreaterThan(0);
			const gap = math.abs(result.mergedLoss - result.centralizedLoss) / result.centralizedLoss;
			expect(gap).toBeLessThan(0.01);
		});
	}
});
