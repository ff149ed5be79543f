/**
 * The data plane on a DataStore: values split into chunks below the per-key size limit, each
 * chunk its own key (so per-key write throughput is per chunk), written and read with retries;
 * versioned checkpoints of the main state (f64, lossless) in `replicas` copies, the owner's applied
 * identities, a metadata record
 * and a `head` pointer that only moves forward, written last, so the last good version always
 * survives a failure part-way.
 */
import { decodeBase64, encodeBase64 } from "./base64";
import { decodeVector, encodeVector } from "./codec";
import { Retrier } from "./Retrier";
import { ClusterServices } from "./services";

/** What a checkpoint records besides the state. */
export interface CheckpointMeta {
	version: number;
	/** The round the checkpoint closed. */
	round: number;
	/** Chunks of each replica of the state. */
	chunks: number;
	/** Replicas written. */
	replicas: number;
	/** Total weight (samples) merged so far. */
	weight: number;
}

/** Outcome of a read: the text, "missing" (some chunk absent) or "failed" (the service kept failing). */
export type ReadResult = string | "missing" | "failed";

/** Chunked values and checkpoints in one DataStore. */
export class DataPlane {
	constructor(
		private readonly services: ClusterServices,
		private readonly retrier: Retrier,
		private readonly chunkCharacters: number,
	) {}

	/** Writes `text` under `prefix:0…`; returns the chunk count, or undefined when a write kept failing. */
	write(prefix: string, text: string): number | undefined {
		const chunks = math.max(1, math.ceil(text.size() / this.chunkCharacters));
		for (const i of $range(0, chunks - 1)) {
			const piece = text.sub(i * this.chunkCharacters + 1, (i + 1) * this.chunkCharacters);
			const [ok] = this.retrier.call(() => this.services.dataStore.SetAsync(`${prefix}:${i}`, piece));
			if (!ok) return undefined;
		}
		return chunks;
	}

	/** Reads and joins `chunks` chunks under `prefix`. */
	read(prefix: string, chunks: number): ReadResult {
		const parts = new Array<string>();
		for (const i of $range(0, chunks - 1)) {
			const [ok, value] = this.retrier.call(() => this.services.dataStore.GetAsync(`${prefix}:${i}`));
			if (!ok) return "failed";
			if (!typeIs(value, "string")) return "missing";
			parts.push(value);
		}
		return parts.join("");
	}

	/** Removes the chunks (best effort: a leftover chunk costs storage, not correctness). */
	remove(prefix: string, chunks: number) {
		for (const i of $range(0, chunks - 1)) this.retrier.call(() => this.services.dataStore.RemoveAsync(`${prefix}:${i}`));
	}

	/** Writes a vector (encoded buffer, base64) under `prefix`; returns the chunk count. */
	writeVector(prefix: string, data: buffer): number | undefined {
		return this.write(prefix, encodeBase64(data));
	}

	/** Reads a vector written by `writeVector`. */
	readVector(prefix: string, chunks: number): Array<number> | "missing" | "failed" {
		const text = this.read(prefix, chunks);
		if (text === "missing" || text === "failed") return text;
		return decodeVector(decodeBase64(text));
	}

	/**
	 * Saves checkpoint `meta.version`: every replica of the state, then the metadata, then moves
	 * `head` forward. Returns false (head unchanged) when any write kept failing.
	 */
	writeCheckpoint(state: Array<number>, meta: Omit<CheckpointMeta, "chunks">, applied: unknown): boolean {
		const text = encodeBase64(encodeVector(state, "f64"));
		// The applied identities only the owner reads: under their own key, so servers' reads of the metadata stay small.
		const [appliedOk] = this.retrier.call(() => this.services.dataStore.SetAsync(`p${meta.version}`, applied));
		if (!appliedOk) return false;
		let chunks = 0;
		for (const r of $range(0, meta.replicas - 1)) {
			const written = this.write(`c${meta.version}_${r}`, text);
			if (written === undefined) return false;
			chunks = written;
		}
		const full: CheckpointMeta = { ...meta, chunks };
		const [metaOk] = this.retrier.call(() => this.services.dataStore.SetAsync(`m${meta.version}`, full));
		if (!metaOk) return false;
		const [headOk] = this.retrier.call(() =>
			this.services.dataStore.UpdateAsync("head", (old) => (typeIs(old, "number") && old >= meta.version ? undefined : meta.version)),
		);
		return headOk;
	}

	/** The newest saved version (0 when none), or undefined when the read kept failing. */
	readHead(): number | undefined {
		const [ok, value] = this.retrier.call(() => this.services.dataStore.GetAsync("head", { UseCache: false }));
		if (!ok) return undefined;
		return typeIs(value, "number") ? value : 0;
	}

	/** A checkpoint's metadata. */
	readMeta(version: number): CheckpointMeta | "missing" | "failed" {
		const [ok, value] = this.retrier.call(() => this.services.dataStore.GetAsync(`m${version}`));
		if (!ok) return "failed";
		return typeIs(value, "table") ? (value as CheckpointMeta) : "missing";
	}

	/** A checkpoint's applied identities (`AppliedSet.toData()`), for a new owner. */
	readApplied(version: number): unknown | "missing" | "failed" {
		const [ok, value] = this.retrier.call(() => this.services.dataStore.GetAsync(`p${version}`));
		if (!ok) return "failed";
		return typeIs(value, "table") ? value : "missing";
	}

	/** A checkpoint's state from replica `replica` (mod the replicas written). */
	readState(meta: CheckpointMeta, replica: number): Array<number> | "missing" | "failed" {
		return this.readVector(`c${meta.version}_${replica % meta.replicas}`, meta.chunks);
	}

	/** Removes an old checkpoint (its replicas and metadata). */
	removeCheckpoint(meta: CheckpointMeta) {
		for (const r of $range(0, meta.replicas - 1)) this.remove(`c${meta.version}_${r}`, meta.chunks);
		this.retrier.call(() => this.services.dataStore.RemoveAsync(`m${meta.version}`));
		this.retrier.call(() => this.services.dataStore.RemoveAsync(`p${meta.version}`));
	}
}
