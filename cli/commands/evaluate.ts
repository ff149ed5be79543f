/** `hivemind evaluate`: the metrics of a saved model on a labelled CSV file. */
import { ClassificationReport, evaluatePredictions, Predictions } from "../../src/io/evaluation";
import { Label } from "../../src/utilities/labels";
import { loadModel } from "../../src/io/LoadedModel";
import { formatHelp, OptionSpec, parseOptions, UsageError } from "../args";
import { JSON_OPTION, printJson, readTextFile, stringOption } from "../common";
import { asInput, commaList, decisionsText, DELIMITER_OPTION, delimiterOption, readCsvFile, readDataset } from "../dataOptions";
import { Host } from "../host";
import { confusionText, metricsTable } from "../report";
import { Command } from "./command";

const NAME = "evaluate";
const SUMMARY = "metrics of a saved model on a labelled CSV file";

const SPECS: Array<OptionSpec> = [
	{ name: "model-file", kind: "string", required: true, description: "model file written by hivemind train" },
	{ name: "data", kind: "string", required: true, description: "CSV file with the model's input columns and the target" },
	{
		name: "target",
		kind: "string",
		description:
			"the column holding the true values or labels (required except for clustering models); several, comma-separated, for a multi-output model",
	},
	DELIMITER_OPTION,
	JSON_OPTION,
];

function runEvaluate(host: Host, argv: Array<string>): number {
	const options = parseOptions(NAME, argv, SPECS);
	const modelPath = stringOption(options, "model-file")!;
	const source = stringOption(options, "data")!;
	const targets = commaList(stringOption(options, "target"));
	const delimiter = delimiterOption(NAME, options);
	const text = readTextFile(host, modelPath);
	const loaded = asInput(() => loadModel(text));
	if (targets.size() === 0 && loaded.task !== "clustering")
		throw new UsageError(`evaluate: --target is required for a ${loaded.task} model (the column with the true values)`);
	const csv = readCsvFile(host, source, delimiter);
	const targetKind = loaded.task === "classification" ? "label" : "numeric";
	const data = readDataset(csv, undefined, { encoding: loaded.getModelFile().encoding, targets, targetKind, source });
	const [predicted] = loaded.predictScaled(loaded.scale(data.X));
	const truth = (data.Y ?? data.y) as Array<Label> | undefined;
	const report = evaluatePredictions(loaded.task, truth, predicted as Predictions, loaded.classes);
	if (options.has("json")) {
		printJson(host, { command: NAME, model: loaded.modelName, task: loaded.task, decisions: data.decisions, report });
		return 0;
	}
	host.write(decisionsText(source, data.decisions));
	host.write(`${loaded.modelName} on ${source}\n\n`);
	host.write(metricsTable([[source, report]]));
	if (report.task === "classification") host.write("\n" + confusionText("confusion matrix:", report as ClassificationReport));
	return 0;
}

/** The `evaluate` command. */
export const evaluateCommand: Command = {
	name: NAME,
	summary: SUMMARY,
	help: () => formatHelp(NAME, SUMMARY, SPECS),
	run: runEvaluate,
};
