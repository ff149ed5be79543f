/** `hivemind train`: trains a model on a CSV file and saves it as a model file. */
import { costCurveSvg, decisionRegionsSvg } from "../plots/svg";
import { ClassificationReport, EvaluationReport, evaluatePredictions, predictFirst } from "../../src/io/evaluation";
import { Matrix } from "../../src/matrix/types";
import { createModelFile, encodeModelFile, modelClasses } from "../../src/io/modelFile";
import { Label } from "../../src/utilities/labels";
import { formatHelp, OptionSpec, parseOptions } from "../args";
import { JSON_OPTION, printJson, stringOption } from "../common";
import { decisionsText, readCsvFile } from "../dataOptions";
import { Host } from "../host";
import { ProgressReporter } from "../progress";
import { createTrainingModel, trainChecked } from "../outcome";
import {
	checkModelNeeds,
	datasetClasses,
	predictTargets,
	prepareData,
	Targets,
	readTrainingSetup,
	TRAINING_OPTIONS,
	withScalingHint,
} from "../pipeline";
import { confusionText, metricsTable } from "../report";
import { Command } from "./command";

const NAME = "train";
const SUMMARY = "train a model on a CSV file and save it as a model file";

const SPECS: Array<OptionSpec> = [
	...TRAINING_OPTIONS,
	{
		name: "scale-target",
		kind: "flag",
		description:
			"standardize the regression target(s) for training; predictions are mapped back to the target's units (the model file keeps the scaler)",
	},
	{ name: "out", kind: "string", required: true, description: "where to write the model file (JSON)" },
	{
		name: "plot",
		kind: "string",
		description: "write the cost curve as SVG here; classifiers with 2 features also get their decision regions next to it (<name>.regions.svg)",
	},
	JSON_OPTION,
];

/** Where the decision-regions plot goes for a `--plot` path: `curve.svg` → `curve.regions.svg`. */
export function regionsPath(plotPath: string): string {
	const [base, count] = plotPath.gsub("%.svg$", "");
	return count > 0 ? `${base}.regions.svg` : `${plotPath}.regions.svg`;
}

function runTrain(host: Host, argv: Array<string>): number {
	const options = parseOptions(NAME, argv, SPECS);
	const json = options.has("json");
	const setup = readTrainingSetup(NAME, options);
	const { registration, scale, testSplit, seed, iterations, targets, source, task, maximumIterations: total } = setup;
	const out = stringOption(options, "out")!;
	const plot = stringOption(options, "plot");
	const csv = readCsvFile(host, source, setup.reading.delimiter);
	const data = prepareData(csv, { source, reading: setup.reading, targets, task, testSplit, seed, scale, scaleTarget: setup.scaleTarget });
	checkModelNeeds(NAME, setup, data);
	const classes = task === "classification" ? datasetClasses(data) : undefined;

	let progress: ProgressReporter | undefined;
	if (!json && total !== undefined) progress = new ProgressReporter((text) => host.write(text), total, host.isTTY === true);
	let lastIteration = 0;
	const onIteration = (iteration: number, cost: number) => {
		lastIteration = iteration;
		progress?.update(iteration, cost);
	};
	const model = createTrainingModel(NAME, setup, { iterations, seed, classes, onIteration }, data.dataset.X.size());

	const featureCount = data.dataset.featureNames.size();
	const heldOut = data.xTest?.size() ?? 0;
	if (!json) {
		host.write(decisionsText(source, data.dataset.decisions));
		host.write(
			`Training ${registration.name} on ${data.xTrain.size()} rows (${heldOut} held out), ${featureCount} feature${featureCount === 1 ? "" : "s"}, scaling: ${scale}\n`,
		);
	}
	const history = withScalingHint(scale, () => trainChecked(model, () => model.train(data.xTrain, data.yFit)));
	progress?.finish();
	const learnedClasses = modelClasses(model);

	const reports = new Array<[string, EvaluationReport]>();
	withScalingHint(scale, () => {
		const report = (X: Matrix, y: Targets | undefined) =>
			evaluatePredictions(task, y as Array<Label>, predictTargets(model, X, data.targetScaler), learnedClasses);
		reports.push(["train", report(data.xTrain, data.yTrain)]);
		if (data.xTest !== undefined) reports.push(["held-out", report(data.xTest, data.yTest)]);
	});

	const file = createModelFile(model, { encoding: data.dataset.encoding, scaler: data.scaler, targets, targetScaler: data.targetScaler, task });
	host.writeFile(out, encodeModelFile(file));
	const plots = new Array<string>();
	if (plot !== undefined) {
		host.writeFile(plot, costCurveSvg(history, `${registration.name}: training cost`));
		plots.push(plot);
		if (task === "classification" && featureCount === 2) {
			const names = data.dataset.featureNames;
			const scaler = data.scaler;
			const svg = decisionRegionsSvg(
				data.xTrainRaw,
				data.yTrain as Array<Label>,
				(grid) => predictFirst(model, scaler !== undefined ? scaler.transform(grid) : grid) as Array<Label>,
				[names[0], names[1]],
				`${registration.name}: decision regions (training rows)`,
			);
			const path = regionsPath(plot);
			host.writeFile(path, svg);
			plots.push(path);
		}
	}

	if (json) {
		printJson(host, {
			command: NAME,
			model: registration.name,
			task,
			featureNames: data.dataset.featureNames,
			decisions: data.dataset.decisions,
			classes: task === "classification" ? learnedClasses : undefined,
			iterations: total === undefined ? 1 : lastIteration > 0 ? lastIteration : history.size(),
			costHistory: history,
			train: reports[0][1],
			heldOut: reports[1]?.[1],
			out,
			plots,
		});
		return 0;
	}
	if (history.size() > 0) {
		const finalCost = history[history.size() - 1];
		if (total === undefined) host.write(string.format("fitted in one step, cost %.6g\n", finalCost));
		else host.write(string.format("final cost %.6g at iteration %d\n", finalCost, lastIteration > 0 ? lastIteration : history.size()));
	}
	host.write("\n" + metricsTable(reports));
	const last = reports[reports.size() - 1];
	if (last[1].task === "classification") host.write("\n" + confusionText(`confusion matrix (${last[0]} rows):`, last[1] as ClassificationReport));
	host.write(`\nmodel saved to ${out}\n`);
	for (const path of plots) host.write(`plot saved to ${path}\n`);
	return 0;
}

/** The `train` command. */
export const trainCommand: Command = {
	name: NAME,
	summary: SUMMARY,
	help: () => formatHelp(NAME, SUMMARY, SPECS),
	run: runTrain,
};
