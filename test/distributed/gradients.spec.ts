import { describe, expect, it } from "../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../support/numeric";
import { DistributedGradients } from "../../src/distributed/DistributedGradients";
import { createUpdate } from "../../src/distributed/wire";
import { Matrix } from "../../src/matrix/types";
import { addScaledInPlace } from "../../src/matrix/inplace";
import { leastSquares } from "../../src/matrix/linalg/solve";
import { ManualSignal, leastSquaresGradient, regressionData, splitRows } from "./support";

const SIZES = [5, 17, 2, 26];
const [X, y] = regressionData(50, 11);
const XS = splitRows(X, SIZES);
const YS = splitRows(y, SIZES);
const quiet = { logRejections: false };

describe("DistributedGradients: training", () => {
	it("equals full-batch gradient descent on the union, step for step (sample-weighted)", () => {
		const main = new DistributedGradients({ learningRate: 0.3, ...quiet });
		main.setModelParameters([[0], [0], [0]]);
		const reference: Matrix = [[0], [0], [0]];
		for (const step of $range(1, 8)) {
			const theta = main.getModelParameters() as Matrix;
			SIZES.forEach((n, k) => expect(main.addGradients(leastSquaresGradient(XS[k], YS[k], theta), n, main.getVersion())).toBe(true));
			expect(main.applyPending()).toBe(4);
			addScaledInPlace(reference, leastSquaresGradient(X, y, reference), -0.3 / 50);
			expectMatrixClose(main.getModelParameters() as Matrix, reference, 1e-12);
			expect(main.getVersion()).toBe(step);
		}
		const stats = main.getStatistics();
		expect([stats.received, stats.accepted, stats.rejected, stats.pending]).toEqual([32, 32, 0, 0]);
	});
	it("converges to the least-squares solution with Adam on the main model", () => {
		const main = new DistributedGradients({ optimizer: "Adam", learningRate: 0.05, ...quiet });
		main.setModelParameters([[0], [0], [0]]);
		for (const _ of $range(1, 600)) {
			const theta = main.getModelParameters(true) as Matrix;
			SIZES.forEach((n, k) => main.addGradients(leastSquaresGradient(XS[k], YS[k], theta), n));
			main.applyPending();
		}
		expectMatrixClose(main.getModelParameters() as Matrix, leastSquares(X, y), 1e-3);
	});
	it("averages per sample or per child, and ascends by option", () => {
		const g1 = [[2]];
		const g2 = [[4]];
		const run = (options: object) => {
			const main = new DistributedGradients({ learningRate: 1, ...quiet, ...options });
			main.setModelParameters([[10]]);
			main.addGradients(g1, 1);
			main.addGradients(g2, 4);
			main.applyPending();
			return (main.getModelParameters() as Matrix)[0][0];
		};
		expect(run({ averaging: "Mean" })).toBe(8.5); // 10 − (2/1 + 4/4)/2
		expect(run({ averaging: "SampleWeighted" })).toBe(8.8); // 10 − 6/5
		expect(run({ averaging: "SampleWeighted", gradientChangeMode: "Ascent" })).toBe(11.2);
	});
	it("works on string-keyed tables and lists of matrices", () => {
		const main = new DistributedGradients({ learningRate: 1, ...quiet });
		main.setModelParameters({ w: [[1, 1]], b: [[0]] });
		main.addGradients({ w: [[1, 2]], b: [[3]] }, 1);
		main.applyPending();
		expect(main.getModelParameters()).toEqual({ w: [[0, -1]], b: [[-3]] });
		const list = new DistributedGradients({ learningRate: 0.5, averaging: "Mean", ...quiet });
		list.setModelParameters([[[1]], [[2, 2]]]);
		list.addGradients([[[2]], [[2, 0]]], 1);
		list.applyPending();
		expect(list.getModelParameters()).toEqual([[[0]], [[1, 2]]]);
	});
	it("copies parameters in and out unless told otherwise", () => {
		const main = new DistributedGradients({ ...quiet });
		const p = [[1]];
		main.setModelParameters(p);
		p[0][0] = 5;
		expect(main.getModelParameters()).toEqual([[1]]);
		(main.getModelParameters() as Matrix)[0][0] = 9;
		expect(main.getModelParameters()).toEqual([[1]]);
		main.setModelParameters(p, true);
		expect(main.getModelParameters(true)).toBe(p);
		main.addGradients([[1]], 1);
		main.applyPending();
		expect(p[0][0]).toBe(5 - 0.1); // shared without copying: updated in place
		expect(main.getModelParameters(true)).toBe(p);
	});
	it("accepts wire-format gradient updates", () => {
		const main = new DistributedGradients({ learningRate: 1, modelName: "M", ...quiet });
		main.setModelParameters([[1]]);
		expect(
			main.addUpdate(createUpdate({ kind: "gradients", modelName: "M", round: 0, childId: 1, sampleCount: 2, baseVersion: 0, data: [[4]] })),
		).toBe(true);
		main.applyPending();
		expect(main.getModelParameters()).toEqual([[-1]]);
		expectError(
			() => main.addUpdate(createUpdate({ kind: "parameters", modelName: "M", round: 0, childId: 1, data: [[4]] })),
			'DistributedGradients.addUpdate: record.kind must be "gradients", got "parameters"',
		);
	});
});

