import { describe, expect, it } from "../support/jest-globals.d";
import { RandomGenerator } from "../../src/matrix/random";
import { FrameBudget, setDefaultFrameBudget, setYieldObserver } from "../../src/parallel/FrameBudget";
import { KNearestNeighboursClassifier } from "../../src/models";
import { countingYields, regressionData } from "./helpers";
import { sortWithinBudget } from "../../src/parallel/sort";

describe("sortWithinBudget", () => {
	it("checks the budget inside one long merge: at most 1024 comparisons between yields; the same order as unsliced", () => {
		// 8193 values: the last level merges 8192 + 1 elements at once
		const rng = new RandomGenerator(9);
		const values = new Array<number>();
		for (const _ of $range(1, 8193)) values.push(math.floor(rng.uniform(0, 500)));
		let comparisons = 0;
		const less = (a: number, b: number) => {
			comparisons += 1;
			return values[a] < values[b];
		};
		const indices = values.map((_, i) => i);
		const unsliced = sortWithinBudget(indices, less, new FrameBudget(0));
		comparisons = 0;
		const atYields = new Array<number>();
		const previous = setYieldObserver(() => atYields.push(comparisons));
		const sliced = sortWithinBudget(indices, less, new FrameBudget(1e-9));
		setYieldObserver(previous);
		atYields.push(comparisons);
		expect(sliced).toEqual(unsliced);
		let widest = atYields[0];
		for (const i of $range(1, atYields.size() - 1)) widest = math.max(widest, atYields[i] - atYields[i - 1]);
		expect(widest <= 1024).toBe(true);
		// stable and sorted: equal values keep their input order
		let ordered = true;
		for (const i of $range(1, 8192)) {
			const [a, b] = [sliced[i - 1], sliced[i]];
			ordered &&= values[a] < values[b] || (values[a] === values[b] && a < b);
		}
		expect(ordered).toBe(true);
	});
});

describe("KNearestNeighboursClassifier within the frame budget", () => {
	it("stores the same rows and predicts the same votes sliced (yielding after every block) and unsliced", () => {
		const [X, y] = regressionData(5000, 3, 4);
		const labels = y.map((v) => (v < 0 ? "low" : "high"));
		const run = (budgetMs: number) => {
			const previous = setDefaultFrameBudget(budgetMs);
			const model = new KNearestNeighboursClassifier({ numberOfNeighbours: 4, weights: "distance" });
			let predicted: unknown;
			const yields = countingYields(() => {
				model.train(X, labels);
				const [winners, shares] = model.predict(X.filter((_, i) => i < 20));
				predicted = { winners, shares };
			});
			setDefaultFrameBudget(previous);
			return $tuple(model.getModelParameters(), predicted, yields);
		};
		const [parameters, predicted, yields] = run(0);
		const [slicedParameters, slicedPredicted, slicedYields] = run(1e-9);
		expect(yields).toBe(0);
		expect(slicedYields > 10).toBe(true);
		expect(slicedParameters).toEqual(parameters);
		expect(slicedPredicted).toEqual(predicted);
	});
});
