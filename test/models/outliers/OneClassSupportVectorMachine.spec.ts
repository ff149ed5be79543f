import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError } from "../../support/numeric";
import { OneClassSupportVectorMachine } from "../../../src/models/outliers/OneClassSupportVectorMachine";
import { QUERIES, SVM_DECISION, SVM_LABELS, SVM_QUERY_DECISION, SVM_RHO, SVM_SUPPORT_COUNT, WINE } from "./reference";
import { plantedOutliers } from "./support";

describe("OneClassSupportVectorMachine", () => {
	it("solves the unit square by symmetry (ν = ½, RBF γ = 1: every α = ½)", () => {
		// Σα = νn = 2 and the four rows are alike, so α = ½ each, all free: ρ = Σⱼ αⱼ K₁ⱼ.
		const model = new OneClassSupportVectorMachine({ nu: 0.5, gamma: 1, tolerance: 1e-10 });
		const history = model.train([
			[0, 0],
			[1, 0],
			[0, 1],
			[1, 1],
		]);
		const p = model.getModelParameters() as { [name: string]: Array<Array<number>> };
		for (const row of p.dualCoefficients) expectClose(row[0], 0.5, 1e-9);
		const rho = 0.5 * (1 + 2 * math.exp(-1) + math.exp(-2));
		expectClose(p.rho[0][0], rho, 1e-9);
		expectClose(history[0], 0.5 * 4 * 0.5 * rho, 1e-9); // ½αᵀKα = ½ Σᵢ αᵢ ρ
		// The centre is at squared distance ½ from each corner; a far row scores ~0.
		const [labels, decision] = model.predict([
			[0.5, 0.5],
			[5, 5],
		]);
		expectClose(decision[0][0], 2 * math.exp(-0.5) - rho, 1e-9);
		expectClose(decision[1][0], -rho, 1e-9);
		expect(labels).toEqual([1, -1]);
	});

	it("matches scikit-learn (libsvm) on the standardized wine data: decision values, ρ, labels", () => {
		const model = new OneClassSupportVectorMachine({ nu: 0.1, tolerance: 1e-6 });
		model.train(WINE);
		const p = model.getModelParameters() as { [name: string]: Array<Array<number>> };
		expectClose(p.rho[0][0], SVM_RHO, 1e-5);
		const [labels, decision] = model.predict(WINE);
		decision.forEach((row, i) => expectClose(row[0], SVM_DECISION[i], 1e-5));
		model.predict(QUERIES)[1].forEach((row, i) => expectClose(row[0], SVM_QUERY_DECISION[i], 1e-5));
		// Rows on the boundary (the free support vectors, decision 0 up to the solvers' tolerances)
		// may fall either side; every other row gets scikit-learn's label.
		let offBoundary = 0;
		labels.forEach((label, i) => {
			if (math.abs(SVM_DECISION[i]) < 1e-5) return;
			offBoundary += 1;
			expect(label).toBe(SVM_LABELS[i]);
		});
		expect(offBoundary).toBeGreaterThan(140);
		expect(p.supportVectors.size()).toBe(SVM_SUPPORT_COUNT);
	});

	it("keeps about ν of the training rows outside (ν bounds the outlier share) and a contamination sets the threshold", () => {
		const x = plantedOutliers(4);
		const [labels] = new OneClassSupportVectorMachine({ nu: 0.05, gamma: 0.5 }).trainAndPredict(x);
		let flagged = 0;
		for (const label of labels) if (label === -1) flagged += 1;
		expect(flagged).toBeLessThanOrEqual(math.ceil(0.05 * x.size()) + 1);
		const [fixed] = new OneClassSupportVectorMachine({ nu: 0.5, gamma: 0.5, contamination: 0.05 }).trainAndPredict(x);
		let share = 0;
		for (const label of fixed) if (label === -1) share += 1;
		expect(share).toBe(math.floor(0.05 * (x.size() - 1)) + 1);
	});

	it("rejects bad options and parameters, naming them", () => {
		expectError(
			() => new OneClassSupportVectorMachine({ nu: 0 }),
			"[Hivemind] OneClassSupportVectorMachine.new: nu must be a number in (0, 1], got 0",
		);
		expectError(() => new OneClassSupportVectorMachine({ nu: 1.5 }), "nu must be a number in (0, 1]");
		expectError(() => new OneClassSupportVectorMachine({ kernel: "cubic" as never }), "kernel must be one of");
		const model = new OneClassSupportVectorMachine();
		model.train([[0], [1], [2]]);
		const p = model.getModelParameters() as { [name: string]: Array<Array<number>> };
		p.gamma = [[-1]];
		expectError(
			() => model.setModelParameters(p),
			"OneClassSupportVectorMachine.setModelParameters: parameters.gamma must hold a number > 0, got -1",
		);
	});
});
