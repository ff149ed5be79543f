/**
 * The options of a cluster node, validated once (`resolveClusterOptions`): names, timings, the
 * tree's shape and the encodings. Plain data; every server of an experience must use the same.
 */
import { describeValue, isFiniteNumber } from "../core/describe";
import { DATASTORE_LIMITS } from "./limits";
import { VECTOR_ENCODINGS, VectorEncoding } from "./codec";

/** What a round's updates are: "statistics" are summed into the main state (exact), "parameters" are weight × (child − main) deltas, averaged by weight. */
export type ClusterKind = "statistics" | "parameters";

/** Cluster options (see the README's "Across game servers" for what each costs). */
export interface ClusterOptions {
	/** The model's name: part of every identity, topic and store name. */
	modelName: string;
	kind: ClusterKind;
	/** The main state before any update (the initial parameters, or zero statistics). */
	initialState: Array<number>;
	/** Encoding of the servers' updates ("f64" for statistics: exactness). */
	updateEncoding: VectorEncoding;
	/** Share a "topk" update keeps. */
	keepFraction: number;
	/** Seconds from a round's opening to its merge (the merge interval). */
	roundSeconds: number;
	/** Seconds between a node's steps. */
	tickSeconds: number;
	/** Seconds a lease lasts without renewal (an owner's death is noticed within this). */
	leaseSeconds: number;
	/** Groups of the merge tree (servers hashed by child id); 1 = every server feeds the owner directly. */
	groups: number;
	/** Most updates one merge step reads at once (dislib-style arity, ≤ 50). */
	arity: number;
	/** Copies of each checkpoint for servers to read (per-key read throughput). */
	replicas: number;
	/** Largest chunk of one DataStore value, in characters. */
	chunkCharacters: number;
	/** Queue invisibility timeout in seconds (longer than a merge step takes). */
	invisibilitySeconds: number;
	/** Seconds between polls of the round state when notifications are missed. */
	pollSeconds: number;
	/** Rounds of applied identities the owner remembers (duplicates older than this are refused as expired). */
	retentionRounds: number;
}

/** The defaults. */
export const CLUSTER_DEFAULTS: Omit<ClusterOptions, "modelName" | "kind" | "initialState"> = {
	updateEncoding: "f64",
	keepFraction: 0.1,
	roundSeconds: 30,
	tickSeconds: 2,
	leaseSeconds: 20,
	groups: 1,
	arity: 50,
	replicas: 1,
	chunkCharacters: DATASTORE_LIMITS.valueCharacters - 64,
	invisibilitySeconds: 60,
	pollSeconds: 10,
	retentionRounds: 40,
};

function fail(argument: string, expected: string, value: unknown): never {
	error(`[Hivemind] ClusterNode.new: ${argument} must be ${expected}, got ${describeValue(value)}`, 4);
}

function integerIn(value: unknown, low: number, high: number): boolean {
	return isFiniteNumber(value) && value === math.floor(value) && value >= low && value <= high;
}

/** The options with defaults filled, after checking every field. */
export function resolveClusterOptions(given: Partial<ClusterOptions>): ClusterOptions {
	if (!typeIs(given, "table")) fail("options", "a table", given);
	const o = { ...CLUSTER_DEFAULTS, ...given } as ClusterOptions;
	if (!typeIs(o.modelName, "string") || o.modelName.size() < 1 || o.modelName.size() > 20 || o.modelName.find("[^%w_]")[0] !== undefined) {
		fail("modelName", "1-20 letters, digits or _", o.modelName);
	}
	if (o.kind !== "statistics" && o.kind !== "parameters") fail("kind", '"statistics" or "parameters"', o.kind);
	if (!typeIs(o.initialState, "table") || o.initialState.size() === 0) fail("initialState", "a non-empty array of finite numbers", o.initialState);
	for (const v of o.initialState) if (!isFiniteNumber(v)) fail("initialState", "a non-empty array of finite numbers", v);
	if (!VECTOR_ENCODINGS.includes(o.updateEncoding)) fail("updateEncoding", 'one of "f64", "f32", "q8", "topk"', o.updateEncoding);
	if (o.kind === "statistics" && o.updateEncoding !== "f64")
		fail("updateEncoding", '"f64" for statistics (lossy statistics are not exact)', o.updateEncoding);
	if (!isFiniteNumber(o.keepFraction) || o.keepFraction <= 0 || o.keepFraction > 1) fail("keepFraction", "a number in (0, 1]", o.keepFraction);
	for (const name of ["roundSeconds", "tickSeconds", "leaseSeconds", "invisibilitySeconds", "pollSeconds"] as const) {
		if (!isFiniteNumber(o[name]) || o[name] <= 0) fail(name, "a number of seconds above 0", o[name]);
	}
	if (o.leaseSeconds <= 2 * o.tickSeconds) fail("leaseSeconds", `above 2 × tickSeconds (${2 * o.tickSeconds})`, o.leaseSeconds);
	if (!integerIn(o.groups, 1, 1000)) fail("groups", "an integer from 1 to 1000", o.groups);
	if (!integerIn(o.arity, 2, 50)) fail("arity", "an integer from 2 to 50", o.arity);
	if (!integerIn(o.replicas, 1, 1000)) fail("replicas", "an integer from 1 to 1000", o.replicas);
	if (!integerIn(o.chunkCharacters, 4, DATASTORE_LIMITS.valueCharacters - 64) || o.chunkCharacters % 4 !== 0) {
		fail("chunkCharacters", `a multiple of 4 from 4 to ${DATASTORE_LIMITS.valueCharacters - 64}`, o.chunkCharacters);
	}
	if (!integerIn(o.retentionRounds, 2, 10000)) fail("retentionRounds", "an integer from 2 to 10000", o.retentionRounds);
	return o;
}
