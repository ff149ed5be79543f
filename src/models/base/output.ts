/**
 * Where training output goes: the loop's `Iteration: n  Cost: c` lines and the models' warnings
 * (divergence, rejected updates). By default Roblox's `print` and `warn`; replace them to log
 * elsewhere or to capture the lines in tests.
 */

/** The two output functions training uses. */
export interface TrainingOutput {
	/** Receives progress lines (`Iteration: 3  Cost: 0.25`); default `print`. */
	print: (line: string) => void;
	/** Receives warnings (`[Hivemind] LinearRegression.train: the cost ... became non-finite ...`); default `warn`. */
	warn: (line: string) => void;
}

const DEFAULT_OUTPUT: TrainingOutput = table.freeze({ print: (line: string) => print(line), warn: (line: string) => warn(line) });

let current: TrainingOutput = DEFAULT_OUTPUT;

/** Sends a progress line to the current output. */
export function printTrainingLine(line: string) {
	current.print(line);
}

/** Sends a warning to the current output. */
export function warnTraining(line: string) {
	current.warn(line);
}

/**
 * Replaces the output functions (the ones not given keep their current function); without an
 * argument, restores `print` and `warn`. Returns the previous output, to put back later.
 * @example
 * const lines: Array<string> = [];
 * const previous = setTrainingOutput({ print: (line) => lines.push(line) });
 * model.train(X, y);
 * setTrainingOutput(previous);
 */
export function setTrainingOutput(output?: Partial<TrainingOutput>): TrainingOutput {
	if (output !== undefined && !typeIs(output, "table")) {
		error(`[Hivemind] setTrainingOutput: output must be a table { print?, warn? } of functions, got ${typeOf(output)}`, 2);
	}
	for (const key of ["print", "warn"] as const) {
		const fn = output?.[key];
		if (fn !== undefined && !typeIs(fn, "function")) {
			error(`[Hivemind] setTrainingOutput: output.${key} must be a function, got ${typeOf(fn)}`, 2);
		}
	}
	const previous = current;
	current = output === undefined ? DEFAULT_OUTPUT : { print: output.print ?? previous.print, warn: output.warn ?? previous.warn };
	return previous;
}
