import { describe, expect, it } from "../support/jest-globals.d";
import { progressLine, ProgressReporter } from "../../cli/progress";

function record(): [Array<string>, (text: string) => void] {
	const out = new Array<string>();
	return [out, (text) => out.push(text)];
}

describe("ProgressReporter", () => {
	it("prints a line at every tenth of the iterations when the output is not a terminal", () => {
		const [out, write] = record();
		const reporter = new ProgressReporter(write, 20, false);
		for (const i of $range(1, 20)) reporter.update(i, 1 / i);
		reporter.finish();
		// iterations 1, 2, 4, 6, ..., 20: the first, then each time ⌊10·i/20⌋ grows
		expect(out.size()).toBe(11);
		expect(out[0]).toBe(progressLine(1, 20, 1) + "\n");
		expect(out[10]).toBe(progressLine(20, 20, 1 / 20) + "\n");
		expect(out[10]).toBe("[##############################] 20/20  cost 0.05\n");
	});

	it("prints the last state when training stops early", () => {
		const [out, write] = record();
		const reporter = new ProgressReporter(write, 100, false);
		for (const i of $range(1, 37)) reporter.update(i, 2);
		reporter.finish();
		expect(out[out.size() - 1]).toBe("[###########-------------------] 37/100  cost 2\n");
		expect(out.size()).toBe(5); // 1, 10, 20, 30, then 37
	});

	it("redraws in place with a carriage return on a terminal, once per percent, and ends the line", () => {
		const [out, write] = record();
		const reporter = new ProgressReporter(write, 1000, true);
		for (const i of $range(1, 1000)) reporter.update(i, 0.5);
		reporter.finish();
		// percent 0 (iterations 1-9), then 1..100: 101 redraws and the final line
		expect(out.size()).toBe(102);
		expect(out[0]).toBe("\r" + progressLine(1, 1000, 0.5));
		expect(out[101]).toBe("\r" + progressLine(1000, 1000, 0.5) + "\n");
		for (const text of out) expect(text.sub(1, 1)).toBe("\r");
	});
});
