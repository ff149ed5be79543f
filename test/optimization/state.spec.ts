import { HttpService } from "@rbxts/services";
import { describe, expect, it } from "../support/jest-globals.d";
import { expectError, expectMatrixClose } from "../support/numeric";
import type { Matrix as Grid } from "../../src/matrix/types";
import { decodeJson, encodeJson } from "../../src/core/json";
import { Adam, createOptimizer, isOptimizer, OptimizerState, OPTIMIZER_NAMES, RMSProp } from "../../src/optimization";

const GRADIENTS: Array<Grid> = [
	[
		[0.5, -0.1],
		[0.3, 0.2],
	],
	[
		[0.2, 0.3],
		[-0.4, 0.1],
	],
	[
		[-0.1, 0.3],
		[-0.2, 0.6],
	],
	[
		[0.7, -0.2],
		[0.1, 0.1],
	],
];

const copyOf = (m: Grid) => m.map((row) => [...row]);

function deepCopy(state: OptimizerState): OptimizerState {
	const out: OptimizerState = {};
	for (const [key, value] of pairs(state)) out[key as string] = typeIs(value, "number") ? value : copyOf(value);
	return out;
}

function expectStatesClose(actual: OptimizerState, expected: OptimizerState, tolerance: number) {
	for (const [key, value] of pairs(expected)) {
		if (typeIs(value, "number")) expect(actual[key as string]).toBe(value);
		else expectMatrixClose(actual[key as string] as Grid, value, tolerance);
	}
	for (const [key] of pairs(actual)) expect(expected[key as string]).toBeDefined();
}

describe("optimizer state", () => {
	for (const name of OPTIMIZER_NAMES) {
		it(`${name}: round-trips through JSON and a saved state continues with the same next step`, () => {
			const optimizer = createOptimizer(name);
			const w = [
				[1, -2],
				[0.5, 3],
			];
			let state: OptimizerState | undefined;
			for (const k of $range(0, 2)) state = optimizer.step(w, GRADIENTS[k], state, 0.05);
			const saved = state as OptimizerState;
			// JSON: HttpService's decoder may move a double by its last bit (the Lune harness's does),
			// so the restored state and the next step agree to 1e-15 and 1e-12 (relative).
			const restored = HttpService.JSONDecode(HttpService.JSONEncode(saved)) as OptimizerState;
			expectStatesClose(restored, saved, 1e-15);
			expect(restored.t).toBe(3);
			// A bit-exact copy (a Lua table copy, an Actor message, or Hivemind's own JSON codec with
			// 17 significant digits) continues identically.
			const copied = deepCopy(saved);
			const exactJson = decodeJson(encodeJson(saved)) as OptimizerState;
			expect(exactJson).toEqual(saved);
			const a = copyOf(w);
			const b = copyOf(w);
			const c = copyOf(w);
			const following = optimizer.step(a, GRADIENTS[3], saved, 0.05);
			expect(optimizer.step(b, GRADIENTS[3], copied, 0.05)).toEqual(following);
			expect(b).toEqual(a);
			const d = copyOf(w);
			expect(optimizer.step(d, GRADIENTS[3], exactJson, 0.05)).toEqual(following);
			expect(d).toEqual(a);
			expectStatesClose(optimizer.step(c, GRADIENTS[3], restored, 0.05), following, 1e-12);
			expectMatrixClose(c, a, 1e-12);
			expect(a).never.toEqual(w);
		});
	}
	it("is plain data: numbers and matrices, with the step counter t", () => {
		const state = new Adam().step([[1, 2]], [[0.1, 0.2]], undefined, 0.1);
		const keys = new Array<string>();
		for (const [key] of pairs(state)) keys.push(key as string);
		keys.sort();
		expect(keys).toEqual(["m", "t", "v"]);
		expect(getmetatable(state)).toBeNil();
		expect(state.t).toBe(1);
	});
	it("is updated in place and returned when given", () => {
		const optimizer = new RMSProp();
		const state = optimizer.step([[1]], [[1]], undefined, 0.1);
		expect(optimizer.step([[1]], [[1]], state, 0.1)).toBe(state);
		expect(state.t).toBe(2);
	});
	it("rejects a state that does not fit the parameter", () => {
		const adam = new Adam();
		expectError(
			() => adam.step([[1, 2]], [[1, 2]], { t: 1, m: [[0, 0]], v: [[0], [0]] }, 0.1),
			"[Hivemind] Adam.step: state.v must be a 1×2 matrix, got 2×1",
		);
		expectError(() => adam.step([[1, 2]], [[1, 2]], { t: 1, m: [[0, 0]] }, 0.1), "Adam.step: state.v must be a 1×2 matrix, got nil");
		expectError(() => adam.step([[1]], [[1]], { t: -1, m: [[0]], v: [[0]] }, 0.1), "Adam.step: state.t must be an integer ≥ 0, got -1");
		expectError(() => adam.step([[1]], [[1]], { t: 0.5, m: [[0]], v: [[0]] }, 0.1), "state.t must be an integer ≥ 0, got 0.5");
		expectError(() => adam.step([[1]], [[1]], "x" as never, 0.1), 'Adam.step: state must be a table or nil, got "x"');
	});
	it("rejects mismatched gradients, bad parameters and bad learning rates", () => {
		const adam = new Adam();
		expectError(() => adam.step([[1, 2]], [[1], [2]], undefined, 0.1), "[Hivemind] Adam.step: gradient must be 1×2 like the parameter, got 2×1");
		expectError(
			() => adam.step([] as never, [[1]], undefined, 0.1),
			"Adam.step: parameter must be a non-empty rectangular matrix, got an empty table",
		);
		expectError(
			() => adam.step([[1, 2], [3]], [[1, 2], [3]], undefined, 0.1),
			"Adam.step: parameter must be a non-empty rectangular matrix, got 2×2",
		);
		expectError(() => adam.step([[1]], [[1]], undefined, -0.1), "Adam.step: learningRate must be a finite number ≥ 0, got -0.1");
		expectError(() => adam.step([[1]], [[1]], undefined, 0 / 0), "Adam.step: learningRate must be a finite number ≥ 0, got NaN");
		expectError(() => adam.step([[1]], [[1]], undefined, math.huge), "learningRate must be a finite number ≥ 0, got inf");
	});
});

