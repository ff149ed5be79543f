#!/usr/bin/env node
// `npm run bench [-- <filter ...>] [--json] [--save]`: benchmarks the matrix engine against a naive
// baseline, and model training (bench/train.luau: `train <Model>` rows), in Luau's interpreter
// (LUNE_LUAU_JIT=0) and with native code generation, each in its own Lune process. Prints Markdown
// tables (or, with --json, one JSON array of rows); --save also writes them to BENCHMARKS.md.
// Filters keep the cases whose "name size" contains one of them (`train` keeps the training rows).
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { ROOT, luneCommand } = require("./lib/lune");
const benchParallel = require("./lib/benchParallel");
const { buildGame } = require("./lib/build");

const LIBRARY_DIR = "out-bench";

function rbxtsc(args, what) {
	const cli = path.join(ROOT, "node_modules", "roblox-ts", "out", "CLI", "cli.js");
	const r = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: "utf8" });
	if (r.status !== 0) {
		process.stdout.write(r.stdout || "");
		process.stderr.write(r.stderr || "");
		console.error(`[Hivemind] the ${what} build failed (rbxtsc)`);
		process.exit(1);
	}
}

/** Builds the library for the bench's loader, and the game build the harness rows load. */
function build(filters) {
	rbxtsc(["-p", "tsconfig.bench.json", "--type", "package", "--rojo", "bench/bench.project.json"], "benchmark");
	const harnessRows = filters.length === 0 || filters.some((f) => "harness train linearregression".includes(f.toLowerCase()));
	if (harnessRows) {
		const r = buildGame();
		if (!r.ok) {
			process.stderr.write(r.output);
			console.error("[Hivemind] the game build failed (rbxtsc)");
			process.exit(1);
		}
	}
}

/** Runs bench/run.luau in one mode and returns its parsed JSON report. */
function runMode(mode, filters) {
	const { command, args } = luneCommand();
	const env = { ...process.env };
	if (mode === "interpreter") env.LUNE_LUAU_JIT = "0";
	else delete env.LUNE_LUAU_JIT;
	const r = spawnSync(command, [...args, "run", "bench/run.luau", LIBRARY_DIR, ...filters], {
		cwd: ROOT,
		env,
		encoding: "utf8",
		maxBuffer: 16 * 1024 * 1024,
		stdio: ["ignore", "pipe", "inherit"],
	});
	if (r.error) throw r.error;
	const line = (r.stdout || "").split("\n").filter((l) => l.startsWith("{")).pop();
	if (r.status !== 0 || !line) {
		process.stdout.write(r.stdout || "");
		console.error(`[Hivemind] the ${mode} benchmark run failed (exit ${r.status})`);
		process.exit(1);
	}
	const report = JSON.parse(line);
	// Lune encodes an empty list as {}.
	for (const key of ["rows", "trainRows", "nativeModules"]) if (!Array.isArray(report[key])) report[key] = [];
	if (report.mode !== mode) throw new Error(`[Hivemind] expected a ${mode} run, Lune reported ${report.mode}`);
	return report;
}

/** The rows whose peak memory bench/memory.luau measures, each in its own Lune process (native code). */
const MEMORY_ROWS = ["train LinearRegression", "train LogisticRegression", "train SoftmaxRegression", "train NeuralNetwork"];

