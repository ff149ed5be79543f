/**
 * The wire format: every payload that crosses servers or Actors is one tagged record
 * `{ kind, schemaVersion, modelName, round, childId, sampleCount, baseVersion, data }`, checked by
 * one validator and encoded by one codec (`encodeUpdate` / `decodeUpdate`).
 */
import { RandomGenerator } from "../matrix/random";
import { describeParameters, isModelParameters, ModelParameters } from "../parameters/tree";
import { encodeJson, decodeJson } from "../core/json";
import { describeValue, isFiniteNumber } from "../core/describe";
import { PlainData, plainDataProblem } from "../core/plainData";
import { errorReason } from "../core/errors";

/** The schema version this build writes and accepts. */
export const SCHEMA_VERSION = 1;

/**
 * The sentinel for "absent" (a Luau table cannot hold nil): a string, so it survives JSON, Actor
 * messages and DataStores by value.
 */
export const ABSENT = "__hivemind_absent__";

/** The type of {@link ABSENT}. */
export type Absent = typeof ABSENT;

/** What an update carries: gradients, parameters, or sufficient statistics. */
export type UpdateKind = "gradients" | "parameters" | "statistics";

const KINDS: Array<UpdateKind> = ["gradients", "parameters", "statistics"];
const FIELDS = ["baseVersion", "childId", "data", "kind", "modelName", "round", "sampleCount", "schemaVersion"];

/** One update as it crosses a boundary. Optional fields hold {@link ABSENT} when not given. */
export interface UpdateRecord<D = PlainData> {
	/** `"gradients"` (summed over the batch, see DESIGN.md), `"parameters"` or `"statistics"`. */
	kind: UpdateKind;
	/** {@link SCHEMA_VERSION} of the writer. */
	schemaVersion: number;
	/** The model the update belongs to (a non-empty string). */
	modelName: string;
	/** The training round (integer ≥ 0). */
	round: number;
	/** The sender's id (integer ≥ 0); seeds derive from it (`deriveSeed`). */
	childId: number;
	/** The number of samples behind the update (integer ≥ 1), or ABSENT. */
	sampleCount: number | Absent;
	/** The main-parameter version the update was computed from (integer ≥ 0, for staleness), or ABSENT. */
	baseVersion: number | Absent;
	/** Parameters or gradients: a `ModelParameters` value; statistics: any plain-data table. */
	data: D;
}

/** The fields `createUpdate` takes: the record without `schemaVersion`, optional fields optional. */
export interface UpdateFields<D = PlainData> {
	kind: UpdateKind;
	modelName: string;
	round: number;
	childId: number;
	sampleCount?: number;
	baseVersion?: number;
	data: D;
}

/** `value`, or undefined when it is the ABSENT sentinel. */
export function fromAbsent<T>(value: T | Absent): T | undefined {
	return value === ABSENT ? undefined : (value as T);
}

function isIntegerAtLeast(value: unknown, low: number): value is number {
	return isFiniteNumber(value) && value === math.floor(value) && value >= low;
}

/**
 * The first reason `record` is not a valid update, naming the field or the path inside `data`
 * (`data.weights[3][2] must be a finite number, got NaN`), or undefined when it is valid.
 */
