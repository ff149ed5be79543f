/** Optimizers by name. */
import { Optimizer } from "./types";
import { createByName, sortedKeys } from "../helpers";
import { GradientDescent } from "./GradientDescent";
import { Momentum } from "./Momentum";
import { Nesterov } from "./Nesterov";
import { AdaGrad } from "./AdaGrad";
import { AdaDelta } from "./AdaDelta";
import { RMSProp } from "./RMSProp";
import { Adam } from "./Adam";
import { AdamW } from "./AdamW";
import { NAdam } from "./NAdam";
import { AdaMax } from "./AdaMax";
import { RAdam } from "./RAdam";
import { RProp } from "./RProp";
import { Gravity } from "./Gravity";
import { AdaFactor } from "./AdaFactor";

const FACTORIES: { [name: string]: (options?: object) => Optimizer } = {
	GradientDescent: (o) => new GradientDescent(o),
	Momentum: (o) => new Momentum(o),
	Nesterov: (o) => new Nesterov(o),
	AdaGrad: (o) => new AdaGrad(o),
	AdaDelta: (o) => new AdaDelta(o),
	RMSProp: (o) => new RMSProp(o),
	Adam: (o) => new Adam(o),
	AdamW: (o) => new AdamW(o),
	NAdam: (o) => new NAdam(o),
	AdaMax: (o) => new AdaMax(o),
	RAdam: (o) => new RAdam(o),
	RProp: (o) => new RProp(o),
	Gravity: (o) => new Gravity(o),
	AdaFactor: (o) => new AdaFactor(o),
};

/** The names `createOptimizer` accepts, sorted (matching is case-insensitive). */
export const OPTIMIZER_NAMES: ReadonlyArray<string> = sortedKeys(FACTORIES);

/** True when `value` looks like an `Optimizer` (a table with `optimizerName`, `step` and `getOptions`). */
export function isOptimizer(value: unknown): value is Optimizer {
	if (!typeIs(value, "table")) return false;
	const v = value as { optimizerName?: unknown; step?: unknown; getOptions?: unknown };
	return typeIs(v.optimizerName, "string") && typeIs(v.step, "function") && typeIs(v.getOptions, "function");
}

/**
 * An optimizer from its name (`"Adam"`, case-insensitive) and options, or the given optimizer
 * itself (then `options` must be nil). `createOptimizer(o.optimizerName, o.getOptions())` rebuilds `o`.
 * @example createOptimizer("RMSProp", { rho: 0.95 })
 */
export function createOptimizer(nameOrOptimizer: string | Optimizer, options?: object): Optimizer {
	return createByName("createOptimizer", "nameOrOptimizer", "an optimizer", FACTORIES, isOptimizer, nameOrOptimizer, options);
}
