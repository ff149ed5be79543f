import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import { DBSCAN, OPTICS } from "../../src/models/clustering";
import { GaussianMixture } from "../../src/models/mixture";
import { IsolationForest } from "../../src/models/outliers";
import { countingYields, regressionData } from "./helpers";

describe("Models II within the frame budget", () => {
	const [X] = regressionData(1500, 4, 21);
	const small = X.filter((_, i) => i < 300);

	it("GaussianMixture: bit-identical history and parameters sliced and unsliced (yields inside the E-step)", () => {
		const make = (frameBudget: number) =>
			new GaussianMixture({ numberOfComponents: 3, numberOfInitializations: 2, maximumNumberOfIterations: 4, tolerance: 0, frameBudget });
		const [unsliced, sliced] = [make(0), make(1e-6)];
		const history = unsliced.train(X);
		let slicedHistory: Array<number> = [];
		expect(countingYields(() => (slicedHistory = sliced.train(X))) > 2 * 4).toBe(true);
		expect(slicedHistory).toEqual(history);
		expect(sliced.getModelParameters()).toEqual(unsliced.getModelParameters());
		expect(sliced.predict(X)[0]).toEqual(unsliced.predict(X)[0]);
	});

	it("DBSCAN and OPTICS: bit-identical labels sliced and unsliced (yields while finding neighbours)", () => {
		const dbscan = (frameBudget: number) => new DBSCAN({ epsilon: 0.8, minimumPoints: 4, frameBudget });
		const [unsliced, sliced] = [dbscan(0), dbscan(1e-6)];
		unsliced.train(small);
		expect(countingYields(() => sliced.train(small)) >= small.size()).toBe(true);
		expect(sliced.getModelParameters()).toEqual(unsliced.getModelParameters());
		const optics = (frameBudget: number) => new OPTICS({ minimumPoints: 4, extractionEpsilon: 0.8, frameBudget });
		const [whole, cut] = [optics(0), optics(1e-6)];
		whole.train(small);
		expect(countingYields(() => cut.train(small)) >= small.size()).toBe(true);
		expect(cut.getModelParameters()).toEqual(whole.getModelParameters());
	});

	it("frameBudget 0 never yields; yieldInterval still yields on its own count", () => {
		expect(countingYields(() => new IsolationForest({ numberOfTrees: 5, frameBudget: 0 }).train(small))).toBe(0);
		const paced = new GaussianMixture({
			numberOfComponents: 2,
			numberOfInitializations: 1,
			maximumNumberOfIterations: 3,
			tolerance: 0,
			yieldInterval: 1,
			frameBudget: 0,
		});
		let history: Array<number> | undefined;
		task.spawn(() => (history = paced.train(small)));
		expect(history).toBeUndefined(); // paused at its first yield
		while (history === undefined) task.wait();
		const straight = new GaussianMixture({
			numberOfComponents: 2,
			numberOfInitializations: 1,
			maximumNumberOfIterations: 3,
			tolerance: 0,
			frameBudget: 0,
		});
		expect(straight.train(small)).toEqual(history);
	});

	it("rejects a bad frameBudget, naming it", () => {
		expectError(
			() => new GaussianMixture({ frameBudget: -1 }),
			"[Hivemind] GaussianMixture.new: frameBudget must be a finite number ≥ 0 (milliseconds; 0 = never yield), got -1",
		);
		expectError(() => new DBSCAN({ frameBudget: math.huge }), "DBSCAN.new: frameBudget must be a finite number ≥ 0");
	});
});
