/**
 * Learning-rate schedules: plain objects mapping (base rate, iteration) to the rate of that
 * iteration. `iteration` counts the updates already made (0 for the first update).
 */
import { booleanValue, ConstraintTable, integerAtLeast, numberAbove, numberBetween, resolveOptions } from "../../options";
import { describeValue } from "../../core/describe";
import { createByName, OptionValues, optionValues, sortedKeys } from "../helpers";

/** A learning-rate schedule. */
export interface LearningRateSchedule {
	/** The schedule's name, e.g. `"CosineAnnealing"` (what `createSchedule` accepts). */
	readonly scheduleName: string;
	/** The rate for update number `iteration` (0-based integer) given the base rate (finite, ≥ 0). */
	rateAt(baseRate: number, iteration: number): number;
	/** The options as plain data: `createSchedule(s.scheduleName, s.getOptions())` rebuilds `s`. */
	getOptions(): OptionValues;
}

/** Options of `stepDecay`. */
export interface StepDecayOptions {
	/** k: the rate drops every k iterations: integer ≥ 1, default 10. */
	stepSize: number;
	/** The drop factor: in (0, 1), default 0.5. */
	factor: number;
}

/** Options of `exponentialDecay` and `inverseTimeDecay`. */
export interface DecayOptions {
	/** γ: exponential: in (0, 1), default 0.99; inverse time: ≥ 0, default 0.01. */
	decayRate: number;
}

/** Options of `cosineAnnealing`. */
export interface CosineAnnealingOptions {
	/** T: iterations from the base rate down to the minimum: integer ≥ 1, default 100. */
	period: number;
	/** The rate reached at the end of each period: ≥ 0, default 0. */
	minimumRate: number;
	/** Restart at the base rate every period (SGDR) instead of staying at the minimum: default false. */
	restart: boolean;
}

function makeSchedule<O extends object>(
	scheduleName: string,
	factoryName: string,
	defaults: O,
	constraints: ConstraintTable<O>,
	given: unknown,
	rule: (baseRate: number, iteration: number, options: Readonly<O>) => number,
): LearningRateSchedule {
	const options = resolveOptions(factoryName, defaults, given as Partial<O>, constraints);
	const where = `${scheduleName}.rateAt`;
	return {
		scheduleName,
		rateAt(baseRate: number, iteration: number) {
			if (!typeIs(baseRate, "number") || !(baseRate >= 0) || baseRate === math.huge) {
				error(`[Hivemind] ${where}: baseRate must be a finite number ≥ 0, got ${describeValue(baseRate)}`, 2);
			}
			if (!typeIs(iteration, "number") || !(iteration >= 0) || iteration !== math.floor(iteration) || iteration === math.huge) {
				error(`[Hivemind] ${where}: iteration must be an integer ≥ 0, got ${describeValue(iteration)}`, 2);
			}
			return rule(baseRate, iteration, options);
		},
		getOptions() {
			return optionValues(options);
		},
	};
}

/** The base rate at every iteration. Name `"Constant"`, no options. */
export function constantRate(options?: object): LearningRateSchedule {
	return makeSchedule("Constant", "constantRate", {}, {}, options, (baseRate) => baseRate);
}

/**
 * base · factor^⌊iteration / stepSize⌋. Name `"StepDecay"`.
 * @example stepDecay({ stepSize: 100, factor: 0.1 }).rateAt(0.1, 250) // 0.001
 */
export function stepDecay(options?: Partial<StepDecayOptions>): LearningRateSchedule {
	const constraints: ConstraintTable<StepDecayOptions> = {
		stepSize: integerAtLeast(1),
		factor: numberBetween(0, 1, true),
	};
	return makeSchedule("StepDecay", "stepDecay", { stepSize: 10, factor: 0.5 }, constraints, options, (baseRate, iteration, o) => {
		return baseRate * o.factor ** math.floor(iteration / o.stepSize);
	});
}

/** base · γ^iteration. Name `"ExponentialDecay"`. */
export function exponentialDecay(options?: Partial<DecayOptions>): LearningRateSchedule {
	const constraints: ConstraintTable<DecayOptions> = { decayRate: numberBetween(0, 1, true) };
	return makeSchedule("ExponentialDecay", "exponentialDecay", { decayRate: 0.99 }, constraints, options, (baseRate, iteration, o) => {
		return baseRate * o.decayRate ** iteration;
	});
}

/** base / (1 + γ·iteration). Name `"InverseTimeDecay"`. */
export function inverseTimeDecay(options?: Partial<DecayOptions>): LearningRateSchedule {
	const constraints: ConstraintTable<DecayOptions> = { decayRate: numberAbove(0, true) };
	return makeSchedule("InverseTimeDecay", "inverseTimeDecay", { decayRate: 0.01 }, constraints, options, (baseRate, iteration, o) => {
		return baseRate / (1 + o.decayRate * iteration);
	});
}

/**
 * Cosine annealing (Loshchilov & Hutter 2017): min + ½(base − min)(1 + cos(π·τ/T)) with
 * τ = min(iteration, T), or τ = iteration mod T with `restart`. Name `"CosineAnnealing"`.
 * @example cosineAnnealing({ period: 50, minimumRate: 1e-4 })
 */
export function cosineAnnealing(options?: Partial<CosineAnnealingOptions>): LearningRateSchedule {
	const constraints: ConstraintTable<CosineAnnealingOptions> = {
		period: integerAtLeast(1),
		minimumRate: numberAbove(0, true),
		restart: booleanValue,
	};
	const defaults: CosineAnnealingOptions = { period: 100, minimumRate: 0, restart: false };
	return makeSchedule("CosineAnnealing", "cosineAnnealing", defaults, constraints, options, (baseRate, iteration, o) => {
		const tau = o.restart ? iteration % o.period : math.min(iteration, o.period);
		return o.minimumRate + 0.5 * (baseRate - o.minimumRate) * (1 + math.cos((math.pi * tau) / o.period));
	});
}

const SCHEDULES: { [name: string]: (options?: object) => LearningRateSchedule } = {
	Constant: (o) => constantRate(o),
	StepDecay: (o) => stepDecay(o),
	ExponentialDecay: (o) => exponentialDecay(o),
	InverseTimeDecay: (o) => inverseTimeDecay(o),
	CosineAnnealing: (o) => cosineAnnealing(o),
};

/** The names `createSchedule` accepts, sorted (matching is case-insensitive). */
export const SCHEDULE_NAMES: ReadonlyArray<string> = sortedKeys(SCHEDULES);

/** True when `value` looks like a `LearningRateSchedule`. */
export function isSchedule(value: unknown): value is LearningRateSchedule {
	if (!typeIs(value, "table")) return false;
	const v = value as { scheduleName?: unknown; rateAt?: unknown };
	return typeIs(v.scheduleName, "string") && typeIs(v.rateAt, "function");
}

/**
 * A schedule by name (`"StepDecay"`, case-insensitive) and options, or the given schedule itself
 * (then `options` must be nil).
 * @example createSchedule("ExponentialDecay", { decayRate: 0.95 })
 */
export function createSchedule(nameOrSchedule: string | LearningRateSchedule, options?: object): LearningRateSchedule {
	return createByName("createSchedule", "nameOrSchedule", "a schedule", SCHEDULES, isSchedule, nameOrSchedule, options);
}
