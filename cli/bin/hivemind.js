#!/usr/bin/env node
// `hivemind` command line tool: runs the compiled library and cli/ under Lune.
// Two layouts: in a clone of the repository it runs out-test/ (rebuilt when src/ or cli/ changed)
// with the repository's harness; in the installed package (@hivemind-ml/cli) it runs the tree that
// scripts/build-cli.js packed into dist/. Lune's private glibc, when needed, goes to the per-user
// cache (scripts/lib/lune.js), never into node_modules.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const PACKAGE = path.resolve(__dirname, "..");
const REPO = path.resolve(PACKAGE, "..");
const IN_REPO = fs.existsSync(path.join(REPO, "tsconfig.game.json")) && fs.existsSync(path.join(REPO, "src"));

/** Where the tool's parts are in this layout. */
const layout = IN_REPO
	? {
			node: path.join(REPO, "scripts"),
			harness: path.join(REPO, "harness"),
			library: path.join(REPO, "out-test", "src"),
			cli: path.join(REPO, "out-test", "cli"),
			include: path.join(REPO, "include"),
		}
	: {
			node: path.join(PACKAGE, "dist", "node"),
			harness: path.join(PACKAGE, "dist", "harness"),
			library: path.join(PACKAGE, "dist", "src"),
			cli: path.join(PACKAGE, "dist", "cli"),
			include: path.join(PACKAGE, "dist", "include"),
		};
const { runLune } = require(path.join(layout.node, "lib", "lune"));

function newestMtime(dir) {
	let newest = 0;
	if (!fs.existsSync(dir)) return newest;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === "dist" || entry.name === "node_modules") continue;
		const p = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
	}
	return newest;
}

/** In the repository: rebuilds the compiled tree when a source is newer than it. */
function ensureBuilt() {
	const marker = path.join(REPO, "out-test", "tsconfig.tsbuildinfo");
	const sources = ["src", "cli"].map((d) => path.join(REPO, d));
	const built = fs.existsSync(marker) && fs.existsSync(layout.include) ? fs.statSync(marker).mtimeMs : 0;
	if (built >= Math.max(...sources.map(newestMtime))) return;
	const { buildGame } = require(path.join(REPO, "scripts", "lib", "build"));
	const r = buildGame();
	if (!r.ok) {
		process.stderr.write(r.output);
		console.error("hivemind: the build failed (rbxtsc)");
		process.exit(1);
	}
}

function packageDir(name) {
	return path.dirname(require.resolve(`${name}/package.json`, { paths: [PACKAGE] }));
}

/** Writes the Rojo project the tool runs in, with absolute paths; returns its path. */
function writeProject() {
	const project = {
		name: "HivemindCli",
		tree: {
			$className: "DataModel",
			ReplicatedStorage: {
				rbxts_include: {
					$path: layout.include,
					node_modules: {
						$className: "Folder",
						"@rbxts": {
							$className: "Folder",
							t: { $path: packageDir("@rbxts/t") },
							services: { $path: packageDir("@rbxts/services") },
						},
					},
				},
				Hivemind: { $path: layout.library },
				HivemindCli: { $path: layout.cli },
			},
		},
	};
	const file = path.join(os.tmpdir(), `hivemind-cli-${process.pid}.project.json`);
	fs.writeFileSync(file, JSON.stringify(project));
	return file;
}

if (IN_REPO) ensureBuilt();
// Lune cannot tell whether stdout is a terminal: the progress bar redraws in place only when it is.
process.env.HIVEMIND_TTY = process.stdout.isTTY ? "1" : "0";
const project = writeProject();
let code;
try {
	code = runLune(["run", path.join(layout.harness, "cli.luau"), project, ...process.argv.slice(2)], { cwd: process.cwd() });
} finally {
	fs.rmSync(project, { force: true });
}
process.exit(code);