describe("DistributedGradients: safety", () => {
	it("rejects a NaN update and a stale one, leaving the main parameters bit-identical", () => {
		const reasons = new Array<string>();
		const main = new DistributedGradients({
			learningRate: 0.1,
			stalenessBound: 1,
			logRejections: false,
			onRejected: (reason) => reasons.push(reason),
		});
		main.setModelParameters([[0.1], [0.2], [0.3]]);
		for (const _ of $range(1, 3)) {
			main.addGradients([[1], [1], [1]], 1);
			main.applyPending();
		}
		const before = main.getModelParameters() as Matrix;
		expect(main.addGradients([[1], [0 / 0], [1]], 1)).toBe(false);
		expect(main.addGradients([[1], [1], [1]], 1, 1)).toBe(true); // version 3, staleness 2 > 1
		expect(main.applyPending()).toBe(0);
		expect(main.getModelParameters()).toEqual(before);
		expect(main.getVersion()).toBe(3);
		const stats = main.getStatistics();
		expect([stats.received, stats.accepted, stats.rejected, stats.rejectedNonFinite, stats.rejectedStale, stats.pending]).toEqual([
			5, 3, 2, 1, 1, 0,
		]);
		expect(reasons).toEqual(["nonFinite", "stale"]);
		expect(stats.lastRejection).toBe("staleness 2 exceeds the bound 1 (base version 1, current version 3)");
	});
	it("rejects an update whose norm exceeds the multiple of the recent median", () => {
		const main = new DistributedGradients({ learningRate: 0.01, maximumNormMultiple: 10, minimumNormHistory: 3, ...quiet });
		main.setModelParameters([[0, 0]]);
		for (const g of [[[3, 4]], [[6, 8]], [[0, 5]]]) main.addGradients(g, 1); // norms 5, 10, 5: median 5
		main.applyPending();
		expect(main.addGradients([[30, 40]], 1)).toBe(true); // 50 ≤ 10 × 5
		expect(main.addGradients([[300, 400]], 1)).toBe(false); // 500 > 10 × median(5, 5, 10, 50) = 75
		expect(main.getStatistics().rejectedNorm).toBe(1);
		expect(main.getStatistics().lastRejection).toBe("gradients has norm 500, more than 10 × the recent median norm 7.5");
	});
	it("down-weights stale updates by 1 / (1 + staleness − bound) when told", () => {
		const main = new DistributedGradients({ learningRate: 1, stalenessBound: 0, stalePolicy: "DownWeight", ...quiet });
		main.setModelParameters([[0]]);
		main.addGradients([[1]], 1);
		main.applyPending();
		main.addGradients([[1]], 1);
		main.applyPending();
		main.addGradients([[6]], 1, 0); // staleness 2: weight 1/3
		main.applyPending();
		expect(main.getModelParameters()).toEqual([[-4]]);
		expect(main.getStatistics().downWeighted).toBe(1);
	});
	it("rejects updates of another structure and counts cleared ones", () => {
		const main = new DistributedGradients({ averaging: "Mean", ...quiet });
		main.setModelParameters({ w: [[1, 2]] });
		expect(main.addGradients({ w: [[1]] }, 1)).toBe(false);
		expect(main.getStatistics().lastRejection).toBe('entry "w" of gradients must be 1×2 like the main parameters, got 1×1');
		expect(main.addGradients([[1, 2]], 1)).toBe(false);
		main.addGradients({ w: [[1, 1]] }, 1);
		main.clearGradients();
		const stats = main.getStatistics();
		expect([stats.received, stats.rejectedStructure, stats.cleared, stats.pending]).toEqual([3, 2, 1, 0]);
	});
});

