#!/usr/bin/env node
// `npm run experience`: simulated servers of one experience merge through the stand-in services
// on a simulated clock. Same as `npx hivemind experience`.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
const r = spawnSync(process.execPath, [path.join(__dirname, "..", "bin", "hivemind.js"), "experience", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