export function updateProblem(record: unknown): string | undefined {
	if (!typeIs(record, "table")) return `record must be a table, got ${describeValue(record)}`;
	const r = record as { [key: string]: unknown };
	for (const [key] of pairs(record)) {
		if (!typeIs(key, "string") || !FIELDS.includes(key))
			return `record must only have the fields ${FIELDS.join(", ")}, got the field ${describeValue(key)}`;
	}
	if (!KINDS.includes(r.kind as UpdateKind)) return `kind must be one of "gradients", "parameters", "statistics", got ${describeValue(r.kind)}`;
	if (r.schemaVersion !== SCHEMA_VERSION) return `schemaVersion must be ${SCHEMA_VERSION}, got ${describeValue(r.schemaVersion)}`;
	if (!typeIs(r.modelName, "string") || r.modelName === "") return `modelName must be a non-empty string, got ${describeValue(r.modelName)}`;
	if (!isIntegerAtLeast(r.round, 0)) return `round must be an integer ≥ 0, got ${describeValue(r.round)}`;
	if (!isIntegerAtLeast(r.childId, 0)) return `childId must be an integer ≥ 0, got ${describeValue(r.childId)}`;
	if (r.sampleCount !== ABSENT && !isIntegerAtLeast(r.sampleCount, 1)) {
		return `sampleCount must be an integer ≥ 1 or ABSENT, got ${describeValue(r.sampleCount)}`;
	}
	if (r.baseVersion !== ABSENT && !isIntegerAtLeast(r.baseVersion, 0)) {
		return `baseVersion must be an integer ≥ 0 or ABSENT, got ${describeValue(r.baseVersion)}`;
	}
	if (!typeIs(r.data, "table")) return `data must be a table, got ${describeValue(r.data)}`;
	const problem = plainDataProblem(r.data, "data");
	if (problem !== undefined) return problem;
	if (r.kind !== "statistics" && !isModelParameters(r.data)) {
		return `data of a ${r.kind} update must be a matrix, a list of matrices or a string-keyed table of matrices, got ${describeParameters(r.data)}`;
	}
	return undefined;
}

/** Throws unless `record` is a valid update; returns it typed. */
export function validateUpdate<D = PlainData>(record: unknown, where = "validateUpdate"): UpdateRecord<D> {
	const problem = updateProblem(record);
	if (problem !== undefined) error(`[Hivemind] ${where}: ${problem}`, 2);
	return record as UpdateRecord<D>;
}

/** Builds (and validates) an update record; omitted optional fields become ABSENT. */
export function createUpdate<D = PlainData>(fields: UpdateFields<D>): UpdateRecord<D> {
	if (!typeIs(fields, "table")) error(`[Hivemind] createUpdate: fields must be a table, got ${describeValue(fields)}`, 2);
	const record: UpdateRecord<D> = {
		kind: fields.kind,
		schemaVersion: SCHEMA_VERSION,
		modelName: fields.modelName,
		round: fields.round,
		childId: fields.childId,
		sampleCount: fields.sampleCount ?? ABSENT,
		baseVersion: fields.baseVersion ?? ABSENT,
		data: fields.data,
	};
	const problem = updateProblem(record);
	if (problem !== undefined) error(`[Hivemind] createUpdate: ${problem}`, 2);
	return record;
}

/** Validates `record` and encodes it as JSON text (every double round-trips exactly). */
export function encodeUpdate(record: UpdateRecord<unknown>): string {
	const problem = updateProblem(record);
	if (problem !== undefined) error(`[Hivemind] encodeUpdate: ${problem}`, 2);
	return encodeJson(record);
}

/** Parses JSON text from {@link encodeUpdate} and validates the record. */
export function decodeUpdate<D = PlainData>(text: string): UpdateRecord<D> {
	if (!typeIs(text, "string")) error(`[Hivemind] decodeUpdate: text must be a string, got ${describeValue(text)}`, 2);
	const [ok, value] = pcall(decodeJson, text);
	if (!ok) error(`[Hivemind] decodeUpdate: text must be JSON from encodeUpdate, got ${errorReason(value)}`, 2);
	const problem = updateProblem(value);
	if (problem !== undefined) error(`[Hivemind] decodeUpdate: ${problem}`, 2);
	return value as UpdateRecord<D>;
}

/** The data of a parameters or gradients update, typed. */
export function updateParameters(record: UpdateRecord<unknown>): ModelParameters {
	return record.data as ModelParameters;
}

/**
 * A child's seed from the main seed and its id: the first 32-bit draw of
 * `new RandomGenerator(mainSeed).fork(childId)`, an integer in [0, 2³²). The same pair always
 * gives the same seed, different ids give independent streams, so any run can be replayed.
 */
export function deriveSeed(mainSeed: number, childId: number): number {
	if (!isFiniteNumber(mainSeed)) error(`[Hivemind] deriveSeed: mainSeed must be a finite number, got ${describeValue(mainSeed)}`, 2);
	if (!isIntegerAtLeast(childId, 0)) error(`[Hivemind] deriveSeed: childId must be an integer ≥ 0, got ${describeValue(childId)}`, 2);
	return new RandomGenerator(mainSeed).fork(childId).nextUInt32();
}
