// Random CSV files, well-formed or broken in one of the ways spreadsheets and scripts break them,
// each with what reading it must give: an error (exit code 2) or a model whose report lists the
// decisions the generator knows it forced (byte-order mark, delimiter, trimming, missing values).
import { RandomGenerator } from "../../src/matrix/random";

/** One generated case. */
export interface FuzzCase {
	/** The file's bytes. */
	text: string;
	/** Extra command-line options (`--missing`, `--delimiter`). */
	options: Array<string>;
	/** What was done to the file, for failure messages. */
	story: Array<string>;
	/** True when reading must fail (exit code 2, naming row and column). */
	mustFail: boolean;
	/** Fragments the training report's decisions must hold (when reading succeeds). */
	decisions: Array<string>;
	/** Rows the model must be trained on (when reading succeeds). */
	rows: number;
}

const WORDS = ["bow", "sword", "gun", "axe", "wand"];
const MARKERS = ["", "NA", "n/a", "NaN", "null", "N/A"];
const BREAKS = [
	"unclosed",
	"stray",
	"after",
	"extra",
	"short",
	"utf8",
	"utf16",
	"mixed",
	"hex",
	"comma",
	"duplicate",
	"emptyName",
	"targetText",
	"headerOnly",
	"empty",
];

function pick<T>(rng: RandomGenerator, list: Array<T>): T {
	return list[rng.integer(0, list.size() - 1)];
}

function chance(rng: RandomGenerator, p: number): boolean {
	return rng.uniform() < p;
}

function quote(value: string): string {
	const [escaped] = value.gsub('"', '""');
	return `"${escaped}"`;
}

/** Generates case number `index` (seeded by it). */
export function generateCase(index: number): FuzzCase {
	const rng = new RandomGenerator(1000 + index);
	const story = new Array<string>();
	const decisions = new Array<string>();
	const options = new Array<string>();
	const featureCount = rng.integer(2, 4);
	const n = rng.integer(2, 9);
	const names = new Array<string>();
	for (const j of $range(1, featureCount)) names.push(`f${j}`);
	names.insert(rng.integer(0, featureCount), "y");
	const categorical = names.map((name) => name !== "y" && chance(rng, 0.35));
	const cells = new Array<Array<string>>();
	for (const _ of $range(1, n)) {
		cells.push(
			names.map((name, j) =>
				categorical[j]
					? pick(rng, WORDS)
					: chance(rng, 0.5)
						? string.format("%d", math.floor(rng.uniform(-50, 50)))
						: string.format("%.3f", rng.uniform(-50, 50)),
			),
		);
	}
	const delimiter = pick(rng, [",", ",", ",", ";", "\t"]);
	const shown = delimiter === "\t" ? "tab" : `"${delimiter}"`;
	if (chance(rng, 0.3)) {
		options.push("--delimiter", delimiter === "\t" ? "tab" : delimiter);
		decisions.push(`delimiter: ${shown} (given)`);
	} else {
		decisions.push(`delimiter: ${shown} (sniffed`);
	}
	story.push(`delimiter ${shown}`);
	const breakKind = chance(rng, 0.4) ? pick(rng, BREAKS) : undefined;
	let mustFail = breakKind !== undefined;
	let rows = n;
	// missing cells (not with a break, whose error must be the one reported)
	if (breakKind === undefined && chance(rng, 0.4)) {
		const policy = pick(rng, ["error", "mean", "median", "drop"]);
		options.push("--missing", policy);
		const missingRows = new Set<number>();
		const missingColumns = new Map<number, number>();
		let targetMissing = false;
		for (const _ of $range(1, rng.integer(1, 3))) {
			const r = rng.integer(0, n - 1);
			const c = rng.integer(0, names.size() - 1);
			if (MARKERS.includes(cells[r][c])) continue;
			cells[r][c] = pick(rng, MARKERS);
			missingRows.add(r);
			missingColumns.set(c, (missingColumns.get(c) ?? 0) + 1);
			if (names[c] === "y") targetMissing = true;
		}
		let allMissing = false;
		for (const [, count] of missingColumns) if (count === n) allMissing = true;
		story.push(`missing cells in ${missingRows.size()} rows, --missing ${policy}`);
		if (policy === "error" || allMissing || (targetMissing && policy !== "drop") || (policy === "drop" && missingRows.size() === n)) {
			mustFail = true;
		} else if (policy === "drop") {
			rows = n - missingRows.size();
			decisions.push(`rows kept: ${rows} of ${n} (${missingRows.size()} dropped)`);
		} else {
			for (const [c] of missingColumns) decisions.push(`column "${names[c]}": ${missingColumns.get(c)} missing (`);
		}
	}
	// rendering: quoting, spaces, breaks
	const numericColumns = names.map((_, j) => j).filter((j) => !categorical[j] && names[j] !== "y");
	let trimmed = false;
	const rendered = cells.map((row, r) =>
		row.map((value, c) => {
			const marker = MARKERS.includes(value);
			if (categorical[c] && !marker && chance(rng, 0.1)) value = `${value}${delimiter} "${pick(rng, WORDS)}"\n${value}`;
			if (categorical[c] && !marker && chance(rng, 0.02)) value = string.rep(value, 600);
			const needsQuote = value.find(`[${delimiter}"\n]`)[0] !== undefined;
			let text = needsQuote || chance(rng, 0.1) ? quote(value) : value;
			if (!needsQuote && text === value && value !== "" && chance(rng, 0.08)) {
				text = ` ${text}  `;
				trimmed = true;
			}
			if (r === n - 1 && c === row.size() - 1 && breakKind === "unclosed") text = `"${value}`;
			return text;
		}),
	);
	const header = table.clone(names);
	if (breakKind !== undefined) story.push(`broken: ${breakKind}`);
	const r = rng.integer(0, n - 1);
	const numeric = numericColumns.size() > 0 ? pick(rng, numericColumns) : names.indexOf("y");
	if (breakKind === "stray") rendered[r][0] = `ab"c`;
	else if (breakKind === "after") rendered[r][0] = `"ab"c`;
	else if (breakKind === "extra") rendered[r].push("7");
	else if (breakKind === "short") rendered[r].pop();
	else if (breakKind === "utf8") rendered[r][0] = `bo${string.char(255)}w`;
	else if (breakKind === "mixed") rendered[r][numeric] = "abc";
	else if (breakKind === "hex") rendered[r][numeric] = "0x1F";
	else if (breakKind === "comma") for (const row of rendered) row[numeric] = quote(`${rng.integer(0, 9)},${rng.integer(1, 9)}`);
	else if (breakKind === "duplicate") header[1] = header[0];
	else if (breakKind === "emptyName") header[0] = "";
	else if (breakKind === "targetText") rendered[r][names.indexOf("y")] = "lots";
	const newline = chance(rng, 0.2) ? "\r\n" : "\n";
	const lines = [header.join(delimiter)];
	if (breakKind !== "headerOnly") {
		for (const row of rendered) {
			if (chance(rng, 0.05)) {
				lines.push("");
				decisions.push("blank lines skipped");
			}
			lines.push(row.join(delimiter));
		}
	}
	let text = lines.join(newline) + (chance(rng, 0.7) ? newline : "");
	if (breakKind === "empty") text = "";
	if (chance(rng, 0.15)) {
		text = "\xEF\xBB\xBF" + text;
		decisions.push("byte-order mark (UTF-8) removed");
	}
	if (breakKind === "utf16") text = string.char(255, 254) + text;
	if (trimmed) decisions.push("unquoted field");
	return { text, options, story, mustFail, decisions, rows };
}
