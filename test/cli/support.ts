// Running the command line tool in-process: a host reading and writing the real files (through
// `_G.HIVEMIND_HOST`, which the harness provides) and recording the output.
import { getHost, Host, recordOutput } from "../../cli/host";
import { run } from "../../cli/main";

/** A scratch folder for files the specs write (ignored by git). */
export const TMP = ".cache/test-tmp/cli";

/** The fixtures folder. */
export const FIXTURES = "test/fixtures";

/** What one run of the tool gave. */
export interface CliResult {
	code: number;
	out: string;
	err: string;
}

/** The real host with `args` and recorded output. */
export function recordingHost(args: Array<string>, isTTY = false): Host & { out: Array<string>; err: Array<string> } {
	const real = getHost();
	real.makeDir?.(TMP);
	return { ...real, args, isTTY, ...recordOutput() };
}

/** Runs `hivemind <args>` in-process. */
export function runCli(...args: Array<string>): CliResult {
	const host = recordingHost(args);
	const code = run(host);
	return { code, out: host.out.join(""), err: host.err.join("") };
}

/** Reads a file through the real host. */
export function readFile(path: string): string {
	return getHost().readFile(path);
}

/** True when `path` is a file. */
export function isFile(path: string): boolean {
	return getHost().isFile(path);
}

/** Removes a file written by an earlier run (so a spec sees its own output). */
export function removeFile(path: string) {
	const host = getHost() as Host & { removeFile?: (path: string) => void };
	host.removeFile?.(path);
}

/** Throws unless `text` contains `fragment` (showing the text when it does not). */
export function expectContains(text: string, fragment: string) {
	if (text.find(fragment, 1, true)[0] === undefined) error(`expected the output to contain "${fragment}", got:\n${text}`, 2);
}
