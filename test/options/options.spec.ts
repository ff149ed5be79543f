import { describe, expect, it } from "../support/jest-globals.d";
import { expectError } from "../support/numeric";
import {
	anyOf,
	booleanValue,
	ConstraintTable,
	integerAtLeast,
	labelList,
	numberAbove,
	numberBetween,
	oneOf,
	resolveOptions,
	validateOptions,
} from "../../src/options";

interface Options {
	rate: number;
	count: number;
	mode: string;
	flag: boolean;
	mix?: number;
}
const defaults: Options = { rate: 0.1, count: 5, mode: "a", flag: false };
const constraints: ConstraintTable<Options> = {
	rate: numberAbove(0),
	count: integerAtLeast(1, 10),
	mode: oneOf("a", "b"),
	flag: booleanValue,
	mix: numberBetween(0, 1),
};

describe("options: resolve and validate", () => {
	it("merges user values over defaults and freezes the result", () => {
		const o = resolveOptions("M.new", defaults, { rate: 2, mix: 0.5 }, constraints);
		expect(o.rate).toBe(2);
		expect(o.count).toBe(5);
		expect(o.mix).toBe(0.5);
		expect(table.isfrozen(o)).toBe(true);
		expect(defaults.rate).toBe(0.1);
		expect(resolveOptions("M.new", defaults, undefined, constraints).mode).toBe("a");
	});
	it("names unknown options and lists the valid ones", () => {
		expectError(
			() => resolveOptions("M.new", defaults, { rat: 1 } as never, constraints),
			'[Hivemind] M.new: unknown option "rat"; valid options are count, flag, mix, mode, rate',
		);
		expectError(() => resolveOptions("M.new", defaults, { z: 1, b: 2 } as never, constraints), 'unknown options "b", "z"');
	});
	it("names the option, the value and what is valid", () => {
		expectError(() => validateOptions("M.new", { rate: -1 }, constraints), "[Hivemind] M.new: rate must be a finite number > 0, got -1");
		expectError(() => validateOptions("M.new", { rate: math.huge }, constraints), "rate must be a finite number > 0, got inf");
		expectError(() => validateOptions("M.new", { count: 1.5 }, constraints), "count must be an integer in [1, 10], got 1.5");
		expectError(() => validateOptions("M.new", { mode: "c" }, constraints), 'mode must be one of "a", "b", got "c"');
		expectError(() => validateOptions("M.new", { flag: 1 }, constraints), "flag must be a boolean, got 1");
		expectError(() => validateOptions("M.new", { mix: 2 }, constraints), "mix must be a number in [0, 1], got 2");
		expectError(
			() => validateOptions("M.new", 5, constraints),
			"M.new: options must be a table of options, got 5 (DataPredict-style arguments? Hivemind.DataPredict takes DataPredict's calls unchanged)",
		);
	});
	it("checks label lists and unions", () => {
		expect(labelList.check([1, "a"])).toBe(true);
		expect(labelList.check([1, 1])).toBe(false);
		expect(labelList.check([])).toBe(false);
		const c = anyOf(oneOf("x"), numberAbove(0));
		expect(c.check("x")).toBe(true);
		expect(c.check(3)).toBe(true);
		expect(c.check(-3)).toBe(false);
		expect(c.expected).toBe('one of "x" or a finite number > 0');
	});
});
