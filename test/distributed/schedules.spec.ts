import { describe, expect, it } from "../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../support/numeric";
import { createTrainingSchedule, isSynchronizationEpoch, sampleChildren, shuffleShards } from "../../src/distributed/schedules";
import { FederatedTrainer } from "../../src/simulation/FederatedTrainer";
import { ModelParametersMerger } from "../../src/distributed/ModelParametersMerger";
import { Matrix } from "../../src/matrix/types";
import { ModelParameters } from "../../src/parameters/tree";
import { LinearRegression } from "../../src/models/linear/LinearRegression";
import { MeanChild, regressionData, splitRows } from "./support";

/** "Training" adds 1 to the single parameter (local epochs accumulate); starts at `start`. */
class CounterChild {
	constructor(public parameters: Matrix) {}
	train() {
		this.parameters = [[this.parameters[0][0] + 1]];
		return [0];
	}
	getModelParameters() {
		return this.parameters;
	}
	setModelParameters(p: ModelParameters) {
		this.parameters = p as Matrix;
	}
}

describe("schedules", () => {
	it("fills defaults and validates options", () => {
		const s = createTrainingSchedule();
		expect([s.kind, s.epochsPerSynchronization, s.fractionOfChildren, s.minimumChildren, s.shuffleAcrossChildren]).toEqual([
			"Synchronous",
			1,
			1,
			1,
			false,
		]);
		expectError(
			() => createTrainingSchedule({ kind: "Gossip" as never }),
			'[Hivemind] createTrainingSchedule: kind must be one of "Synchronous", "SynchronousEveryNEpochs", "AsynchronousMerge", "AsynchronousGradients", got "Gossip"',
		);
		expectError(() => createTrainingSchedule({ fractionOfChildren: 0 }), "fractionOfChildren must be a number in (0, 1], got 0");
		expectError(() => createTrainingSchedule({ epochsPerSynchronization: 0 }), "epochsPerSynchronization must be an integer ≥ 1, got 0");
		expectError(() => createTrainingSchedule({ mixingRate: 2 }), "mixingRate must be a number in (0, 1], got 2");
		expectError(() => createTrainingSchedule({ seed: -1 }), "seed must be an integer ≥ 0, got -1");
	});
	it("merges every n epochs", () => {
		const s = createTrainingSchedule({ kind: "SynchronousEveryNEpochs", epochsPerSynchronization: 3 });
		expect([0, 1, 2, 3, 4, 5].map((e) => isSynchronizationEpoch(s, e))).toEqual([false, false, true, false, false, true]);
		expect(isSynchronizationEpoch(createTrainingSchedule(), 0)).toBe(true);
	});
	it("samples a seeded fraction of children, never fewer than the minimum, and replays", () => {
		const s = createTrainingSchedule({ fractionOfChildren: 0.5, seed: 7 });
		const round0 = sampleChildren(s, 0, 6);
		expect(round0.size()).toBe(3);
		expect(sampleChildren(s, 0, 6)).toEqual(round0);
		for (const i of $range(1, round0.size() - 1)) expect(round0[i] > round0[i - 1]).toBe(true);
		const rounds = [1, 2, 3, 4, 5].map((r) => sampleChildren(s, r, 6).join(","));
		expect(rounds.some((r) => r !== round0.join(","))).toBe(true);
		expect(sampleChildren(createTrainingSchedule({ fractionOfChildren: 0.1, minimumChildren: 4 }), 0, 6).size()).toBe(4);
		expect(sampleChildren(createTrainingSchedule(), 3, 3)).toEqual([0, 1, 2]);
		expectError(
			() => sampleChildren(createTrainingSchedule({ minimumChildren: 4 }), 0, 3),
			"sampleChildren: childCount must be ≥ minimumChildren (4), got 3",
		);
	});
	it("reshuffles rows across children, keeping sizes and each row's target", () => {
		const X = [[1], [2], [3], [4], [5], [6]];
		const y = X.map((row) => [row[0] * 10]);
		const shards = splitRows(X, [1, 2, 3]).map((xs, k) => [xs, splitRows(y, [1, 2, 3])[k]] as [Matrix, Matrix]);
		const shuffled = shuffleShards(shards, 3, 0);
		expect(shuffled.map(([xs]) => xs.size())).toEqual([1, 2, 3]);
		const seen = new Array<number>();
		for (const [xs, ys] of shuffled)
			xs.forEach((row, i) => {
				expect(ys[i][0]).toBe(row[0] * 10);
				seen.push(row[0]);
			});
		seen.sort();
		expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
		expect(shuffleShards(shards, 3, 0)).toEqual(shuffled);
		expect(shards[0][0]).toEqual([[1]]); // inputs untouched
	});
});

