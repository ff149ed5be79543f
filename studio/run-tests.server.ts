// Runs the spec tree (ReplicatedStorage.HivemindTests) with jest-lua when a Studio session
// starts (Run or Play), printing jest's report and `N passed, N failed` to the Output window:
// the same specs and the same summary line as `npm test`. Serve default.project.json with Rojo
// after `npm run build:game` (see the README). Does nothing outside Studio.
import { ReplicatedStorage, RunService } from "@rbxts/services";
import { missingForJest, probeLoaders } from "../test/support/jestLoading";

/** Spec folders that read and write files through the headless host, which Studio does not have. */
const HOST_ONLY_SPECS = ["/cli/"];

/** The parts of jest-lua's runCLI result that the summary reads. */
interface AggregatedResult {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	numFailedTestSuites: number;
	numRuntimeErrorTestSuites: number;
}

interface JestModule {
	runCLI: (
		root: Instance,
		argv: { verbose: boolean; ci: boolean; testPathIgnorePatterns: Array<string> },
		projects: Array<Instance>,
	) => { awaitStatus(): LuaTuple<[string, { results: AggregatedResult }]> };
}

/** The summary line, counted as the headless harness counts (a spec file that fails to run is one failure). */
function summarize(results: AggregatedResult): [line: string, failed: number] {
	let failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
	if (failed === 0) failed = results.numFailedTestSuites;
	const skipped = results.numPendingTests + results.numTodoTests;
	return [`${results.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`, failed];
}

function run() {
	const include = ReplicatedStorage.WaitForChild("rbxts_include");
	const jestModule = include.WaitForChild("node_modules").WaitForChild("@rbxts-js").WaitForChild("Jest") as ModuleScript;
	const missing = missingForJest(probeLoaders(jestModule));
	if (missing.size() > 0) {
		warn(`[Hivemind] jest-lua cannot load the specs: ${missing.join("; ")}`);
		print("0 passed, 0 failed");
		return;
	}
	const root = ReplicatedStorage.WaitForChild("HivemindTests");
	// The Output window shows no ANSI colors.
	(_G as unknown as { NOCOLOR: boolean }).NOCOLOR = true;
	const Jest = require(jestModule) as JestModule;
	const argv = { verbose: false, ci: false, testPathIgnorePatterns: HOST_ONLY_SPECS };
	const [status, result] = Jest.runCLI(root, argv, [root]).awaitStatus();
	if (status !== "Resolved") {
		warn(`[Hivemind] jest failed to run: ${tostring(result)}`);
		print("0 passed, 0 failed");
		return;
	}
	const [line, failed] = summarize(result.results);
	if (failed > 0) warn(`[Hivemind] ${line}`);
	print(line);
}

if (RunService.IsStudio()) {
	run();
}
