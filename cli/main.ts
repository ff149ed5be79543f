/**
 * `hivemind`: offline training from the command line. Runs the same library that runs in
 * Roblox, under Lune. Commands: train, predict, evaluate, simulate, models.
 */
import { Host, getHost } from "./host";
import { cleanMessage, InputError, UsageError } from "./args";

export { cleanMessage };
import { COMMANDS } from "./commands";
import { TrainingFailure } from "./outcome";

const USAGE = [
	"usage: hivemind <command> [options]",
	"",
	"commands:",
	...COMMANDS.map((c) => `  ${c.name}${string.rep(" ", math.max(1, 10 - c.name.size()))}${c.summary}`),
	"",
	"Run `hivemind <command> --help` for a command's options. Every command accepts --json.",
].join("\n");

/** Runs the tool with `host`; returns the process exit code (see EXIT_CODES). */
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
		if (e instanceof TrainingFailure) {
			host.ewrite(`hivemind: ${e.message}\n`);
			return 1;
		}
		if (e instanceof InputError) {
			host.ewrite(`hivemind: ${cleanMessage(e.message)}\n`);
			return 2;
		}
		host.ewrite(`hivemind: ${cleanMessage(tostring(e))}\n`);
		return 1;
	}
	return code;
}
