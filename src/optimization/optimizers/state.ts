/**
 * The checks and bookkeeping every optimizer's `step` starts with: argument shapes, the learning
 * rate, and the state (fresh zeros on the first step, or a restored state checked against the
 * parameter's shape). All checks are O(rows), never per element.
 */
import { Matrix } from "../../matrix/types";
import { zeros } from "../../matrix/creation";
import { describeShape } from "../../matrix/validate";
import { OptimizerState } from "./types";
import { describeValue } from "../../core/describe";

function hasShape(value: unknown, rows: number, columns: number): boolean {
	if (!typeIs(value, "table")) return false;
	const m = value as Array<unknown>;
	if (m.size() !== rows) return false;
	for (const i of $range(0, rows - 1)) {
		const row = m[i];
		if (!typeIs(row, "table") || (row as Array<unknown>).size() !== columns) return false;
	}
	return true;
}

/**
 * Validates `step`'s arguments and returns the state to update: `state` itself (its matrices
 * checked against the parameter's shape, its counter `t` a whole number), or, when `state` is
 * undefined, a fresh `{ t: 0 }` with a zero matrix for each of `matrixKeys`.
 */
export function beginStep(
	where: string,
	parameter: Matrix,
	gradient: Matrix,
	state: OptimizerState | undefined,
	learningRate: number,
	matrixKeys: ReadonlyArray<string>,
): OptimizerState {
	const first = typeIs(parameter, "table") ? (parameter as Array<unknown>)[0] : undefined;
	const width = typeIs(first, "table") ? (first as Array<unknown>).size() : 0;
	if (width === 0 || !hasShape(parameter, parameter.size(), width)) {
		error(`[Hivemind] ${where}: parameter must be a non-empty rectangular matrix, got ${describeShape(parameter)}`, 3);
	}
	const rows = parameter.size();
	const columns = parameter[0].size();
	if (!hasShape(gradient, rows, columns)) {
		error(`[Hivemind] ${where}: gradient must be ${rows}×${columns} like the parameter, got ${describeShape(gradient)}`, 3);
	}
	if (!typeIs(learningRate, "number") || !(learningRate >= 0) || learningRate === math.huge) {
		error(`[Hivemind] ${where}: learningRate must be a finite number ≥ 0, got ${describeValue(learningRate)}`, 3);
	}
	if (state === undefined) {
		const fresh: OptimizerState = { t: 0 };
		for (const key of matrixKeys) fresh[key] = zeros(rows, columns);
		return fresh;
	}
	if (!typeIs(state, "table")) {
		error(`[Hivemind] ${where}: state must be a table or nil, got ${describeValue(state)}`, 3);
	}
	const counter = state.t;
	if (!typeIs(counter, "number") || counter < 0 || counter !== math.floor(counter)) {
		error(`[Hivemind] ${where}: state.t must be an integer ≥ 0, got ${describeValue(counter)}`, 3);
	}
	for (const key of matrixKeys) {
		if (!hasShape(state[key], rows, columns)) {
			error(`[Hivemind] ${where}: state.${key} must be a ${rows}×${columns} matrix, got ${describeShape(state[key])}`, 3);
		}
	}
	return state;
}
