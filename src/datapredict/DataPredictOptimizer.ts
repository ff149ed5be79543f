/**
 * DataPredict's optimizer objects (`Optimizers.AdaptiveMomentEstimation.new(beta1, beta2)`, …) as
 * Hivemind optimizers: each is a Hivemind `Optimizer` (so a model or a layer uses it directly,
 * keeping one state per parameter entry across `train` calls) with DataPredict's constructor
 * arguments, setters, `calculate` and `reset`.
 */
import { Matrix } from "../matrix/types";
import { zeros } from "../matrix/creation";
import { negate } from "../matrix/elementwise";
import { Optimizer, OptimizerState } from "../optimization/optimizers/types";
import { createOptimizer } from "../optimization/optimizers/createOptimizer";
import { describeValue } from "../core/describe";
import { readArguments, underName } from "./arguments";
import { ScheduledDescent } from "./ScheduledDescent";

/** How one DataPredict optimizer maps onto Hivemind: its optimizer and, per DataPredict argument, the option it sets. */
export interface OptimizerMapping {
	/** The Hivemind optimizer (`createOptimizer` name), or a learning-rate decay. */
	readonly hivemind: string;
	/** DataPredict's positional arguments in order: [DataPredict name, Hivemind option, setter name?]. */
	readonly arguments: ReadonlyArray<[string, string, string?]>;
}

/** DataPredict 1.x's optimizers (and the 2.x names of the same ones). */
export const OPTIMIZER_MAPPINGS: { [dataPredictName: string]: OptimizerMapping } = {
	AdaptiveGradient: { hivemind: "AdaGrad", arguments: [["epsilon", "epsilon"]] },
	AdaptiveDelta: {
		hivemind: "AdaDelta",
		arguments: [
			["decayRate", "rho", "setDecayRate"],
			["epsilon", "epsilon"],
		],
	},
	AdaptiveGradientDelta: {
		hivemind: "AdaDelta",
		arguments: [
			["decayRate", "rho", "setDecayRate"],
			["epsilon", "epsilon"],
		],
	},
	AdaptiveMomentEstimation: {
		hivemind: "Adam",
		arguments: [
			["Beta1", "beta1", "setBeta1"],
			["Beta2", "beta2", "setBeta2"],
			["epsilon", "epsilon"],
		],
	},
	AdaptiveMomentEstimationMaximum: {
		hivemind: "AdaMax",
		arguments: [
			["Beta1", "beta1", "setBeta1"],
			["Beta2", "beta2", "setBeta2"],
			["epsilon", "epsilon"],
		],
	},
	NesterovAcceleratedAdaptiveMomentEstimation: {
		hivemind: "NAdam",
		arguments: [
			["Beta1", "beta1", "setBeta1"],
			["Beta2", "beta2", "setBeta2"],
			["epsilon", "epsilon"],
		],
	},
	RootMeanSquarePropagation: {
		hivemind: "RMSProp",
		arguments: [
			["Beta", "rho", "setBeta"],
			["epsilon", "epsilon"],
		],
	},
	Momentum: { hivemind: "Momentum", arguments: [["DecayRate", "momentum", "setDecayRate"]] },
	ResilientBackwardPropagation: {
		hivemind: "RProp",
		arguments: [
			["etaPlus", "etaPlus"],
			["etaMinus", "etaMinus"],
			["minimumStepSize", "minimumStep"],
			["maximumStepSize", "maximumStep"],
		],
	},
	Gravity: {
		hivemind: "Gravity",
		arguments: [
			["initialStepSize", "initialStepSize", "setInitialStepSize"],
			["movingAverage", "movingAverage", "setMovingAverage"],
			["weightDecayRate", "weightDecayRate", "setWeightDecayRate"],
		],
	},
	AdaptiveFactor: {
		hivemind: "AdaFactor",
		arguments: [
			["beta2DecayRate", "decayRate"],
			["beta1", "beta1"],
			["epsilon1", "epsilon1"],
			["epsilon2", "epsilon2"],
			["clipThreshold", "clipThreshold"],
		],
	},
	LearningRateStepDecay: {
		hivemind: "Step",
		arguments: [
			["decayRate", "decayRate", "setDecayRate"],
			["timeStepToDecay", "timeStepToDecay", "setTimeStepToDecay"],
		],
	},
	LearningRateTimeDecay: {
		hivemind: "Time",
		arguments: [
			["decayRate", "decayRate", "setDecayRate"],
			["timeStepToDecay", "timeStepToDecay", "setTimeStepToDecay"],
		],
	},
};

/** True for the optimizer objects of `Hivemind.DataPredict.Optimizers`. */
export function isDataPredictOptimizer(value: unknown): value is DataPredictOptimizer {
	return typeIs(value, "table") && getmetatable(value) !== undefined && (value as { dataPredictName?: unknown }).dataPredictName !== undefined;
}

/** A DataPredict optimizer object over a Hivemind optimizer (see the file comment). */
export class DataPredictOptimizer implements Optimizer {
	/** The Hivemind optimizer's name (a change of optimizer resets a model's states by it). */
	optimizerName: string;
	/** DataPredict's name, e.g. `"AdaptiveMomentEstimation"`. */
	readonly dataPredictName: string;
	private readonly mapping: OptimizerMapping;
	private readonly values: { [option: string]: unknown } = {};
	private inner: Optimizer;
	/** The state `calculate` keeps (a model keeps its own states, one per parameter entry). */
	private calculateState: OptimizerState | undefined;

