// The shared loop's gradient clipping (gradientClipValue, gradientClipNorm) and printed output
// (isOutputPrinted through setTrainingOutput), checked by hand.
import { describe, expect, it } from "../../support/jest-globals.d";
import { expectClose, expectError, expectMatrixClose } from "../../support/numeric";
import type { Matrix } from "../../../src/matrix/types";
import { LinearRegression } from "../../../src/models/linear/LinearRegression";
import { NeuralNetwork } from "../../../src/models/neural/NeuralNetwork";
import { setTrainingOutput } from "../../../src/models/base/output";

// From w = 0 on X = {1, 2}, y = {3, 5}: residuals −3, −5; the summed squared error's gradient is
// 2Σr·[1, x] = (−16, −26), the averaged one (n = 2) is (−8, −13), of norm √233.
const X = [[1], [2]];
const y = [3, 5];

function firstStep(options: object): Matrix {
	const model = new LinearRegression({ learningRate: 0.1, maximumNumberOfIterations: 1, ...options });
	model.train(X, y);
	return model.getModelParameters() as Matrix;
}

/** Runs `fn` with the training output captured; returns the printed lines and the warnings. */
function captured(fn: () => void): LuaTuple<[Array<string>, Array<string>]> {
	const printed = new Array<string>();
	const warned = new Array<string>();
	const previous = setTrainingOutput({ print: (line) => printed.push(line), warn: (line) => warned.push(line) });
	const [ok, message] = pcall(fn);
	setTrainingOutput(previous);
	if (!ok) error(message, 0);
	return $tuple(printed, warned);
}

describe("GradientModel gradient clipping", () => {
	it("without clipping takes the plain averaged step", () => {
		expectMatrixClose(firstStep({}), [[0.8], [1.3]], 1e-15);
	});

	it("gradientClipValue clamps each entry of the averaged gradient before the step", () => {
		// (−8, −13) clamped to [−5, 5] → (−5, −5): w = −0.1·(−5, −5)
		expectMatrixClose(firstStep({ gradientClipValue: 5 }), [[0.5], [0.5]], 1e-15);
		// a limit above every entry changes nothing
		expect(firstStep({ gradientClipValue: 20 })).toEqual(firstStep({}));
	});

	it("gradientClipNorm rescales the averaged gradient to that norm", () => {
		const r = math.sqrt(233);
		expectMatrixClose(firstStep({ gradientClipNorm: 1 }), [[0.8 / r], [1.3 / r]], 1e-15);
		expect(firstStep({ gradientClipNorm: 16 })).toEqual(firstStep({}));
	});

	it("applies the value first, then the norm", () => {
		// (−5, −5) has norm 5√2 → (−1/√2, −1/√2)
		const v = 0.1 / math.sqrt(2);
		expectMatrixClose(firstStep({ gradientClipValue: 5, gradientClipNorm: 1 }), [[v], [v]], 1e-15);
	});

	it("clips by the global norm over every parameter entry (one factor for all layers)", () => {
		const network = new NeuralNetwork({ mode: "Regression", learningRate: 0.1, maximumNumberOfIterations: 1, gradientClipNorm: 0.01 });
		network.createLayers([2, 3, 1], "Tanh");
		network.setLayerActivation(2, "None");
		const inputs = [
			[0, 1],
			[1, 0],
			[1, 1],
		];
		const targets = [[1], [2], [-1]];
		const [gradient, n] = network.computeGradients(inputs, targets);
		const start = network.getModelParameters() as Array<Matrix>;
		const averaged = (gradient as Array<Matrix>).map((m) => m.map((row) => row.map((v) => v / n)));
		let sumOfSquares = 0;
		for (const m of averaged) for (const row of m) for (const v of row) sumOfSquares += v * v;
		const factor = 0.01 / math.sqrt(sumOfSquares);
		expect(factor < 1).toBe(true);
		network.train(inputs, targets);
		const after = network.getModelParameters() as Array<Matrix>;
		expect(after.size()).toBe(2);
		for (const k of $range(0, 1)) {
			const expected = start[k].map((row, i) => row.map((w, j) => w - 0.1 * factor * averaged[k][i][j]));
			expectMatrixClose(after[k], expected, 1e-13);
		}
	});

	it("rejects invalid clipping values with the message", () => {
		expectError(
			() => new LinearRegression({ gradientClipValue: 0 }),
			"[Hivemind] LinearRegression.new: gradientClipValue must be a finite number > 0, got 0",
		);
		expectError(
			() => new LinearRegression({ gradientClipNorm: -1 }),
			"[Hivemind] LinearRegression.new: gradientClipNorm must be a finite number > 0, got -1",
		);
		expectError(() => new LinearRegression({ gradientClipNorm: math.huge }), "gradientClipNorm must be a finite number > 0, got inf");
		expectError(() => new LinearRegression({ gradientClipValue: "1" as never }), 'gradientClipValue must be a finite number > 0, got "1"');
		const model = new LinearRegression();
		expectError(
			() => model.setParameters({ gradientClipNorm: 0 }),
			"LinearRegression.setParameters: gradientClipNorm must be a finite number > 0, got 0",
		);
	});
});

describe("GradientModel printed output", () => {
	it("prints `Iteration: n  Cost: c` at each cost check when isOutputPrinted is on", () => {
		const [printed] = captured(() => firstStep({ isOutputPrinted: true, maximumNumberOfIterations: 3 }));
		// costs by hand: w = 0 → (9 + 25)/2 = 17; w = (0.8, 1.3) → residuals −0.9, −1.6 → 1.685
		expect(printed.size()).toBe(3);
		expect(printed[0]).toBe("Iteration: 1  Cost: 17");
		const [iteration, cost] = printed[1].match("^Iteration: (%d+)  Cost: (.+)$") as LuaTuple<[string, string]>;
		expect(iteration).toBe("2");
		expectClose(tonumber(cost)!, 1.685, 1e-12);
		expect(printed[2].find("^Iteration: 3  Cost: ")[0]).toBe(1);
	});

	it("prints only every costCalculationInterval iterations", () => {
		const [printed] = captured(() => firstStep({ isOutputPrinted: true, maximumNumberOfIterations: 5, costCalculationInterval: 2 }));
		expect(printed.map((line) => line.match("^Iteration: (%d+)")[0])).toEqual(["1", "3", "5"]);
	});

	it("prints nothing when isOutputPrinted is off (the default)", () => {
		const [printed, warned] = captured(() => firstStep({ maximumNumberOfIterations: 3 }));
		expect(printed.size()).toBe(0);
		expect(warned.size()).toBe(0);
	});

	it("sends the divergence warning to the output's warn", () => {
		const [printed, warned] = captured(() => firstStep({ learningRate: 1e154, maximumNumberOfIterations: 4 }));
		expect(printed.size()).toBe(0);
		expect(warned.size()).toBe(1);
		expect(warned[0].find("[Hivemind] LinearRegression.train: ", 1, true)[0]).toBe(1);
		expect(warned[0].find("became non-finite", 1, true)[0] !== undefined).toBe(true);
	});

	it("restores print and warn, and refuses a non-function", () => {
		const previous = setTrainingOutput();
		const restored = setTrainingOutput(previous);
		expect(restored.print).toBe(previous.print);
		expectError(() => setTrainingOutput({ print: 3 as never }), "[Hivemind] setTrainingOutput: output.print must be a function, got number");
		expectError(
			() => setTrainingOutput("x" as never),
			"[Hivemind] setTrainingOutput: output must be a table { print?, warn? } of functions, got string",
		);
	});
});
