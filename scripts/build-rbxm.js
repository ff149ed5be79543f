#!/usr/bin/env node
// `npm run build:rbxm [-- --output <file>]`: builds the library as a roblox-ts package (out/, as
// `npm run build` does, laid out by package.project.json), then writes dist/Hivemind.rbxm for
// Luau users: a ModuleScript `Hivemind` holding a loader,
// roblox-ts's runtime library, the runtime dependencies and the package
// (layout: scripts/rbxm/Hivemind.project.json; `rojo build` of that file gives the same model).
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { ROOT, runLune } = require("./lib/lune");

const PROJECT = "scripts/rbxm/Hivemind.project.json";

function main() {
	const args = process.argv.slice(2);
	let output = "dist/Hivemind.rbxm";
	for (let i = 0; i < args.length; i++) {
		if (args[i] === "--output" && args[i + 1] !== undefined) output = args[++i];
		else {
			console.error(`usage: node scripts/build-rbxm.js [--output <file.rbxm>] (got ${args[i]})`);
			process.exit(2);
		}
	}
	const rbxtsc = path.join(ROOT, "node_modules", "roblox-ts", "out", "CLI", "cli.js");
	const r = spawnSync(process.execPath, [rbxtsc, "-p", "tsconfig.json", "--type", "package", "--rojo", "package.project.json"], { cwd: ROOT, stdio: "inherit" });
	if (r.error || r.status !== 0) {
		console.error("[Hivemind] the package build failed (rbxtsc -p tsconfig.json --type package); no model written");
		process.exit(1);
	}
	fs.mkdirSync(path.dirname(path.resolve(ROOT, output)), { recursive: true });
	process.exit(runLune(["run", "scripts/build-rbxm.luau", PROJECT, output]));
}

main();
