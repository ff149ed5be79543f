/**
 * `hivemind`: offline training from the command line. Runs the same library that runs in
 * Roblox, under Lune. Commands: train, predict, evaluate, simulate, models.
 */
import { Host, getHost } from "./host";
import { UsageError } from "./args";
import { errorBody, splitError } from "../src/core/errors";
import { COMMANDS } from "./commands";

const USAGE = [
	"usage: hivemind <command> [options]",
	"",
	"commands:",
	...COMMANDS.map((c) => `  ${c.name}${string.rep(" ", math.max(1, 10 - c.name.size()))}${c.summary}`),
	"",
	"Run `hivemind <command> --help` for a command's options. Every command accepts --json.",
].join("\n");

/** Runs the tool with `host`; returns the process exit code (0 ok, 1 failure, 2 usage error). */
export function run(host: Host = getHost()): number {
	const commandName = host.args[0];
	const rest = host.args.filter((_, i) => i > 0);
	if (commandName === undefined || commandName === "--help" || commandName === "help") {
		host.write(USAGE + "\n");
		return commandName === undefined ? 2 : 0;
	}
	const command = COMMANDS.find((c) => c.name === commandName);
	if (command === undefined) {
		host.ewrite(`hivemind: unknown command "${commandName}"\n\n${USAGE}\n`);
		return 2;
	}
	if (rest.includes("--help")) {
		host.write(command.help());
		return 0;
	}
	let code = 0;
	try {
		code = command.run(host, rest);
	} catch (e) {
		if (e instanceof UsageError) {
			host.ewrite(`hivemind: ${e.message}\n\n${command.help()}`);
			return 2;
		}
		host.ewrite(`hivemind: ${cleanMessage(tostring(e))}\n`);
		return 1;
	}
	return code;
}

/** Drops Luau's "Module:line:" location prefix from an error message meant for a person. */
export function cleanMessage(message: string): string {
	if (splitError(message)[0] !== undefined) return errorBody(message);
	const [stripped] = message.gsub("^[%w%._%-@]+:%d+: ", "");
	return stripped;
}
