// The second-order solvers' fixed training runs whose results test/models/linear/solverReference.ts
// holds, shared by the reference spec and by `printSolverReference` (which wrote that file).
import { Matrix } from "../../../src/matrix/types";
import { HuberRegression, LogisticRegression, PoissonRegression, QuantileRegression, SoftmaxRegression } from "../../../src/models";
import { createRegularizer } from "../../../src/optimization/regularizers/regularizers";
import { regressionData } from "../../parallel/helpers";

/** A training run: its cost history and final parameters. */
export interface SolverRun {
	history: Array<number>;
	parameters: Matrix;
}

const [X, t] = regressionData(300, 6, 21);
const labels = t.map((v) => (v > 0.5 ? 1 : 0));
const classes = t.map((v) => (v < -0.5 ? 0 : v < 1.5 ? 1 : 2));
const counts = t.map((v) => math.floor(math.abs(v) * 2));
// Every residual beyond δ = 1 at w = 0: the first Newton steps take the majorizing (IRLS) curvature.
const shifted = t.map((v) => 10 * v + 20);

/** Each run by name: Newton (logistic, with an L2 penalty, Poisson, Huber), IRLS (median; 0.8-quantile with L1) and L-BFGS (one and three outputs, with a penalty). */
export const SOLVER_CASES: Array<[string, () => SolverRun]> = [
	["Newton logistic", () => run(new LogisticRegression({ maximumNumberOfIterations: 12 }), labels)],
	[
		"Newton logistic L2",
		() => run(new LogisticRegression({ maximumNumberOfIterations: 12, regularizer: createRegularizer("L2", { lambda: 0.05 }) }), labels),
	],
	["Newton Poisson", () => run(new PoissonRegression({ maximumNumberOfIterations: 12 }), counts)],
	["Newton Huber", () => run(new HuberRegression({ maximumNumberOfIterations: 12 }), shifted)],
	["IRLS median", () => run(new QuantileRegression({ maximumNumberOfIterations: 12 }), t)],
	[
		"IRLS quantile L1",
		() =>
			run(new QuantileRegression({ maximumNumberOfIterations: 12, quantile: 0.8, regularizer: createRegularizer("L1", { lambda: 0.01 }) }), t),
	],
	["LBFGS logistic", () => run(new LogisticRegression({ solver: "LBFGS", maximumNumberOfIterations: 40 }), labels)],
	["LBFGS softmax", () => run(new SoftmaxRegression({ solver: "LBFGS", maximumNumberOfIterations: 40 }), classes)],
	[
		"LBFGS Poisson L2",
		() =>
			run(
				new PoissonRegression({ solver: "LBFGS", maximumNumberOfIterations: 40, regularizer: createRegularizer("L2", { lambda: 0.05 }) }),
				counts,
			),
	],
];

function run(model: { train(X: Matrix, y: Array<number>): Array<number>; getModelParameters(): unknown }, y: Array<number>): SolverRun {
	const history = model.train(X, y);
	return { history, parameters: model.getModelParameters() as Matrix };
}

function literal(values: Array<number>): string {
	return `[${values.map((v) => string.format("%.17g", v)).join(", ")}]`;
}

/** Prints every run as the TypeScript of test/models/linear/solverReference.ts (17 significant digits: exact). */
export function printSolverReference() {
	const lines = ["export const SOLVER_REFERENCE: Record<string, { history: Array<number>; parameters: Array<Array<number>> }> = {"];
	for (const [name, make] of SOLVER_CASES) {
		const { history, parameters } = make();
		lines.push(`\t"${name}": {`, `\t\thistory: ${literal(history)},`, `\t\tparameters: [${parameters.map(literal).join(", ")}],`, "\t},");
	}
	lines.push("};");
	print(lines.join("\n"));
}
