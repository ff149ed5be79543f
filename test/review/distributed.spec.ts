// Adversarial review of the main models: an acknowledged update is applied once, stays queued
// after an error, or is counted as rejected/cleared; counts add up; merges use the right weights.
import { describe, expect, it } from "../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../support/numeric";
import { DistributedGradients } from "../../src/distributed/DistributedGradients";
import { DistributedModelParameters } from "../../src/distributed/DistributedModelParameters";
import { ModelParametersMerger } from "../../src/distributed/ModelParametersMerger";
import { FederatedTrainer } from "../../src/simulation/FederatedTrainer";
import { UpdateStatistics } from "../../src/distributed/UpdateGuard";
import { LinearRegression } from "../../src/models";

const quiet = { logRejections: false };

function balanced(s: UpdateStatistics): boolean {
	return s.received === s.accepted + s.rejected + s.pending + s.cleared;
}

describe("review: DistributedGradients keeps acknowledged updates", () => {
	it("a round whose queued gradients no longer fit the main parameters is not lost: the misfits are rejected, the rest applied", () => {
		const main = new DistributedGradients({ learningRate: 1, ...quiet });
		main.setModelParameters([[0]]);
		expect(main.addGradients([[1]], 1)).toBe(true); // queued for the 1×1 parameters
		main.setModelParameters([[0, 0]]); // the main model changes shape
		expect(main.addGradients([[2, 4]], 1)).toBe(true);
		expect(main.applyPending()).toBe(1);
		expect(main.getModelParameters()).toEqual([[-2, -4]]);
		const s = main.getStatistics();
		expect([s.received, s.accepted, s.rejectedStructure, s.pending]).toEqual([2, 1, 1, 0]);
		expect(balanced(s)).toBe(true);
		expect(s.lastRejection).toBe("the matrix of gradients must be 1×2 like the main parameters, got 1×1");
	});
	it("a failed round counts its down-weighted updates once, when they are finally applied", () => {
		const main = new DistributedGradients({ learningRate: 1, stalenessBound: 0, stalePolicy: "DownWeight", ...quiet });
		main.setModelParameters([[0]]);
		main.addGradients([[1]], 1);
		main.applyPending(); // version 1
		main.addGradients([[3]], 1, 0); // staleness 1: weight 1/2
		const optimizer = (main as unknown as { optimizer: { step: unknown } }).optimizer;
		const step = optimizer.step;
		optimizer.step = () => error("[Hivemind] test: the step failed");
		expectError(() => main.applyPending(), "test: the step failed");
		expect(main.getStatistics().downWeighted).toBe(0);
		optimizer.step = step;
		expect(main.applyPending()).toBe(1);
		expect(main.getModelParameters()).toEqual([[-2.5]]);
		const s = main.getStatistics();
		expect([s.accepted, s.downWeighted, s.pending]).toEqual([2, 1, 0]);
		expect(balanced(s)).toBe(true);
	});
});

