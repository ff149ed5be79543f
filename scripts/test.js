#!/usr/bin/env node
// `npm test [-- <path pattern>] [-t <name pattern>] [--verbose]`:
// compiles the specs as a game with rbxtsc, then runs them with jest-lua under Lune.
// Ends with jest's summary and `N passed, N failed`; exits non-zero on any failure.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
const { ROOT, runLune } = require("./lib/lune");

function build() {
	const rbxtsc = path.join(ROOT, "node_modules", "roblox-ts", "out", "CLI", "cli.js");
	const r = spawnSync(process.execPath, [rbxtsc, "-p", "tsconfig.game.json", "--type", "game", "--rojo", "test.project.json"], {
		cwd: ROOT,
		encoding: "utf8",
	});
	if (r.status !== 0) {
		process.stdout.write(r.stdout || "");
		process.stderr.write(r.stderr || "");
		console.error("[Hivemind] the build failed (rbxtsc); no test ran");
		console.log("0 passed, 0 failed");
		process.exit(1);
	}
}

function main() {
	const args = process.argv.slice(2);
	if (!args.includes("--no-build")) build();
	const harnessArgs = args.filter((a) => a !== "--no-build");
	if (process.stdout.isTTY && !process.env.NO_COLOR) harnessArgs.push("--color");
	process.exit(runLune(["run", "harness/test.luau", "--", ...harnessArgs]));
}

main();
