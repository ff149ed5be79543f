// `hivemind transform`: PCA, scalers and polynomial features on a CSV file's columns, written as
// named CSV columns (kept columns unchanged), checked against hand computations.
import { describe, expect, it } from "../support/jest-globals";
import { expectClose } from "../support/numeric";
import { decodeJson } from "../../src/core/json";
import { parseCsv } from "../../src/io/csv";
import { expectContains, FIXTURES, readFile, runCli, TMP } from "./support";

const LINE = `${FIXTURES}/line.csv`;
const CLASSIFICATION = `${FIXTURES}/classification.csv`;

function column(rows: Array<Array<string>>, j: number): Array<number> {
	return rows.map((row) => tonumber(row[j])!);
}

function variance(values: Array<number>): number {
	let mean = 0;
	for (const v of values) mean += v / values.size();
	let total = 0;
	for (const v of values) total += (v - mean) ** 2;
	return total / values.size();
}

describe("hivemind transform", () => {
	it("writes polynomial features with their names, keeping the target", () => {
		const r = runCli("transform", "--with", "PolynomialFeatures", "--data", LINE, "--keep", "y", "--params", '{"degree":3}');
		expect(r.code).toBe(0);
		const out = parseCsv(r.out);
		expect(out.header).toEqual(["x", "x^2", "x^3", "y"]);
		expect(out.rows[3]).toEqual(["3", "9", "27", "2"]);
	});

	it("standardizes columns (population standard deviation)", () => {
		const out = parseCsv(runCli("transform", "--with", "StandardScaler", "--data", LINE, "--keep", "y").out);
		expect(out.header).toEqual(["x", "y"]);
		// x = 0, 1, 2, 3: mean 1.5, std √1.25
		expectClose(tonumber(out.rows[0][0])!, -1.5 / math.sqrt(1.25), 1e-15);
		expectClose(tonumber(out.rows[3][0])!, 1.5 / math.sqrt(1.25), 1e-15);
	});

	it("projects on the principal component: its variance share is the largest eigenvalue's, and the output trains", () => {
		const path = `${TMP}/pca.csv`;
		const r = runCli(
			"transform",
			"--with",
			"PCA",
			"--data",
			CLASSIFICATION,
			"--keep",
			"result",
			"--params",
			'{"numberOfComponents":1}',
			"--out",
			path,
			"--json",
		);
		expect(r.code).toBe(0);
		const report = decodeJson(r.out) as { notes: Array<string>; header: Array<string> };
		expect(report.header).toEqual(["pc1", "result"]);
		const raw = parseCsv(readFile(CLASSIFICATION)).rows;
		const aim = column(raw, 0);
		const speed = column(raw, 1);
		const a = variance(aim);
		const c = variance(speed);
		let b = 0;
		let ma = 0;
		let ms = 0;
		for (const i of $range(0, aim.size() - 1)) {
			ma += aim[i] / aim.size();
			ms += speed[i] / aim.size();
		}
		for (const i of $range(0, aim.size() - 1)) b += ((aim[i] - ma) * (speed[i] - ms)) / aim.size();
		const largest = (a + c) / 2 + math.sqrt(((a - c) / 2) ** 2 + b * b);
		const pc1 = column(parseCsv(readFile(path)).rows, 0);
		expectClose(variance(pc1) / (a + c), largest / (a + c), 1e-12);
		expectContains(report.notes[0], string.format("explained variance ratio: %.4f", largest / (a + c)));
		expect(runCli("train", "--model", "LogisticRegression", "--data", path, "--target", "result", "--out", `${TMP}/pca-model.json`).code).toBe(0);
	});

	it("refuses an unknown transformer and a kept column that is not there (exit code 2); train points PCA here", () => {
		const bad = runCli("transform", "--with", "TSNE", "--data", LINE);
		expect(bad.code).toBe(2);
		expectContains(bad.err, 'transform: --with must be one of PCA, StandardScaler, MinMaxScaler, PolynomialFeatures, got "TSNE"');
		const keep = runCli("transform", "--with", "PCA", "--data", LINE, "--keep", "z");
		expect(keep.code).toBe(2);
		expectContains(keep.err, 'transform: --keep z: test/fixtures/line.csv has no column "z" (columns: x, y)');
		const pca = runCli("train", "--model", "PCA", "--data", LINE, "--target", "y", "--out", `${TMP}/e.json`);
		expect(pca.code).toBe(2);
		expectContains(pca.err, "`hivemind transform --with PCA` writes its output as CSV");
	});
});