describe("createOptimizer and getOptions", () => {
	it("builds every optimizer by name (case-insensitive) with its name", () => {
		for (const name of OPTIMIZER_NAMES) {
			const optimizer = createOptimizer(name.lower());
			expect(optimizer.optimizerName).toBe(name);
			expect(isOptimizer(optimizer)).toBe(true);
		}
		expect(OPTIMIZER_NAMES).toEqual([
			"AdaDelta",
			"AdaFactor",
			"AdaGrad",
			"AdaMax",
			"Adam",
			"AdamW",
			"GradientDescent",
			"Gravity",
			"Momentum",
			"NAdam",
			"Nesterov",
			"RAdam",
			"RMSProp",
			"RProp",
		]);
	});
	it("gives the defaults merged with the options, and rebuilds an equal optimizer from them", () => {
		expect(new Adam({ beta1: 0.8 }).getOptions()).toEqual({ beta1: 0.8, beta2: 0.999, epsilon: 1e-8 });
		expect(createOptimizer("AdamW").getOptions()).toEqual({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01 });
		expect(createOptimizer("RProp").getOptions()).toEqual({ etaPlus: 1.2, etaMinus: 0.5, minimumStep: 1e-6, maximumStep: 50 });
		expect(createOptimizer("Momentum").getOptions()).toEqual({ momentum: 0.9 });
		expect(createOptimizer("RMSProp").getOptions()).toEqual({ rho: 0.9, epsilon: 1e-8 });
		expect(createOptimizer("AdaDelta").getOptions()).toEqual({ rho: 0.95, epsilon: 1e-6 });
		expect(createOptimizer("AdaGrad").getOptions()).toEqual({ epsilon: 1e-8 });
		expect(createOptimizer("GradientDescent").getOptions()).toEqual({});
		const original = createOptimizer("NAdam", { beta2: 0.99 });
		const rebuilt = createOptimizer(original.optimizerName, original.getOptions());
		expect(rebuilt.getOptions()).toEqual(original.getOptions());
		const options = original.getOptions();
		options.beta2 = 0.5;
		expect(original.getOptions().beta2).toBe(0.99);
	});
	it("returns an optimizer object as it is", () => {
		const adam = new Adam();
		expect(createOptimizer(adam)).toBe(adam);
		expectError(
			() => createOptimizer(adam, { beta1: 0.5 }),
			"[Hivemind] createOptimizer: options must be nil when an optimizer object is given, got a table",
		);
	});
	it("rejects unknown names", () => {
		expectError(
			() => createOptimizer("Adamm"),
			'[Hivemind] createOptimizer: nameOrOptimizer must be an optimizer or one of AdaDelta, AdaFactor, AdaGrad, AdaMax, Adam, AdamW, GradientDescent, Gravity, Momentum, NAdam, Nesterov, RAdam, RMSProp, RProp, got "Adamm"',
		);
		expectError(() => createOptimizer(3 as never), "nameOrOptimizer must be an optimizer or one of", "got 3");
	});
});
