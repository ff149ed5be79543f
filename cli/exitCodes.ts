/** The exit codes of `hivemind`, as `--help` and the README list them (a spec checks both). */

/** One exit code and what it means. */
export interface ExitCode {
	code: number;
	meaning: string;
}

/** Success. */
export const EXIT_OK = 0;
/** The run failed: training diverged or ended non-finite (nothing saved), or a model failed. */
export const EXIT_FAILURE = 1;
/** Bad input: usage (unknown command, option or model, bad --params) or data (the CSV file, the model file). */
export const EXIT_BAD_INPUT = 2;

/** Every exit code the tool returns, in order. */
export const EXIT_CODES: Array<ExitCode> = [
	{ code: EXIT_OK, meaning: "success" },
	{ code: EXIT_FAILURE, meaning: "the run failed: training diverged or ended non-finite (nothing is saved), or the model failed" },
	{
		code: EXIT_BAD_INPUT,
		meaning:
			"bad input: an unknown command, option or model, bad --params, or a CSV or model file that cannot be used (the message names the file, row and column, or the field)",
	},
];

/** The exit codes as help text lines. */
export function exitCodesText(): string {
	return ["exit codes:", ...EXIT_CODES.map((e) => `  ${e.code}  ${e.meaning}`)].join("\n");
}
