// The command line's help, its exit codes and the README agree: every command and every option
// `--help` prints is in the README's commands section, every documented exit code is in both
// places with the same meaning, and a run that should give each code gives it.
import { describe, expect, it } from "../support/jest-globals";
import { COMMANDS } from "../../cli/commands";
import { EXIT_CODES } from "../../cli/exitCodes";
import { USAGE } from "../../cli/main";
import { expectContains, FIXTURES, readFile, runCli, TMP } from "./support";

/** The README's text between `### Commands` and `### The model file`. */
function commandsSection(): string {
	const readme = readFile("README.md");
	const [start] = readme.find("### Commands", 1, true);
	const [finish] = readme.find("### The model file", 1, true);
	if (start === undefined || finish === undefined) error("README.md has no Commands section");
	return readme.sub(start, finish);
}

/** The options a command's --help lists. */
function helpOptions(help: string): Array<string> {
	const names = new Array<string>();
	for (const [name] of help.gmatch("\n  %-%-([%w%-]+)")) names.push(name as string);
	return names;
}

describe("hivemind help, exit codes and README agree", () => {
	it("the README lists every command with every option its --help prints", () => {
		const section = commandsSection();
		const missing = new Array<string>();
		for (const command of COMMANDS) {
			const [rowStart] = section.find(`\n| \`${command.name}`, 1, true);
			if (rowStart === undefined) {
				missing.push(`command ${command.name}`);
				continue;
			}
			const row = section.sub(rowStart + 1, (section.find("\n", rowStart + 1, true)[0] ?? section.size()) - 1);
			for (const option of helpOptions(command.help())) {
				const dataOption =
					["delimiter", "missing", "missing-values", "categorical"].includes(option) &&
					row.find("the CSV options", 1, true)[0] !== undefined;
				const everywhere = option === "json" || option === "help";
				if (!dataOption && !everywhere && row.find(`--${option}`, 1, true)[0] === undefined) missing.push(`${command.name} --${option}`);
			}
		}
		for (const option of ["--delimiter", "--missing", "--missing-values", "--categorical", "--json", "--help"]) {
			if (section.find(option, 1, true)[0] === undefined) missing.push(option);
		}
		expect(missing).toEqual([]);
	});

	it("every exit code is documented with the same meaning in --help and the README", () => {
		const section = commandsSection();
		expect(EXIT_CODES.map((e) => e.code)).toEqual([0, 1, 2]);
		for (const exit of EXIT_CODES) {
			expectContains(section, `| ${exit.code} | ${exit.meaning} |`);
			expectContains(USAGE, `  ${exit.code}  ${exit.meaning}`);
		}
		const help = runCli("--help");
		expect(help.code).toBe(0);
		expectContains(help.out, "exit codes:");
	});

	it("each documented exit code is what a run of that kind returns", () => {
		const regression = `${FIXTURES}/regression.csv`;
		// 0: success
		expect(runCli("models").code).toBe(0);
		expect(runCli("train", "--model", "RidgeRegression", "--data", regression, "--target", "coins", "--out", `${TMP}/docs.json`).code).toBe(0);
		// 1: the run failed (training diverged)
		const diverged = runCli(
			"train",
			"--model",
			"LinearRegression",
			"--data",
			regression,
			"--target",
			"coins",
			"--out",
			`${TMP}/docs-e.json`,
			"--params",
			'{"learningRate":5}',
		);
		expect(diverged.code).toBe(1);
		// 2: bad input of each kind: command, option, model, --params (syntax and an unknown key), CSV, model file
		const badInputs: Array<Array<string>> = [
			["frobnicate"],
			["train", "--bogus"],
			["train", "--model", "Forest", "--data", regression, "--target", "coins", "--out", `${TMP}/e.json`],
			["train", "--model", "RidgeRegression", "--data", regression, "--target", "coins", "--out", `${TMP}/e.json`, "--params", "{x"],
			["train", "--model", "RidgeRegression", "--data", regression, "--target", "coins", "--out", `${TMP}/e.json`, "--params", '{"lambdaa":1}'],
			["train", "--model", "RidgeRegression", "--data", `${FIXTURES}/bad-number.csv`, "--target", "coins", "--out", `${TMP}/e.json`],
			["predict", "--model-file", regression, "--data", regression],
		];
		for (const args of badInputs) {
			const r = runCli(...args);
			if (r.code !== 2) error(`expected exit code 2 for ${args.join(" ")}, got ${r.code}: ${r.err}`);
		}
	});
});
