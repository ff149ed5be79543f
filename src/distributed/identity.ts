/**
 * An update's identity, one definition for every aggregator and transport: what it carries
 * (`kind`), the model it belongs to (`modelName`), who sent it (`childId`), its training round and
 * a sequence number within the round (chunks, several updates per round). Two deliveries with the
 * same identity are the same update: an {@link AppliedSet} admits it once and reports every later
 * delivery as a duplicate, and refuses identities of another model.
 */
import { describeValue, isFiniteNumber } from "../core/describe";
import type { UpdateKind, UpdateRecord } from "./wire";

/** Who sent which update for which model, and when. */
export interface UpdateIdentity {
	/** "gradients", "parameters" or "statistics". */
	kind: UpdateKind;
	/** The model the update belongs to (a non-empty string). */
	modelName: string;
	/** The sender's id (integer ≥ 0). */
	childId: number;
	/** The training round (integer ≥ 0). */
	round: number;
	/** The update's number within (childId, round): chunks or several updates per round (integer ≥ 0). Default 0. */
	sequence: number;
}

/** The fields of an identity; `sequence` defaults to 0. */
export type IdentityFields = Omit<UpdateIdentity, "sequence"> & { sequence?: number };

const KINDS = ["gradients", "parameters", "statistics"];

function isIndex(value: unknown): value is number {
	return isFiniteNumber(value) && value >= 0 && value === math.floor(value);
}

/** The first reason `value` is not a valid identity (naming the field), or undefined when it is valid. */
export function identityProblem(value: unknown): string | undefined {
	if (!typeIs(value, "table")) return `identity must be a table { kind, modelName, childId, round, sequence? }, got ${describeValue(value)}`;
	const v = value as { [key: string]: unknown };
	if (!KINDS.includes(v.kind as string))
		return `identity.kind must be one of "gradients", "parameters", "statistics", got ${describeValue(v.kind)}`;
	if (!typeIs(v.modelName, "string") || v.modelName === "")
		return `identity.modelName must be a non-empty string, got ${describeValue(v.modelName)}`;
	if (!isIndex(v.childId)) return `identity.childId must be an integer ≥ 0, got ${describeValue(v.childId)}`;
	if (!isIndex(v.round)) return `identity.round must be an integer ≥ 0, got ${describeValue(v.round)}`;
	if (v.sequence !== undefined && !isIndex(v.sequence)) return `identity.sequence must be an integer ≥ 0 or nil, got ${describeValue(v.sequence)}`;
	return undefined;
}

/** Validates the fields and returns a new identity (sequence 0 when not given); `where` names the caller in errors. */
export function createIdentity(fields: IdentityFields, where = "createIdentity"): UpdateIdentity {
	const problem = identityProblem(fields);
	if (problem !== undefined) error(`[Hivemind] ${where}: ${problem}`, 2);
	return { kind: fields.kind, modelName: fields.modelName, childId: fields.childId, round: fields.round, sequence: fields.sequence ?? 0 };
}

/** The identity of a (valid) wire record, with the given sequence (default 0). */
export function identityOfRecord(record: UpdateRecord<unknown>, sequence = 0): UpdateIdentity {
	return { kind: record.kind, modelName: record.modelName, childId: record.childId, round: record.round, sequence };
}

/**
 * A stable string key of an identity: `kind|childId|round|sequence|modelName` (numbers in integer
 * form, the model name last so it may contain any character). Equal identities give equal keys,
 * different identities different keys; usable as a DataStore or MemoryStore key suffix.
 */
export function identityKey(identity: UpdateIdentity): string {
	const sequence = identity.sequence ?? 0;
	return `${identity.kind}|${string.format("%d", identity.childId)}|${string.format("%d", identity.round)}|${string.format("%d", sequence)}|${identity.modelName}`;
}

/** What an {@link AppliedSet} says of an identity: new, already seen, of another model, or older than what is remembered. */
export type AdmitVerdict = "new" | "duplicate" | "otherModel" | "expired";

/** The state of an identity an {@link AppliedSet} has seen. */
export type IdentityState = "pending" | "applied" | "rejected";

/** An {@link AppliedSet} as plain data (for a DataStore): the model, the round floor and the seen keys with their states. */
export interface AppliedSetData {
	modelName: string;
	roundFloor: number;
	entries: Array<[string, IdentityState]>;
}

/**
 * The identities an aggregator has acknowledged, each at most once. `admit` records a new identity
 * as pending (the caller then applies or queues it), returns "duplicate" for one seen before
 * (pending, applied or rejected), "otherModel" for another model's and "expired" for a round below
 * the floor set by `forgetRoundsBefore` (those can no longer be told apart from duplicates).
 */
export class AppliedSet {
	private readonly states = new Map<string, IdentityState>();
	private readonly rounds = new Map<string, number>();
	private roundFloor = 0;

