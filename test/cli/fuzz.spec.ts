// 1,000 random CSV files, well-formed or broken (quotes, delimiters, encodings, missing cells, long
// lines; see fuzzCsv.ts), through `hivemind train` in-process on files held in memory. Each must
// give exit code 2 with a message naming the file, row and column, or a model whose report lists
// every decision the reader made and trains on every row it did not say it dropped. Never a crash
// (exit code 1, an internal error) and never a silent drop.
import { describe, expect, it } from "../support/jest-globals";
import { decodeJson } from "../../src/core/json";
import { memoryHost } from "../../cli/host";
import { run } from "../../cli/main";
import { FuzzCase, generateCase } from "./fuzzCsv";

const CASES = 1000;

/** What is wrong with the run of one case, or undefined. */
function problemWith(c: FuzzCase): string | undefined {
	const files = new Map<string, string>([["fuzz.csv", c.text]]);
	const args = [
		"train",
		"--model",
		"RidgeRegression",
		"--data",
		"fuzz.csv",
		"--target",
		"y",
		"--out",
		"model.json",
		"--test-split",
		"0",
		"--json",
		...c.options,
	];
	const host = memoryHost(files, args);
	const code = run(host);
	const err = host.err.join("");
	if (code === 2) {
		if (!c.mustFail) return `exit code 2 for a readable file: ${err}`;
		if (err.find("^hivemind: fuzz%.csv: ")[0] === undefined) return `the message does not name the file: ${err}`;
		if (err.find("rows? %d+")[0] === undefined || err.find("column")[0] === undefined) return `the message does not name row and column: ${err}`;
		if (files.has("model.json")) return "a model file was written for a file that failed";
		return undefined;
	}
	if (code !== 0) return `exit code ${code} (a crash or a model error): ${err}`;
	if (c.mustFail) return "accepted a file that must be refused";
	const report = decodeJson(host.out.join("")) as { decisions: Array<string>; train: { sampleCount: number } };
	const listed = report.decisions.join("\n");
	for (const fragment of c.decisions) {
		if (listed.find(fragment, 1, true)[0] === undefined) return `the report does not list "${fragment}":\n${listed}`;
	}
	if (report.train.sampleCount !== c.rows) return `trained on ${report.train.sampleCount} rows, expected ${c.rows}:\n${listed}`;
	if (!files.has("model.json")) return "no model file written";
	return undefined;
}

describe("hivemind train on 1,000 random malformed CSV files", () => {
	it("refuses each broken file naming row and column, or trains on every row with every decision listed", () => {
		const failures = new Array<string>();
		let refused = 0;
		for (const i of $range(1, CASES)) {
			const c = generateCase(i);
			if (c.mustFail) refused += 1;
			const problem = problemWith(c);
			if (problem !== undefined && failures.size() < 5) failures.push(`case ${i} (${c.story.join("; ")}): ${problem}\n${c.text.sub(1, 400)}`);
			else if (problem !== undefined) failures.push(`case ${i}`);
		}
		expect(failures.size() === 0 ? "" : `${failures.size()} cases failed:\n${failures.join("\n\n")}`).toBe("");
		// both outcomes are exercised in good measure
		expect(refused > 300 && refused < 700).toBe(true);
	});
});
