// Self-specs of the test harness: each runs the harness in a child process on a fixture
// (test/fixtures/harness/) and checks its output and exit code. Skipped in Studio.
import { beforeAll, describe, expect, it } from "../support/jest-globals";
import { canSpawn, lastLine, ProcessResult, runFixtureModule, runFixtureSpecs, runNode } from "./processes";

const describeHeadless = canSpawn() ? describe : describe.skip;
const CHILD_TIMEOUT = 60_000;

describeHeadless("harness: jest runs", () => {
	describe("a passing fixture", () => {
		let run: ProcessResult;
		beforeAll(() => {
			run = runFixtureSpecs("passing");
		}, CHILD_TIMEOUT);

		it("exits 0 and ends with the summary line", () => {
			expect(run.code).toBe(0);
			expect(lastLine(run.stdout)).toBe("2 passed, 0 failed");
		});
	});

	describe("a deliberately failing assertion", () => {
		let run: ProcessResult;
		beforeAll(() => {
			run = runFixtureSpecs("failing");
		}, CHILD_TIMEOUT);

		it("fails the run", () => {
			expect(run.code).toBe(1);
			expect(lastLine(run.stdout)).toBe("1 passed, 1 failed");
		});

		it("shows the test's name and the assertion's message", () => {
			expect(run.stdout).toContain("deliberate failure › compares two numbers that differ");
			expect(run.stdout).toContain("Expected: 43");
			expect(run.stdout).toContain("Received: 42");
		});
	});

	describe("a module that errors while loading", () => {
		let run: ProcessResult;
		beforeAll(() => {
			run = runFixtureSpecs("loadError");
		}, CHILD_TIMEOUT);

		it("fails the run, counting the spec file as one failure", () => {
			expect(run.code).toBe(1);
			expect(lastLine(run.stdout)).toBe("0 passed, 1 failed");
			expect(run.stderr).toContain("1 spec file(s) failed to run");
		});

		it("is reported with the module's full name and its error", () => {
			expect(run.stdout).toContain("Test suite failed to run");
			expect(run.stdout).toContain("ReplicatedStorage.Fixtures.loadError.helpers.broken:2: broken on purpose while loading");
		});
	});

	describe("a cyclic TS.import", () => {
		let run: ProcessResult;
		beforeAll(() => {
			run = runFixtureSpecs("importCycle");
		}, CHILD_TIMEOUT);

		it("is reported with its chain instead of hanging", () => {
			expect(run.code).toBe(1);
			expect(run.stdout).toContain("Detected a circular dependency chain: first  ⇒ second  ⇒ first");
			expect(lastLine(run.stdout)).toBe("0 passed, 1 failed");
		});
	});

	describe("a path pattern that matches no spec file", () => {
		let run: ProcessResult;
		beforeAll(() => {
			run = runFixtureSpecs("passing", ["nomatchpattern"]);
		}, CHILD_TIMEOUT);

		it("exits 1 with a clear message and an empty summary", () => {
			expect(run.code).toBe(1);
			expect(run.stderr).toContain('[harness] no spec file matched "nomatchpattern" under ReplicatedStorage.Fixtures.passing');
			expect(run.stderr).never.toContain("Promise");
			expect(lastLine(run.stdout)).toBe("0 passed, 0 failed");
		});
	});

	describe("a test name pattern that matches no test", () => {
		let run: ProcessResult;
		beforeAll(() => {
			run = runFixtureSpecs("passing", ["-t", "no such test"]);
		}, CHILD_TIMEOUT);

		it("exits 1 and says no test ran", () => {
			expect(run.code).toBe(1);
			expect(run.stderr).toContain('[harness] no test ran (no test name matched "no such test")');
			expect(lastLine(run.stdout)).toBe("0 passed, 0 failed, 2 skipped");
		});
	});

	describe("a bad command line", () => {
		it("exits 2 naming the option", () => {
			const run = runFixtureSpecs("passing", ["--no-such-option"]);
			expect(run.code).toBe(2);
			expect(run.stderr).toContain("[harness] unknown option --no-such-option");
		}, CHILD_TIMEOUT);
	});
});

describeHeadless("harness: require", () => {
	it("returns the same table twice and runs the module's body once", () => {
		const run = runFixtureModule("requireCache.main");
		expect(run.code).toBe(0);
		expect(run.stdout).toContain("same table: true, body runs: 1");
	}, CHILD_TIMEOUT);

	it("reports a cyclic require with its chain instead of hanging", () => {
		const run = runFixtureModule("requireCycle.main");
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(
			"cyclic require): ReplicatedStorage.Fixtures.requireCycle.a -> ReplicatedStorage.Fixtures.requireCycle.b -> ReplicatedStorage.Fixtures.requireCycle.a",
		);
	}, CHILD_TIMEOUT);

	it("reports a module that errors while loading with its full name", () => {
		const run = runFixtureModule("loadError.helpers.broken");
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(
			"Requested module experienced an error while loading: ReplicatedStorage.Fixtures.loadError.helpers.broken: ReplicatedStorage.Fixtures.loadError.helpers.broken:2: broken on purpose while loading",
		);
	}, CHILD_TIMEOUT);

	it("names a module path that does not exist", () => {
		const run = runFixtureModule("requireCache.missing");
		expect(run.code).toBe(1);
		expect(run.stderr).toContain("ReplicatedStorage.Fixtures.requireCache.missing: no such Instance");
	}, CHILD_TIMEOUT);
});

describeHeadless("npm test: the build step", () => {
	it("fails on a type error with the compiler's message, before any test runs", () => {
		const run = runNode([
			"scripts/test.js",
			"--tsconfig",
			"test/fixtures/harness/typeError/tsconfig.json",
			"--project",
			"test/fixtures/harness/typeError/typeError.project.json",
		]);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain("TS2322");
		expect(run.stdout).toContain("Type 'string' is not assignable to type 'number'");
		expect(run.stderr).toContain("[Hivemind] the build failed (rbxtsc -p test/fixtures/harness/typeError/tsconfig.json); no test ran");
		expect(lastLine(run.stdout)).toBe("0 passed, 0 failed");
	}, CHILD_TIMEOUT);
});
