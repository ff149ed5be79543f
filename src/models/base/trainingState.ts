/**
 * The learned state of a gradient model besides its options, as plain data: parameters, optimizer
 * states (one per parameter entry) and the update counter; with the checks and helpers the loop
 * uses on it (copies, finiteness, clipping of a step).
 */
import { Matrix } from "../../matrix/types";
import { copyInto } from "../../matrix/inplace";
import { copy } from "../../matrix/creation";
import { isMatrix } from "../../matrix/validate";
import { OptimizerState } from "../../optimization/optimizers/types";
import { clipByGlobalNormInPlace, clipByValueInPlace } from "../../optimization/clipping/clipping";
import { assertModelParameters, copyParameters, ModelParameters, parameterEntries } from "../../parameters";
import { describeValue, isFiniteNumber } from "../../core/describe";

/** Optimizer states keyed by parameter entry name (as `parameterEntries` names them). */
export type OptimizerStates = { [entryName: string]: OptimizerState };

/**
 * What a training step changes, as plain data (`getTrainingState` / `setTrainingState`): restoring
 * it undoes the steps taken since, bit for bit.
 */
export interface TrainingState {
	/** The parameters (undefined before training). */
	parameters?: ModelParameters;
	/** The optimizer state per parameter entry. */
	optimizerStates: OptimizerStates;
	/** Updates taken so far (the learning-rate schedule's iteration). */
	updateCount: number;
}

/** A deep copy of optimizer states. */
export function copyStates(states: OptimizerStates): OptimizerStates {
	const out: OptimizerStates = {};
	for (const [name, state] of pairs(states)) {
		const s: OptimizerState = {};
		for (const [key, value] of pairs(state)) s[key] = typeIs(value, "number") ? value : copy(value);
		out[name] = s;
	}
	return out;
}

/** Throws unless `states` is a table of per-entry tables of finite numbers and finite matrices. */
export function assertOptimizerStates(states: unknown, where: string, argName = "states"): asserts states is OptimizerStates {
	if (!typeIs(states, "table")) error(`[Hivemind] ${where}: ${argName} must be a table, got ${typeOf(states)}`, 3);
	for (const [name, state] of pairs(states)) {
		const label = `${argName}[${typeIs(name, "string") ? `"${name}"` : tostring(name)}]`;
		if (!typeIs(name, "string") || !typeIs(state, "table")) {
			error(`[Hivemind] ${where}: ${label} must be a table of numbers and matrices, got ${describeValue(state)}`, 3);
		}
		for (const [key, value] of pairs(state)) {
			if (!isFiniteNumber(value) && !isMatrix(value)) {
				error(
					`[Hivemind] ${where}: ${label}.${tostring(key)} must be a finite number or a matrix of finite numbers, got ${describeValue(value)}`,
					3,
				);
			}
		}
	}
}

/** True when every entry of `matrix` is finite. */
export function matrixFinite(matrix: Matrix): boolean {
	for (const row of matrix) for (const v of row) if (v !== v || v === math.huge || v === -math.huge) return false;
	return true;
}

/** True when `a` and `b` have the same entries with the same shapes (values not looked at). */
export function sameShapes(a: ModelParameters, b: ModelParameters): boolean {
	const ea = parameterEntries(a);
	const eb = parameterEntries(b);
	if (ea.size() !== eb.size()) return false;
	for (const k of $range(0, ea.size() - 1)) {
		const [nameA, ma] = ea[k];
		const [nameB, mb] = eb[k];
		if (nameA !== nameB || ma.size() !== mb.size() || ma[0].size() !== mb[0].size()) return false;
	}
	return true;
}

/** True when every entry of every parameter matrix is finite. */
export function allFinite(parameters: ModelParameters): boolean {
	for (const [, matrix] of parameterEntries(parameters)) if (!matrixFinite(matrix)) return false;
	return true;
}

/**
 * Clips the steps in place: each entry to [−value, value], then all of them by one factor to a
 * global norm ≤ `norm`. Non-finite steps are left alone (the loop's divergence check handles them).
 */
export function clipSteps(steps: Array<Matrix>, value: number | undefined, norm: number | undefined) {
	if (value === undefined && norm === undefined) return;
	for (const step of steps) if (!matrixFinite(step)) return;
	if (value !== undefined) for (const step of steps) clipByValueInPlace(step, value);
	if (norm !== undefined) clipByGlobalNormInPlace(steps, norm);
}

/**
 * A deep copy of `state` (from `getTrainingState`) after checking it, errors naming `where` (at
 * the caller's caller): a table, its parameters (structure, then `validateParameters`), optimizer
 * states and update counter.
 */
export function checkedTrainingState(state: unknown, where: string, validateParameters: (parameters: ModelParameters) => void): TrainingState {
	if (!typeIs(state, "table"))
		error(
			`[Hivemind] ${where}: state must be a table { parameters?, optimizerStates, updateCount } from getTrainingState, got ${typeOf(state)}`,
			3,
		);
	const s = state as TrainingState;
	const p = s.parameters;
	if (p !== undefined) {
		assertModelParameters(p, "state.parameters", where);
		validateParameters(p);
	}
	assertOptimizerStates(s.optimizerStates, where, "state.optimizerStates");
	const count = s.updateCount;
	if (!typeIs(count, "number") || count < 0 || count !== math.floor(count) || count === math.huge) {
		error(`[Hivemind] ${where}: state.updateCount must be an integer ≥ 0, got ${tostring(count)}`, 3);
	}
	return { parameters: p === undefined ? undefined : copyParameters(p), optimizerStates: copyStates(s.optimizerStates), updateCount: count };
}

/** Copies of `parameters` (when set), of the optimizer `states` and the update counter: a point training can return to. */
export function snapshotTrainingState(parameters: ModelParameters | undefined, states: OptimizerStates, updateCount: number): TrainingState {
	return { parameters: parameters === undefined ? undefined : copyParameters(parameters), optimizerStates: copyStates(states), updateCount };
}

/** Copies every entry of `saved` into the matching matrix of `parameters` (the same matrices, so owners of no-copy references see it). */
export function copyParametersInto(parameters: ModelParameters, saved: ModelParameters) {
	const entries = parameterEntries(saved);
	parameterEntries(parameters).forEach(([, matrix], k) => copyInto(matrix, entries[k][1]));
}
