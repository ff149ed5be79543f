/**
 * The `solver` option of the generalized linear models and one solver step: Newton's method for
 * smooth losses, IRLS for the pinball loss; `"GradientDescent"` leaves the step to the training
 * loop's optimizer.
 */
import { Matrix } from "../../../matrix/types";
import { Constraint, oneOf } from "../../../options";
import { GRADIENT_DEFAULTS, GradientOptions } from "../../base/gradientOptions";
import { Regularizer } from "../../../optimization/regularizers/regularizers";
import { NewtonBuffers, NewtonProblem, newtonStep } from "./newton";
import { quantileIrlsStep } from "./irls";
import { ScoreLoss } from "./scoreLosses";

/** The `solver` option's values for a model whose second-order solver is `name` ("Auto" picks it; L-BFGS on request). */
export function solverConstraint(name: string): Constraint {
	return oneOf("Auto", name, "LBFGS", "GradientDescent");
}

/**
 * Whether the `solver` option picks the second-order solver: when it names it, or when it is
 * "Auto" and none of the gradient loop's step options was chosen (a `learningRate` other than the
 * default, an `optimizer` other than "GradientDescent", a `learningRateSchedule`, a `batchSize`,
 * gradient clipping): code written for gradient steps keeps them.
 */
export function usesSecondOrder(options: GradientOptions & { solver: string }): boolean {
	if (options.solver !== "Auto") return options.solver !== "GradientDescent";
	const optimizer = options.optimizer;
	const plainDescent = typeIs(optimizer, "string") && optimizer.lower() === "gradientdescent";
	return (
		plainDescent &&
		options.learningRate === GRADIENT_DEFAULTS.learningRate &&
		options.learningRateSchedule === undefined &&
		options.batchSize === 0 &&
		options.gradientClipValue === undefined &&
		options.gradientClipNorm === undefined
	);
}

/** A second-order solver and the loss it minimises, in the score. */
export type SecondOrderSolver = { kind: "Newton"; loss: ScoreLoss } | { kind: "IRLS"; loss: ScoreLoss; tau: number } | { kind: "LBFGS" };

/** A solver's state for one training call (its problem and work buffers, made once); `step(w)` moves `w` in place and returns true once converged. */
export interface SolverRun {
	readonly step: (w: Matrix) => boolean;
}

/**
 * The run of `solver` (Newton or IRLS) for weights shaped like `w`, inputs `x` (bias column
 * included) and targets `y`, with `regularizer` (undefined for none) sparing the first `biasRows`
 * rows; `pace` (optional) is called between fixed row blocks of each pass over the rows. Its steps
 * allocate nothing.
 */
export function secondOrderRun(
	w: Matrix,
	x: Matrix,
	y: Matrix,
	solver: Exclude<SecondOrderSolver, { kind: "LBFGS" }>,
	regularizer: Regularizer | undefined,
	biasRows: number,
	pace?: (rowsDone: number) => void,
): SolverRun {
	const exempt = biasRows > 0 ? [0] : [];
	const problem: NewtonProblem = {
		x,
		y,
		loss: solver.loss,
		penalty: (weights) => (regularizer === undefined ? 0 : regularizer.penalty(weights, exempt)),
		addPenaltyGradient: (g, weights) => {
			if (regularizer !== undefined) regularizer.addGradientInPlace(g, weights, exempt);
		},
		penaltyCurvature: regularizer?.quadraticCurvature?.() ?? 0,
		biasRows,
		pace,
	};
	const buffers = new NewtonBuffers(w.size(), w[0].size());
	if (solver.kind === "IRLS") {
		const tau = solver.tau;
		return { step: (weights) => quantileIrlsStep(weights, problem, tau, buffers) };
	}
	return { step: (weights) => newtonStep(weights, problem, buffers) };
}
