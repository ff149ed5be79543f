/**
 * `hivemind`: offline training from the command line. Runs the same library that runs in
 * Roblox, under Lune. Commands: train, predict, evaluate, transform, simulate, models, demo.
 */
import { Host, getHost } from "./host";
import { cleanMessage, InputError, UsageError } from "./args";
import { COMMANDS } from "./commands";
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, exitCodesText } from "./exitCodes";
import { TrainingFailure } from "./outcome";

export { cleanMessage };

/** The tool's help: its commands and exit codes. */
export const USAGE = [
	"usage: hivemind <command> [options]",
	"",
	"commands:",
	...COMMANDS.map((c) => `  ${c.name}${string.rep(" ", math.max(1, 10 - c.name.size()))}${c.summary}`),
	"",
	"Run `hivemind <command> --help` for a command's options. Every command accepts --json.",
	"",
	exitCodesText(),
].join("\n");

/** Runs the tool with `host`; returns the process exit code (see EXIT_CODES). */
export function run(host: Host = getHost()): number {
	const commandName = host.args[0];
	const rest = host.args.filter((_, i) => i > 0);
	if (commandName === undefined || commandName === "--help" || commandName === "help") {
		host.write(USAGE + "\n");
		return commandName === undefined ? EXIT_BAD_INPUT : EXIT_OK;
	}
	const command = COMMANDS.find((c) => c.name === commandName);
	if (command === undefined) {
		host.ewrite(`hivemind: unknown command "${commandName}"\n\n${USAGE}\n`);
		return EXIT_BAD_INPUT;
	}
	if (rest.includes("--help")) {
		host.write(command.help());
		return EXIT_OK;
	}
	let code = EXIT_OK;
	try {
		code = command.run(host, rest);
	} catch (e) {
		if (e instanceof UsageError) {
			host.ewrite(`hivemind: ${e.message}\n\n${command.help()}`);
			return EXIT_BAD_INPUT;
		}
		if (e instanceof InputError) {
			host.ewrite(`hivemind: ${cleanMessage(e.message)}\n`);
			return EXIT_BAD_INPUT;
		}
		const message = e instanceof TrainingFailure ? e.message : cleanMessage(tostring(e));
		host.ewrite(`hivemind: ${message}\n`);
		return EXIT_FAILURE;
	}
	return code;
}
