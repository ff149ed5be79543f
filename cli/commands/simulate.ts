/**
 * `hivemind simulate`: splits the rows among K simulated game servers, trains a child on each,
 * merges them by the chosen strategy, and compares centralized training, each child alone and
 * the merged model on the held-out rows (`simulateTraining` in src/simulation/simulation.ts).
 */
import { EvaluationReport } from "../../src/io/evaluation";
import { Label } from "../../src/utilities/labels";
import { SIMULATION_MERGE_TYPES, SimulationStrategy, simulateTraining, simulationStrategyProblem, splitRows } from "../../src/simulation/simulation";
import { formatHelp, OptionSpec, parseOptions, UsageError } from "../args";
import { formatMetric, integerOption, JSON_OPTION, printJson, stringOption } from "../common";
import { decisionsText, readCsvFile } from "../dataOptions";
import { Host } from "../host";
import { checkModelNeeds, datasetClasses, modelOptions, prepareData, readTrainingSetup, TRAINING_OPTIONS, withScalingHint } from "../pipeline";
import { metricsTable } from "../report";
import { Command } from "./command";

const NAME = "simulate";
const SUMMARY = "simulate K game servers training children that a main model merges";

const SPECS: Array<OptionSpec> = [
	...TRAINING_OPTIONS,
	{ name: "children", kind: "number", required: true, description: "number of simulated game servers (children)" },
	{
		name: "split",
		kind: "string",
		description: "iid (shuffled, equal shares) or by:<column> (whole groups of the column's values per server)",
		defaultText: "iid",
	},
	{
		name: "merge",
		kind: "string",
		description: `exact (sufficient statistics), gradients (DistributedGradients), or a merge type: ${SIMULATION_MERGE_TYPES.join(", ")}`,
		defaultText: "SampleWeighted",
	},
	{
		name: "rounds",
		kind: "number",
		description: "merge rounds (each child trains again from the merged model); gradients: steps; exact: passes",
		defaultText: "5 for gradient models, 1 otherwise; gradients: the model's maximumNumberOfIterations",
	},
	JSON_OPTION,
];

function strategyOption(value: string | undefined): SimulationStrategy {
	const strategy = value ?? "SampleWeighted";
	if (strategy === "exact" || strategy === "gradients" || (SIMULATION_MERGE_TYPES as Array<string>).includes(strategy))
		return strategy as SimulationStrategy;
	throw new UsageError(`${NAME}: --merge must be exact, gradients or one of ${SIMULATION_MERGE_TYPES.join(", ")}, got "${strategy}"`);
}

function mainMetric(report: EvaluationReport): string {
	if (report.task === "regression") return `R² ${formatMetric(report.r2)}  MSE ${formatMetric(report.meanSquaredError)}`;
	if (report.task === "classification") return `accuracy ${formatMetric(report.accuracy)}  F1 ${formatMetric(report.f1)}`;
	return `${report.clusterSizes.size()} clusters`;
}

