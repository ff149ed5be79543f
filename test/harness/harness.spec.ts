// Self-specs of the test harness: each runs the harness in a child process on a fixture
// (test/fixtures/harness/) and checks its output and exit code. Skipped in Studio.
// All children start when this file loads (a few at a time); each test waits for its own.
import { HttpService } from "@rbxts/services";
import { describe, expect, it } from "../support/jest-globals.d";
import { canSpawn, inBackground, lastLine, PendingProcess, runNode, startFixtureModule, startFixtureSpecs, startNode } from "./processes";

const describeHeadless = canSpawn() ? describe : describe.skip;
const CHILD_TIMEOUT = 120_000;
/** The consumer check packs, installs (npm may reach the registry) and builds twice. */
const CONSUMER_TIMEOUT = 300_000;
const RBXM = ".cache/fixtures/Hivemind.rbxm";

function startAll() {
	// The two slow ones (rbxtsc) first.
	return {
		typeError: startNode([
			"scripts/test.js",
			"--tsconfig",
			"test/fixtures/harness/typeError/tsconfig.json",
			"--project",
			"test/fixtures/harness/typeError/typeError.project.json",
			"--include",
			".cache/fixtures/typeError/include",
		]),
		rbxmBuild: startNode(["scripts/build-rbxm.js", "--output", RBXM]),
		passing: startFixtureSpecs("passing"),
		failing: startFixtureSpecs("failing"),
		loadError: startFixtureSpecs("loadError"),
		importCycle: startFixtureSpecs("importCycle"),
		noPathMatch: startFixtureSpecs("passing", ["nomatchpattern"]),
		noNameMatch: startFixtureSpecs("passing", ["-t", "no such test"]),
		badOption: startFixtureSpecs("passing", ["--no-such-option"]),
		requireCache: startFixtureModule("requireCache.main"),
		requireCycle: startFixtureModule("requireCycle.main"),
		loadErrorModule: startFixtureModule("loadError.helpers.broken"),
		missingModule: startFixtureModule("requireCache.missing"),
		// test/fixtures/harness/studio.project.json maps the fixture `failing` as HivemindTests.
		studio: startNode([
			"scripts/lune.js",
			"harness/run.luau",
			"test/fixtures/harness/studio.project.json",
			"ServerScriptService.HivemindTestRunner.run-tests",
		]),
	};
}
const runs = canSpawn() ? startAll() : undefined;

/** The finished child `name` (only called where the specs run, i.e. headless). */
function finished(name: keyof ReturnType<typeof startAll>) {
	return (runs as ReturnType<typeof startAll>)[name].wait();
}

// The packages as a game meets them (scripts/check-consumer.js), once out/ is built (it packs out/).
const consumer: PendingProcess | undefined = canSpawn()
	? inBackground(() => {
			finished("rbxmBuild");
			return runNode(["scripts/check-consumer.js", "--no-build"]);
		})
	: undefined;

// A place holding nothing but the model (test/fixtures/harness/plainPlace.project.json), once it is built.
const rbxmUse: PendingProcess | undefined = canSpawn()
	? inBackground(() => {
			finished("rbxmBuild");
			return runNode([
				"scripts/lune.js",
				"harness/run.luau",
				"--model",
				RBXM,
				"test/fixtures/harness/plainPlace.project.json",
				"ServerScriptService.UsesHivemind",
			]);
		})
	: undefined;

