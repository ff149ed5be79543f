#!/usr/bin/env node
// Fills cli/dist/ for the command line package (@hivemind-ml/cli; cli/package.json's prepack):
// the library and the tool compiled as a game (out-test/src, out-test/cli), roblox-ts's runtime with
// the RuntimeLib fix (include/), the harness that runs them under Lune, and the Node helpers that
// find Lune (scripts/lib/lune.js, scripts/setup-lune.js). The tool carries its own compiled
// library: it is a program for your machine, never synced into a game.
// usage: node scripts/build-cli.js [--no-build] [--clean]
//   --no-build  copy the current out-test/ and include/ (they must be built)
//   --clean     remove cli/dist/ (postpack) and stop
"use strict";
const fs = require("fs");
const path = require("path");
const { buildGame } = require("./lib/build");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "cli", "dist");

/** What goes into cli/dist: [source relative to the repository, destination relative to dist]. */
const COPIES = [
	["out-test/src", "src"],
	["out-test/cli", "cli"],
	["include", "include"],
	["harness", "harness"],
	["scripts/lib/lune.js", "node/lib/lune.js"],
	["scripts/setup-lune.js", "node/setup-lune.js"],
	["LICENSE", "LICENSE"],
];

function main() {
	const args = process.argv.slice(2);
	fs.rmSync(DIST, { recursive: true, force: true });
	if (args.includes("--clean")) return;
	if (!args.includes("--no-build")) {
		const r = buildGame();
		if (!r.ok) {
			process.stderr.write(r.output);
			console.error("[Hivemind] the game build failed; cli/dist not written");
			process.exit(1);
		}
	}
	for (const [from, to] of COPIES) {
		const source = path.join(ROOT, from);
		if (!fs.existsSync(source)) {
			console.error(`[Hivemind] ${from} is missing: run \`npm run build:game\` first`);
			process.exit(1);
		}
		fs.cpSync(source, path.join(DIST, to), {
			recursive: true,
			// rbxtsc also copies cli/'s package.json, bin/ and any dist/ into out-test/cli: not part of the tree
			filter: (file) => !file.endsWith(".tsbuildinfo") && !/[\\/]cli[\\/](dist|bin|package\.json)/.test(path.relative(ROOT, file)),
		});
	}
	console.error(`[Hivemind] wrote ${path.relative(ROOT, DIST)}`);
}

main();