describe("review: DistributedModelParameters weights every merge by its own entries", () => {
	it("never reuses the sample counts of an earlier merge for entries sent without one", () => {
		const messages = new Array<string>();
		const main = new DistributedModelParameters({
			totalNumberOfChildModelUpdatesToUpdateMainModel: 2,
			...quiet,
			onError: (m) => messages.push(m),
		});
		main.setMainModelParameters([[0]]);
		main.setModelParametersMerger(new ModelParametersMerger({ mergeType: "SampleWeighted" }));
		main.addModelParameters([[0]], 1);
		main.addModelParameters([[10]], 9); // merged: 0·0.1 + 10·0.9 = 9
		expect(main.getMainModelParameters()).toEqual([[9]]);
		expectError(
			() => main.addModelParameters([[0]]),
			`[Hivemind] DistributedModelParameters.addModelParameters: sampleCount must be given when the merger's mergeType is "SampleWeighted", got nil`,
		);
		expect(main.getPendingCount()).toBe(0);
		// entries queued without counts under another merger, then merged by SampleWeighted
		main.setModelParametersMerger(new ModelParametersMerger());
		main.addModelParameters([[0]]);
		main.setModelParametersMerger(new ModelParametersMerger({ mergeType: "SampleWeighted" }));
		// acknowledged (queued) even though the merge it triggers fails: the failure goes to onError
		expect(main.addModelParameters([[10]], 5)).toBe(true);
		expect(messages).toEqual([
			'[Hivemind] DistributedModelParameters.mergeQueued: every queued update needs a sampleCount for mergeType "SampleWeighted", got none for update 1',
		]);
		// the queue is intact and the main parameters unchanged
		expect(main.getPendingCount()).toBe(2);
		expect(main.getMainModelParameters()).toEqual([[9]]);
		expect(balanced(main.getStatistics())).toBe(true);
	});
	it("merges with counts when every entry has one (the error above is the only outcome without)", () => {
		const main = new DistributedModelParameters({ totalNumberOfChildModelUpdatesToUpdateMainModel: 3, ...quiet });
		main.setMainModelParameters([[0, 0]]);
		main.setModelParametersMerger(new ModelParametersMerger({ mergeType: "SampleWeighted" }));
		main.addModelParameters([[1, 2]], 1);
		main.addModelParameters([[4, 8]], 2);
		expect(main.addModelParameters([[0, 0]], 1)).toBe(true);
		expectMatrixClose(main.getMainModelParameters() as Array<Array<number>>, [[(1 + 8) / 4, (2 + 16) / 4]]);
	});
});

describe("review: FederatedTrainer validates at its entry points", () => {
	it("rejects bad main parameters before storing anything", () => {
		const trainer = new FederatedTrainer();
		expectError(
			() => trainer.setMainModelParameters([[0 / 0]]),
			"[Hivemind] FederatedTrainer.setMainModelParameters: parameters must be a matrix, a list of matrices or a string-keyed table of matrices (finite numbers), got",
		);
		expect(trainer.getMainModelParameters()).toBe(undefined);
		const gradients = new FederatedTrainer({ payload: "gradients" });
		expectError(() => gradients.setMainModelParameters(5 as never), "FederatedTrainer.setMainModelParameters: parameters must be");
		expect(gradients.getMainModelParameters()).toBe(undefined);
	});
	it("trains with gradients from children and keeps counts balanced", () => {
		const trainer = new FederatedTrainer({ payload: "gradients", learningRate: 0.5 });
		trainer.addChild(new LinearRegression({ fitIntercept: false }), [[1], [2]], [[2], [4]]);
		trainer.addChild(new LinearRegression({ fitIntercept: false }), [[3]], [[6]]);
		trainer.setMainModelParameters([[0]]);
		trainer.train(1);
		// MSE summed gradient at w = 0: Σ 2(w·x − y)·x = −2(2 + 8 + 18) = −56 over 3 rows; w ← 0.5 · 56 / 3.
		expectMatrixClose(trainer.getMainModelParameters() as Array<Array<number>>, [[28 / 3]]);
		expect(balanced(trainer.getStatistics()!)).toBe(true);
	});
});

describe("review: ModelParametersMerger leaves its scoring model as it was", () => {
	it("restores the scoring model's parameters when scoring fails", () => {
		const model = new LinearRegression();
		model.setModelParameters([[1], [2]]);
		const merger = new ModelParametersMerger({ model, mergeType: "WeightedAverage" });
		merger.setData(
			[[1], [2]],
			[
				[1, 0],
				[2, 0],
			],
		); // y has 2 columns, the model predicts 1
		expectError(
			() =>
				merger.merge([
					[[5], [5]],
					[[7], [7]],
				]),
			"[Hivemind] ModelParametersMerger.merge: model.predict(X) must give 2×2 like y, got 2×1",
		);
		expect(model.getModelParameters()).toEqual([[1], [2]]);
	});
});
