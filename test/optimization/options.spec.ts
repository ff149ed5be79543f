import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import {
	AdaDelta,
	AdaGrad,
	AdaMax,
	Adam,
	AdamW,
	createOptimizer,
	GradientDescent,
	Momentum,
	NAdam,
	Nesterov,
	RAdam,
	RMSProp,
	RProp,
} from "../../src/optimization";

// [optimizer, options, the whole expected message]
const BAD_OPTIONS: Array<[string, object, string]> = [
	["Adam", { beta1: 1 }, "[Hivemind] Adam.new: beta1 must be a number in [0, 1), got 1"],
	["Adam", { beta1: -0.1 }, "[Hivemind] Adam.new: beta1 must be a number in [0, 1), got -0.1"],
	["Adam", { beta2: "0.9" }, '[Hivemind] Adam.new: beta2 must be a number in [0, 1), got "0.9"'],
	["Adam", { epsilon: 0 }, "[Hivemind] Adam.new: epsilon must be a finite number > 0, got 0"],
	["Adam", { epsilon: math.huge }, "[Hivemind] Adam.new: epsilon must be a finite number > 0, got inf"],
	["NAdam", { beta2: 1.5 }, "[Hivemind] NAdam.new: beta2 must be a number in [0, 1), got 1.5"],
	["AdaMax", { beta1: 0 / 0 }, "[Hivemind] AdaMax.new: beta1 must be a number in [0, 1), got NaN"],
	["RAdam", { epsilon: -1 }, "[Hivemind] RAdam.new: epsilon must be a finite number > 0, got -1"],
	["AdamW", { weightDecay: -0.01 }, "[Hivemind] AdamW.new: weightDecay must be a finite number ≥ 0, got -0.01"],
	["AdamW", { beta1: true }, "[Hivemind] AdamW.new: beta1 must be a number in [0, 1), got true"],
	["Momentum", { momentum: 1 }, "[Hivemind] Momentum.new: momentum must be a number in [0, 1), got 1"],
	["Nesterov", { momentum: -0.5 }, "[Hivemind] Nesterov.new: momentum must be a number in [0, 1), got -0.5"],
	["AdaGrad", { epsilon: 0 }, "[Hivemind] AdaGrad.new: epsilon must be a finite number > 0, got 0"],
	["AdaDelta", { rho: 1 }, "[Hivemind] AdaDelta.new: rho must be a number in [0, 1), got 1"],
	["AdaDelta", { epsilon: -1e-6 }, "[Hivemind] AdaDelta.new: epsilon must be a finite number > 0, got -0.000001"],
	["RMSProp", { rho: 2 }, "[Hivemind] RMSProp.new: rho must be a number in [0, 1), got 2"],
	["RMSProp", { epsilon: "small" }, '[Hivemind] RMSProp.new: epsilon must be a finite number > 0, got "small"'],
	["RProp", { etaPlus: 1 }, "[Hivemind] RProp.new: etaPlus must be a finite number > 1, got 1"],
	["RProp", { etaMinus: 1 }, "[Hivemind] RProp.new: etaMinus must be a number in (0, 1), got 1"],
	["RProp", { etaMinus: 0 }, "[Hivemind] RProp.new: etaMinus must be a number in (0, 1), got 0"],
	["RProp", { minimumStep: 0 }, "[Hivemind] RProp.new: minimumStep must be a finite number > 0, got 0"],
	["RProp", { maximumStep: -1 }, "[Hivemind] RProp.new: maximumStep must be a finite number > 0, got -1"],
	["RProp", { minimumStep: 2, maximumStep: 1 }, "[Hivemind] RProp.new: minimumStep must be ≤ maximumStep (1), got 2"],
	[
		"Adam",
		{ beta3: 0.5, learningRate: 0.1 },
		'[Hivemind] Adam.new: unknown options "beta3", "learningRate"; valid options are beta1, beta2, epsilon',
	],
	["GradientDescent", { momentum: 0.9 }, '[Hivemind] GradientDescent.new: unknown option "momentum"; valid options are'],
	["RProp", { eta: 1 }, '[Hivemind] RProp.new: unknown option "eta"; valid options are etaMinus, etaPlus, maximumStep, minimumStep'],
];

describe("optimizer options", () => {
	it("rejects each bad option, naming the option, what it accepts and the value", () => {
		for (const [name, options, message] of BAD_OPTIONS) {
			expectError(() => createOptimizer(name, options), message);
		}
	});
	it("gives the same errors through the constructors", () => {
		expectError(() => new Adam({ beta1: 2 }), "[Hivemind] Adam.new: beta1 must be a number in [0, 1), got 2");
		expectError(() => new AdamW({ weightDecay: -1 }), "[Hivemind] AdamW.new: weightDecay must be a finite number ≥ 0, got -1");
		expectError(() => new NAdam({ beta1: 2 }), "NAdam.new: beta1");
		expectError(() => new AdaMax({ beta1: 2 }), "AdaMax.new: beta1");
		expectError(() => new RAdam({ beta1: 2 }), "RAdam.new: beta1");
		expectError(() => new Momentum({ momentum: 2 }), "Momentum.new: momentum");
		expectError(() => new Nesterov({ momentum: 2 }), "Nesterov.new: momentum");
		expectError(() => new AdaGrad({ epsilon: -1 }), "AdaGrad.new: epsilon");
		expectError(() => new AdaDelta({ rho: 2 }), "AdaDelta.new: rho");
		expectError(() => new RMSProp({ rho: 2 }), "RMSProp.new: rho");
		expectError(() => new RProp({ etaPlus: 0.5 }), "RProp.new: etaPlus");
		expectError(
			() => new GradientDescent(5 as never),
			"[Hivemind] GradientDescent.new: options must be a table of options, got 5 (DataPredict-style arguments? Hivemind.DataPredict takes DataPredict's calls unchanged)",
		);
	});
	it("accepts the edges of each range", () => {
		expect(new Adam({ beta1: 0, beta2: 0 }).getOptions().beta1).toBe(0);
		expect(new Momentum({ momentum: 0 }).getOptions().momentum).toBe(0);
		expect(new AdamW({ weightDecay: 0 }).getOptions().weightDecay).toBe(0);
		expect(new RProp({ minimumStep: 1, maximumStep: 1 }).getOptions().maximumStep).toBe(1);
	});
});
