import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose, expectError } from "../support/numeric";
import { constantRate, cosineAnnealing, createSchedule, exponentialDecay, inverseTimeDecay, SCHEDULE_NAMES, stepDecay } from "../../src/optimization";

describe("learning-rate schedules", () => {
	it("constant: the base rate at every iteration", () => {
		const schedule = constantRate();
		expect(schedule.scheduleName).toBe("Constant");
		expect(schedule.rateAt(0.1, 0)).toBe(0.1);
		expect(schedule.rateAt(0.1, 1000)).toBe(0.1);
	});
	it("step decay: base · factor^⌊i / k⌋", () => {
		const schedule = stepDecay({ stepSize: 100, factor: 0.1 });
		expect(schedule.rateAt(0.1, 0)).toBe(0.1);
		expect(schedule.rateAt(0.1, 99)).toBe(0.1);
		expectClose(schedule.rateAt(0.1, 100), 0.01, 1e-15); // 0.1 · 0.1¹
		expectClose(schedule.rateAt(0.1, 250), 0.001, 1e-15); // 0.1 · 0.1²
		expectClose(stepDecay().rateAt(1, 25), 0.25, 1e-15); // defaults k = 10, factor 0.5: 0.5²
	});
	it("exponential decay: base · γ^i", () => {
		expectClose(exponentialDecay({ decayRate: 0.9 }).rateAt(2, 3), 1.458, 1e-15); // 2 · 0.729
		expectClose(exponentialDecay().rateAt(1, 2), 0.9801, 1e-15); // default γ = 0.99
	});
	it("inverse time decay: base / (1 + γ·i)", () => {
		expectClose(inverseTimeDecay({ decayRate: 0.5 }).rateAt(1, 4), 1 / 3, 1e-15);
		expectClose(inverseTimeDecay().rateAt(0.3, 50), 0.2, 1e-15); // default γ = 0.01: 0.3 / 1.5
	});
	it("cosine annealing: min + ½(base − min)(1 + cos(π·τ/T))", () => {
		const hold = cosineAnnealing({ period: 10, minimumRate: 0.01 });
		expectClose(hold.rateAt(0.1, 0), 0.1, 1e-15);
		expectClose(hold.rateAt(0.1, 2), 0.09140576474687263, 1e-14); // 0.01 + 0.045·(1 + cos(0.2π) = 1.809017)
		expectClose(hold.rateAt(0.1, 5), 0.055, 1e-15); // cos(π/2) = 0
		expectClose(hold.rateAt(0.1, 10), 0.01, 1e-15);
		expectClose(hold.rateAt(0.1, 15), 0.01, 1e-15); // stays at the minimum
		const restart = cosineAnnealing({ period: 10, minimumRate: 0.01, restart: true });
		expectClose(restart.rateAt(0.1, 10), 0.1, 1e-15); // τ = 10 mod 10 = 0
		expectClose(restart.rateAt(0.1, 15), 0.055, 1e-15);
		expectClose(cosineAnnealing().rateAt(1, 50), 0.5, 1e-15); // defaults T = 100, min 0
	});
	it("is created by name with options, and rebuilt from getOptions", () => {
		expect(SCHEDULE_NAMES).toEqual(["Constant", "CosineAnnealing", "ExponentialDecay", "InverseTimeDecay", "StepDecay"]);
		const schedule = createSchedule("stepdecay", { stepSize: 2 });
		expect(schedule.scheduleName).toBe("StepDecay");
		expect(schedule.getOptions()).toEqual({ stepSize: 2, factor: 0.5 });
		expectClose(schedule.rateAt(1, 4), 0.25, 1e-15);
		const cosine = cosineAnnealing({ period: 7 });
		expect(createSchedule(cosine.scheduleName, cosine.getOptions()).getOptions()).toEqual({ period: 7, minimumRate: 0, restart: false });
		expect(createSchedule(cosine)).toBe(cosine);
		for (const name of SCHEDULE_NAMES) expect(createSchedule(name).scheduleName).toBe(name);
	});
	it("rejects bad names, options and arguments", () => {
		expectError(
			() => createSchedule("linear"),
			'[Hivemind] createSchedule: nameOrSchedule must be a schedule or one of Constant, CosineAnnealing, ExponentialDecay, InverseTimeDecay, StepDecay, got "linear"',
		);
		expectError(
			() => createSchedule(constantRate(), {}),
			"[Hivemind] createSchedule: options must be nil when a schedule object is given, got a table",
		);
		expectError(() => stepDecay({ stepSize: 0 }), "[Hivemind] stepDecay: stepSize must be an integer ≥ 1, got 0");
		expectError(() => stepDecay({ stepSize: 2.5 }), "[Hivemind] stepDecay: stepSize must be an integer ≥ 1, got 2.5");
		expectError(() => stepDecay({ factor: 1 }), "[Hivemind] stepDecay: factor must be a number in (0, 1), got 1");
		expectError(() => exponentialDecay({ decayRate: 0 }), "[Hivemind] exponentialDecay: decayRate must be a number in (0, 1), got 0");
		expectError(() => inverseTimeDecay({ decayRate: -1 }), "[Hivemind] inverseTimeDecay: decayRate must be a finite number ≥ 0, got -1");
		expectError(() => cosineAnnealing({ period: 0 }), "[Hivemind] cosineAnnealing: period must be an integer ≥ 1, got 0");
		expectError(() => cosineAnnealing({ minimumRate: -0.1 }), "[Hivemind] cosineAnnealing: minimumRate must be a finite number ≥ 0, got -0.1");
		expectError(() => cosineAnnealing({ restart: 1 as never }), "[Hivemind] cosineAnnealing: restart must be a boolean, got 1");
		expectError(() => constantRate({ rate: 1 } as never), '[Hivemind] constantRate: unknown option "rate"; valid options are');
		expectError(() => constantRate().rateAt(-1, 0), "[Hivemind] Constant.rateAt: baseRate must be a finite number ≥ 0, got -1");
		expectError(() => stepDecay().rateAt(0.1, -1), "[Hivemind] StepDecay.rateAt: iteration must be an integer ≥ 0, got -1");
		expectError(() => stepDecay().rateAt(0.1, 1.5), "[Hivemind] StepDecay.rateAt: iteration must be an integer ≥ 0, got 1.5");
	});
});
