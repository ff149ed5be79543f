#!/usr/bin/env node
// Checks the packages as a game developer meets them: packs @rbxts/hivemind and the command line
// package, installs the library into a roblox-ts game template in a temporary folder (npm, from
// its cache only), compiles test/fixtures/consumer/src/server/main.server.ts with the game's own
// rbxtsc, and runs it headlessly; then installs the command line package, runs `npx hivemind
// train` there and compiles the game again.
// usage: node scripts/check-consumer.js [--no-build] [--keep]
//   --no-build  pack out/ and out-test/ as they are (`npm run build` and the game build done)
//   --keep      leave the temporary folder (its path is in the report)
// Prints one JSON report as the last line of stdout (test/harness/package.spec.ts reads it).
// Exits 1 when a step fails (the report's `failure` says which), 0 otherwise: the spec judges
// the facts.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const FIXTURE = path.join(ROOT, "test", "fixtures", "consumer");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const args = process.argv.slice(2);
const report = {};

class StepFailure extends Error {}

/** Runs a command; returns its output, or fails the step `name` with its output. */
function run(name, command, commandArgs, cwd) {
	const r = spawnSync(command, commandArgs, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
	const output = `${r.stdout || ""}${r.stderr || ""}${r.error ? r.error.message : ""}`;
	if (r.error || r.status !== 0) throw new StepFailure(`${name}: ${command} ${commandArgs.join(" ")} exited with ${r.status}\n${output}`);
	return output;
}

/** Every file under `dir` (relative paths, `/`-separated), following no symlink. */
function filesUnder(dir, prefix = "") {
	const found = [];
	if (!fs.existsSync(dir)) return found;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const rel = prefix + entry.name;
		if (entry.isDirectory()) found.push(...filesUnder(path.join(dir, entry.name), `${rel}/`));
		else found.push(rel);
	}
	return found;
}

/** Packs the library and the command line package into `dir`; returns the two tarballs' paths. */
function pack(dir) {
	const node = process.execPath;
	if (!args.includes("--no-build")) run("build the library", NPM, ["run", "build"], ROOT);
	run("fill cli/dist", node, [path.join(ROOT, "scripts", "build-cli.js"), ...(args.includes("--no-build") ? ["--no-build"] : [])], ROOT);
	try {
		const tarballs = [];
		for (const workspace of [[], ["-w", "cli"]]) {
			const out = run("npm pack", NPM, ["pack", ...workspace, "--ignore-scripts", "--json", "--pack-destination", dir], ROOT);
			const [info] = JSON.parse(out.slice(out.indexOf("[")));
			tarballs.push({ file: path.join(dir, info.filename), files: info.files.map((f) => f.path) });
		}
		return tarballs;
	} finally {
		run("clean cli/dist", node, [path.join(ROOT, "scripts", "build-cli.js"), "--clean"], ROOT);
	}
}

/** Writes the game template: package.json with the repository's compiler versions, tsconfig, project, script. */
function createGame(game, libraryTarball) {
	const own = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
	const devDependencies = {};
	for (const name of ["roblox-ts", "typescript", "@rbxts/types", "@rbxts/compiler-types"]) devDependencies[name] = own.devDependencies[name];
	const manifest = { name: "consumer-game", version: "1.0.0", private: true, dependencies: { "@rbxts/hivemind": `file:${libraryTarball}` }, devDependencies };
	fs.mkdirSync(game, { recursive: true });
	fs.writeFileSync(path.join(game, "package.json"), JSON.stringify(manifest, null, "\t"));
	fs.cpSync(FIXTURE, game, { recursive: true });
}