/** `train`'s peak heap growth over the size of its data as Luau tables (bench/memory.luau), or undefined when not measured. */
function memoryRatio(name) {
	if (!MEMORY_ROWS.includes(name)) return undefined;
	const { command, args } = luneCommand();
	const env = { ...process.env };
	delete env.LUNE_LUAU_JIT;
	const r = spawnSync(command, [...args, "run", "bench/memory.luau", "--", LIBRARY_DIR, name], { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
	const line = (r.stdout || "").split("\n").filter((l) => l.startsWith("{")).pop();
	if (r.error || r.status !== 0 || !line) throw new Error(`[Hivemind] bench/memory.luau ${name} failed (exit ${r.status})`);
	return JSON.parse(line).ratio;
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const spread = (t) => `${fmt(t.median)} (${fmt(t.min)}–${fmt(t.max)})`;
const ratio = (baseline, optimized) => `${(baseline / optimized).toFixed(1)}×`;

function main() {
	const argv = process.argv.slice(2);
	const json = argv.includes("--json");
	const save = argv.includes("--save");
	const filters = argv.filter((a) => !a.startsWith("--"));
	const started = Date.now();
	build(filters);
	const log = (msg) => process.stderr.write(`[Hivemind] ${msg}\n`);
	// `parallel` and `budget` select the parallel / frame-budget rows (scripts/lib/benchParallel.js) alone.
	const onlyExtra = filters.length > 0 && filters.every((f) => f === "parallel" || f === "budget");
	if (onlyExtra) {
		const extra = benchParallel.run(filters, log);
		process.stdout.write(json ? JSON.stringify(extra.rows, null, 2) + "\n" : extra.tables.join("\n\n") + "\n");
		return;
	}
	log("benchmarking in the interpreter (LUNE_LUAU_JIT=0)…");
	const interpreter = runMode("interpreter", filters);
	log("benchmarking with native code generation…");
	const native = runMode("native", filters);
	if (native.nativeModules.length === 0) throw new Error("[Hivemind] no module was compiled natively in the native run");

	const rows = interpreter.rows.map((ri) => {
		const rn = native.rows.find((r) => r.name === ri.name && r.size === ri.size);
		return {
			name: ri.name,
			size: ri.size,
			interpreterMs: ri.optimized.median,
			nativeMs: rn.optimized.median,
			baselineInterpreterMs: ri.baseline.median,
			baselineNativeMs: rn.baseline.median,
			interpreterMinMs: ri.optimized.min,
			interpreterMaxMs: ri.optimized.max,
			nativeMinMs: rn.optimized.min,
			nativeMaxMs: rn.optimized.max,
			speedupInterpreter: ri.baseline.median / ri.optimized.median,
			speedupNative: rn.baseline.median / rn.optimized.median,
			timings: { interpreter: ri, native: rn },
		};
	});
	const extra = filters.length === 0 ? benchParallel.run([], log) : { rows: [], tables: [] };
	const trainRows = interpreter.trainRows.map((ri) => {
		const rn = native.trainRows.find((r) => r.name === ri.name);
		const row = { name: ri.name, size: ri.size, nativeMsPerIteration: rn.ms, interpreterMsPerIteration: ri.ms };
		if (rn.kernelMs !== undefined) row.kernelNativeMsPerIteration = rn.kernelMs;
		if (rn.baselineMs !== undefined) row.baselineNativeMsPerIteration = rn.baselineMs;
		row.kbAllocatedPerIteration = rn.kb;
		const ratio = memoryRatio(ri.name);
		if (ratio !== undefined) row.peakMemoryRatio = ratio;
		return row;
	});
	if (json) {
		process.stdout.write(JSON.stringify([...rows.map(({ timings, ...row }) => row), ...trainRows, ...extra.rows], null, 2) + "\n");
		return;
	}
	const lines = [
		"| operation | size | interpreter ms (min–max) | native ms (min–max) | baseline interpreter ms | baseline native ms | vs baseline, interpreter | vs baseline, native |",
		"|---|---|---|---|---|---|---|---|",
		...rows.map(
			(r) =>
				`| ${r.name} | ${r.size} | ${spread(r.timings.interpreter.optimized)} | ${spread(r.timings.native.optimized)} | ` +
				`${spread(r.timings.interpreter.baseline)} | ${spread(r.timings.native.baseline)} | ` +
				`${ratio(r.baselineInterpreterMs, r.interpreterMs)} | ${ratio(r.baselineNativeMs, r.nativeMs)} |`,
		),
	];
	const dash = (v) => (v === undefined ? "—" : fmt(v));
	const trainLines = [
		"| training | rows × features | native ms / iteration | interpreter ms / iteration | kernel ideal, native | naive baseline, native | KB allocated / iteration | peak memory ÷ data |",
		"|---|---|---|---|---|---|---|---|",
		...trainRows.map(
			(r) =>
				`| ${r.name} | ${r.size} | ${fmt(r.nativeMsPerIteration)} | ${fmt(r.interpreterMsPerIteration)} | ` +
				`${dash(r.kernelNativeMsPerIteration)} | ${dash(r.baselineNativeMsPerIteration)} | ${r.kbAllocatedPerIteration.toFixed(2)} | ${r.peakMemoryRatio === undefined ? "—" : `${r.peakMemoryRatio.toFixed(2)}×`} |`,
		),
	];
	const table = [rows.length > 0 ? lines.join("\n") : "", trainRows.length > 0 ? trainLines.join("\n") : "", ...extra.tables].filter((t) => t !== "").join("\n\n");
	process.stdout.write(table + "\n");
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	log(`done in ${seconds} s; median of 7 samples per figure; native modules: ${native.nativeModules.length}`);
	for (const r of rows.filter((row) => row.name === "matmul")) {
		const gain = r.interpreterMs / r.nativeMs;
		log(`native code runs matmul ${r.size} ${gain.toFixed(1)}× faster than the interpreter`);
		if (gain < 1.5) log("WARNING: native code is not clearly faster: are the kernels compiled natively?");
	}
	if (save) {
		const command = ["npm run bench", ...(argv.length ? ["--", ...argv] : [])].join(" ");
		const doc = [
			"# Benchmarks",
			"",
			`Made by \`${command}\` (${new Date().toISOString().slice(0, 10)}, Lune, ${process.platform}/${process.arch}, ${seconds} s).`,
			"Each figure is the median of 7 samples (min–max in brackets), in milliseconds per operation.",
			"\"interpreter\" runs with `LUNE_LUAU_JIT=0` (what Roblox runs without `--!native`); \"native\" compiles the",
			"`--!native` modules (all of `src/matrix`'s kernels) to machine code. The baseline is the naive style of",
			"existing Luau ML libraries (bench/baseline.luau): nested tables indexed twice in the inner loop, i-j-k",
			"matrix product, a new table per operation, `solve` as Gauss–Jordan inverse times b, and the epoch as",
			"`w − lr·(Xᵀ(Xw − y))/n` with every step a fresh matrix. Hivemind's epoch is `residualGradientInto`",
			"(the residual formed row by row, no Xᵀ) followed by `addScaledInPlace`. Timings on a shared 2-core",
			"machine vary by ±20 % from run to run; the ratios are more stable than the absolute figures.",
			"`npm run -s bench -- --json` prints the same rows as JSON; `npm run bench -- matmul` runs a subset.",
			"The second table (`npm run bench -- parallel`) runs kernels on K worker processes holding their row shards (the",
			"process stand-in for Actors, native code) against the same kernel on all rows in one process; the third",
			"(`npm run bench -- budget`) is the longest stretch without a yield of each model's train at the default frame",
			`budget, in the headless runtime. Load average when this file was made: ${extra.load ?? "n/a"}.`,
			"",
			"Training rows (bench/train.luau, `npm run bench -- train`): 100,000 rows × 10 features; an iteration is one",
			"full-batch step of `train` (the median interval between `onIteration` calls after the second), for KMeans one",
			"Lloyd iteration, for naive Bayes and the ELM one `train` call. \"kernel ideal\" is the same step as one hand-fused",
			"loop (bench/kernels.luau), \"naive baseline\" in the allocating style; KB allocated is the heap's largest growth",
			"over one iteration (a lower bound where the collector runs meanwhile; exact for loops that allocate nothing).",
			"LogisticRegression runs with `solver = \"GradientDescent\"` (its default is Newton's method). `harness train",
			"LinearRegression` loads the library through the test/CLI harness (harness/runtime.luau) instead of the bench's loader.",
			"\"peak memory ÷ data\" (bench/memory.luau, one process per model): the heap's largest growth during a 20-iteration",
			"`train`, sampled at each `onIteration` call and at the end (garbage not yet collected included), over the size of",
			"X and y as Luau tables.",
			"",
			table,
			"",
		].join("\n");
		// Sections after the matrix table ("## ..."), written by other commands, are kept.
		const file = path.join(ROOT, "BENCHMARKS.md");
		const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
		const rest = old.indexOf("\n## ");
		fs.writeFileSync(file, rest >= 0 ? doc + old.slice(rest + 1) : doc);
		log("wrote BENCHMARKS.md");
	}
}

main();
