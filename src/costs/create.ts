/** Creating costs by name: `createCost("Huber", { delta: 2 })`, or passing a `CostFunction` through. */
import { CostFunction, CostOptions } from "./types";
import { COST_CONSTRAINTS, huberLoss, meanAbsoluteError, meanSquaredError, poissonDeviance, quantileLoss } from "./regression";
import { binaryCrossEntropy, categoricalCrossEntropy, hingeLoss } from "./classification";
import { validateOptions } from "../options";

const factories: { [name: string]: (options: CostOptions) => CostFunction } = {
	MeanSquaredError: () => meanSquaredError(),
	MeanAbsoluteError: () => meanAbsoluteError(),
	Huber: (o) => huberLoss(o.delta ?? 1),
	Quantile: (o) => quantileLoss(o.tau ?? 0.5),
	PoissonDeviance: () => poissonDeviance(),
	BinaryCrossEntropy: () => binaryCrossEntropy(),
	CategoricalCrossEntropy: () => categoricalCrossEntropy(),
	Hinge: () => hingeLoss(),
};

const aliases: { [name: string]: string } = { MSE: "MeanSquaredError", MAE: "MeanAbsoluteError" };

/** Every cost name `createCost` accepts (canonical names; "MSE" and "MAE" are accepted aliases). */
export const COST_NAMES = [
	"MeanSquaredError",
	"MeanAbsoluteError",
	"Huber",
	"Quantile",
	"PoissonDeviance",
	"BinaryCrossEntropy",
	"CategoricalCrossEntropy",
	"Hinge",
];

/** True when `value` looks like a `CostFunction` (a table with costName, value and gradient). */
export function isCostFunction(value: unknown): value is CostFunction {
	if (!typeIs(value, "table")) return false;
	const v = value as { [k: string]: unknown };
	return typeIs(v.costName, "string") && typeIs(v.value, "function") && typeIs(v.gradient, "function");
}

/**
 * The cost named `nameOrCost` (see `COST_NAMES`) with its options (`delta` for Huber, `tau` for
 * Quantile), or `nameOrCost` itself when it already is a `CostFunction`.
 * @example const huber = createCost("Huber", { delta: 2 }); huber.value([[3]], [[0]]) // 4
 */
export function createCost(nameOrCost: string | CostFunction, options?: CostOptions): CostFunction {
	if (isCostFunction(nameOrCost)) return nameOrCost;
	const name = typeIs(nameOrCost, "string") ? (aliases[nameOrCost] ?? nameOrCost) : undefined;
	const factory = name !== undefined ? factories[name] : undefined;
	if (factory === undefined) {
		error(`[Hivemind] createCost: nameOrCost must be one of "${COST_NAMES.join('", "')}" or a CostFunction, got ${tostring(nameOrCost)}`, 2);
	}
	validateOptions("createCost", options, COST_CONSTRAINTS);
	return factory(options ?? {});
}
