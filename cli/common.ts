/**
 * What the commands share: the common options, reading CSV files through the host, `--params`
 * parsing, model lookup and the task a model performs.
 */
import { decodeJson, encodeJson } from "../src/core/json";
import { ModelTask, modelTask } from "../src/io/modelFile";
import { getRegisteredModels, Model, ModelRegistration } from "../src/models";
import { InputError, OptionSpec, ParsedOptions, UsageError } from "./args";
import { Host } from "./host";

/** `--json`, accepted by every command. */
export const JSON_OPTION: OptionSpec = { name: "json", kind: "flag", description: "print machine-readable JSON on stdout instead of tables" };

/** A failure meant for the person at the terminal (printed without a code location). */
export function fail(message: string): never {
	error(message, 0);
}

/** The text of a file, or a failure naming it. */
export function readTextFile(host: Host, path: string): string {
	if (!host.isFile(path)) throw new InputError(`cannot read ${path}: no such file`);
	return host.readFile(path);
}

/** A string option's value (undefined when absent). */
export function stringOption(options: ParsedOptions, name: string): string | undefined {
	return options.get(name) as string | undefined;
}

/** A number option's value (undefined when absent). */
export function numberOption(options: ParsedOptions, name: string): number | undefined {
	return options.get(name) as number | undefined;
}

/** An integer option's value within [low, high], or a usage error. */
export function integerOption(command: string, options: ParsedOptions, name: string, low: number, high = math.huge): number | undefined {
	const value = numberOption(options, name);
	if (value !== undefined && (value !== math.floor(value) || value < low || value > high)) {
		const range = high === math.huge ? `≥ ${low}` : `in [${low}, ${high}]`;
		throw new UsageError(`${command}: --${name} must be an integer ${range}, got ${value}`);
	}
	return value;
}

/** `--params` as a table of model options: a JSON object, or a usage error saying what is wrong. */
export function parseParams(command: string, text: string | undefined): { [name: string]: unknown } {
	if (text === undefined) return {};
	const [ok, value] = pcall(decodeJson, text);
	if (!ok) {
		const [reason] = tostring(value).gsub("^.*decodeJson: ", "");
		throw new UsageError(`${command}: --params must be a JSON object such as '{"learningRate":0.05}', got text that does not parse (${reason})`);
	}
	if (!typeIs(value, "table") || (value as Array<unknown>)[0] !== undefined) {
		throw new UsageError(`${command}: --params must be a JSON object such as '{"learningRate":0.05}', got ${text}`);
	}
	return value as { [name: string]: unknown };
}

/** The registration of `--model`, or a usage error listing the models. */
export function findModel(command: string, name: string): ModelRegistration {
	const registrations = getRegisteredModels();
	const found = registrations.find((r) => r.name === name);
	if (found === undefined) {
		throw new UsageError(
			`${command}: --model must be one of ${registrations.map((r) => r.name).join(", ")}, got "${name}" (see hivemind models)`,
		);
	}
	return found;
}

/** What a model predicts (see `modelTask`). */
export function taskOf(registration: ModelRegistration, model: Model): ModelTask {
	return modelTask(registration, model.getOptions() as { [name: string]: unknown });
}

/** Writes `value` as one line of JSON on stdout. */
export function printJson(host: Host, value: unknown) {
	host.write(encodeJson(value) + "\n");
}

/** A metric for a table cell: 4 decimals (6 significant digits when tiny or huge). */
export function formatMetric(value: number): string {
	if (value !== 0 && (math.abs(value) < 1e-3 || math.abs(value) >= 1e7)) return string.format("%.6g", value);
	return string.format("%.4f", value);
}

/** A count for a table cell. */
export function formatCount(value: number): string {
	return string.format("%d", value);
}

/** The number of characters of `text` as a terminal shows them (UTF-8 aware). */
function displayWidth(text: string): number {
	const [n] = utf8.len(text);
	return typeIs(n, "number") ? n : text.size();
}

/** Text columns: the first left-aligned, the others right-aligned (numbers) unless `alignLeft`. */
export function formatTable(rows: Array<Array<string>>, alignLeft = false): string {
	const widths = new Array<number>();
	for (const row of rows) {
		for (const j of $range(0, row.size() - 1)) widths[j] = math.max(widths[j] ?? 0, displayWidth(row[j]));
	}
	const lines = rows.map((row) =>
		row
			.map((cell, j) => {
				const pad = string.rep(" ", widths[j] - displayWidth(cell));
				return j === 0 || alignLeft ? cell + pad : pad + cell;
			})
			.join("  "),
	);
	const [text] = (lines.join("\n") + "\n").gsub(" +\n", "\n");
	return text;
}
