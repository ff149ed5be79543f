#!/usr/bin/env node
// Layer check: every relative import in src/ must follow the layer map at the top of
// docs/DESIGN.md (the table between `<!-- layers:begin -->` and `<!-- layers:end -->`), cli/ may
// import src/ but src/ never imports cli/, and no source file in src/ or cli/ is over 400 lines.
// Prints one line per problem (`file:line: ...`) and exits 1 if there is any; no dependencies.
//   node .ci/check-layers.js [--root <dir>]   check a tree (default: this repository)
//   node .ci/check-layers.js --self-test      show on a temporary tree that bad imports fail
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const MAX_LINES = 400;
const SOURCE = /\.(ts|tsx)$/;

/** Reads the layer table of docs/DESIGN.md: Map folder → Set of folders it may import ("*" = any). */
function readLayerMap(root) {
	const designPath = path.join(root, "docs", "DESIGN.md");
	const text = fs.readFileSync(designPath, "utf8");
	const begin = text.indexOf("<!-- layers:begin -->");
	const end = text.indexOf("<!-- layers:end -->");
	if (begin < 0 || end < begin) throw new Error(`${designPath}: no <!-- layers:begin --> ... <!-- layers:end --> table`);
	const map = new Map();
	for (const line of text.slice(begin, end).split("\n")) {
		const cells = line.split("|").slice(1, -1);
		if (cells.length < 3) continue;
		const folders = [...cells[1].matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\/$/, ""));
		if (folders.length === 0) continue; // header or separator row
		const allowed = new Set([...cells[2].matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\/$/, "")));
		for (const folder of folders) map.set(folder, allowed);
	}
	return map;
}

/** All source files under a directory, as paths relative to root with forward slashes. */
function listSources(root, dir) {
	const out = [];
	const walk = (rel) => {
		const abs = path.join(root, rel);
		if (!fs.existsSync(abs)) return;
		for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
			const child = `${rel}/${entry.name}`;
			if (entry.isDirectory()) walk(child);
			else if (SOURCE.test(entry.name)) out.push(child);
		}
	};
	walk(dir);
	return out.sort();
}

/** Every import/export-from/import() specifier of a file with its 1-based line. */
function importsOf(text) {
	const found = [];
	const pattern = /\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g;
	for (const m of text.matchAll(pattern)) {
		const line = text.slice(0, m.index).split("\n").length;
		found.push({ spec: m[1], line });
	}
	return found;
}

/** The file a relative specifier names (repository-relative), or undefined. */
function resolveImport(root, fromFile, spec) {
	const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
	for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, `${base}/index.ts`]) {
		const abs = path.join(root, candidate);
		if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return candidate;
	}
	return undefined;
}

/** The layer-map folder of a src/ file: the longest folder of the map that contains it. */
function layerOf(map, file) {
	const rel = file.slice("src/".length);
	if (!rel.includes("/")) return rel; // a root file such as index.ts
	let best;
	for (const folder of map.keys()) {
		if ((rel === folder || rel.startsWith(`${folder}/`)) && (best === undefined || folder.length > best.length)) best = folder;
	}
	return best ?? rel.split("/")[0];
}

/** Checks a tree; returns the problems as `file:line: message` strings. */
function check(root) {
	const problems = [];
	const map = readLayerMap(root);
	const files = [...listSources(root, "src"), ...listSources(root, "cli")];
	for (const file of files) {
		const text = fs.readFileSync(path.join(root, file), "utf8");
		const lines = text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
		if (lines > MAX_LINES) problems.push(`${file}:${MAX_LINES + 1}: ${lines} lines, over the limit of ${MAX_LINES}: split it`);
		const inSrc = file.startsWith("src/");
		const from = inSrc ? layerOf(map, file) : undefined;
		if (inSrc && !map.has(from)) {
			problems.push(`${file}:1: folder src/${from} is not in the layer map of docs/DESIGN.md: add a row`);
			continue;
		}
		for (const { spec, line } of importsOf(text)) {
			if (!spec.startsWith(".")) continue;
			const target = resolveImport(root, file, spec);
			if (target === undefined) {
				problems.push(`${file}:${line}: import "${spec}" names no file`);
				continue;
			}
			if (!inSrc) {
				if (!target.startsWith("src/") && !target.startsWith("cli/"))
					problems.push(`${file}:${line}: cli -> ${target}: cli/ may import only src/ and cli/`);
				continue;
			}
			if (!target.startsWith("src/")) {
				problems.push(`${file}:${line}: src/${from} -> ${target}: src/ never imports outside src/ (cli/, test/, ...)`);
				continue;
			}
			const to = layerOf(map, target);
			const allowed = map.get(from);
			if (to === from || allowed.has("*") || allowed.has(to)) continue;
			problems.push(`${file}:${line}: src/${from} -> src/${to} is not allowed by the layer map ("${spec}")`);
		}
	}
	return problems;
}

