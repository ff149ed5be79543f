// Runs the harness itself in child processes, for the harness's self-specs. Only under Lune:
// the headless host (`_G.HIVEMIND_HOST`, harness/host.luau) can start processes; in Studio
// there is none and the self-specs are skipped.

/** A finished child process. */
export interface ProcessResult {
	/** Exit code. */
	code: number;
	/** Standard output. */
	stdout: string;
	/** Standard error. */
	stderr: string;
	/** Standard output followed by standard error. */
	output: string;
}

interface SpawningHost {
	spawn: (program: string, args: Array<string>, cwd?: string) => LuaTuple<[number, string, string]>;
}

/** The fixture project of the harness's self-specs (paths are relative to the repository). */
export const FIXTURE_PROJECT = "test/fixtures/harness/fixtures.project.json";

/** True when processes can be started (under Lune, not in Studio). */
export function canSpawn(): boolean {
	return (_G as unknown as { HIVEMIND_HOST?: SpawningHost }).HIVEMIND_HOST !== undefined;
}

/** Runs `node <args>` in the repository's root and waits for it. */
export function runNode(args: Array<string>): ProcessResult {
	const host = (_G as unknown as { HIVEMIND_HOST?: SpawningHost }).HIVEMIND_HOST;
	if (host === undefined) {
		error("[Hivemind] harness self-specs: no headless host to start processes with", 2);
	}
	const [code, stdout, stderr] = host.spawn("node", args);
	return { code, stdout, stderr, output: `${stdout}\n${stderr}` };
}

/** Runs jest (harness/test.luau) over the fixture folder `ReplicatedStorage.Fixtures.<name>`. */
export function runFixtureSpecs(name: string, extraArgs: Array<string> = []): ProcessResult {
	const rootPath = `ReplicatedStorage.Fixtures.${name}`;
	return runNode(["scripts/lune.js", "harness/test.luau", "--project", FIXTURE_PROJECT, "--root", rootPath, ...extraArgs]);
}

/** Requires the fixture module `ReplicatedStorage.Fixtures.<path>` with harness/run.luau. */
export function runFixtureModule(path: string): ProcessResult {
	return runNode(["scripts/lune.js", "harness/run.luau", FIXTURE_PROJECT, `ReplicatedStorage.Fixtures.${path}`]);
}

/** The last non-empty line of `text` (the harness's `N passed, N failed` summary). */
export function lastLine(text: string): string {
	const lines = text.split("\n").filter((line) => line.match("%S")[0] !== undefined);
	return lines.size() > 0 ? lines[lines.size() - 1] : "";
}
