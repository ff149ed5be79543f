/** Stopping rules, printing and callbacks of the shared training loop, one cost check at a time. */
import { GradientOptions } from "./gradientOptions";
import { printTrainingLine, warnTraining } from "./output";
import { isFiniteNumber } from "../../core/describe";

/** The options a `TrainingMonitor` reads (a `GradientOptions` has them all). */
export type MonitorOptions = Pick<GradientOptions, "targetCost" | "convergenceTolerance" | "convergenceChecks" | "isOutputPrinted" | "onIteration">;

/** What the loop does after a cost check. */
export type Verdict = "continue" | "target" | "converged" | "nonfinite";

/** Records the cost history of one `train` call and decides when to stop. */
export class TrainingMonitor {
	/** The finite costs recorded so far (one per cost check). */
	readonly history: Array<number>;
	private previous: number | undefined;
	private lastIteration = 0;
	private stableChecks = 0;

	/** `checks`: the cost checks expected (room made for up to 1024 of them at once, so recording allocates nothing). */
	constructor(
		private readonly where: string,
		private readonly options: Readonly<MonitorOptions>,
		checks = 0,
	) {
		this.history = table.create<number>(math.clamp(checks, 0, 1024));
	}

	/** Warns that `what` became non-finite at `iteration` and names the state the parameters return to. */
	warnNonFinite(what: string, iteration: number) {
		const restored = this.lastIteration > 0 ? `iteration ${this.lastIteration}` : "the start of this call";
		warnTraining(
			`[Hivemind] ${this.where}: ${what} became non-finite at iteration ${iteration}; parameters restored to their state at ${restored} and training stopped`,
		);
	}

	/** Records the cost at `iteration` and returns whether (and why) to stop. */
	record(iteration: number, cost: number): Verdict {
		const o = this.options;
		if (!isFiniteNumber(cost)) {
			this.warnNonFinite(`the cost (${cost})`, iteration);
			return "nonfinite";
		}
		this.history.push(cost);
		this.lastIteration = iteration;
		if (o.isOutputPrinted) printTrainingLine(`Iteration: ${iteration}  Cost: ${cost}`);
		if (o.onIteration !== undefined) o.onIteration(iteration, cost);
		const target = o.targetCost;
		if (target !== undefined && cost >= target[0] && cost <= target[1]) return "target";
		if (this.previous !== undefined && math.abs(cost - this.previous) < o.convergenceTolerance) {
			this.stableChecks += 1;
			if (this.stableChecks >= o.convergenceChecks) return "converged";
		} else {
			this.stableChecks = 0;
		}
		this.previous = cost;
		return "continue";
	}
}
