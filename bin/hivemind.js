#!/usr/bin/env node
// `hivemind` command line tool: runs the compiled library and cli/ under the project's Lune.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { ROOT, runLune } = require("../scripts/lib/lune");

const OUT = path.join(ROOT, "out-test");

function newestMtime(dir) {
	let newest = 0;
	if (!fs.existsSync(dir)) return newest;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
	}
	return newest;
}

/** Rebuilds the compiled tree when a source is newer than it (inside the repository). */
function ensureBuilt() {
	const marker = path.join(OUT, "tsconfig.tsbuildinfo");
	const sources = ["src", "cli"].map((d) => path.join(ROOT, d));
	const haveSources = sources.every((d) => fs.existsSync(d)) && fs.existsSync(path.join(ROOT, "tsconfig.game.json"));
	if (!haveSources) return;
	const built = fs.existsSync(marker) && fs.existsSync(path.join(ROOT, "include")) ? fs.statSync(marker).mtimeMs : 0;
	if (built >= Math.max(...sources.map(newestMtime))) return;
	const rbxtsc = require.resolve("roblox-ts/out/CLI/cli.js", { paths: [ROOT] });
	const r = spawnSync(process.execPath, [rbxtsc, "-p", "tsconfig.game.json", "--type", "game", "--rojo", "test.project.json"], {
		cwd: ROOT,
		encoding: "utf8",
	});
	if (r.status !== 0) {
		process.stderr.write((r.stdout || "") + (r.stderr || ""));
		console.error("hivemind: the build failed (rbxtsc)");
		process.exit(1);
	}
}

function packageDir(name) {
	return path.dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
}

/** Writes the Rojo project the tool runs in, with absolute paths; returns its path. */
function writeProject() {
	const project = {
		name: "HivemindCli",
		tree: {
			$className: "DataModel",
			ReplicatedStorage: {
				rbxts_include: {
					$path: path.join(ROOT, "include"),
					node_modules: {
						$className: "Folder",
						"@rbxts": {
							$className: "Folder",
							t: { $path: packageDir("@rbxts/t") },
							services: { $path: packageDir("@rbxts/services") },
						},
					},
				},
				Hivemind: { $path: path.join(OUT, "src") },
				HivemindCli: { $path: path.join(OUT, "cli") },
			},
		},
	};
	const file = path.join(os.tmpdir(), `hivemind-cli-${process.pid}.project.json`);
	fs.writeFileSync(file, JSON.stringify(project));
	return file;
}

/** Prepares Lune on first use where npm's postinstall skipped it (Hivemind installed as a dependency). */
function ensureLune() {
	const lune = require("../scripts/lib/lune");
	if (!lune.needsPrivateGlibc() || fs.existsSync(lune.LOADER)) return;
	const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "setup-lune.js")], { stdio: "inherit" });
	if (r.status !== 0) process.exit(r.status === null ? 1 : r.status);
}

ensureLune();
ensureBuilt();
// Lune cannot tell whether stdout is a terminal: the progress bar redraws in place only when it is.
process.env.HIVEMIND_TTY = process.stdout.isTTY ? "1" : "0";
const project = writeProject();
let code;
try {
	code = runLune(["run", path.join(ROOT, "harness", "cli.luau"), project, ...process.argv.slice(2)], { cwd: process.cwd() });
} finally {
	fs.rmSync(project, { force: true });
}
process.exit(code);
