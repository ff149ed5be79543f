/**
 * The machine the command line tool runs on, as the headless runtime exposes it
 * (`_G.HIVEMIND_HOST`, set by harness/host.luau under Lune). Absent inside Roblox.
 */
export interface Host {
	/** Command-line arguments after the program name. */
	args: Array<string>;
	/** Current working directory. */
	cwd: string;
	/** Reads an environment variable. */
	env: (name: string) => string | undefined;
	/** Reads a whole file as text. */
	readFile: (path: string) => string;
	/** Writes a whole file. */
	writeFile: (path: string, contents: string) => void;
	/** True when `path` is a file. */
	isFile: (path: string) => boolean;
	/** Writes to standard output without a newline. */
	write: (text: string) => void;
	/** Writes to standard error without a newline. */
	ewrite: (text: string) => void;
	/** True when standard output is a terminal (progress is then redrawn in place with `\r`). */
	isTTY?: boolean;
	/** Creates a directory and its parents (when the host can). */
	makeDir?: (path: string) => void;
	/** Runs a program; returns its exit code, stdout and stderr (when the host can). */
	spawn?: (program: string, programArgs: Array<string>, cwd?: string) => LuaTuple<[number, string, string]>;
}

/** The headless host, or an error when running where there is none (inside Roblox). */
export function getHost(): Host {
	const host = (_G as unknown as { HIVEMIND_HOST?: Host }).HIVEMIND_HOST;
	if (host === undefined) {
		error("[Hivemind] the command line tool runs under Lune (npx hivemind), not inside Roblox", 2);
	}
	return host;
}

/** Output captured in memory: what a host's `write` / `ewrite` received, piece by piece. */
export interface RecordedOutput {
	out: Array<string>;
	err: Array<string>;
	write: (text: string) => void;
	ewrite: (text: string) => void;
}

/** Fresh recorders for a host's standard output and standard error. */
export function recordOutput(): RecordedOutput {
	const out = new Array<string>();
	const err = new Array<string>();
	return {
		out,
		err,
		write: (text) => {
			out.push(text);
		},
		ewrite: (text) => {
			err.push(text);
		},
	};
}

/** A host that records output and serves files from memory (for specs and embedding). */
export function memoryHost(files: Map<string, string>, args: Array<string>): Host & { out: Array<string>; err: Array<string> } {
	return {
		args,
		cwd: ".",
		env: () => undefined,
		readFile: (path) => {
			const text = files.get(path);
			if (text === undefined) error(`cannot read ${path}: no such file`, 0);
			return text;
		},
		writeFile: (path, contents) => {
			files.set(path, contents);
		},
		isFile: (path) => files.has(path),
		isTTY: false,
		...recordOutput(),
	};
}
