/**
 * Quota arithmetic: from the servers, players per server, parameter count and round length, the
 * tree's shape (groups of at most `arity` servers) and checkpoint replicas that keep every
 * per-key throughput inside its limit, and the requests per minute each service then sees
 * against its quota. The README's table for 10, 100 and 1,000 players comes from here.
 */
import { encodedByteCount, VectorEncoding } from "./codec";
import { DATASTORE_LIMITS, experienceQuotas, serverQuotas } from "./limits";

/** What `planCluster` needs. */
export interface PlanInput {
	servers: number;
	playersPerServer: number;
	parameters: number;
	roundSeconds: number;
	arity: number;
	updateEncoding: VectorEncoding;
	tickSeconds: number;
	pollSeconds: number;
}

/** The plan and its per-minute load against each quota (fractions used, 1 = at the limit). */
export interface ClusterPlan {
	groups: number;
	replicas: number;
	updateCharacters: number;
	checkpointCharacters: number;
	perMinute: { dataStoreReads: number; dataStoreWrites: number; memoryStoreUnits: number; messagesReceived: number };
	used: {
		dataStoreReads: number;
		dataStoreWrites: number;
		ownerWrites: number;
		memoryStoreUnits: number;
		messagesPerTopic: number;
		checkpointKeyReads: number;
	};
}

/** Base64 characters of `bytes` bytes. */
function base64Characters(bytes: number): number {
	return 4 * math.ceil(bytes / 3);
}

/** The tree and replicas for an experience, and the load they put on each quota. */
export function planCluster(input: PlanInput): ClusterPlan {
	const { servers, playersPerServer, parameters, roundSeconds, arity } = input;
	const users = servers * playersPerServer;
	const quotas = experienceQuotas(users, servers);
	const roundsPerMinute = 60 / roundSeconds;
	const groups = math.max(1, math.ceil(servers / arity));
	const updateCharacters = base64Characters(encodedByteCount(parameters, input.updateEncoding, math.ceil(parameters * 0.1)));
	const checkpointCharacters = base64Characters(encodedByteCount(parameters, "f64"));
	const chunks = math.ceil(checkpointCharacters / (DATASTORE_LIMITS.valueCharacters - 64));
	// Every server reads the new checkpoint once a round; each replica key may serve 25 MB a minute (half, for margin).
	const readBytesPerMinute = servers * checkpointCharacters * roundsPerMinute;
	const replicas = math.max(1, math.ceil(readBytesPerMinute / (DATASTORE_LIMITS.keyReadBytesPerMinute * 0.5 * chunks)));
	const updateChunks = math.ceil(updateCharacters / (DATASTORE_LIMITS.valueCharacters - 64));
	// Per round: each server writes its update and the leader reads and removes it; each group writes one aggregate
	// the owner reads; the owner writes replicas × chunks + meta + head; every server reads meta + one replica.
	const writes = (servers * updateChunks + groups * chunks + replicas * chunks + 2) * roundsPerMinute;
	const reads = (servers * updateChunks + groups * chunks + servers * (1 + chunks) + 1) * roundsPerMinute;
	const stepsPerMinute = 60 / input.tickSeconds;
	// Each step a server checks two leases (1 unit each), group holders and the owner renew (2 each);
	// polls, queue adds, reads and removes per round.
	const units =
		servers * stepsPerMinute * 2 + (groups + 1) * stepsPerMinute * 2 + servers * (60 / input.pollSeconds) + servers * 3 * roundsPerMinute;
	const messagesReceived = servers * roundsPerMinute;
	const server = serverQuotas(playersPerServer);
	return {
		groups,
		replicas,
		updateCharacters,
		checkpointCharacters,
		perMinute: { dataStoreReads: reads, dataStoreWrites: writes, memoryStoreUnits: units, messagesReceived },
		used: {
			dataStoreReads: reads / quotas.dataStoreReads,
			dataStoreWrites: writes / quotas.dataStoreWrites,
			ownerWrites: (((replicas + 1) * chunks + 2 + groups) * roundsPerMinute) / server.dataStoreWrites,
			memoryStoreUnits: units / quotas.memoryStoreRequestUnits,
			messagesPerTopic: messagesReceived / quotas.messagesReceivedPerTopic,
			checkpointKeyReads: readBytesPerMinute / replicas / chunks / DATASTORE_LIMITS.keyReadBytesPerMinute,
		},
	};
}
