import { describe, expect, it } from "../support/jest-globals.d";
import { getHost } from "../../cli/host";
import { readModelFile } from "../../src/io/modelFile";
import { expectContains, FIXTURES, readFile, removeFile, TMP } from "./support";

describe("bin/hivemind.js", () => {
	it("runs the real command line tool in its own process", () => {
		const host = getHost();
		host.makeDir?.(TMP); // a fresh clone has no scratch folder yet
		const spawn = host.spawn;
		expect(spawn).never.toBe(undefined);
		const out = `${TMP}/spawned.json`;
		removeFile(out);
		const [code, stdout, stderr] = spawn!("node", [
			"bin/hivemind.js",
			"train",
			"--model",
			"LogisticRegression",
			"--data",
			`${FIXTURES}/classification.csv`,
			"--target",
			"result",
			"--out",
			out,
			"--iterations",
			"30",
		]);
		expect(stderr).toBe("");
		expect(code).toBe(0);
		// not a terminal: one progress line per tenth
		expectContains(stdout, "[##############################] 30/30  cost ");
		expectContains(stdout, `model saved to ${out}`);
		expect(readModelFile(readFile(out)).parameters).never.toBe(undefined);
		const [failed, , message] = spawn!("node", ["bin/hivemind.js", "train", "--model", "Nope", "--data", "x.csv", "--target", "y", "--out", out]);
		expect(failed).toBe(2);
		expectContains(message, "hivemind: train: --model must be one of");
		// two real processes (node, Lune, the library's load): allow for a loaded machine
	}, 60000);
});
