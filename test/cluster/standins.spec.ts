import { describe, expect, it } from "../support/jest-globals";
import { expectError } from "../support/numeric";
import { World } from "../../cli/cluster/World";

function services(players = 0) {
	const world = new World(1);
	const server = world.addServer("s0", players);
	return [world, world.servicesFor(server)] as const;
}

describe("DataStore stand-in", () => {
	it("rejects what the real service rejects, with its error codes", () => {
		const [, s] = services();
		expectError(() => s.dataStore.SetAsync("", 1), "101: Key name can't be empty.");
		expectError(() => s.dataStore.SetAsync(string.rep("k", 51), 1), "102: Key name exceeds the 50 character limit.");
		s.dataStore.SetAsync(string.rep("k", 50), 1);
		// 4,194,304 serialized characters: a string of 4,194,302 plus its two quotes fits; one more does not.
		s.dataStore.SetAsync("big", string.rep("a", 4_194_302));
		expectError(() => s.dataStore.SetAsync("big", string.rep("a", 4_194_303)), "105: Serialized value exceeds 4MB limit.");
		expectError(() => s.dataStore.SetAsync("nan", { w: [1, 0 / 0] }), "104: Can't store NaN in DataStore.");
		expectError(() => s.dataStore.UpdateAsync("nan", () => [math.huge]), "103: Can't allow inf in DataStore.");
		expect(s.dataStore.GetAsync("nan")).toBe(undefined);
	});

	it("throttles past the per-server write budget (60 + 40 × players a minute) and recovers next minute", () => {
		const [world, s] = services(0);
		world.scheduler.runUntil(0);
		for (const i of $range(1, 60)) s.dataStore.SetAsync(`k${i}`, i);
		expectError(() => s.dataStore.SetAsync("k61", 61), "302: SetAsync request dropped.");
		world.scheduler.runUntil(60);
		s.dataStore.SetAsync("k61", 61);
		expect(s.dataStore.GetAsync("k61", { UseCache: false })).toBe(61);
	});
});

describe("MemoryStore stand-ins", () => {
	it("limit keys (128), values (32 KB) and expirations (45 days)", () => {
		const [, s] = services();
		expectError(() => s.hashMap.SetAsync(string.rep("k", 129), 1, 10), "KeyNameSizeTooLarge");
		expectError(() => s.hashMap.SetAsync("v", string.rep("a", 32 * 1024), 10), "ItemValueSizeTooLarge");
		expectError(() => s.hashMap.SetAsync("v", 1, 3_888_001), "InvalidRequest: expiration");
		s.hashMap.SetAsync(string.rep("k", 128), string.rep("a", 32 * 1024 - 2), 3_888_000);
	});

	it("expire HashMap items and bring back unremoved queue items after the invisibility timeout", () => {
		const [world, s] = services(10);
		s.hashMap.SetAsync("lease", "me", 5);
		const queue = s.getQueue("q", 30);
		queue.AddAsync("a", 600);
		queue.AddAsync("b", 600);
		const [first, id] = queue.ReadAsync(10, false, 0);
		expect(first).toEqual(["a", "b"]);
		expect(queue.ReadAsync(10, false, 0)[0]).toEqual([]);
		world.scheduler.runUntil(31);
		expect(s.hashMap.GetAsync("lease")).toBe(undefined);
		const [again, id2] = queue.ReadAsync(10, false, 0);
		expect(again).toEqual(["a", "b"]);
		queue.RemoveAsync(id!); // the stale read id removes nothing
		queue.RemoveAsync(id2!);
		world.scheduler.runUntil(100);
		expect(queue.ReadAsync(10, false, 0)[0]).toEqual([]);
		expectError(() => queue.ReadAsync(101, false, 0), "count must be an integer from 1 to 100");
	});
});

describe("MessagingService stand-in", () => {
	it("limits messages to 1 kB and topics to 80 characters, and delivers to subscribers", () => {
		const [world, s] = services(10);
		const got = new Array<defined>();
		s.messaging.SubscribeAsync("t", (m) => got.push(m.Data as defined));
		expectError(() => s.messaging.PublishAsync("t", string.rep("a", 1023)), "over the 1024 byte limit");
		expectError(() => s.messaging.PublishAsync(string.rep("t", 81), 1), "Topic must be a string of 1 to 80 characters");
		s.messaging.PublishAsync("t", { round: 3 });
		world.scheduler.runUntil(1);
		expect(got).toEqual([{ round: 3 }]);
	});
});
