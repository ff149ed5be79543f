/**
 * DataPredict 1.x's `LearningRateStepDecay` / `LearningRateTimeDecay` are optimizers: plain
 * gradient descent whose rate decays with the step count. Here that is Hivemind's gradient
 * descent step with a Hivemind learning-rate schedule read every `timeStepToDecay` steps.
 */
import { Matrix } from "../matrix/types";
import { addScaledInPlace } from "../matrix/inplace";
import { BaseOptimizer } from "../optimization/optimizers/BaseOptimizer";
import { OptimizerState } from "../optimization/optimizers/types";
import { inverseTimeDecay, LearningRateSchedule, stepDecay } from "../optimization/schedules/schedules";
import { ConstraintTable, integerAtLeast, numberAbove } from "../options";

/** Options of the decaying descent: γ and k. */
export interface ScheduledDescentOptions {
	/** γ: the step decay's factor (in (0, 1]) or the time decay's rate (≥ 0); default 0.5. */
	decayRate: number;
	/** k: the rate changes every k steps: integer ≥ 1, default 10. */
	timeStepToDecay: number;
}

const DEFAULTS: ScheduledDescentOptions = { decayRate: 0.5, timeStepToDecay: 10 };
const CONSTRAINTS: ConstraintTable<ScheduledDescentOptions> = { decayRate: numberAbove(0, true), timeStepToDecay: integerAtLeast(1) };

/**
 * w ← w − η(t)·g for step t = 1, 2, …: "Step" η(t) = η·γ^⌊(t − 1)/k⌋ (Hivemind's `stepDecay`),
 * "Time" η(t) = η / (1 + γ·⌊(t − 1)/k⌋) (Hivemind's `inverseTimeDecay` at the decay count).
 * State: `{ t }`.
 */
export class ScheduledDescent extends BaseOptimizer<ScheduledDescentOptions> {
	private readonly schedule: LearningRateSchedule;
	private readonly everyStep: boolean;

	/** `kind` "Step" or "Time"; options `{ decayRate?, timeStepToDecay? }`. */
	constructor(kind: "Step" | "Time", options?: Partial<ScheduledDescentOptions>) {
		super(kind === "Step" ? "LearningRateStepDecay" : "LearningRateTimeDecay", DEFAULTS, CONSTRAINTS, options, []);
		const { decayRate, timeStepToDecay } = this.options;
		this.everyStep = kind === "Step";
		this.schedule = kind === "Step" ? stepDecay({ factor: decayRate, stepSize: timeStepToDecay }) : inverseTimeDecay({ decayRate });
	}

	/** The decayed rate's plain descent step. */
	protected update(parameter: Matrix, gradient: Matrix, _state: OptimizerState, learningRate: number, t: number) {
		const iteration = this.everyStep ? t - 1 : math.floor((t - 1) / this.options.timeStepToDecay);
		addScaledInPlace(parameter, gradient, -this.schedule.rateAt(learningRate, iteration));
	}
}
