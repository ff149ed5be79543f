#!/usr/bin/env node
// `npm run build:game [-- --watch]`: compiles the library, specs, Studio runner and command line
// as a game (tsconfig.game.json, laid out by default.project.json) into out-test/, with roblox-ts's
// runtime in include/ carrying the RuntimeLib re-registration fix (scripts/lib/runtimeLib.js).
// Then `rojo serve` (default.project.json) syncs exactly what `npm test` runs.
// `--watch` builds once, then keeps rbxtsc rebuilding on save without re-copying include/
// (`--noInclude`), so the patched RuntimeLib stays in place.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
const { buildGame } = require("./lib/build");

const ROOT = path.resolve(__dirname, "..");
const watch = process.argv.includes("--watch") || process.argv.includes("-w");

const result = buildGame();
process.stdout.write(result.output);
if (!result.ok) {
	console.error("[Hivemind] the game build failed (rbxtsc -p tsconfig.game.json)");
	process.exit(1);
}
console.log("[Hivemind] built out-test/ and include/ (RuntimeLib patched): `rojo serve` serves default.project.json");
if (watch) {
	const rbxtsc = require.resolve("roblox-ts/out/CLI/cli.js", { paths: [ROOT] });
	const args = [rbxtsc, "-w", "-p", "tsconfig.game.json", "--type", "game", "--rojo", "default.project.json", "--noInclude"];
	const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
	process.exit(r.status === null ? 1 : r.status);
}
