import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../support/numeric";
import { COST_NAMES, createCost, CostFunction } from "../../src/costs";

function numericGradient(cost: CostFunction, p: Array<Array<number>>, y: Array<Array<number>>) {
	const h = 1e-6;
	return p.map((row, i) =>
		row.map((_, j) => {
			const up = p.map((r) => table.clone(r));
			const down = p.map((r) => table.clone(r));
			up[i][j] += h;
			down[i][j] -= h;
			return (cost.value(up, y) - cost.value(down, y)) / (2 * h);
		}),
	);
}

describe("costs: hand-computed values and gradients (summed over samples)", () => {
	it("MeanSquaredError", () => {
		const c = createCost("MeanSquaredError");
		expect(c.costName).toBe("MeanSquaredError");
		expectClose(c.value([[1], [3]], [[0], [1]]), 5);
		expectMatrixClose(c.gradient([[1], [3]], [[0], [1]]), [[2], [4]]);
		expect(createCost("MSE").costName).toBe("MeanSquaredError");
	});
	it("MeanAbsoluteError", () => {
		const c = createCost("MAE");
		expectClose(c.value([[1], [3], [2]], [[0], [1], [2]]), 3);
		expectMatrixClose(c.gradient([[1], [-3], [2]], [[0], [1], [2]]), [[1], [-1], [0]]);
	});
	it("Huber with delta 1 and 2", () => {
		const c = createCost("Huber");
		expectClose(c.value([[0.5], [3], [-2]], [[0], [0], [0]]), 0.125 + 2.5 + 1.5);
		expectMatrixClose(c.gradient([[0.5], [3], [-2]], [[0], [0], [0]]), [[0.5], [1], [-1]]);
		const c2 = createCost("Huber", { delta: 2 });
		expectClose(c2.value([[3]], [[0]]), 4);
		expect(c2.getOptions()).toEqual({ delta: 2 });
	});
	it("Quantile (pinball) with tau 0.9", () => {
		const c = createCost("Quantile", { tau: 0.9 });
		expectClose(c.value([[0], [2]], [[1], [0]]), 0.9 + 0.2);
		expectMatrixClose(c.gradient([[0], [2], [1]], [[1], [0], [1]]), [[-0.9], [0.1], [0]]);
	});
	it("PoissonDeviance on the log-mean", () => {
		const c = createCost("PoissonDeviance");
		expectClose(c.value([[0]], [[1]]), 0);
		expectClose(c.value([[math.log(2)]], [[0]]), 4);
		expectClose(c.value([[0]], [[2]]), 4 * math.log(2) - 2);
		expectMatrixClose(c.gradient([[0], [math.log(2)], [0]], [[1], [0], [2]]), [[0], [4], [-2]]);
	});
	it("BinaryCrossEntropy on probabilities", () => {
		const c = createCost("BinaryCrossEntropy");
		expectClose(c.value([[0.8], [0.25]], [[1], [0]]), -math.log(0.8) - math.log(0.75));
		expectMatrixClose(c.gradient([[0.8], [0.25]], [[1], [0]]), [[-1.25], [4 / 3]]);
		expect(c.value([[0]], [[1]]) < math.huge).toBe(true);
	});
	it("CategoricalCrossEntropy on class probabilities", () => {
		const c = createCost("CategoricalCrossEntropy");
		expectClose(c.value([[0.7, 0.2, 0.1]], [[0, 1, 0]]), -math.log(0.2));
		expectMatrixClose(c.gradient([[0.7, 0.2, 0.1]], [[0, 1, 0]]), [[0, -5, 0]]);
	});
	it("Hinge with 0/1 and -1/+1 labels", () => {
		const c = createCost("Hinge");
		expectClose(c.value([[0.5], [-2], [0.3]], [[1], [0], [-1]]), 0.5 + 0 + 1.3);
		expectMatrixClose(c.gradient([[0.5], [-2], [0.3]], [[1], [0], [-1]]), [[-1], [0], [1]]);
	});
	it("every gradient matches central differences away from kinks", () => {
		const p = [
			[0.3, 0.6],
			[0.45, 0.2],
		];
		const y = [
			[1, 0],
			[0, 1],
		];
		for (const name of COST_NAMES) {
			const c = createCost(name, name === "Quantile" ? { tau: 0.3 } : undefined);
			expectMatrixClose(c.gradient(p, y), numericGradient(c, p, y), 1e-5);
		}
	});
});

describe("costs: errors", () => {
	it("rejects unknown names and bad options, naming them", () => {
		expectError(() => createCost("Nope"), '[Hivemind] createCost: nameOrCost must be one of "MeanSquaredError"', "got Nope");
		expectError(() => createCost("Huber", { delta: -1 }), "[Hivemind] createCost: delta must be a finite number > 0, got -1");
		expectError(() => createCost("Quantile", { tau: 1.5 }), "tau must be a number in (0, 1), got 1.5");
		expectError(() => createCost("Huber", { delt: 1 } as never), 'createCost: unknown option "delt"; valid options are delta, tau');
	});
	it("rejects mismatched shapes naming both", () => {
		const c = createCost("MSE");
		expectError(() => c.value([[1], [2]], [[1]]), "[Hivemind] MeanSquaredError.value: actual must have the shape of predicted (2×1), got 1×1");
		expectError(() => c.gradient([[1, 2]], [[1]]), "MeanSquaredError.gradient: actual must have the shape of predicted (1×2), got 1×1");
	});
	it("passes a CostFunction through", () => {
		const c = createCost("Hinge");
		expect(createCost(c)).toBe(c);
	});
});