function npmInstall(game, extra) {
	// npm resolves from its cache where it can (the repository's own install filled it), else the registry.
	return run(`npm install ${extra.join(" ")}`.trim(), NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", ...extra], game);
}

function compileGame(game, name) {
	const rbxtsc = path.join(game, "node_modules", "roblox-ts", "out", "CLI", "cli.js");
	run(name, process.execPath, [rbxtsc, "-p", "tsconfig.json"], game);
	return fs.readFileSync(path.join(game, "out", "server", "main.server.luau"), "utf8");
}

/** What Rojo syncs under @rbxts/hivemind: its script files and the facts the check needs. */
function syncedLibrary(game) {
	const dir = path.join(game, "node_modules", "@rbxts", "hivemind");
	const files = filesUnder(dir);
	const scripts = files.filter((f) => /\.luau?$/.test(f));
	return {
		topLevel: [...new Set(files.map((f) => f.split("/")[0]))].sort(),
		scripts: scripts.length,
		outsideOut: scripts.filter((f) => !f.startsWith("out/")),
		luneRequires: scripts.filter((f) => /require\(\s*["']@lune\//.test(fs.readFileSync(path.join(dir, f), "utf8"))),
	};
}

/**
 * Exported constants of the installed typings whose object type declares methods (`f(...)`):
 * roblox-ts compiles calls through them to `X:f(...)` in a game, so a namespace object must not.
 */
function methodNamespaces(game) {
	const dir = path.join(game, "node_modules", "@rbxts", "hivemind");
	const found = [];
	for (const file of filesUnder(dir).filter((f) => f.endsWith(".d.ts"))) {
		const lines = fs.readFileSync(path.join(dir, file), "utf8").split("\n");
		lines.forEach((line, i) => {
			const m = /^export declare const (\w+): \{$/.exec(line);
			if (!m) return;
			for (let j = i + 1; j < lines.length && lines[j] !== "};"; j++) {
				if (/^\s+\w+\??\(/.test(lines[j])) found.push(`${m[1]} (${file}): ${lines[j].trim()}`);
			}
		});
	}
	return found;
}

/** Lune binaries and runtime caches anywhere under the game's node_modules. */
function luneFiles(game) {
	return filesUnder(path.join(game, "node_modules")).filter((f) => /(^|\/)(lune|lune\.exe)$|lune-runtime|\/\.cache\//.test(f));
}

function runScript(game) {
	const runner = path.join(ROOT, "scripts", "lune.js");
	const project = path.join(game, "default.project.json");
	return run("run the game script headlessly", process.execPath, [runner, path.join(ROOT, "harness", "run.luau"), project, "ServerScriptService.TS.main"], ROOT);
}

/** The numbers a `label: a b c` line printed. */
function numbersOf(output, label) {
	const line = output.split("\n").find((l) => l.startsWith(`${label}: `));
	return line === undefined ? undefined : line.slice(label.length + 2).trim().split(/\s+/).map(Number);
}

function main() {
	const temp = fs.mkdtempSync(path.join(os.tmpdir(), "hivemind-consumer-"));
	report.folder = temp;
	try {
		const [library, cli] = pack(temp);
		report.libraryTarball = library.files.sort();
		report.cliTarballFiles = cli.files.length;
		const game = path.join(temp, "game");
		createGame(game, library.file);
		npmInstall(game, []);
		const installed = JSON.parse(fs.readFileSync(path.join(game, "node_modules", "@rbxts", "hivemind", "package.json"), "utf8"));
		report.installScripts = Object.keys(installed.scripts || {}).filter((s) => /install/.test(s));
		report.dependencies = Object.keys(installed.dependencies || {}).sort();
		const luau = compileGame(game, "compile the game");
		report.dotCalls = ["Matrix.matmul(", "Metrics.accuracy("].filter((call) => luau.includes(call));
		report.colonCalls = (luau.match(/\b(Matrix|Metrics):\w+\(/g) || []).sort();
		report.methodNamespaces = methodNamespaces(game);
		const output = runScript(game);
		report.results = {};
		for (const label of ["matmul", "accuracy", "linear", "merged"]) report.results[label] = numbersOf(output, label);
		report.synced = syncedLibrary(game);
		report.luneInGame = luneFiles(game);
		// The command line route: install the tool's package beside the game, train a model, rebuild.
		npmInstall(game, ["--save-dev", cli.file]);
		const trained = run("npx hivemind train", NPM, ["exec", "--prefer-offline", "--", "hivemind", "train", "--model", "LinearRegression", "--data", "data.csv", "--target", "y", "--out", "model.json", "--iterations", "50"], game);
		report.cliTrained = fs.existsSync(path.join(game, "model.json"));
		report.cliOutputTail = trained.trim().split("\n").slice(-2);
		report.cachesInRbxts = filesUnder(path.join(game, "node_modules", "@rbxts")).filter((f) => /(^|\/)\.cache\/|lune-runtime/.test(f));
		report.syncedAfterCli = syncedLibrary(game);
		report.rebuiltAfterCli = compileGame(game, "compile the game after the command line ran").includes("Matrix.matmul(");
	} catch (e) {
		report.failure = e instanceof StepFailure ? e.message : String(e && e.stack ? e.stack : e);
	} finally {
		if (!args.includes("--keep")) fs.rmSync(temp, { recursive: true, force: true });
	}
	console.log(JSON.stringify(report));
	process.exit(report.failure === undefined ? 0 : 1);
}

main();
