/**
 * Command-line argument parsing: `command --name value --flag --name=value`.
 * Each command declares its options; unknown or missing ones are errors naming them.
 */
import { errorBody, splitError } from "../src/core/errors";

/** One option a command accepts. */
export interface OptionSpec {
	/** Option name without dashes. */
	name: string;
	/** "string" takes a value, "number" a finite number, "flag" none. */
	kind: "string" | "number" | "flag";
	/** Must be given. */
	required?: boolean;
	/** Shown by --help. */
	description: string;
	/** Shown by --help as the default. */
	defaultText?: string;
}

/** Parsed options by name (flags are "true"). */
export type ParsedOptions = Map<string, string | number | boolean>;

/** A usage error: printed with the command's help, exit code 2. */
export class UsageError {
	constructor(public readonly message: string) {}
}

/** Bad input data (the CSV, the model file): printed without the help, exit code 2. */
export class InputError {
	constructor(public readonly message: string) {}
}

/** Parses `argv` against `specs`; throws a UsageError for unknown, duplicate, missing or malformed options. */
export function parseOptions(command: string, argv: Array<string>, specs: Array<OptionSpec>): ParsedOptions {
	const byName = new Map<string, OptionSpec>();
	for (const spec of specs) byName.set(spec.name, spec);
	const result: ParsedOptions = new Map();
	let i = 0;
	while (i < argv.size()) {
		const arg = argv[i];
		if (arg.sub(1, 2) !== "--") throw new UsageError(`${command}: unexpected argument "${arg}"`);
		let name = arg.sub(3);
		let inline: string | undefined;
		const [eq] = name.find("=", 1, true);
		if (eq !== undefined) {
			inline = name.sub(eq + 1);
			name = name.sub(1, eq - 1);
		}
		const spec = byName.get(name);
		if (spec === undefined) throw new UsageError(`${command}: unknown option --${name}`);
		if (result.has(name)) throw new UsageError(`${command}: option --${name} given twice`);
		if (spec.kind === "flag") {
			if (inline !== undefined) throw new UsageError(`${command}: option --${name} takes no value`);
			result.set(name, true);
			i += 1;
			continue;
		}
		let value = inline;
		if (value === undefined) {
			value = argv[i + 1];
			if (value === undefined || (value.sub(1, 2) === "--" && tonumber(value) === undefined)) {
				throw new UsageError(`${command}: option --${name} needs a value`);
			}
			i += 1;
		}
		if (spec.kind === "number") {
			const n = tonumber(value);
			if (n === undefined || n !== n || n === math.huge || n === -math.huge) {
				throw new UsageError(`${command}: option --${name} must be a number, got "${value}"`);
			}
			result.set(name, n);
		} else {
			result.set(name, value);
		}
		i += 1;
	}
	for (const spec of specs) {
		if (spec.required && !result.has(spec.name)) throw new UsageError(`${command}: missing option --${spec.name}`);
	}
	return result;
}

/** Help text for a command's options. */
export function formatHelp(command: string, summary: string, specs: Array<OptionSpec>): string {
	const lines = [`hivemind ${command}: ${summary}`, ""];
	for (const spec of specs) {
		const value = spec.kind === "flag" ? "" : spec.kind === "number" ? " <n>" : " <value>";
		const suffix = spec.required ? " (required)" : spec.defaultText !== undefined ? ` (default ${spec.defaultText})` : "";
		lines.push(`  --${spec.name}${value}`);
		lines.push(`      ${spec.description}${suffix}`);
	}
	return lines.join("\n") + "\n";
}

/** Drops Luau's "Module:line:" location prefix from an error message meant for a person. */
export function cleanMessage(message: string): string {
	if (splitError(message)[0] !== undefined) return errorBody(message);
	const [stripped] = message.gsub("^[%w%._%-@]+:%d+: ", "");
	return stripped;
}

/** Runs `fn`; an error it throws is a usage error (exit code 2) with its message. */
export function asUsage<T>(fn: () => T): T {
	const [ok, result] = pcall(fn);
	if (ok) return result as T;
	if (result instanceof UsageError || result instanceof InputError) throw result;
	throw new UsageError(cleanMessage(tostring(result)));
}
