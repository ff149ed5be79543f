#!/usr/bin/env node
// `npm run demo`: eight simulated game servers train child models that a main model merges
// (exact statistics, FedAvg parameters, gradients). Same as `npx hivemind demo`.
// The first run compiles the library (about half a minute): say so at once, before the build.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
if (!process.argv.includes("--json")) {
	console.log("Hivemind demo: starting (when the sources changed since the last build, compiling them first takes about 30 s)...");
}
const r = spawnSync(process.execPath, [path.join(__dirname, "..", "bin", "hivemind.js"), "demo", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
