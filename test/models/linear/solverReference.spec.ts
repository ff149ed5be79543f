// The second-order solvers train with work buffers sized once per `train`: every run's cost
// history and final parameters are bit for bit those of the allocating solvers they replaced
// (solverReference.ts, captured from those solvers).
import { describe, expect, it } from "../../support/jest-globals";
import { SOLVER_CASES } from "./solverCases";
import { SOLVER_REFERENCE } from "./solverReference";

describe("Newton, IRLS and L-BFGS with work buffers", () => {
	it("give the allocating solvers' cost histories and parameters bit for bit", () => {
		expect(SOLVER_CASES.size()).toBe(9);
		for (const [name, make] of SOLVER_CASES) {
			const { history, parameters } = make();
			const reference = SOLVER_REFERENCE[name];
			expect([name, history]).toEqual([name, reference.history]);
			expect([name, parameters]).toEqual([name, reference.parameters]);
		}
	});
});