function runSimulate(host: Host, argv: Array<string>): number {
	const options = parseOptions(NAME, argv, SPECS);
	const json = options.has("json");
	const setup = readTrainingSetup(NAME, options);
	const { registration, params, scale, testSplit, seed, iterations, source, task, maximumIterations } = setup;
	const childCount = integerOption(NAME, options, "children", 1)!;
	const strategy = strategyOption(stringOption(options, "merge"));
	const split = stringOption(options, "split") ?? "iid";
	if (split !== "iid" && split.sub(1, 3) !== "by:") throw new UsageError(`${NAME}: --split must be iid or by:<column>, got "${split}"`);

	const problem = simulationStrategyProblem(registration.name, strategy);
	if (problem !== undefined) throw new UsageError(`${NAME}: --merge ${strategy}: ${problem}`);
	const defaultRounds =
		strategy === "gradients" ? (maximumIterations ?? 1) : strategy !== "exact" && registration.tags.includes("gradient") ? 5 : 1;
	const rounds = integerOption(NAME, options, "rounds", 1) ?? defaultRounds;

	const csv = readCsvFile(host, source, setup.reading.delimiter);
	if (setup.targets.size() > 1) throw new UsageError(`${NAME}: --target takes one column here (several targets are for hivemind train)`);
	const data = prepareData(csv, { source, reading: setup.reading, targets: setup.targets, task, testSplit, seed, scale });
	checkModelNeeds(NAME, setup, data);
	let groups: Array<Label> | undefined;
	if (split !== "iid") {
		const column = split.sub(4);
		const index = csv.header.indexOf(column);
		if (index < 0) throw new UsageError(`${NAME}: --split ${split}: ${source} has no column "${column}" (columns: ${csv.header.join(", ")})`);
		groups = data.trainIndices.map((row) => csv.rows[row][index]);
	}
	const shards = splitRows(data.xTrain.size(), childCount, seed, groups);
	const classes = task === "classification" ? datasetClasses(data) : undefined;
	const shared = modelOptions(NAME, registration, params, { iterations, seed, classes });
	const heldOut = data.xTest !== undefined;
	// one target here (checked above): labels or numbers
	const yTrain = data.yTrain as Array<Label> | undefined;
	const test = heldOut ? { X: data.xTest!, y: data.yTest as Array<Label> | undefined } : { X: data.xTrain, y: yTrain };

	if (!json) {
		host.write(decisionsText(source, data.dataset.decisions));
		host.write(
			`Simulating ${childCount} game server${childCount === 1 ? "" : "s"} training ${registration.name} on ${data.xTrain.size()} rows (${heldOut ? `${data.xTest!.size()} held out` : "no held-out part: evaluated on the training rows"}), merged by ${strategy} over ${rounds} round${rounds === 1 ? "" : "s"}\n`,
		);
		shards.forEach((shard, k) => {
			let line = `  server ${k + 1}: ${shard.size()} rows`;
			if (groups !== undefined) {
				const values = new Array<string>();
				for (const i of shard) if (!values.includes(groups[i] as string)) values.push(groups[i] as string);
				values.sort();
				line += ` (${split.sub(4)} = ${values.join(", ")})`;
			}
			host.write(line + "\n");
		});
	}
	let lastPrinted = 0;
	const result = withScalingHint(scale, () =>
		simulateTraining({
			modelName: registration.name,
			modelOptions: shared,
			task,
			train: { X: data.xTrain, y: yTrain },
			test,
			shards,
			strategy,
			rounds,
			onRound: (round, report) => {
				if (json) return;
				const tenth = math.floor((round * 10) / rounds);
				if (round === 1 || round === rounds || tenth > math.floor((lastPrinted * 10) / rounds)) {
					lastPrinted = round;
					host.write(`  round ${round}/${rounds}: merged ${mainMetric(report)}\n`);
				}
			},
		}),
	);

	if (json) {
		printJson(host, {
			command: NAME,
			model: registration.name,
			task,
			strategy,
			rounds,
			decisions: data.dataset.decisions,
			split,
			childSampleCounts: result.childSampleCounts,
			evaluatedOn: heldOut ? "held-out" : "train",
			centralized: result.centralized,
			children: result.children,
			merged: result.merged,
			history: result.history,
			rejectedUpdates: result.rejectedUpdates,
		});
		return 0;
	}
	const columns = new Array<[string, EvaluationReport]>();
	columns.push(["centralized", result.centralized]);
	result.children.forEach((report, k) => columns.push([`server ${k + 1}`, report]));
	columns.push([`merged (${strategy})`, result.merged]);
	host.write(`\n${heldOut ? "held-out rows" : "training rows"}:\n` + metricsTable(columns));
	if (result.rejectedUpdates > 0) host.write(`\n${result.rejectedUpdates} update(s) rejected by the main model's guard\n`);
	return 0;
}

/** The `simulate` command. */
export const simulateCommand: Command = {
	name: NAME,
	summary: SUMMARY,
	help: () => formatHelp(NAME, SUMMARY, SPECS),
	run: runSimulate,
};
