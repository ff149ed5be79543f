#!/usr/bin/env node
// `npm test [-- <path pattern>...] [-t <name pattern>] [--verbose] [--no-build]`:
// compiles the specs as a game with rbxtsc (default.project.json, the tree Studio syncs), patches
// roblox-ts's RuntimeLib in include/, then runs the specs with jest-lua under Lune.
// Ends with jest's summary and one line `N passed, N failed`; exits non-zero on any failure.
// `--tsconfig <file>`, `--project <rojo project>` and `--include <dir>` (where rbxtsc copies its
// runtime library) build and run another tree (the harness's own fixtures use them);
// `--root <Instance path>` picks the folder holding the specs.
"use strict";
const { runLune } = require("./lib/lune");
const { buildGame } = require("./lib/build");

/** Splits the command line into build options and the arguments passed on to the harness. */
function parseArgs(argv) {
	const options = { build: true, tsconfig: "tsconfig.game.json", project: "default.project.json", include: "include", harness: [] };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === "--no-build") options.build = false;
		else if (arg === "--tsconfig") options.tsconfig = argv[++i];
		else if (arg === "--project") options.project = argv[++i];
		else if (arg === "--include") options.include = argv[++i];
		else options.harness.push(arg);
	}
	for (const key of ["tsconfig", "project", "include"]) {
		if (options[key] === undefined) {
			console.error(`[Hivemind] --${key} needs a value`);
			console.log("0 passed, 0 failed");
			process.exit(2);
		}
	}
	return options;
}

/** Compiles with rbxtsc (and patches the runtime it copies); on failure prints the compiler's output and exits 1. */
function build({ tsconfig, project, include }) {
	const r = buildGame({ tsconfig, project, include });
	if (!r.ok) {
		process.stdout.write(r.stdout);
		process.stderr.write(r.stderr);
		console.error(`[Hivemind] the build failed (rbxtsc -p ${tsconfig}); no test ran`);
		console.log("0 passed, 0 failed");
		process.exit(1);
	}
}

function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.build) build(options);
	const harnessArgs = ["--project", options.project, ...options.harness];
	if (process.stdout.isTTY && !process.env.NO_COLOR) harnessArgs.push("--color");
	process.exit(runLune(["run", "harness/test.luau", "--", ...harnessArgs]));
}

main();
