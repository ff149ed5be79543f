/** Boundary checks shared by the agents and environments (states, rewards, actions). */
import { describeValue, isFiniteNumber } from "../core/describe";
import { Vector } from "../matrix/types";

/** Throws unless `state` is an array of `size` finite numbers; returns it. */
export function assertStateVector(state: unknown, size: number, where: string, argName = "state"): Vector {
	if (!typeIs(state, "table") || (state as Array<unknown>).size() !== size || !(state as Array<number>).every((v) => isFiniteNumber(v))) {
		error(`[Hivemind] ${where}: ${argName} must be an array of ${size} finite numbers, got ${describeValue(state)}`, 3);
	}
	return state as Vector;
}

/** Throws unless `value` is an integer in [0, count − 1] (a state or action index); returns it. */
export function assertIndex(value: unknown, count: number, where: string, argName: string): number {
	if (!typeIs(value, "number") || value !== math.floor(value) || value < 0 || value >= count) {
		error(`[Hivemind] ${where}: ${argName} must be an integer in [0, ${count - 1}], got ${describeValue(value)}`, 3);
	}
	return value;
}

/** Throws unless `reward` is a finite number; returns it. */
export function assertReward(reward: unknown, where: string): number {
	if (!isFiniteNumber(reward)) error(`[Hivemind] ${where}: reward must be a finite number, got ${describeValue(reward)}`, 3);
	return reward;
}

/** Throws unless the user's options gave both sizes (an agent cannot default them); `level` is the error level at the caller. */
export function assertSizesGiven(where: string, firstName: string, first: unknown, secondName: string, second: unknown, level: number) {
	if (first === undefined || second === undefined) {
		error(`[Hivemind] ${where}: options must give ${firstName} and ${secondName}, got ${tostring(first)}, ${tostring(second)}`, level + 1);
	}
}
