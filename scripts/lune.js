#!/usr/bin/env node
// `npm run lune -- <file.luau> [args]`: runs a Luau file with the project's Lune.
"use strict";
const { runLune } = require("./lib/lune");
const args = process.argv.slice(2);
if (args.length === 0) {
	console.error("usage: npm run lune -- <file.luau> [args]");
	process.exit(2);
}
process.exit(runLune(["run", ...args], { cwd: process.cwd() }));
