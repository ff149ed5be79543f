/**
 * `--params` values that are objects in the library: an optimizer, a regularizer and a
 * learning-rate schedule given by name, or as `{ "name": ..., <its options> }`, e.g.
 * `{"optimizer":{"name":"Adam","beta1":0.8},"regularizer":{"name":"L2","lambda":0.1},
 * "learningRateSchedule":{"name":"StepDecay","stepSize":100,"factor":0.5}}`.
 */
import { createOptimizer } from "../src/optimization/optimizers/createOptimizer";
import { createRegularizer } from "../src/optimization/regularizers/regularizers";
import { createSchedule } from "../src/optimization/schedules/schedules";
import { cleanMessage, UsageError } from "./args";

type Factory = (name: string, options?: object) => unknown;

/** The `--params` keys built from `{ name, ...options }` (or a name), and their factories. */
const BUILT: Array<[string, Factory]> = [
	["optimizer", (name, options) => createOptimizer(name, options)],
	["regularizer", (name, options) => createRegularizer(name, options)],
	["learningRateSchedule", (name, options) => createSchedule(name, options)],
];

/** Builds one `{ name, ...options }` value (or a bare name where the model needs an object). */
function build(command: string, key: string, factory: Factory, value: unknown): unknown {
	const options: { [k: string]: unknown } = {};
	let name: unknown = value;
	if (typeIs(value, "table")) {
		name = (value as { name?: unknown }).name;
		for (const [k, v] of pairs(value as object)) if (k !== "name") options[k as string] = v;
		if (!typeIs(name, "string")) {
			throw new UsageError(
				`${command}: --params ${key} must be a name or an object with a "name" and its options, e.g. {"name":"L2","lambda":0.1}, got an object without a name`,
			);
		}
	}
	const [ok, built] = pcall(() => factory(name as string, next(options)[0] === undefined ? undefined : options));
	if (!ok) throw new UsageError(`${command}: --params ${key}: ${cleanMessage(tostring(built))}`);
	return built;
}

/** `params` with its optimizer, regularizer and schedule entries built (a copy; usage errors name the key). */
export function buildParamObjects(command: string, params: { [name: string]: unknown }): { [name: string]: unknown } {
	const out = table.clone(params);
	for (const [key, factory] of BUILT) {
		const value = params[key];
		if (typeIs(value, "table") || (key === "learningRateSchedule" && typeIs(value, "string"))) out[key] = build(command, key, factory, value);
	}
	return out;
}