describe("DistributedGradients: background", () => {
	it("applies pending gradients when the signal fires, and stops", () => {
		const signal = new ManualSignal();
		const main = new DistributedGradients({ learningRate: 1, ...quiet });
		main.setModelParameters([[0]]);
		main.start(signal);
		signal.Fire();
		expect(main.getVersion()).toBe(0); // nothing queued: no round
		main.addGradients([[2]], 1);
		signal.Fire();
		expect(main.getModelParameters()).toEqual([[-2]]);
		main.stop();
		expect(signal.listenerCount()).toBe(0);
		main.addGradients([[2]], 1);
		signal.Fire();
		expect(main.getPendingCount()).toBe(1);
	});
	it("runs on RunService.Heartbeat when no signal is given", () => {
		const main = new DistributedGradients({ learningRate: 1, ...quiet });
		main.setModelParameters([[0]]);
		main.addGradients([[3]], 1);
		main.start();
		for (const _ of $range(1, 3)) task.wait();
		main.stop();
		expect(main.getModelParameters()).toEqual([[-3]]);
		expect(main.getVersion()).toBe(1);
	});
	it("surfaces background errors instead of dying", () => {
		const signal = new ManualSignal();
		const messages = new Array<string>();
		const main = new DistributedGradients({ learningRate: 1, ...quiet, onError: (m) => messages.push(m) });
		main.setModelParameters([[0]]);
		main.addGradients([[1]], 1);
		main.start(signal);
		// an optimizer that fails on its first step
		(main as unknown as { optimizer: { step: () => never } }).optimizer.step = () => error("[Hivemind] test: the step failed");
		signal.Fire();
		expect(messages).toEqual(["[Hivemind] test: the step failed"]);
		expect(main.getModelParameters()).toEqual([[0]]); // nothing committed
		expect(main.getPendingCount()).toBe(1); // the round is back in the queue
		expect(main.getStatistics().pending).toBe(1);
		signal.Fire();
		expect(messages.size()).toBe(2); // the loop keeps running
		expectError(() => main.start(signal), "DistributedGradients.start: already running; call stop() first");
		main.destroy();
		expectError(() => main.addGradients([[1]], 1), "DistributedGradients.addGradients: this object was destroyed");
	});
});

describe("DistributedGradients: validation", () => {
	it("rejects bad options", () => {
		expectError(
			() => new DistributedGradients({ averaging: "Median" as never }),
			'[Hivemind] DistributedGradients.new: averaging must be one of "SampleWeighted", "Mean", got "Median"',
		);
		expectError(() => new DistributedGradients({ learningRate: -1 }), "learningRate must be a finite number > 0, got -1");
		expectError(() => new DistributedGradients({ optimizer: "Adamm" }), "optimizer must be one of the optimizer names");
		expectError(
			() => new DistributedGradients({ stalenessBound: 1.5 }),
			"stalenessBound must be an integer ≥ 0 (math.huge switches the bound off), got 1.5",
		);
		expectError(() => new DistributedGradients({ stalePolicy: "Ignore" as never }), 'stalePolicy must be one of "Reject", "DownWeight"');
		expectError(() => new DistributedGradients({ maximumNormMultiple: 1 }), "maximumNormMultiple must be a number > 1");
		expectError(() => new DistributedGradients({ gradientChangeMode: "Up" as never }), 'gradientChangeMode must be one of "Descent", "Ascent"');
		expectError(() => new DistributedGradients({ speed: 1 } as never), 'unknown option "speed"');
	});
	it("rejects bad arguments", () => {
		const main = new DistributedGradients({ ...quiet });
		expectError(
			() => main.addGradients([[1]], 1),
			"DistributedGradients.addGradients: the main parameters' structure must be fixed first (setModelParameters or options.model), got none",
		);
		expectError(() => main.applyPending(), "DistributedGradients.applyPending: the main parameters' structure must be fixed first");
		expectError(() => main.setModelParameters([[0 / 0]]), "DistributedGradients.setModelParameters: parameters must be a matrix");
		main.setModelParameters([[1]]);
		expectError(
			() => main.addGradients(5 as never, 1),
			"addGradients: gradients must be a matrix, a list of matrices or a string-keyed table of matrices, got 5",
		);
		expectError(() => main.addGradients([[1]], undefined as never), "sampleCount must be given (the rows behind the summed gradients), got nil");
		expectError(() => main.addGradients([[1]], 0), "sampleCount must be an integer ≥ 1 or nil, got 0");
		expectError(() => main.addGradients([[1]], 1, -1), "baseVersion must be an integer ≥ 0 or nil, got -1");
		expectError(() => main.addGradients([[1]], 1, 4), "baseVersion must be ≤ the current version 0, got 4");
		expectError(() => main.start(5 as never), "DistributedGradients.start: signal must be a signal with Connect");
		expectError(() => main.onError(5 as never), "DistributedGradients.onError: callback must be a function, got 5");
	});
});

describe("DistributedGradients.addUpdate", () => {
	it("names itself when a record is not valid wire format", () => {
		const main = new DistributedGradients();
		expectError(() => main.addUpdate({ kind: "gradients" } as never), "[Hivemind] DistributedGradients.addUpdate: ");
	});
});
