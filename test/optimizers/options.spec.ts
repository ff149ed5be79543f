import { describe, expect, it } from "../support/jest-globals";
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
} from "../../src/optimizers";

// [optimizer, options, the whole expected message]
const BAD_OPTIONS: Array<[string, object, string]> = [
	["Adam", { beta1: 1 }, "[Hivemind] Adam.new: option beta1 must be a number in [0, 1), got 1"],
	["Adam", { beta1: -0.1 }, "[Hivemind] Adam.new: option beta1 must be a number in [0, 1), got -0.1"],
	["Adam", { beta2: "0.9" }, '[Hivemind] Adam.new: option beta2 must be a number in [0, 1), got "0.9"'],
	["Adam", { epsilon: 0 }, "[Hivemind] Adam.new: option epsilon must be a finite number > 0, got 0"],
	["Adam", { epsilon: math.huge }, "[Hivemind] Adam.new: option epsilon must be a finite number > 0, got inf"],
	["NAdam", { beta2: 1.5 }, "[Hivemind] NAdam.new: option beta2 must be a number in [0, 1), got 1.5"],
	["AdaMax", { beta1: 0 / 0 }, "[Hivemind] AdaMax.new: option beta1 must be a number in [0, 1), got nan"],
	["RAdam", { epsilon: -1 }, "[Hivemind] RAdam.new: option epsilon must be a finite number > 0, got -1"],
	["AdamW", { weightDecay: -0.01 }, "[Hivemind] AdamW.new: option weightDecay must be a finite number ≥ 0, got -0.01"],
	["AdamW", { beta1: true }, "[Hivemind] AdamW.new: option beta1 must be a number in [0, 1), got true"],
	["Momentum", { momentum: 1 }, "[Hivemind] Momentum.new: option momentum must be a number in [0, 1), got 1"],
	["Nesterov", { momentum: -0.5 }, "[Hivemind] Nesterov.new: option momentum must be a number in [0, 1), got -0.5"],
	["AdaGrad", { epsilon: 0 }, "[Hivemind] AdaGrad.new: option epsilon must be a finite number > 0, got 0"],
	["AdaDelta", { rho: 1 }, "[Hivemind] AdaDelta.new: option rho must be a number in [0, 1), got 1"],
	["AdaDelta", { epsilon: -1e-6 }, "[Hivemind] AdaDelta.new: option epsilon must be a finite number > 0, got -0.000001"],
	["RMSProp", { rho: 2 }, "[Hivemind] RMSProp.new: option rho must be a number in [0, 1), got 2"],
	["RMSProp", { epsilon: "small" }, '[Hivemind] RMSProp.new: option epsilon must be a finite number > 0, got "small"'],
	["RProp", { etaPlus: 1 }, "[Hivemind] RProp.new: option etaPlus must be a finite number > 1, got 1"],
	["RProp", { etaMinus: 1 }, "[Hivemind] RProp.new: option etaMinus must be a number in (0, 1), got 1"],
	["RProp", { etaMinus: 0 }, "[Hivemind] RProp.new: option etaMinus must be a number in (0, 1), got 0"],
	["RProp", { minimumStep: 0 }, "[Hivemind] RProp.new: option minimumStep must be a finite number > 0, got 0"],
	["RProp", { maximumStep: -1 }, "[Hivemind] RProp.new: option maximumStep must be a finite number > 0, got -1"],
	["RProp", { minimumStep: 2, maximumStep: 1 }, "[Hivemind] RProp.new: option minimumStep must be ≤ maximumStep (1), got 2"],
	[
		"Adam",
		{ beta3: 0.5, learningRate: 0.1 },
		"[Hivemind] Adam.new: options must only name known options (beta1, beta2, epsilon), got unknown beta3, learningRate",
	],
	["GradientDescent", { momentum: 0.9 }, "[Hivemind] GradientDescent.new: options must only name known options (none), got unknown momentum"],
	["RProp", { eta: 1 }, "[Hivemind] RProp.new: options must only name known options (etaMinus, etaPlus, maximumStep, minimumStep), got unknown eta"],
];

describe("optimizer options", () => {
	it("rejects each bad option, naming the option, what it accepts and the value", () => {
		for (const [name, options, message] of BAD_OPTIONS) {
			expectError(() => createOptimizer(name, options), message);
		}
	});
	it("gives the same errors through the constructors", () => {
		expectError(() => new Adam({ beta1: 2 }), "[Hivemind] Adam.new: option beta1 must be a number in [0, 1), got 2");
		expectError(() => new AdamW({ weightDecay: -1 }), "[Hivemind] AdamW.new: option weightDecay must be a finite number ≥ 0, got -1");
		expectError(() => new NAdam({ beta1: 2 }), "NAdam.new: option beta1");
		expectError(() => new AdaMax({ beta1: 2 }), "AdaMax.new: option beta1");
		expectError(() => new RAdam({ beta1: 2 }), "RAdam.new: option beta1");
		expectError(() => new Momentum({ momentum: 2 }), "Momentum.new: option momentum");
		expectError(() => new Nesterov({ momentum: 2 }), "Nesterov.new: option momentum");
		expectError(() => new AdaGrad({ epsilon: -1 }), "AdaGrad.new: option epsilon");
		expectError(() => new AdaDelta({ rho: 2 }), "AdaDelta.new: option rho");
		expectError(() => new RMSProp({ rho: 2 }), "RMSProp.new: option rho");
		expectError(() => new RProp({ etaPlus: 0.5 }), "RProp.new: option etaPlus");
		expectError(() => new GradientDescent(5 as never), "[Hivemind] GradientDescent.new: options must be a table or nil, got 5");
	});
	it("accepts the edges of each range", () => {
		expect(new Adam({ beta1: 0, beta2: 0 }).getOptions().beta1).toBe(0);
		expect(new Momentum({ momentum: 0 }).getOptions().momentum).toBe(0);
		expect(new AdamW({ weightDecay: 0 }).getOptions().weightDecay).toBe(0);
		expect(new RProp({ minimumStep: 1, maximumStep: 1 }).getOptions().maximumStep).toBe(1);
	});
});
