/**
 * `hivemind transform`: fits a transformer (PCA, StandardScaler, MinMaxScaler, PolynomialFeatures)
 * on a CSV file's encoded columns and writes the transformed columns, named, as CSV (columns given
 * to --keep, such as the target, pass through unchanged), ready for `hivemind train`.
 */
import { formatCsv } from "../../src/io/csv";
import { Matrix } from "../../src/matrix/types";
import { createModel } from "../../src/models";
import { PCA } from "../../src/transformers/PCA";
import { PolynomialFeatures } from "../../src/transformers/PolynomialFeatures";
import { StandardScaler } from "../../src/transformers/StandardScaler";
import { MinMaxScaler } from "../../src/transformers/MinMaxScaler";
import { asUsage, formatHelp, OptionSpec, parseOptions, UsageError } from "../args";
import { JSON_OPTION, parseParams, printJson, stringOption } from "../common";
import { commaList, DATA_OPTIONS, decisionsText, readCsvFile, readDataOptions, readDataset } from "../dataOptions";
import { Host } from "../host";
import { Command } from "./command";

const NAME = "transform";
const SUMMARY = "fit PCA, a scaler or polynomial features on a CSV file and write the transformed columns";
const TRANSFORMERS = ["PCA", "StandardScaler", "MinMaxScaler", "PolynomialFeatures"];

const SPECS: Array<OptionSpec> = [
	{ name: "with", kind: "string", required: true, description: `the transformer: ${TRANSFORMERS.join(", ")}` },
	{ name: "data", kind: "string", required: true, description: "CSV file with a header row" },
	{ name: "out", kind: "string", description: "write the transformed CSV here; default: standard output" },
	{ name: "params", kind: "string", description: `the transformer's options as a JSON object, e.g. '{"numberOfComponents":2}' or '{"degree":3}'` },
	{ name: "keep", kind: "string", description: "comma-separated columns copied unchanged (not transformed), e.g. the target" },
	...DATA_OPTIONS,
	JSON_OPTION,
];

/** The transformed matrix and its column names; `notes` says what was fitted. */
interface Transformed {
	header: Array<string>;
	X: Matrix;
	notes: Array<string>;
}

function polynomialNames(terms: Array<Array<number>>, names: Array<string>): Array<string> {
	return terms.map((term) => {
		if (term.size() === 0) return "1";
		const parts = new Array<string>();
		let i = 0;
		while (i < term.size()) {
			let power = 1;
			while (i + power < term.size() && term[i + power] === term[i]) power += 1;
			parts.push(power === 1 ? names[term[i]] : `${names[term[i]]}^${power}`);
			i += power;
		}
		return parts.join("*");
	});
}

function applyTransformer(kind: string, params: { [name: string]: unknown }, X: Matrix, names: Array<string>): Transformed {
	if (kind === "PCA") {
		const pca = asUsage(() => createModel("PCA", params)) as PCA;
		pca.train(X);
		const Z = pca.transform(X);
		const header = Z[0].map((_, j) => `pc${j + 1}`);
		const ratios = pca.getExplainedVarianceRatio().map((r) => string.format("%.4f", r));
		return { header, X: Z, notes: [`explained variance ratio: ${ratios.join(", ")}`] };
	}
	if (kind === "PolynomialFeatures") {
		const poly = asUsage(() => new PolynomialFeatures(params));
		return { header: polynomialNames(poly.getTerms(names.size()), names), X: poly.transform(X), notes: [] };
	}
	const scaler = asUsage(() => (kind === "MinMaxScaler" ? new MinMaxScaler(params as never) : new StandardScaler(params as never)));
	return { header: table.clone(names), X: scaler.fitTransform(X), notes: [] };
}

function runTransform(host: Host, argv: Array<string>): number {
	const options = parseOptions(NAME, argv, SPECS);
	const kind = stringOption(options, "with")!;
	if (!TRANSFORMERS.includes(kind)) throw new UsageError(`${NAME}: --with must be one of ${TRANSFORMERS.join(", ")}, got "${kind}"`);
	const params = parseParams(NAME, stringOption(options, "params"));
	const reading = readDataOptions(NAME, options);
	const source = stringOption(options, "data")!;
	const out = stringOption(options, "out");
	const csv = readCsvFile(host, source, reading.delimiter);
	const keep = commaList(stringOption(options, "keep"));
	for (const name of keep)
		if (!csv.header.includes(name))
			throw new UsageError(`${NAME}: --keep ${name}: ${source} has no column "${name}" (columns: ${csv.header.join(", ")})`);
	const columns = csv.header.map((_, c) => c).filter((c) => !keep.includes(csv.header[c]));
	if (columns.size() === 0) throw new UsageError(`${NAME}: --keep leaves no column to transform`);
	const features = {
		header: columns.map((c) => csv.header[c]),
		rows: csv.rows.map((row) => columns.map((c) => row[c])),
		rowNumbers: csv.rowNumbers,
		decisions: csv.decisions,
	};
	const dataset = readDataset(features, reading, { source });
	const rowOf = new Map<number, number>();
	(csv.rowNumbers ?? []).forEach((fileRow, i) => rowOf.set(fileRow, i));
	const result = applyTransformer(kind, params, dataset.X, dataset.featureNames);
	const header = [...result.header, ...keep];
	const rows = result.X.map((values, i) => {
		const original = csv.rows[rowOf.get(dataset.rowNumbers[i]) ?? i];
		const row: Array<string | number> = [...values];
		for (const name of keep) row.push(original[csv.header.indexOf(name)]);
		return row;
	});
	const text = formatCsv(header, rows);
	if (out !== undefined) host.writeFile(out, text);
	if (options.has("json")) {
		printJson(host, { command: NAME, transformer: kind, decisions: dataset.decisions, notes: result.notes, header, rows: rows.size(), out });
	} else if (out !== undefined) {
		host.write(decisionsText(source, dataset.decisions));
		for (const note of result.notes) host.write(`${kind}: ${note}\n`);
		host.write(`${rows.size()} rows, ${header.size()} columns (${header.join(", ")}) written to ${out}\n`);
	} else {
		host.write(text);
	}
	return 0;
}

/** The `transform` command. */
export const transformCommand: Command = {
	name: NAME,
	summary: SUMMARY,
	help: () => formatHelp(NAME, SUMMARY, SPECS),
	run: runTransform,
};