	/** @param modelName the model whose updates are admitted; another model's are refused. */
	constructor(
		private readonly modelName: string,
		private readonly where = "AppliedSet",
	) {
		if (!typeIs(modelName, "string") || modelName === "")
			error(`[Hivemind] ${where}: modelName must be a non-empty string, got ${describeValue(modelName)}`, 2);
	}

	/** The model whose updates are admitted. */
	getModelName(): string {
		return this.modelName;
	}

	/** The verdict `admit` would give, without recording anything. Throws on an invalid identity. */
	verdict(identity: UpdateIdentity): AdmitVerdict {
		const problem = identityProblem(identity);
		if (problem !== undefined) error(`[Hivemind] ${this.where}: ${problem}`, 3);
		if (identity.modelName !== this.modelName) return "otherModel";
		if (identity.round < this.roundFloor) return "expired";
		return this.states.has(identityKey(identity)) ? "duplicate" : "new";
	}

	/** Records a new identity as pending and returns "new", or returns why it was not recorded. */
	admit(identity: UpdateIdentity): AdmitVerdict {
		const verdict = this.verdict(identity);
		if (verdict === "new") {
			const key = identityKey(identity);
			this.states.set(key, "pending");
			this.rounds.set(key, identity.round);
		}
		return verdict;
	}

	/** Marks an admitted identity applied (it reached the main model). */
	markApplied(identity: UpdateIdentity) {
		this.mark(identity, "applied");
	}

	/** Marks an admitted identity rejected (screened out after admission: it stays a duplicate if sent again). */
	markRejected(identity: UpdateIdentity) {
		this.mark(identity, "rejected");
	}

	/** Forgets an identity admitted by a call that then failed, so that call changed nothing and a retry is new. */
	release(identity: UpdateIdentity) {
		const key = identityKey(identity);
		this.states.delete(key);
		this.rounds.delete(key);
	}

	/** The state of an identity, or undefined when never admitted (or forgotten). */
	stateOf(identity: UpdateIdentity): IdentityState | undefined {
		return this.states.get(identityKey(identity));
	}

	/** How many identities are remembered. */
	size(): number {
		return this.states.size();
	}

	/** Counts of the remembered identities by state. */
	counts(): { pending: number; applied: number; rejected: number } {
		const out = { pending: 0, applied: 0, rejected: 0 };
		this.states.forEach((state) => (out[state] += 1));
		return out;
	}

	/** Forgets applied and rejected identities of rounds below `round` (pending ones are kept); those rounds then read "expired". */
	forgetRoundsBefore(round: number) {
		if (!isIndex(round)) error(`[Hivemind] ${this.where}.forgetRoundsBefore: round must be an integer ≥ 0, got ${describeValue(round)}`, 2);
		if (round <= this.roundFloor) return;
		this.roundFloor = round;
		const drop = new Array<string>();
		this.rounds.forEach((r, key) => {
			if (r < round && this.states.get(key) !== "pending") drop.push(key);
		});
		for (const key of drop) {
			this.states.delete(key);
			this.rounds.delete(key);
		}
	}

	/** The set as plain data (keys sorted, so equal sets give equal data). */
	toData(): AppliedSetData {
		const entries = new Array<[string, IdentityState]>();
		this.states.forEach((state, key) => entries.push([key, state]));
		entries.sort((a, b) => a[0] < b[0]);
		return { modelName: this.modelName, roundFloor: this.roundFloor, entries };
	}

	/** Rebuilds a set from `toData`. */
	static fromData(data: AppliedSetData, where = "AppliedSet.fromData"): AppliedSet {
		if (!typeIs(data, "table") || !typeIs(data.entries, "table") || !isIndex(data.roundFloor)) {
			error(`[Hivemind] ${where}: data must be a table from AppliedSet.toData, got ${describeValue(data)}`, 2);
		}
		const set = new AppliedSet(data.modelName, where);
		set.roundFloor = data.roundFloor;
		for (const i of $range(0, data.entries.size() - 1)) {
			const entry = data.entries[i];
			const [kind, , round] = typeIs(entry, "table") && typeIs(entry[0], "string") ? entry[0].split("|") : [];
			const state = typeIs(entry, "table") ? entry[1] : undefined;
			if (kind === undefined || tonumber(round) === undefined || (state !== "pending" && state !== "applied" && state !== "rejected")) {
				error(
					`[Hivemind] ${where}: data.entries[${i + 1}] must be { key, "pending" | "applied" | "rejected" }, got ${describeValue(entry)}`,
					2,
				);
			}
			set.states.set(entry[0], state);
			set.rounds.set(entry[0], tonumber(round)!);
		}
		return set;
	}

	private mark(identity: UpdateIdentity, state: IdentityState) {
		const key = identityKey(identity);
		if (!this.states.has(key)) error(`[Hivemind] ${this.where}: identity ${key} must have been admitted first, got an unknown identity`, 3);
		this.states.set(key, state);
	}
}