describeHeadless("harness: jest runs", () => {
	it(
		"a passing fixture exits 0 and ends with the summary line",
		() => {
			const run = finished("passing");
			expect(run.code).toBe(0);
			expect(lastLine(run.stdout)).toBe("2 passed, 0 failed");
		},
		CHILD_TIMEOUT,
	);

	it(
		"a deliberately failing assertion fails the run and shows the test's name and message",
		() => {
			const run = finished("failing");
			expect(run.code).toBe(1);
			expect(lastLine(run.stdout)).toBe("1 passed, 1 failed");
			expect(run.stdout).toContain("deliberate failure › compares two numbers that differ");
			expect(run.stdout).toContain("Expected: 43");
			expect(run.stdout).toContain("Received: 42");
		},
		CHILD_TIMEOUT,
	);

	it(
		"a module that errors while loading fails the run, named in full, its spec file counted as one failure",
		() => {
			const run = finished("loadError");
			expect(run.code).toBe(1);
			expect(lastLine(run.stdout)).toBe("0 passed, 1 failed");
			expect(run.stderr).toContain("1 spec file(s) failed to run");
			expect(run.stdout).toContain("Test suite failed to run");
			expect(run.stdout).toContain("ReplicatedStorage.Fixtures.loadError.helpers.broken:2: broken on purpose while loading");
		},
		CHILD_TIMEOUT,
	);

	it(
		"a cyclic TS.import is reported with its chain instead of hanging",
		() => {
			const run = finished("importCycle");
			expect(run.code).toBe(1);
			expect(run.stdout).toContain("Detected a circular dependency chain: first  ⇒ second  ⇒ first");
			expect(lastLine(run.stdout)).toBe("0 passed, 1 failed");
		},
		CHILD_TIMEOUT,
	);

	it(
		"a path pattern that matches no spec file exits 1 with a clear message and an empty summary",
		() => {
			const run = finished("noPathMatch");
			expect(run.code).toBe(1);
			expect(run.stderr).toContain('[harness] no spec file matched "nomatchpattern" under ReplicatedStorage.Fixtures.passing');
			expect(run.stderr).never.toContain("Promise");
			expect(lastLine(run.stdout)).toBe("0 passed, 0 failed");
		},
		CHILD_TIMEOUT,
	);

	it(
		"a test name pattern that matches no test exits 1 and says no test ran",
		() => {
			const run = finished("noNameMatch");
			expect(run.code).toBe(1);
			expect(run.stderr).toContain('[harness] no test ran (no test name matched "no such test")');
			expect(lastLine(run.stdout)).toBe("0 passed, 0 failed, 2 skipped");
		},
		CHILD_TIMEOUT,
	);

	it(
		"an unknown option exits 2 naming it",
		() => {
			const run = finished("badOption");
			expect(run.code).toBe(2);
			expect(run.stderr).toContain("[harness] unknown option --no-such-option");
		},
		CHILD_TIMEOUT,
	);
});

describeHeadless("harness: require", () => {
	it(
		"returns the same table twice and runs the module's body once",
		() => {
			const run = finished("requireCache");
			expect(run.code).toBe(0);
			expect(run.stdout).toContain("same table: true, body runs: 1");
		},
		CHILD_TIMEOUT,
	);

	it(
		"reports a cyclic require with its chain instead of hanging",
		() => {
			const run = finished("requireCycle");
			expect(run.code).toBe(1);
			expect(run.stderr).toContain(
				"cyclic require): ReplicatedStorage.Fixtures.requireCycle.a -> ReplicatedStorage.Fixtures.requireCycle.b -> ReplicatedStorage.Fixtures.requireCycle.a",
			);
		},
		CHILD_TIMEOUT,
	);

	it(
		"reports a module that errors while loading with its full name",
		() => {
			const run = finished("loadErrorModule");
			expect(run.code).toBe(1);
			expect(run.stderr).toContain(
				"Requested module experienced an error while loading: ReplicatedStorage.Fixtures.loadError.helpers.broken: ReplicatedStorage.Fixtures.loadError.helpers.broken:2: broken on purpose while loading",
			);
		},
		CHILD_TIMEOUT,
	);

	it(
		"names a module path that does not exist",
		() => {
			const run = finished("missingModule");
			expect(run.code).toBe(1);
			expect(run.stderr).toContain("ReplicatedStorage.Fixtures.requireCache.missing: no such Instance");
		},
		CHILD_TIMEOUT,
	);
});

describeHeadless("the Studio runner (studio/run-tests.server.ts)", () => {
	it(
		"runs jest over ReplicatedStorage.HivemindTests and prints the same summary line",
		() => {
			const run = finished("studio");
			expect(run.code).toBe(0);
			expect(run.stdout).toContain("Expected: 43");
			expect(lastLine(run.stdout)).toBe("1 passed, 1 failed");
			expect(run.stderr).toContain("[Hivemind] 1 passed, 1 failed");
		},
		CHILD_TIMEOUT,
	);
});

describeHeadless("npm test: the build step", () => {
	it(
		"fails on a type error with the compiler's message, before any test runs",
		() => {
			const run = finished("typeError");
			expect(run.code).toBe(1);
			expect(run.stdout).toContain("TS2322");
			expect(run.stdout).toContain("Type 'string' is not assignable to type 'number'");
			expect(run.stderr).toContain("[Hivemind] the build failed (rbxtsc -p test/fixtures/harness/typeError/tsconfig.json); no test ran");
			expect(lastLine(run.stdout)).toBe("0 passed, 0 failed");
		},
		CHILD_TIMEOUT,
	);
});

