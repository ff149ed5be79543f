// Runs the harness itself in child processes, for the harness's self-specs. Only under Lune:
// the headless host (`_G.HIVEMIND_HOST`, harness/host.luau) can start processes; in Studio
// there is none and the self-specs are skipped. Children run a few at a time in the
// background, so a spec file starts all of them up front and waits for each where needed.

/** A finished child process. */
export interface ProcessResult {
	/** Exit code. */
	code: number;
	/** Standard output. */
	stdout: string;
	/** Standard error. */
	stderr: string;
}

/** A child process started in the background; `wait()` yields until it has finished. */
export interface PendingProcess {
	wait: () => ProcessResult;
}

interface SpawningHost {
	spawn: (program: string, args: Array<string>, cwd?: string) => LuaTuple<[number, string, string]>;
}

/** The fixture project of the harness's self-specs (paths are relative to the repository). */
export const FIXTURE_PROJECT = "test/fixtures/harness/fixtures.project.json";

/** How many children run at once (the machine's cores stay busy, not swamped). */
const MAX_RUNNING = 3;
let running = 0;
const queue = new Array<thread>();

function host(): SpawningHost | undefined {
	return (_G as unknown as { HIVEMIND_HOST?: SpawningHost }).HIVEMIND_HOST;
}

/** True when processes can be started (under Lune, not in Studio). */
export function canSpawn(): boolean {
	return host() !== undefined;
}

/** Runs `node <args>` in the repository's root and yields until it has finished. */
export function runNode(args: Array<string>): ProcessResult {
	const spawner = host();
	if (spawner === undefined) {
		error("[Hivemind] harness self-specs: no headless host to start processes with", 2);
	}
	if (running >= MAX_RUNNING) {
		queue.push(coroutine.running());
		coroutine.yield();
	}
	running += 1;
	const [code, stdout, stderr] = spawner.spawn("node", args);
	running -= 1;
	const queued = queue.shift();
	if (queued !== undefined) task.spawn(queued);
	return { code, stdout, stderr };
}

/** Starts `steps` (which run processes with `runNode`) in the background. */
export function inBackground(steps: () => ProcessResult): PendingProcess {
	let result: ProcessResult | undefined;
	let failure: unknown;
	let finished = false;
	const waiting = new Array<thread>();
	task.spawn(() => {
		const [ok, value] = pcall(steps);
		if (ok) result = value;
		else failure = value;
		finished = true;
		for (const thread of waiting) task.spawn(thread);
	});
	return {
		wait: () => {
			if (!finished) {
				waiting.push(coroutine.running());
				coroutine.yield();
			}
			if (result === undefined) error(tostring(failure), 2);
			return result;
		},
	};
}

/** Starts `node <args>` in the background. */
export function startNode(args: Array<string>): PendingProcess {
	return inBackground(() => runNode(args));
}

/** Starts jest (harness/test.luau) over the fixture folder `ReplicatedStorage.Fixtures.<name>`. */
export function startFixtureSpecs(name: string, extraArgs: Array<string> = []): PendingProcess {
	const rootPath = `ReplicatedStorage.Fixtures.${name}`;
	return startNode(["scripts/lune.js", "harness/test.luau", "--project", FIXTURE_PROJECT, "--root", rootPath, ...extraArgs]);
}

/** Starts harness/run.luau on the fixture `ReplicatedStorage.Fixtures.<path>`. */
export function startFixtureModule(path: string): PendingProcess {
	return startNode(["scripts/lune.js", "harness/run.luau", FIXTURE_PROJECT, `ReplicatedStorage.Fixtures.${path}`]);
}

/** The last non-empty line of `text` (the harness's `N passed, N failed` summary). */
export function lastLine(text: string): string {
	const lines = text.split("\n").filter((line) => line.match("%S")[0] !== undefined);
	return lines.size() > 0 ? lines[lines.size() - 1] : "";
}
