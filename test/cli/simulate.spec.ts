import { describe, expect, it } from "../support/jest-globals.d";
import { expectClose } from "../support/numeric";
import { decodeJson } from "../../src/core/json";
import { parseCsv } from "../../src/io/csv";
import { expectContains, FIXTURES, readFile, runCli } from "./support";

const REGRESSION = `${FIXTURES}/regression.csv`;
const SERVERS = `${FIXTURES}/servers.csv`;

interface Report {
	sampleCount: number;
	meanSquaredError: number;
	r2: number;
	accuracy: number;
}

interface Simulation {
	strategy: string;
	rounds: number;
	childSampleCounts: Array<number>;
	centralized: Report;
	children: Array<Report>;
	merged: Report;
	history: Array<Report>;
	evaluatedOn: string;
}

function simulate(...args: Array<string>): Simulation {
	const r = runCli(...["simulate", ...args, "--json"]);
	expect(r.err).toBe("");
	expect(r.code).toBe(0);
	return decodeJson(r.out) as Simulation;
}

describe("hivemind simulate", () => {
	it("prints the servers, the rounds and centralized, each server and the merged model side by side", () => {
		const r = runCli(
			"simulate",
			"--model",
			"LinearRegression",
			"--data",
			REGRESSION,
			"--target",
			"coins",
			"--children",
			"3",
			"--merge",
			"gradients",
			"--iterations",
			"30",
		);
		expect(r.code).toBe(0);
		expectContains(
			r.out,
			"Simulating 3 game servers training LinearRegression on 24 rows (6 held out), merged by gradients over 30 rounds\n  server 1: 8 rows\n  server 2: 8 rows\n  server 3: 8 rows\n",
		);
		expectContains(r.out, "  round 1/30: merged R² ");
		expectContains(r.out, "  round 30/30: merged R² ");
		expect(
			r.out.match("\nheld%-out rows:\n +centralized +server 1 +server 2 +server 3 +merged %(gradients%)\nrows +6 +6 +6 +6 +6\nR² ")[0],
		).never.toBe(undefined);
	});

	it("exact statistics and gradients merge to the centralized model", () => {
		const exact = simulate("--model", "NormalLinearRegression", "--data", REGRESSION, "--target", "coins", "--children", "4", "--merge", "exact");
		expect(exact.rounds).toBe(1);
		expect(exact.childSampleCounts).toEqual([6, 6, 6, 6]);
		expectClose(exact.merged.meanSquaredError, exact.centralized.meanSquaredError, 1e-9);
		const gradients = simulate(
			"--model",
			"LinearRegression",
			"--data",
			REGRESSION,
			"--target",
			"coins",
			"--children",
			"4",
			"--merge",
			"gradients",
			"--iterations",
			"25",
		);
		// one gradient step per round: as many rounds as the model's iterations
		expect(gradients.rounds).toBe(25);
		expect(gradients.history.size()).toBe(25);
		expectClose(gradients.merged.meanSquaredError, gradients.centralized.meanSquaredError, 1e-12);
	});

	it("splits by a column's values: each server holds one region", () => {
		const result = simulate(
			"--model",
			"LogisticRegression",
			"--data",
			SERVERS,
			"--target",
			"result",
			"--children",
			"3",
			"--split",
			"by:region",
			"--merge",
			"Average",
			"--rounds",
			"3",
			"--iterations",
			"20",
			"--test-split",
			"0",
		);
		// no held-out part: every row is a training row; regions sorted: asia, eu, us
		const rows = parseCsv(readFile(SERVERS)).rows;
		const count = (region: string) => rows.filter((row) => row[0] === region).size();
		expect(result.childSampleCounts).toEqual([count("asia"), count("eu"), count("us")]);
		expect(result.evaluatedOn).toBe("train");
		expect(result.centralized.sampleCount).toBe(60);
		expect(result.history.size()).toBe(3);
		const text = runCli(
			"simulate",
			"--model",
			"GaussianNaiveBayes",
			"--data",
			SERVERS,
			"--target",
			"result",
			"--children",
			"3",
			"--split",
			"by:region",
			"--merge",
			"exact",
		);
		expect(text.code).toBe(0);
		expectContains(text.out, "(region = asia)");
		expectContains(text.out, "merged (exact)");
	});

	it("explains strategies that do not fit the model and bad splits", () => {
		const base = ["simulate", "--data", REGRESSION, "--target", "coins", "--children", "3"];
		const exact = runCli(...[...base, "--model", "LinearRegression", "--merge", "exact"]);
		expect(exact.code).toBe(2);
		expectContains(
			exact.err,
			'hivemind: simulate: --merge exact: strategy "exact" needs a model with mergeable sufficient statistics (tag "statistics"), got LinearRegression',
		);
		const custom = runCli(...[...base, "--model", "LinearRegression", "--merge", "Custom"]);
		expect(custom.code).toBe(2);
		expectContains(custom.err, "simulate: --merge must be exact, gradients or one of Average, WeightedAverage");
		const split = runCli(...[...base, "--model", "LinearRegression", "--split", "region"]);
		expectContains(split.err, 'simulate: --split must be iid or by:<column>, got "region"');
		const column = runCli(...[...base, "--model", "LinearRegression", "--split", "by:region"]);
		expect(column.code).toBe(2);
		expectContains(
			column.err,
			'simulate: --split by:region: test/fixtures/regression.csv has no column "region" (columns: level, zone, hours, coins)',
		);
		const tooMany = runCli(
			"simulate",
			"--data",
			REGRESSION,
			"--target",
			"coins",
			"--model",
			"LinearRegression",
			"--children",
			"4",
			"--split",
			"by:zone",
		);
		expect(tooMany.code).toBe(1);
		expectContains(tooMany.err, "splitRows: children must be at most the number of groups (3: desert, forest, snow), got 4");
	});
});