describeHeadless("npm run build:rbxm", () => {
	it(
		"writes a model whose root is the ModuleScript Hivemind",
		() => {
			const build = finished("rbxmBuild");
			expect(build.code).toBe(0);
			expect(build.stdout).toContain(`[Hivemind] wrote ${RBXM}: ModuleScript Hivemind`);
			expect((rbxmUse as PendingProcess).wait().stdout).toContain("root: ModuleScript Hivemind");
		},
		CHILD_TIMEOUT,
	);

	it(
		"can be required in a plain place and called into",
		() => {
			const use = (rbxmUse as PendingProcess).wait();
			expect(use.code).toBe(0);
			expect(use.stdout).toContain("VERSION: 0.1.0");
			expect(use.stdout).toContain("matmul: 17 39");
			expect(use.stdout).toContain("bad shapes: false [Hivemind] Matrix.matmul: cannot multiply 1×2 by 1×2");
			// the DataPredict ModuleScript (issue 16): one step from w = 0, w = 0.5·(2·4)·[1, 2] = [4, 8], so 4 + 8 = 12
			expect(use.stdout).toContain("DataPredict: true 12");
		},
		CHILD_TIMEOUT,
	);
});

/** The consumer check's JSON report (its last line). */
interface ConsumerReport {
	failure?: string;
	libraryTarball: Array<string>;
	installScripts: Array<string>;
	dependencies: Array<string>;
	dotCalls: Array<string>;
	colonCalls: Array<string>;
	methodNamespaces: Array<string>;
	results: { matmul: Array<number>; accuracy: Array<number>; linear: Array<number>; merged: Array<number> };
	synced: SyncedLibrary;
	luneInGame: Array<string>;
	cliTrained: boolean;
	cachesInRbxts: Array<string>;
	syncedAfterCli: SyncedLibrary;
	rebuiltAfterCli: boolean;
}
interface SyncedLibrary {
	topLevel: Array<string>;
	scripts: number;
	outsideOut: Array<string>;
	luneRequires: Array<string>;
}

function consumerReport(): ConsumerReport {
	const run = (consumer as PendingProcess).wait();
	const line = lastLine(run.stdout);
	if (line.sub(1, 1) !== "{") error(`check-consumer.js printed no report (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
	const report = HttpService.JSONDecode(line) as ConsumerReport;
	expect(report.failure).toBeUndefined();
	expect(run.code).toBe(0);
	return report;
}

describeHeadless("the packages in a roblox-ts game (scripts/check-consumer.js)", () => {
	it(
		"the library's tarball holds out/, the README and the LICENSE, with no install script and no Lune dependency",
		() => {
			const report = consumerReport();
			const others = report.libraryTarball.filter((f) => f.sub(1, 4) !== "out/");
			expect(others).toEqual(["LICENSE", "README.md", "package.json"]);
			expect(report.installScripts).toEqual([]);
			expect(report.dependencies).toEqual(["@rbxts/services", "@rbxts/t"]);
		},
		CONSUMER_TIMEOUT,
	);

	it(
		"a game script compiles Matrix.matmul and Metrics.accuracy to dot-calls and gets the right numbers",
		() => {
			const report = consumerReport();
			expect(report.dotCalls).toEqual(["Matrix.matmul(", "Metrics.accuracy("]);
			expect(report.colonCalls).toEqual([]);
			// no exported object type in the typings declares methods (they would compile to colon-calls)
			expect(report.methodNamespaces).toEqual([]);
			// by hand: [[1, 2], [3, 4]]·[[5], [6]]; 3 of 4 labels; y = 1 + 2x at x = 2; (1·[1, 3] + 2·[4, 6]) / 3
			expect(report.results.matmul).toEqual([17, 39]);
			expect(report.results.accuracy).toEqual([0.75]);
			const [prediction, firstCost, lastCost] = report.results.linear;
			expect(math.abs(prediction - 5) < 1e-4).toBe(true);
			expect(lastCost < firstCost).toBe(true);
			expect(report.results.merged).toEqual([3, 5]);
		},
		CONSUMER_TIMEOUT,
	);

	it(
		"Rojo syncs only the library's modules under @rbxts/hivemind, and the game holds no Lune",
		() => {
			const report = consumerReport();
			const modules = report.libraryTarball.filter((f) => f.match("%.luau$")[0] !== undefined).size();
			expect(report.synced.scripts).toBe(modules);
			expect(report.synced.outsideOut).toEqual([]);
			expect(report.synced.luneRequires).toEqual([]);
			expect(report.luneInGame).toEqual([]);
		},
		CONSUMER_TIMEOUT,
	);

	it(
		"after the command line package trains a model there, the game still builds and its synced tree is unchanged",
		() => {
			const report = consumerReport();
			expect(report.cliTrained).toBe(true);
			expect(report.cachesInRbxts).toEqual([]);
			expect(report.syncedAfterCli).toEqual(report.synced);
			expect(report.rebuiltAfterCli).toBe(true);
		},
		CONSUMER_TIMEOUT,
	);
});
