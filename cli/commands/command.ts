import { Host } from "../host";

/** One `hivemind` sub-command. */
export interface Command {
	/** Name typed after `hivemind`. */
	name: string;
	/** One line for the command list. */
	summary: string;
	/** Full help text (options). */
	help: () => string;
	/** Runs the command; returns the exit code. Throws UsageError for bad arguments. */
	run: (host: Host, argv: Array<string>) => number;
}