/** Builds a small tree with known faults and checks that each one is reported. */
function selfTest() {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), "check-layers-"));
	const write = (rel, text) => {
		fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
		fs.writeFileSync(path.join(root, rel), text);
	};
	try {
		write("docs/DESIGN.md", ["<!-- layers:begin -->", "| Layer | Folder | May import |", "|---|---|---|",
			"| 0 | `core` | — |", "| 1 | `matrix` | `core` |", "| 9 | `index.ts` | `*` |", "<!-- layers:end -->", ""].join("\n"));
		write("src/core/values.ts", 'import { zeros } from "../matrix/creation";\nexport const one = 1;\n');
		write("src/matrix/creation.ts", 'import { one } from "../core/values";\nexport const zeros = one - 1;\n');
		write("src/matrix/big.ts", "export const x = 1;\n".repeat(MAX_LINES + 1));
		write("src/matrix/plot.ts", 'import { draw } from "../../cli/draw";\nexport const p = draw;\n');
		write("src/extra/thing.ts", "export const t = 1;\n");
		write("src/index.ts", 'export * from "./matrix/creation";\nexport * from "./core/values";\n');
		write("cli/draw.ts", 'import { zeros } from "../src/matrix/creation";\nimport { z } from "../test/z";\nexport const draw = zeros;\n');
		write("test/z.ts", "export const z = 1;\n");
		const problems = check(root);
		const expected = [
			"src/core/values.ts:1: src/core -> src/matrix is not allowed",
			`src/matrix/big.ts:${MAX_LINES + 1}: ${MAX_LINES + 1} lines, over the limit`,
			"src/matrix/plot.ts:1: src/matrix -> cli/draw.ts: src/ never imports outside src/",
			"src/extra/thing.ts:1: folder src/extra is not in the layer map",
			"cli/draw.ts:2: cli -> test/z.ts: cli/ may import only src/ and cli/",
		];
		const missing = expected.filter((want) => !problems.some((p) => p.startsWith(want)));
		const extra = problems.filter((p) => !expected.some((want) => p.startsWith(want)));
		for (const p of problems) console.log(`  reported: ${p}`);
		if (missing.length > 0 || extra.length > 0) {
			for (const m of missing) console.error(`[Hivemind] check-layers self-test: not reported: ${m}`);
			for (const e of extra) console.error(`[Hivemind] check-layers self-test: unexpected: ${e}`);
			return 1;
		}
		console.log(`check-layers self-test: all ${expected.length} planted faults reported, allowed imports passed`);
		return 0;
	} finally {
		fs.rmSync(root, { recursive: true, force: true });
	}
}

function main(argv) {
	if (argv.includes("--self-test")) return selfTest();
	const rootIndex = argv.indexOf("--root");
	const root = rootIndex >= 0 ? path.resolve(argv[rootIndex + 1]) : path.resolve(__dirname, "..");
	const problems = check(root);
	for (const p of problems) console.error(p);
	if (problems.length > 0) {
		console.error(`[Hivemind] check-layers: ${problems.length} problem(s); the map is at the top of docs/DESIGN.md`);
		return 1;
	}
	console.log("check-layers: imports follow the layer map of docs/DESIGN.md; no source file over 400 lines");
	return 0;
}

process.exit(main(process.argv.slice(2)));