describe("FederatedTrainer", () => {
	it("synchronous gradients equal full-batch gradient descent on the union with a real model", () => {
		const [X, y] = regressionData(24, 3);
		const sizes = [4, 11, 9];
		const XS = splitRows(X, sizes);
		const YS = splitRows(y, sizes);
		const trainer = new FederatedTrainer({ payload: "gradients", learningRate: 0.2 });
		sizes.forEach((_, k) => trainer.addChild(new LinearRegression({ fitIntercept: false }), XS[k], YS[k]));
		const start = [[0.5], [-0.5], [0.25]];
		trainer.setMainModelParameters(start);
		const reference = new LinearRegression({ fitIntercept: false });
		let theta: Matrix = start;
		for (const _ of $range(1, 5)) {
			trainer.runEpoch();
			reference.setModelParameters(theta);
			const [g, n] = reference.computeGradients(X, y);
			theta = theta.map((row, i) => [row[0] - (0.2 * (g as Matrix)[i][0]) / n]);
			expectMatrixClose(trainer.getMainModelParameters() as Matrix, theta, 1e-12);
		}
	});
	it("asynchronous gradients apply each arrival and reject those staler than the bound", () => {
		const trainer = new FederatedTrainer({ payload: "gradients", schedule: { kind: "AsynchronousGradients", stalenessBound: 1 } });
		for (const _ of $range(1, 4)) trainer.addChild(new LinearRegression({ fitIntercept: false }), [[1]], [[2]]);
		trainer.setMainModelParameters([[0]]);
		const report = trainer.runEpoch();
		expect(report.updated).toBe(true);
		const stats = trainer.getStatistics()!;
		expect([stats.accepted, stats.rejectedStale]).toEqual([2, 2]); // staleness 0, 1 applied; 2, 3 rejected
	});
	it("SynchronousEveryNEpochs trains locally and FedAvg-merges every n epochs", () => {
		const merges = new Array<boolean>();
		const trainer = new FederatedTrainer({
			schedule: { kind: "SynchronousEveryNEpochs", epochsPerSynchronization: 2 },
			onEpoch: (r) => merges.push(r.updated),
		});
		const a = new CounterChild([[0]]);
		const b = new CounterChild([[10]]);
		trainer.addChild(a, [[0]], [[0]]); // 1 sample
		trainer.addChild(b, [[0], [0], [0]], [[0], [0], [0]]); // 3 samples
		trainer.train(2); // a: 2, b: 12 → (1·2 + 3·12)/4 = 9.5
		expect(trainer.getMainModelParameters()).toEqual([[9.5]]);
		expect([a.parameters, b.parameters]).toEqual([[[9.5]], [[9.5]]]);
		trainer.train(2);
		expect(trainer.getMainModelParameters()).toEqual([[11.5]]);
		expect(merges).toEqual([false, true, false, true]);
	});
	it("AsynchronousMerge mixes each arrival into the main parameters", () => {
		const trainer = new FederatedTrainer({ schedule: { kind: "AsynchronousMerge", mixingRate: 0.5 } });
		trainer.addChild(new MeanChild([[0]]), [[0], [0]], [[1], [3]]); // mean 2
		trainer.addChild(new MeanChild([[0]]), [[0]], [[6]]); // mean 6
		trainer.runEpoch(); // main = 2, then 0.5·2 + 0.5·6 = 4
		expect(trainer.getMainModelParameters()).toEqual([[4]]);
		trainer.runEpoch(); // 0.5·4 + 0.5·2 = 3, then 0.5·3 + 0.5·6 = 4.5
		expect(trainer.getMainModelParameters()).toEqual([[4.5]]);
	});
	it("samples participants per epoch and replays with the same seed", () => {
		const run = () => {
			const trainer = new FederatedTrainer({
				schedule: { fractionOfChildren: 0.5, seed: 11 },
				merger: new ModelParametersMerger({ mergeType: "SampleWeighted" }),
			});
			for (const k of $range(0, 5)) trainer.addChild(new MeanChild([[0]]), [[0]], [[k]]);
			return trainer.train(3).map((r) => r.participants);
		};
		const first = run();
		expect(first.every((p) => p.size() === 3)).toBe(true);
		expect(run()).toEqual(first);
	});
	it("validates its options and arguments", () => {
		expectError(
			() => new FederatedTrainer({ payload: "gradients", schedule: { kind: "AsynchronousMerge" } }),
			'[Hivemind] FederatedTrainer.new: schedule.kind must be one of Synchronous, AsynchronousGradients for "gradients" payloads, got "AsynchronousMerge"',
		);
		expectError(() => new FederatedTrainer({ payload: "weights" as never }), 'payload must be one of "parameters", "gradients", got "weights"');
		expectError(() => new FederatedTrainer({ schedule: { kind: "Nope" as never } }), "createTrainingSchedule: kind must be one of");
		expectError(() => new FederatedTrainer({ merger: {} as never }), "merger must be a ModelParametersMerger, got a table");
		const trainer = new FederatedTrainer({ payload: "gradients" });
		expectError(() => trainer.runEpoch(), "FederatedTrainer.runEpoch: children must be added first (addChild), got none");
		expectError(
			() => trainer.addChild(new CounterChild([[0]]), [[1]], [[1]]),
			"addChild: child must be a model with train, getModelParameters, setModelParameters, computeGradients, got a table",
		);
		expectError(() => trainer.addChild(new LinearRegression(), [[1]], [[1], [2]]), "addChild: y must have 1 rows like X, got 2×1");
		trainer.addChild(new LinearRegression(), [[1]], [[1]]);
		expectError(() => trainer.runEpoch(), "gradient payloads need the main parameters first (setMainModelParameters), got none");
		expectError(() => trainer.train(0), "FederatedTrainer.train: numberOfEpochs must be an integer ≥ 1, got 0");
	});
});
