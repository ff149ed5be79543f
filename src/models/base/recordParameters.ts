/** Checking record-shaped parameters given to `setModelParameters` (exact entry names, shapes). */
import { Matrix } from "../../matrix/types";
import { describeShape } from "../../matrix/validate";
import { describeParameters, ModelParameters, ParameterRecord, parameterKind } from "../../parameters";

/**
 * The parameters as a record with exactly the entries `names` (sorted as `parameterEntries`
 * lists them); else an error `parameters must be a record {a, b} (<what>), got ...`.
 */
export function expectRecord(parameters: ModelParameters, names: Array<string>, what: string, where: string): ParameterRecord {
	const sorted = [...names];
	sorted.sort();
	const expected = `a record {${sorted.join(", ")}} (${what})`;
	if (parameterKind(parameters) !== "record")
		error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 4);
	const record = parameters as ParameterRecord;
	let count = 0;
	for (const [key] of pairs(record)) {
		count += 1;
		if (!sorted.includes(key as string)) error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 4);
	}
	if (count !== sorted.size()) error(`[Hivemind] ${where}: parameters must be ${expected}, got ${describeParameters(parameters)}`, 4);
	return record;
}

/** Throws unless `m` has `rows` rows (when given) and `columns` columns (when given). */
export function expectShape(m: Matrix, name: string, rows: number | undefined, columns: number | undefined, where: string) {
	if ((rows !== undefined && m.size() !== rows) || (columns !== undefined && m[0].size() !== columns)) {
		error(`[Hivemind] ${where}: parameters.${name} must be ${rows ?? "n"}×${columns ?? "m"}, got ${describeShape(m)}`, 4);
	}
}

/** Throws unless `counts` (k×1) holds counts ≥ 0 summing to at least 1 (rows seen). */
export function expectClassCounts(counts: Matrix, where: string) {
	let total = 0;
	for (const row of counts) {
		if (row[0] < 0) error(`[Hivemind] ${where}: parameters.counts must hold counts ≥ 0, got ${row[0]}`, 4);
		total += row[0];
	}
	if (total < 1) error(`[Hivemind] ${where}: parameters.counts must sum to at least 1 (rows seen), got ${total}`, 4);
}