	/** `name` a key of `OPTIMIZER_MAPPINGS`; `args` DataPredict's positional arguments or one options table. */
	constructor(name: string, args: Array<unknown>) {
		this.dataPredictName = name;
		this.mapping = OPTIMIZER_MAPPINGS[name];
		const where = `DataPredict.${name}.new`;
		const names = this.mapping.arguments.map(([dataPredictName, option]) => ({
			name: dataPredictName,
			aliases: [option, dataPredictName.lower()],
		}));
		const given = readArguments(where, names, args);
		for (const [dataPredictName, option] of this.mapping.arguments) {
			if (given[dataPredictName] !== undefined) this.values[option] = given[dataPredictName];
		}
		this.inner = this.build(where);
		this.optimizerName = this.inner.optimizerName;
	}

	private build(where: string): Optimizer {
		const kind = this.mapping.hivemind;
		const result = underName(where, () =>
			kind === "Step" || kind === "Time" ? new ScheduledDescent(kind, this.values) : createOptimizer(kind, this.values),
		);
		return result as Optimizer;
	}

	/** One Hivemind step (see `Optimizer.step`). */
	step(parameter: Matrix, gradient: Matrix, state: OptimizerState | undefined, learningRate: number): OptimizerState {
		return this.inner.step(parameter, gradient, state, learningRate);
	}

	/** The Hivemind optimizer's options. */
	getOptions() {
		return this.inner.getOptions();
	}

	/**
	 * DataPredict's `calculate(learningRate, costFunctionDerivatives)`: the change to SUBTRACT from
	 * the weights, with this object's own running state (`reset()` clears it).
	 */
	calculate(learningRate: number, costFunctionDerivatives: Matrix): Matrix {
		const moved = zeros(costFunctionDerivatives.size(), costFunctionDerivatives[0].size());
		this.calculateState = this.inner.step(moved, costFunctionDerivatives, this.calculateState, learningRate);
		return negate(moved);
	}

	/** Clears the state `calculate` keeps. (A model's per-entry states are reset by the model: `setAutoResetOptimizers`.) */
	reset() {
		this.calculateState = undefined;
	}

	/** Sets one of DataPredict's arguments by position name, as the `set...` methods do. */
	private setArgument(setter: string, value: unknown) {
		const where = `DataPredict.${this.dataPredictName}.${setter}`;
		const entry = this.mapping.arguments.find(([, , name]) => name === setter);
		if (entry === undefined) error(`[Hivemind] ${where}: ${this.dataPredictName} has no ${setter}`, 3);
		const previous = this.values[entry[1]];
		this.values[entry[1]] = value;
		const [ok, result] = pcall(() => this.build(where));
		if (!ok) {
			this.values[entry[1]] = previous;
			error(tostring(result), 3);
		}
		this.inner = result as Optimizer;
	}

	/** Changes the arguments (nil keeps a value), positional or one options table. */
	setParameters(...args: Array<unknown>) {
		const where = `DataPredict.${this.dataPredictName}.setParameters`;
		const names = this.mapping.arguments.map(([dataPredictName, option]) => ({
			name: dataPredictName,
			aliases: [option, dataPredictName.lower()],
		}));
		const given = readArguments(where, names, args);
		const previous = table.clone(this.values);
		for (const [dataPredictName, option] of this.mapping.arguments) {
			if (given[dataPredictName] !== undefined) this.values[option] = given[dataPredictName];
		}
		const [ok, result] = pcall(() => this.build(where));
		if (!ok) {
			for (const [key] of pairs(this.values)) delete this.values[key as string];
			for (const [key, value] of pairs(previous)) this.values[key as string] = value;
			error(tostring(result), 2);
		}
		this.inner = result as Optimizer;
	}

	/** β₁ (AdaptiveMomentEstimation, its Maximum and Nesterov variants). */
	setBeta1(beta1: number) {
		this.setArgument("setBeta1", beta1);
	}
	/** β₂ (AdaptiveMomentEstimation, its Maximum and Nesterov variants). */
	setBeta2(beta2: number) {
		this.setArgument("setBeta2", beta2);
	}
	/** β (RootMeanSquarePropagation). */
	setBeta(beta: number) {
		this.setArgument("setBeta", beta);
	}
	/** The decay rate (Momentum, AdaptiveDelta, the learning-rate decays). */
	setDecayRate(decayRate: number) {
		this.setArgument("setDecayRate", decayRate);
	}
	/** Steps between decays (the learning-rate decays). */
	setTimeStepToDecay(timeStepToDecay: number) {
		this.setArgument("setTimeStepToDecay", timeStepToDecay);
	}
	/** The initial velocity's scale (Gravity). */
	setInitialStepSize(initialStepSize: number) {
		this.setArgument("setInitialStepSize", initialStepSize);
	}
	/** The velocity's averaging (Gravity). */
	setMovingAverage(movingAverage: number) {
		this.setArgument("setMovingAverage", movingAverage);
	}
	/** The weight decay (Gravity). */
	setWeightDecayRate(weightDecayRate: number) {
		this.setArgument("setWeightDecayRate", weightDecayRate);
	}
}

/** The Hivemind optimizer a DataPredict model option stands for: a DataPredict optimizer object, nil (plain descent), or an error. */
export function hivemindOptimizer(where: string, value: unknown): Optimizer | string {
	if (value === undefined) return "GradientDescent";
	if (isDataPredictOptimizer(value)) return value;
	error(
		`[Hivemind] ${where}: Optimizer must be an object of Hivemind.DataPredict.Optimizers (e.g. AdaptiveMomentEstimation.new()) or nil, got ${describeValue(value)}`,
		3,
	);
}
