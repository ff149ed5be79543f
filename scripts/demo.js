#!/usr/bin/env node
// `npm run demo`: eight simulated game servers train child models that a main model merges
// (exact statistics, FedAvg parameters, gradients). Same as `npx hivemind demo`.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
const r = spawnSync(process.execPath, [path.join(__dirname, "..", "bin", "hivemind.js"), "demo", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
