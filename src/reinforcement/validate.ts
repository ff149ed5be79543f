/** Boundary checks shared by the agents and environments (states, rewards, actions). */
import { describeValue, isFiniteNumber } from "../core/describe";
import { Vector } from "../matrix/types";

/** Throws unless `state` is an array of `size` finite numbers; returns it. `level`: the error level (3: the caller's caller). */
export function assertStateVector(state: unknown, size: number, where: string, argName = "state", level = 3): Vector {
	if (!typeIs(state, "table") || (state as Array<unknown>).size() !== size || !(state as Array<number>).every((v) => isFiniteNumber(v))) {
		error(`[Hivemind] ${where}: ${argName} must be an array of ${size} finite numbers, got ${describeValue(state)}`, level);
	}
	return state as Vector;
}

/** Throws unless `value` is an integer in [0, count − 1] (a state or action index); returns it. `level` as for `assertStateVector`. */
export function assertIndex(value: unknown, count: number, where: string, argName: string, level = 3): number {
	if (!typeIs(value, "number") || value !== math.floor(value) || value < 0 || value >= count) {
		error(`[Hivemind] ${where}: ${argName} must be an integer in [0, ${count - 1}], got ${describeValue(value)}`, level);
	}
	return value;
}

/** Throws unless `reward` is a finite number; returns it. `level` as for `assertStateVector`. */
export function assertReward(reward: unknown, where: string, level = 3): number {
	if (!isFiniteNumber(reward)) error(`[Hivemind] ${where}: reward must be a finite number, got ${describeValue(reward)}`, level);
	return reward;
}

/** Throws unless the user's options gave both sizes (an agent cannot default them); `level` is the error level at the caller. */
export function assertSizesGiven(where: string, firstName: string, first: unknown, secondName: string, second: unknown, level: number) {
	if (first === undefined || second === undefined) {
		error(`[Hivemind] ${where}: options must give ${firstName} and ${secondName}, got ${tostring(first)}, ${tostring(second)}`, level + 1);
	}
}

/** Throws unless `state` is one of the agent's states: an integer in [0, size − 1] (`indexed`) or an array of `size` finite numbers. */
function assertState(state: unknown, size: number, indexed: boolean, where: string, argName: string) {
	// Level 5: this ← an argument check below ← the agent's method ← its caller.
	if (indexed) assertIndex(state, size, where, argName, 5);
	else assertStateVector(state, size, where, argName, 5);
}

/**
 * Checks the arguments of `<agentName>.reinforce(state, reward)`; errors point at the agent's
 * caller. `indexed`: states are indices below `stateSize` (tabular agents), else vectors of that size.
 */
export function assertReinforceArguments(agentName: string, state: unknown, reward: unknown, stateSize: number, indexed = false) {
	const where = `${agentName}.reinforce`;
	assertState(state, stateSize, indexed, where, "state");
	assertReward(reward, where, 4);
}

/** Checks the arguments of `<agentName>.episodeUpdate(reward, finalState?)` as {@link assertReinforceArguments} does. */
export function assertEpisodeArguments(agentName: string, reward: unknown, finalState: unknown, stateSize: number, indexed = false) {
	const where = `${agentName}.episodeUpdate`;
	assertReward(reward, where, 4);
	if (finalState !== undefined) assertState(finalState, stateSize, indexed, where, "finalState");
}
