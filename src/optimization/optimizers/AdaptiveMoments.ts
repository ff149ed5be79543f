/** The Adam family's shared body: first and second moment estimates with bias correction. */
import { Matrix } from "../../matrix/types";
import { OptimizerState } from "./types";
import { ConstraintTable, numberAbove } from "../../options";
import { unitInterval } from "../helpers";
import { BaseOptimizer } from "./BaseOptimizer";
import { adaptiveMomentKernel, SecondMoment } from "./kernels";

/** Options shared by Adam, AdamW, NAdam, AdaMax and RAdam. */
export interface MomentOptions {
	/** β₁, decay of the gradient average m: [0, 1), default 0.9. */
	beta1: number;
	/** β₂, decay of the squared-gradient average v (AdaMax: of the max-norm u): [0, 1), default 0.999. */
	beta2: number;
	/** ε added to the denominator: > 0, default 1e-8. */
	epsilon: number;
}

/** The defaults of `MomentOptions`. */
export const MOMENT_DEFAULTS: MomentOptions = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** The constraint table of `MomentOptions`. */
export const MOMENT_CONSTRAINTS: ConstraintTable<MomentOptions> = {
	beta1: unitInterval,
	beta2: unitInterval,
	epsilon: numberAbove(0),
};

/** Which member of the family: how the moments turn into a step. */
export type MomentVariant = "adam" | "nadam" | "adamax" | "radam";

/**
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ), then per variant:
 * - adam (Kingma & Ba 2015): w ← w − η·m̂/(√v̂ + ε);
 * - nadam (Dozat 2016, constant β₁): w ← w − η·(β₁m/(1−β₁ᵗ⁺¹) + (1−β₁)g/(1−β₁ᵗ))/(√v̂ + ε);
 * - adamax (Kingma & Ba 2015, §7): u ← max(β₂u, |g|), w ← w − η·m̂/(u + ε);
 * - radam (Liu et al. 2020): ρ∞ = 2/(1−β₂) − 1, ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ); when ρₜ > 5,
 *   w ← w − η·r·m̂/(√v̂ + ε) with r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)), else w ← w − η·m̂.
 * State: `{ t, m, v }` (AdaMax's `v` holds u). Use the presets.
 */
export abstract class AdaptiveMoments<O extends MomentOptions = MomentOptions> extends BaseOptimizer<O> {
	/** Validates the preset's options against its table (errors name `<name>.new`). */
	protected constructor(
		name: string,
		private readonly variant: MomentVariant,
		defaults: O,
		constraints: ConstraintTable<O>,
		options: unknown,
	) {
		super(name, defaults, constraints, options, ["m", "v"]);
	}

	/** One pass of the family's kernel with this variant's coefficients. */
	protected update(parameter: Matrix, gradient: Matrix, state: OptimizerState, learningRate: number, t: number) {
		const { beta1, beta2, epsilon } = this.options;
		const correction1 = 1 / (1 - beta1 ** t);
		let rate = learningRate;
		let a = correction1;
		let b = 0;
		let rule = SecondMoment.SquareRoot;
		if (this.variant === "nadam") {
			a = beta1 / (1 - beta1 ** (t + 1));
			b = (1 - beta1) * correction1;
		} else if (this.variant === "adamax") {
			rule = SecondMoment.InfinityNorm;
		} else if (this.variant === "radam") {
			const rhoInfinity = 2 / (1 - beta2) - 1;
			const rho = rhoInfinity - (2 * t * beta2 ** t) / (1 - beta2 ** t);
			if (rho > 5) {
				rate *= math.sqrt(((rho - 4) * (rho - 2) * rhoInfinity) / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho));
			} else {
				rule = SecondMoment.None;
			}
		}
		const correction2 = 1 / (1 - beta2 ** t);
		const m = state.m as Matrix;
		adaptiveMomentKernel(parameter, gradient, m, state.v as Matrix, rate, beta1, beta2, a, b, correction2, epsilon, rule);
	}
}
