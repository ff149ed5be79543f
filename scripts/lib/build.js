// The game build shared by `npm test`, `npm run build:game`, the `hivemind` command line and the
// command line package: rbxtsc, then the RuntimeLib patch in the include folder it wrote.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
const { patchRuntimeLib } = require("./runtimeLib");

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Compiles `tsconfig` as a game laid out by the Rojo `project`, with roblox-ts's runtime in
 * `include`, then patches that runtime. Returns `{ ok, output }` (the compiler's output on failure).
 */
function buildGame({ tsconfig = "tsconfig.game.json", project = "default.project.json", include = "include", extraArgs = [] } = {}) {
	const rbxtsc = require.resolve("roblox-ts/out/CLI/cli.js", { paths: [ROOT] });
	const args = [rbxtsc, "-p", tsconfig, "--type", "game", "--rojo", project, "--includePath", include, ...extraArgs];
	const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
	const stdout = r.stdout || "";
	const stderr = (r.stderr || "") + (r.error ? `[Hivemind] rbxtsc could not start: ${r.error.message}\n` : "");
	if (r.error || r.status !== 0) return { ok: false, output: stdout + stderr, stdout, stderr };
	patchRuntimeLib(path.resolve(ROOT, include));
	return { ok: true, output: stdout + stderr, stdout, stderr };
}

module.exports = { buildGame };
