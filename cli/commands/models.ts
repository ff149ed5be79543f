/** `hivemind models`: the registered models with their options and defaults. */
import { encodeJson } from "../../src/core/json";
import { plainDataProblem } from "../../src/core/plainData";
import { getRegisteredModels } from "../../src/models";
import { getRegisteredAgents } from "../../src/reinforcement";
import { formatHelp, OptionSpec, parseOptions } from "../args";
import { formatTable, JSON_OPTION, printJson } from "../common";
import { Host } from "../host";
import { acceptedOptions } from "../pipeline";
import { Command } from "./command";

const NAME = "models";
const SUMMARY = "list the models and reinforcement-learning agents with their options and defaults";
const SPECS: Array<OptionSpec> = [JSON_OPTION];

/** One option of a model as listed. */
export interface OptionListing {
	name: string;
	/** The default as plain data (absent when the option has none, or it is not plain data). */
	default?: unknown;
	/** What the option accepts. */
	accepts: string;
}

/** One model as listed. */
export interface ModelListing {
	name: string;
	tags: Array<string>;
	options: Array<OptionListing>;
}

/** Every registered model with its tags and options (defaults from a fresh instance). */
export function listModels(): Array<ModelListing> {
	return getRegisteredModels().map((registration) => {
		const model = registration.create();
		const defaults = model.getOptions() as { [name: string]: unknown };
		const constraints = (model as unknown as { optionConstraints?: { [name: string]: { expected: string } } }).optionConstraints;
		const options = acceptedOptions(model).map((name): OptionListing => {
			const value = defaults[name];
			const plain =
				value !== undefined &&
				!typeIs(value, "function") &&
				plainDataProblem(value, name) === undefined &&
				!(typeIs(value, "table") && getmetatable(value) !== undefined);
			return { name, default: plain ? value : undefined, accepts: constraints?.[name]?.expected ?? "" };
		});
		return { name: registration.name, tags: table.clone(registration.tags), options };
	});
}

/** One agent as listed: its tags (first "agent") and its options' defaults. */
export interface AgentListing {
	name: string;
	tags: Array<string>;
	options: Array<OptionListing>;
}

/** Every registered agent (`src/reinforcement/registry.ts`) with its defaults (from one built with its required options). */
export function listAgents(): Array<AgentListing> {
	return getRegisteredAgents().map((registration) => {
		const defaults = registration.create(registration.required).getOptions() as { [name: string]: unknown };
		const names = new Array<string>();
		for (const [name] of pairs(defaults)) names.push(name as string);
		names.sort();
		const options = names.map((name): OptionListing => {
			const value = defaults[name];
			return { name, default: plainDataProblem(value, name) === undefined ? value : undefined, accepts: "" };
		});
		return { name: registration.name, tags: table.clone(registration.tags), options };
	});
}

function defaultText(option: OptionListing): string {
	if (option.default === undefined) return "none";
	if (typeIs(option.default, "string")) return `"${option.default}"`;
	return typeIs(option.default, "table") ? encodeJson(option.default) : tostring(option.default);
}

function runModels(host: Host, argv: Array<string>): number {
	const options = parseOptions(NAME, argv, SPECS);
	const models = listModels();
	const agents = listAgents();
	if (options.has("json")) {
		printJson(host, { command: NAME, models, agents });
		return 0;
	}
	const parts = new Array<string>();
	for (const model of models) {
		const rows: Array<Array<string>> = [["  option", "default", "accepts"]];
		for (const option of model.options) rows.push([`  ${option.name}`, defaultText(option), option.accepts]);
		const use = model.tags.includes("transformer") ? ` — use: hivemind transform --with ${model.name}` : "";
		parts.push(`${model.name} (${model.tags.join(", ")})${use}\n${formatTable(rows, true)}`);
	}
	parts.push("Reinforcement-learning agents (reinforce(state, reward) → action; see the README's agent table):");
	for (const agent of agents) {
		const rows: Array<Array<string>> = [["  option", "default"]];
		for (const option of agent.options) rows.push([`  ${option.name}`, defaultText(option)]);
		parts.push(`${agent.name} (${agent.tags.join(", ")})\n${formatTable(rows, true)}`);
	}
	host.write(parts.join("\n"));
	return 0;
}

/** The `models` command. */
export const modelsCommand: Command = {
	name: NAME,
	summary: SUMMARY,
	help: () => formatHelp(NAME, SUMMARY, SPECS),
	run: runModels,
};
