/**
 * How the commands read a CSV file: the options that say it (`--delimiter`, `--missing`,
 * `--missing-values`, `--categorical`) and the reading itself, whose errors (naming the file, row
 * and column) are input errors: exit code 2.
 */
import { CsvTable, delimiterFromText, parseCsv, trimField } from "../src/io/csv";
import { DEFAULT_MISSING_MARKERS, MISSING_POLICIES, MissingPolicy } from "../src/io/columns";
import { Dataset, DatasetOptions, tableToDataset } from "../src/io/dataset";
import { cleanMessage, InputError, OptionSpec, ParsedOptions, UsageError } from "./args";
import { readTextFile, stringOption } from "./common";
import { Host } from "./host";

/** `--delimiter`, accepted by every command that reads a CSV file. */
export const DELIMITER_OPTION: OptionSpec = {
	name: "delimiter",
	kind: "string",
	description: 'the CSV delimiter: ",", ";", "tab" or "|"',
	defaultText: "sniffed from the header (comma, semicolon or tab)",
};

/** The options saying how training data is read. */
export const DATA_OPTIONS: Array<OptionSpec> = [
	DELIMITER_OPTION,
	{
		name: "missing",
		kind: "string",
		description:
			"missing cells: error (name them), mean or median (fill numeric columns; categorical ones get their most frequent category), drop (the rows)",
		defaultText: "error",
	},
	{
		name: "missing-values",
		kind: "string",
		description: "comma-separated texts read as missing (ignoring case); an empty cell is always missing",
		defaultText: DEFAULT_MISSING_MARKERS.filter((m) => m !== "").join(","),
	},
	{ name: "categorical", kind: "string", description: "comma-separated columns read as categories even when their values are numbers" },
];

/** How to read the data, from the options. */
export interface DataReading {
	delimiter?: string;
	missing: MissingPolicy;
	missingMarkers: Array<string>;
	categorical: Array<string>;
}

/** The items of a comma-separated option (trimmed, empty ones left out). */
export function commaList(text: string | undefined): Array<string> {
	if (text === undefined) return [];
	const out = new Array<string>();
	for (const [item] of text.gmatch("[^,]+")) {
		const trimmed = trimField(item as string);
		if (trimmed !== "") out.push(trimmed);
	}
	return out;
}

/** Reads `--delimiter` (usage error when it is not one of the four). */
export function delimiterOption(command: string, options: ParsedOptions): string | undefined {
	const text = stringOption(options, "delimiter");
	if (text === undefined) return undefined;
	const d = delimiterFromText(text);
	if (d === undefined) throw new UsageError(`${command}: --delimiter must be ",", ";", "tab" or "|", got "${text}"`);
	return d;
}

/** Reads the data options (usage errors name them). */
export function readDataOptions(command: string, options: ParsedOptions): DataReading {
	const missing = stringOption(options, "missing") ?? "error";
	if (!MISSING_POLICIES.includes(missing as MissingPolicy)) {
		throw new UsageError(`${command}: --missing must be error, mean, median or drop, got "${missing}"`);
	}
	const given = stringOption(options, "missing-values");
	return {
		delimiter: delimiterOption(command, options),
		missing: missing as MissingPolicy,
		missingMarkers: given === undefined ? DEFAULT_MISSING_MARKERS : ["", ...commaList(given)],
		categorical: commaList(stringOption(options, "categorical")),
	};
}

/** Runs `fn`; an error it throws is bad input (exit code 2), its message kept. */
export function asInput<T>(fn: () => T): T {
	const [ok, result] = pcall(fn);
	if (ok) return result as T;
	if (result instanceof UsageError || result instanceof InputError) throw result;
	throw new InputError(cleanMessage(tostring(result)));
}

/** Reads and parses a CSV file (errors name the file, row and column: exit code 2). */
export function readCsvFile(host: Host, path: string, delimiter?: string): CsvTable {
	const text = readTextFile(host, path);
	return asInput(() => parseCsv(text, path, { delimiter }));
}

/** Converts a table into a dataset with the reading options (errors: exit code 2). */
export function readDataset(csv: CsvTable, reading: DataReading | undefined, options: DatasetOptions): Dataset {
	return asInput(() =>
		tableToDataset(csv, {
			...options,
			missing: reading?.missing,
			missingMarkers: reading?.missingMarkers,
			categorical: reading?.categorical,
		}),
	);
}

/** The reader's decisions as the text every command prints before its work. */
export function decisionsText(source: string, decisions: Array<string>): string {
	return `Reading ${source}:\n${decisions.map((d) => `  ${d}\n`).join("")}`;
}
