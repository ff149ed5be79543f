#!/usr/bin/env node
// `npm run build:game`: compiles the library, specs, Studio runner and command line as a game
// (tsconfig.game.json, laid out by default.project.json) into out-test/, with roblox-ts's runtime
// in include/ carrying the RuntimeLib re-registration fix (scripts/lib/runtimeLib.js).
// Then `rojo serve` (default.project.json) syncs exactly what `npm test` runs.
"use strict";
const { buildGame } = require("./lib/build");

const result = buildGame();
process.stdout.write(result.output);
if (!result.ok) {
	console.error("[Hivemind] the game build failed (rbxtsc -p tsconfig.game.json)");
	process.exit(1);
}
console.log("[Hivemind] built out-test/ and include/ (RuntimeLib patched): `rojo serve` serves default.project.json");
