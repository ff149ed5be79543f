/** `hivemind predict`: predictions of a saved model for the rows of a CSV file. */
import { formatCsv } from "../../src/io/csv";
import { loadModel } from "../../src/io/LoadedModel";
import { formatHelp, OptionSpec, parseOptions } from "../args";
import { JSON_OPTION, printJson, readTextFile, stringOption } from "../common";
import { asInput, DELIMITER_OPTION, delimiterOption, readCsvFile, readDataset } from "../dataOptions";
import { Host } from "../host";
import { Command } from "./command";

const NAME = "predict";
const SUMMARY = "predict with a saved model for every row of a CSV file";

const SPECS: Array<OptionSpec> = [
	{ name: "model-file", kind: "string", required: true, description: "model file written by hivemind train" },
	{ name: "data", kind: "string", required: true, description: "CSV file with the model's input columns (others are ignored)" },
	{
		name: "out",
		kind: "string",
		description:
			"write the predictions as CSV here (one column per output: the label and probability_<class> per class, or the value); default: standard output",
	},
	DELIMITER_OPTION,
	JSON_OPTION,
];

function runPredict(host: Host, argv: Array<string>): number {
	const options = parseOptions(NAME, argv, SPECS);
	const modelPath = stringOption(options, "model-file")!;
	const source = stringOption(options, "data")!;
	const out = stringOption(options, "out");
	const delimiter = delimiterOption(NAME, options);
	const modelText = readTextFile(host, modelPath);
	const loaded = asInput(() => loadModel(modelText));
	const csv = readCsvFile(host, source, delimiter);
	const X = readDataset(csv, undefined, { encoding: loaded.getModelFile().encoding, source }).X;
	const predictions = loaded.predictEncodedTable(X);
	const text = formatCsv(predictions.header, predictions.rows);
	if (out !== undefined) host.writeFile(out, text);
	if (options.has("json")) {
		printJson(host, { command: NAME, model: loaded.modelName, header: predictions.header, rows: predictions.rows, out });
	} else if (out !== undefined) {
		host.write(`${predictions.rows.size()} predictions written to ${out}\n`);
	} else {
		host.write(text);
	}
	return 0;
}

/** The `predict` command. */
export const predictCommand: Command = {
	name: NAME,
	summary: SUMMARY,
	help: () => formatHelp(NAME, SUMMARY, SPECS),
	run: runPredict,
};
