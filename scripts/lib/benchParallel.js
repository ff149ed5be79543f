// The parallel and frame-budget rows of `npm run bench` (filters `parallel`, `budget`):
// - `parallel ...`: bench/parallel.luau with the process stand-in for Actors (each worker a Lune
//   process), serial vs K = 2 and K = 4 workers, native code generation;
// - `budget ...`: test/bench/stretches.ts in the headless runtime, the longest stretch without a
//   yield of each model's train on 100,000 rows at the default frame budget.
"use strict";
const os = require("os");
const { spawnSync } = require("child_process");
const { ROOT, luneCommand } = require("./lune");
const { buildGame } = require("./build");

function lune(args, env) {
	const { command, args: prefix } = luneCommand();
	const r = spawnSync(command, [...prefix, ...args], {
		cwd: ROOT,
		env,
		encoding: "utf8",
		maxBuffer: 16 * 1024 * 1024,
		stdio: ["ignore", "pipe", "inherit"],
	});
	if (r.error) throw r.error;
	const line = (r.stdout || "")
		.split("\n")
		.filter((l) => l.startsWith("{"))
		.pop();
	if (r.status !== 0 || !line) {
		process.stdout.write(r.stdout || "");
		throw new Error(`[Hivemind] lune ${args.join(" ")} failed (exit ${r.status})`);
	}
	return JSON.parse(line);
}

/** `parallel ...` rows: serialMs, parallelMs, workers, speedup, loadMs, movingShare, relativeDifference (and serialPackedMs: the serial kernel on one f64 buffer, where a case has it). */
function parallelRows(filters) {
	const env = { ...process.env };
	delete env.LUNE_LUAU_JIT;
	const report = lune(["run", "bench/parallel.luau", "--", "out-bench", JSON.stringify(luneCommand()), ...filters], env);
	return report.rows.map((r) => ({ ...r, mode: report.mode }));
}

/** `budget ...` rows: the longest stretch without a yield (ms) of each model's train at the default budget. */
function budgetRows() {
	const build = buildGame();
	if (!build.ok) throw new Error(`[Hivemind] the game build failed:\n${build.output}`);
	const report = lune(["run", "harness/run.luau", "default.project.json", "ReplicatedStorage.HivemindTests.bench.stretches"], process.env);
	return report.rows.map((r) => ({
		name: `budget ${r.name}`,
		size: `${r.rows} rows`,
		budgetMs: report.budgetMs,
		longestMs: r.longestMs,
		p99Ms: r.p99Ms,
		yields: r.yields,
		totalMs: r.totalMs,
		longestHeapFellKb: r.longestHeapFellKb,
		withinTwiceBudget: r.longestMs < 2 * report.budgetMs,
	}));
}

const f1 = (x) => x.toFixed(1);

/** Runs the rows the filters ask for; returns { rows, tables, load } (tables as Markdown). */
function run(filters, log) {
	const wantsParallel = filters.length === 0 || filters.includes("parallel");
	const wantsBudget = filters.length === 0 || filters.includes("budget");
	const load = os.loadavg()[0].toFixed(1);
	const rows = [];
	const tables = [];
	if (wantsParallel) {
		log(`parallel rows: process stand-in for Actors (load average ${load} on ${os.cpus().length} cores)…`);
		const parallel = parallelRows(filters.filter((f) => f !== "parallel" && f !== "budget"));
		rows.push(...parallel);
		tables.push(
			[
				"| operation | size | workers | serial ms | parallel ms | speedup | one-time load ms | share not computing | relative difference |",
				"|---|---|---|---|---|---|---|---|---|",
				...parallel.map(
					(r) =>
						`| ${r.name} | ${r.size} | ${r.workers} | ${f1(r.serialMs)}${r.serialPackedMs === undefined ? "" : ` (one f64 buffer: ${f1(r.serialPackedMs)})`} | ${f1(r.parallelMs)} | ${r.speedup.toFixed(2)}× | ${f1(r.loadMs)} | ${(100 * r.movingShare).toFixed(0)} % | ${r.relativeDifference.toExponential(1)} |`,
				),
			].join("\n"),
		);
	}
	if (wantsBudget) {
		log("budget rows: longest stretch without a yield at the default frame budget (headless runtime)…");
		const budget = budgetRows();
		rows.push(...budget);
		tables.push(
			[
				"| operation | size | budget ms | longest stretch ms | < 2× budget | 99th percentile ms | yields | total ms |",
				"|---|---|---|---|---|---|---|---|",
				...budget.map(
					(r) =>
						`| ${r.name} | ${r.size} | ${r.budgetMs} | ${f1(r.longestMs)} | ${r.withinTwiceBudget ? "yes" : "no"} | ${f1(r.p99Ms)} | ${r.yields} | ${r.totalMs.toFixed(0)} |`,
				),
			].join("\n"),
		);
	}
	return { rows, tables, load };
}

module.exports = { run };
