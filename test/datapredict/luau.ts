// Runs a DataPredict-style Luau script against Hivemind.DataPredict: the script's first line
// `local DataPredict = ...` stands for DataPredict's `require` (the one line a game changes).
import { DataPredict } from "../../src/datapredict";
import { setTrainingOutput } from "../../src/models/base/output";

declare function loadstring(source: string, chunkName?: string): LuaTuple<[((...args: Array<unknown>) => unknown) | undefined, string | undefined]>;

/** Lines the scripts printed through the training output (DataPredict prints costs by default). */
export const printed = new Array<string>();

/** Runs `source` with `DataPredict` = Hivemind.DataPredict and returns what it returns (packed). */
export function runDataPredict(source: string, name: string): Array<unknown> {
	const [chunk, problem] = loadstring(`return table.pack((function(...)\n${source}\nend)(...))`, name);
	if (chunk === undefined) error(`${name} does not compile: ${problem}`);
	const previous = setTrainingOutput({ print: (line) => printed.push(line) });
	const [ok, result] = pcall(() => chunk(DataPredict));
	setTrainingOutput(previous);
	if (!ok) error(result, 0);
	const packed = result as Map<number | string, unknown>;
	const values = new Array<unknown>();
	for (const i of $range(1, packed.get("n") as number)) values[i - 1] = packed.get(i);
	return values;
}
